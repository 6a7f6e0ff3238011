// "Opvolging": every open follow-up, grouped te laat / vandaag / deze week /
// later (Brussels calendar), with inline "Klaar" and "Verplaatsen", filters on
// school, type and flag, and the calendar file. Only the first page of each
// group is decrypted; "Toon meer" asks for more.
import { Fragment, lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import {
  absoluteDateNl,
  followUpGroups,
  keysSeenTwice,
  relativeDueNl,
  type FollowUpGroup,
} from '../../../schema/follow-up';
import { ICS_FILE_NAME, ICS_MIME_TYPE } from '../../../schema/ics';
import { flagSchema, type Flag } from '../../../schema/records/assessment';
import { caseTypeSchema, type CaseType } from '../../../schema/records/case';
import { type FollowUp } from '../../../schema/records/follow-up';
import { runOperation } from '../../data/operations';
import {
  FOLLOW_UP_PAGE_SIZE,
  exportFollowUpCalendar,
  overviewKey,
  useFollowUpOverview,
  type FollowUpFilter,
  type FollowUpGroupView,
  type FollowUpOverviewItem,
} from '../../data/follow-up-overview';
import { nl } from '../../i18n/catalogue';
import { caseHref } from '../../shell/case-url';
import { errorText } from '../../i18n/error-text';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { TextField } from '../../ui/field';
import { focusAfterFrame } from '../../ui/focus';
import { useShowMoreFocus } from '../../ui/show-more-focus';
import { SelectField } from '../../ui/select-field';
import { RescheduleForm } from '../../ui/reschedule-form';
import { validateReschedule } from '../../ui/reschedule-check';
import { offerDownload } from '../../ui/download';
import { useDebounced } from '../../ui/use-debounced';
import { useBrusselsToday } from '../../ui/use-now';
import { AttentionGroups } from './attention-groups';
import { useSharedFrom, useTeamPresent } from '../../data/team/presence';
import type { SharedFrom } from '../../data/team/shared-from';
import './follow-up.css';
import { Button } from '../../ui/button';
import { Disclosure } from '../../ui/disclosure';

const t = nl.followUp;
const typeLabels: Readonly<Record<CaseType, string>> = nl.logbook.typeLabels;
const flagNames: Readonly<Record<Flag, { label: string; meaning: string }>> = nl.logbook.flagNames;

// Team coordination (issue 21): its code loads only on a device that is in a team.
const TeamFollowUp = lazy(() => import('./team-follow-up').then((m) => ({ default: m.TeamFollowUp })));

// Issue 19: the first render shows this many cards, from the first groups on
// (more than a phone shows above the fold); the other cards follow in a
// second render right after that paint.
const FIRST_RENDER_CARDS = 10;

type Limits = Record<FollowUpGroup, number>;
const initialLimits = Object.fromEntries(followUpGroups.map((g) => [g, FOLLOW_UP_PAGE_SIZE])) as Limits;

export function FollowUpScreen() {
  const today = useBrusselsToday();
  const [school, setSchool] = useState('');
  const [type, setType] = useState<CaseType | ''>('');
  const [flag, setFlag] = useState<Flag | ''>('');
  const [limits, setLimits] = useState<Limits>(initialLimits);
  const [announcement, setAnnouncement] = useState('');
  const schoolFilterId = useId();
  // The follow-up last marked done here, so a tap by mistake can be undone under its group's heading.
  const [lastDone, setLastDone] = useState<LastDone | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  // The school text waits for a pause in typing: a filter decrypts every case with an open follow-up.
  const debouncedSchool = useDebounced(school, 300);

  const filter: FollowUpFilter = {
    school: debouncedSchool,
    type: type === '' ? undefined : type,
    flag: flag === '' ? undefined : flag,
  };
  const options = { today, filter, limits };
  const overview = useFollowUpOverview(options);
  const filterActive = school.trim() !== '' || type !== '' || flag !== '';
  const busy = overview !== undefined && (overview.key !== overviewKey(options) || school !== debouncedSchool);

  const headings = useRef(new Map<FollowUpGroup, HTMLHeadingElement>());
  const inTeam = useTeamPresent();
  // Received cases say who shared them (a colleague's number may equal one of mine).
  const sharedFrom = useSharedFrom();

  // The first render with cards shows FIRST_RENDER_CARDS of them; the others come in one
  // render after a frame has been painted (a navigation renders synchronously, so an
  // effect alone could run before any paint).
  const [allCards, setAllCards] = useState(false);
  const cardsReady = overview !== undefined && sharedFrom !== undefined;
  useEffect(() => {
    if (!cardsReady || allCards) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAllCards(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [cardsReady, allCards]);
  let firstRenderBudget = FIRST_RENDER_CARDS;
  // Cases with more than one card on screen: their buttons' names add the purpose (a review).
  const several = overview
    ? keysSeenTwice(
        followUpGroups.flatMap((g) => overview.groups[g].items),
        (item) => (item.ok ? item.followUp.caseId : undefined),
      )
    : NO_CASES;

  // A changed filter starts every group again at its first page.
  function change(set: (value: string) => void) {
    return (event: { target: { value: string } }) => {
      set(event.target.value);
      setLimits(initialLimits);
    };
  }

  function clearFilters() {
    setSchool('');
    setType('');
    setFlag('');
    setLimits(initialLimits);
    // The button leaves with the filters: focus goes to the first filter, and the clearing is said.
    setAnnouncement(t.filters.cleared);
    focusAfterFrame(() => document.getElementById(schoolFilterId));
  }

  return (
    <Page title={t.title}>
      <p className="lead">{t.intro}</p>

      {inTeam ? (
        <>
          <Suspense fallback={null}>
            <TeamFollowUp />
          </Suspense>
          {/* A review: under the team's overdue cases, "Niets te laat" read as the team's. */}
          <p className="lead">{t.ownIntro}</p>
        </>
      ) : null}

      <Disclosure
        className="card follow-up-filters"
        open={filtersOpen}
        onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        summary={filterActive ? t.filters.summaryActive : t.filters.summary}
      >
        <form role="search" aria-label={t.filters.legend} autoComplete="off" onSubmit={(e) => e.preventDefault()}>
          <div className="follow-up-filters__grid">
            <TextField
              id={schoolFilterId}
              label={t.filters.school}
              hint={t.filters.schoolHint}
              type="search"
              value={school}
              autoComplete="off"
              onChange={change(setSchool)}
            />
            <SelectField
              label={t.filters.type}
              value={type}
              options={caseTypeSchema.options.map((value) => ({ value, label: typeLabels[value] }))}
              placeholder={t.filters.all}
              onChange={change((v) => setType(caseTypeSchema.safeParse(v).data ?? ''))}
            />
            <SelectField
              label={t.filters.flag}
              value={flag}
              options={flagSchema.options.map((value) => ({
                value,
                label: `${flagNames[value].label} — ${flagNames[value].meaning}`,
              }))}
              placeholder={t.filters.all}
              onChange={change((v) => setFlag(flagSchema.safeParse(v).data ?? ''))}
            />
          </div>
          {filterActive ? (
            <div className="button-row">
              <button type="button" className="button" onClick={clearFilters}>
                {t.filters.clear}
              </button>
            </div>
          ) : null}
          <p role="status" className="follow-up-filters__status">
            {busy ? t.filters.busy : filterActive && overview ? t.filters.result(overview.total) : ''}
          </p>
        </form>
      </Disclosure>

      <p role="status" className="visually-hidden">
        {announcement}
      </p>

      {overview === undefined || sharedFrom === undefined ? (
        <p className="lead" role="status">
          {t.loading}
        </p>
      ) : (
        <div aria-busy={busy}>
          {overview.total === 0 ? (
            <p className="callout">{overview.filtered ? t.emptyFiltered : inTeam ? t.emptyOwn : t.empty}</p>
          ) : null}
          {followUpGroups.map((group) => {
            const items = overview.groups[group].items.length;
            const shown = allCards ? items : Math.min(items, firstRenderBudget);
            firstRenderBudget -= shown;
            return (
              <Fragment key={group}>
                <GroupSection
                  view={overview.groups[group]}
                  shown={shown}
                  today={overview.bounds.today}
                  sharedFrom={sharedFrom}
                  headingRef={(el) => {
                    if (el) headings.current.set(group, el);
                    else headings.current.delete(group);
                  }}
                  onShowMore={() =>
                    setLimits((current) => ({ ...current, [group]: current[group] + FOLLOW_UP_PAGE_SIZE }))
                  }
                  onAnnounce={(message) => {
                    setAnnouncement(message);
                    headings.current.get(group)?.focus();
                  }}
                  lastDone={lastDone?.group === group ? lastDone : null}
                  several={several}
                  onDone={(done) => setLastDone({ ...done, group })}
                  onUndone={(reference) => {
                    setLastDone(null);
                    setAnnouncement(t.done.undone(reference));
                    headings.current.get(group)?.focus();
                  }}
                />
                {/* Cases without a date and marked steps come right after what is late. */}
                {group === 'te-laat' ? <AttentionGroups filter={filter} sharedFrom={sharedFrom} /> : null}
              </Fragment>
            );
          })}
        </div>
      )}

      <CalendarExport />
    </Page>
  );
}

interface GroupSectionProps {
  view: FollowUpGroupView;
  /** How many of the group's items to render now (fewer only in the first render). */
  shown: number;
  today: string;
  sharedFrom: SharedFrom;
  headingRef: (el: HTMLHeadingElement | null) => void;
  onShowMore: () => void;
  onAnnounce: (message: string) => void;
  /** The follow-up of this group last marked done, if any: it can be opened again. */
  lastDone: LastDone | null;
  onDone: (done: Omit<LastDone, 'group'>) => void;
  onUndone: (reference: string) => void;
  /** Cases with more than one card on the screen. */
  several: ReadonlySet<string>;
}

interface LastDone {
  id: string;
  reference: string;
  group: FollowUpGroup;
}

function GroupSection(props: GroupSectionProps) {
  const { view, shown, today, sharedFrom, headingRef, onShowMore, onAnnounce, lastDone, onDone, onUndone, several } =
    props;
  const headingId = useId();
  const remaining = view.total - view.items.length;
  // Cards still to come in the background render: no "empty" text and no "Toon meer" yet.
  const pending = shown < view.items.length;
  const items = pending ? view.items.slice(0, shown) : view.items;
  const { sectionRef, showMoreFrom } = useShowMoreFocus(items.length);
  return (
    <section
      ref={sectionRef}
      className={`follow-up-group follow-up-group--${view.group}${view.total === 0 ? ' follow-up-group--none' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t.groupHeading(t.groups[view.group], view.total)}
      </h2>
      {lastDone ? <UndoDone done={lastDone} onUndone={onUndone} /> : null}
      {view.items.length === 0 ? (
        <p className="follow-up-group__empty">{t.groupEmpty[view.group]}</p>
      ) : items.length === 0 ? null : (
        <ul className="follow-up-list">
          {items.map((item) => (
            <li key={item.ok ? item.followUp.id : item.id}>
              {item.ok ? (
                <FollowUpCard
                  item={item}
                  withPurpose={several.has(item.followUp.caseId)}
                  today={today}
                  sharedFrom={sharedFrom}
                  onAnnounce={onAnnounce}
                  onDone={onDone}
                />
              ) : (
                <article className="card follow-up-card follow-up-card--damaged" aria-labelledby={`damaged-${item.id}`}>
                  <h3 id={`damaged-${item.id}`}>{t.item.caseUnreadable}</h3>
                  <p>{t.item.damaged}</p>
                </article>
              )}
            </li>
          ))}
        </ul>
      )}
      {remaining > 0 && !pending ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            showMoreFrom(items.length);
            onShowMore();
          }}
        >
          {t.showMore(remaining)}
        </button>
      ) : null}
    </section>
  );
}

type OkItem = Extract<FollowUpOverviewItem, { ok: true }>;

interface FollowUpCardProps {
  item: OkItem;
  /** The case has another card on the screen: the buttons' names add this one's purpose. */
  withPurpose: boolean;
  today: string;
  sharedFrom: SharedFrom;
  onAnnounce: (m: string) => void;
  onDone: (done: Omit<LastDone, 'group'>) => void;
}

/** "Opvolging van dossier X weer openzetten", under the heading of the group the card left. */
function UndoDone({ done, onUndone }: { done: LastDone; onUndone: (reference: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function undo() {
    setBusy(true);
    setError(null);
    try {
      await runOperation('undoFollowUpDone', { id: done.id });
      onUndone(done.reference);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }
  return (
    <div className="follow-up-undo">
      <button type="button" className="button" disabled={busy} onClick={() => void undo()}>
        {t.done.undoLabel(done.reference)}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function FollowUpCard({ item, withPurpose, today, sharedFrom, onAnnounce, onDone }: FollowUpCardProps) {
  const { followUp, caseInfo } = item;
  // The case's name in every label: its number, and who shared it when a colleague did.
  const reference = caseInfo ? nl.logbook.caseName(caseInfo.reference, sharedFrom.get(followUp.caseId)) : '?';
  const [mode, setMode] = useState<'view' | 'reschedule'>('view');
  const [doneBusy, setDoneBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  // Named by its heading (a review heard a bare "article").
  const titleId = useId();

  async function markDone() {
    setDoneBusy(true);
    setError(null);
    try {
      await runOperation('completeFollowUp', { id: followUp.id, doneOn: today });
      onDone({ id: followUp.id, reference });
      onAnnounce(t.done.announced(reference));
    } catch (e) {
      setError(errorText(e));
      setDoneBusy(false);
    }
  }

  return (
    <article className="card follow-up-card" aria-labelledby={titleId}>
      <h3 className="follow-up-card__title" id={titleId}>
        {caseInfo ? <Link href={caseHref(followUp.caseId)}>{t.item.caseTitle(reference)}</Link> : t.item.caseUnreadable}
        {/* One case with several cards: its heading tells a screen reader which (a review: alike in the list
            of headings); the card shows the date and purpose already. */}
        {withPurpose ? (
          <span className="visually-hidden">{t.item.which(absoluteDateNl(followUp.due), followUp.purpose)}</span>
        ) : null}
      </h3>
      <dl className="follow-up-card__facts">
        <div>
          <dt>{t.item.due}</dt>
          <dd>
            <time dateTime={followUp.due}>
              {t.item.dueText(relativeDueNl(followUp.due, today), absoluteDateNl(followUp.due))}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t.item.purpose}</dt>
          <dd>{followUp.purpose}</dd>
        </div>
        <div>
          <dt>{t.item.pseudonyms}</dt>
          <dd>{caseInfo && caseInfo.pseudonyms.length > 0 ? caseInfo.pseudonyms.join(', ') : t.item.noPseudonyms}</dd>
        </div>
        {caseInfo ? (
          <div>
            <dt>{t.item.types}</dt>
            <dd>{caseInfo.types.map((type) => typeLabels[type]).join(', ')}</dd>
          </div>
        ) : null}
        {caseInfo?.flag ? (
          <div>
            <dt>{t.item.flag}</dt>
            <dd>{flagNames[caseInfo.flag].label}</dd>
          </div>
        ) : null}
      </dl>
      <History followUp={followUp} />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'view' ? (
        <div className="button-row">
          <Button
            type="button"
            className="button button--primary"
            aria-label={withPurpose ? t.done.labelOn(reference, followUp.purpose) : t.done.label(reference)}
            disabled={doneBusy}
            onClick={() => void markDone()}
          >
            {doneBusy ? t.done.busy : t.done.button}
          </Button>
          <button
            ref={rescheduleButton}
            type="button"
            className="button"
            aria-label={withPurpose ? t.reschedule.labelOn(reference, followUp.purpose) : t.reschedule.label(reference)}
            onClick={() => {
              setError(null);
              setMode('reschedule');
            }}
          >
            {t.reschedule.button}
          </button>
        </div>
      ) : (
        <RescheduleForm
          name={t.reschedule.formTitle(reference)}
          heading
          initialTo=""
          min={today}
          texts={{
            to: t.reschedule.to,
            reason: t.reschedule.reason,
            reasonHint: t.reschedule.reasonHint,
            save: t.reschedule.save,
          }}
          check={(values) => ({ ...validateReschedule({ ...values, current: followUp.due, today }) })}
          className="follow-up-reschedule"
          run={(input) => runOperation('rescheduleFollowUp', { id: followUp.id, ...input })}
          onCancel={() => {
            setMode('view');
            // The button is back after this render; return focus to it (unless focus went elsewhere).
            focusAfterFrame(() => rescheduleButton.current);
          }}
          onDone={(to) => {
            setMode('view');
            onAnnounce(t.reschedule.announced(reference, absoluteDateNl(to)));
          }}
        />
      )}
    </article>
  );
}

function History({ followUp }: { followUp: FollowUp }) {
  if (followUp.history.length === 0) return null;
  return (
    <div className="follow-up-card__history">
      <p className="follow-up-card__history-title">{t.item.history}</p>
      <ul>
        {followUp.history.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            {t.item.historyEntry(absoluteDateNl(entry.from), absoluteDateNl(entry.to), entry.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CalendarExport() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean; file?: boolean } | null>(null);
  const headingId = useId();

  async function download() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await exportFollowUpCalendar();
      // An empty calendar adds nothing to an agenda (and removes nothing from it): no file then.
      if (result.count > 0) {
        offerDownload(new Blob([result.text], { type: `${ICS_MIME_TYPE};charset=utf-8` }), ICS_FILE_NAME);
      }
      const done = result.count > 0 ? t.calendar.done(result.count) : t.calendar.none;
      const text = [done, result.skipped > 0 ? t.calendar.skipped(result.skipped) : ''].filter(Boolean).join(' ');
      setMessage({ text, error: false, file: result.count > 0 });
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card follow-up-calendar" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.calendar.title}</h2>
      <p>{t.calendar.intro}</p>
      <div className="button-row">
        <Button type="button" className="button" disabled={busy} onClick={() => void download()}>
          {busy ? t.calendar.busy : t.calendar.button}
        </Button>
      </div>
      <p role="status" className={message?.error ? 'field__error' : 'follow-up-calendar__status'}>
        {message ? message.text : ''}
      </p>
      {message && !message.error && message.file ? (
        <p className="follow-up-calendar__hint">{t.calendar.again}</p>
      ) : null}
    </section>
  );
}

const NO_CASES: ReadonlySet<string> = new Set();
