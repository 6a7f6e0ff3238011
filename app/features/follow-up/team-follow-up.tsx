// The team part of Opvolging (issue 21), loaded only when this device is in a
// team: pick-up requests addressed to me, and for a coordinator the whole
// team's follow-ups grouped by worker and urgency, with "Vraag om op te
// nemen" (never on my own row). Case numbers only; a case links to its page
// only when it is on this device (mine, or shared with me). Numbers are per
// worker, so a case a colleague shared with me is named with who shared it,
// and a pick-up request names its case by the record's id, not its number.
import { useId, useState } from 'react';

import { absoluteDateNl } from '../../../schema/follow-up';
import type { Flag } from '../../../schema/records/assessment';
import { groupTeamFollowUps, teamUrgencies, workersWithoutRecords } from '../../../schema/team-coord';
import { askPickUp, seenPickUp, useCoordState } from '../../data/team/coord-view';
import type { CoordState } from '../../data/team/coord-view';
import type { TeamCoordItem } from '../../data/team/coord-rounds';
import { useSharedFrom } from '../../data/team/presence';
import type { SharedFrom } from '../../data/team/shared-from';
import { nl } from '../../i18n/catalogue';
import { teamCoord } from '../../i18n/nl/team-coord';
import { caseHref } from '../../shell/case-url';
import { Link } from '../../shell/link';
import { useBrusselsToday } from '../../ui/use-now';
import { Button } from '../../ui/button';
import { useFocusAfterSwap } from '../../ui/focus';
import { useTeamRefresh } from '../../ui/team-refresh-text';

const t = teamCoord;
const flagNames: Readonly<Record<Flag, { label: string }>> = nl.logbook.flagNames;

/** A case's name: its number, with who shared it when it is a case a colleague shared with me. */
function caseNameOf(reference: string, caseId: string | undefined, sharedFrom: SharedFrom): string {
  return nl.logbook.caseName(reference, caseId === undefined ? undefined : sharedFrom.get(caseId));
}

export function TeamFollowUp() {
  const state = useCoordState();
  const sharedFrom = useSharedFrom();
  const refresh = useTeamRefresh(state?.view !== undefined);
  if (!state || !sharedFrom || state.role === 'auditor' || state.role === undefined) return null;
  return (
    <>
      <PickupRequests state={state} sharedFrom={sharedFrom} />
      {state.role === 'coordinator' ? (
        <TeamView state={state} sharedFrom={sharedFrom} />
      ) : (
        // A review: a medewerker saw "Teamoverzicht bijwerken" but no overview; it says what the button does.
        <p className="field__hint">{t.refreshWorker}</p>
      )}
      <div className="button-row">
        <Button type="button" className="button" disabled={refresh.busy} onClick={() => void refresh.run()}>
          {refresh.busy ? t.refreshing : t.refresh}
        </Button>
      </div>
      <p role="status" className="follow-up-calendar__status">
        {refresh.message}
      </p>
    </>
  );
}

function PickupRequests({ state, sharedFrom }: { state: CoordState; sharedFrom: SharedFrom }) {
  const headingId = useId();
  // "Gezien" takes its item away: focus goes to the next request, or the page heading after the last
  // (a review: it fell to the page body); a failure is said (it was swallowed).
  // Keyed on the ids: a coordination round that rewrites the same requests must not use up the move.
  const focusAfter = useFocusAfterSwap(state.pickups.map((p) => p.id).join());
  const [failed, setFailed] = useState(false);
  if (state.pickups.length === 0) return null;
  return (
    <section className="card team-pickups" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.pickups.title}</h2>
      <ul>
        {state.pickups.map((p) => {
          const name = caseNameOf(p.request.reference, p.caseId, sharedFrom);
          return (
            <li key={p.id}>
              <p>{t.pickups.item(name, p.from, absoluteDateNl(p.request.askedOn))}</p>
              <p>
                {p.caseId === undefined ? (
                  t.pickups.notHere
                ) : (
                  <Link href={caseHref(p.caseId)}>{t.pickups.open(name)}</Link>
                )}
              </p>
              <button
                type="button"
                className="button"
                aria-label={t.pickups.dismissLabel(name)}
                onClick={() => {
                  setFailed(false);
                  focusAfter(
                    () => document.querySelector<HTMLElement>('.team-pickups button') ?? document.querySelector('h1'),
                  );
                  void seenPickUp(p.id).catch(() => setFailed(true));
                }}
              >
                {t.pickups.dismiss}
              </button>
            </li>
          );
        })}
      </ul>
      {failed ? <p role="alert">{nl.logbook.errors.generic}</p> : null}
    </section>
  );
}

function TeamView({ state, sharedFrom }: { state: CoordState; sharedFrom: SharedFrom }) {
  const today = useBrusselsToday();
  const headingId = useId();
  const [announcement, setAnnouncement] = useState('');
  const view = state.view;
  const groups = view ? groupTeamFollowUps(view.items, today, view.order) : [];
  const nameOf = (id: string): string => view?.names[id] ?? t.team.unknownWorker;
  return (
    <section className="card team-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.team.title}</h2>
      <p>{t.team.intro}</p>
      {groups.length === 0 ? <p>{t.team.empty}</p> : null}
      {groups.map((g) => (
        <section key={g.assignee} className="team-view__worker" aria-label={nameOf(g.assignee)}>
          <h3>{t.team.worker(nameOf(g.assignee), g.total, g.overdue)}</h3>
          {/* A review: "1 te laat" may be a missed follow-up, or a phone that has not synced since. */}
          {g.asOf < today ? <p className="field__hint">{t.team.asOf(absoluteDateNl(g.asOf))}</p> : null}
          {teamUrgencies.map((u) =>
            g.urgencies[u].length === 0 ? null : (
              <div key={u}>
                <h4>{`${t.team.urgencies[u]} (${g.urgencies[u].length})`}</h4>
                <ul className="team-view__list">
                  {g.urgencies[u].map((item) => (
                    <TeamItem
                      key={item.id}
                      item={item}
                      worker={nameOf(g.assignee)}
                      // No one asks themselves to pick up a case.
                      own={g.assignee === state.me}
                      caseName={caseNameOf(item.record.reference, item.caseId, sharedFrom)}
                      onAnnounce={setAnnouncement}
                    />
                  ))}
                </ul>
              </div>
            ),
          )}
        </section>
      ))}
      <QuietWorkers
        ids={view ? workersWithoutRecords(groups, view.workers ?? [], view.reported ?? []) : []}
        nameOf={nameOf}
      />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}

/**
 * Every medewerker and coordinator of the signed list has a line, also before anything of theirs arrived
 * (just admitted): nobody is silently missing. No heading, so the groups' headings keep their counts.
 */
function QuietWorkers({
  ids,
  nameOf,
}: {
  ids: ReadonlyArray<{ id: string; reported: boolean }>;
  nameOf: (id: string) => string;
}) {
  if (ids.length === 0) return null;
  return (
    <ul className="team-view__quiet">
      {ids.map((w) => (
        <li key={w.id}>{w.reported ? t.team.noOpenCases(nameOf(w.id)) : t.team.noData(nameOf(w.id))}</li>
      ))}
    </ul>
  );
}

function TeamItem({
  item,
  worker,
  own,
  caseName,
  onAnnounce,
}: {
  item: TeamCoordItem & { caseId?: string };
  worker: string;
  own: boolean;
  caseName: string;
  onAnnounce: (text: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  // Asked on this visit: the button says so and cannot send the same request again.
  const [asked, setAsked] = useState(false);
  // A failed request is said next to its button, on screen (a review: only a hidden status said it).
  const [failed, setFailed] = useState(false);
  const r = item.record;
  async function ask() {
    setBusy(true);
    setFailed(false);
    try {
      await askPickUp(item);
      setAsked(true);
      onAnnounce(t.team.asked(caseName, worker));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="team-view__item">
      <p className="team-view__reference">
        {item.caseId === undefined ? (
          t.team.item(caseName)
        ) : (
          <Link href={caseHref(item.caseId)}>{t.team.item(caseName)}</Link>
        )}
      </p>
      <p>
        {r.nextDue ? t.team.due(absoluteDateNl(r.nextDue)) : t.team.noDue} · {t.team.status[r.status]}
        {r.flag ? ` · ${t.team.flag(flagNames[r.flag].label)}` : ''}
      </p>
      {own ? null : (
        <Button
          type="button"
          className="button"
          aria-label={asked ? t.team.askedLabel(caseName, worker) : t.team.askLabel(caseName, worker)}
          disabled={busy || asked}
          onClick={() => void ask()}
        >
          {busy ? t.team.asking : asked ? t.team.askedButton : t.team.ask}
        </Button>
      )}
      {failed ? (
        <p role="alert" className="field__error">
          {t.team.askFailed}
        </p>
      ) : null}
    </li>
  );
}
