// "Team" (issue 21): create a team, join one with an invite code, the signed
// member list with roles and key fingerprints, invites and join requests (the
// lead), removing a person. Loaded lazily by the settings screen; the data
// side is app/data/team/. Sharing a case (the case page) and the coordinator
// and auditor views are elsewhere.
// The panels are in team-entry-form.tsx, team-members-panel.tsx,
// team-invites.tsx, team-account-panel.tsx (a refused team account); shared
// pieces in team-common.tsx.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Member, MemberList } from '../../../schema/team';
import { loadTeamConfig, type TeamConfig } from '../../data/team/config';
import { loadOrCreateIdentity } from '../../data/team/identity';
import { checkMembers, type MembersCheck } from '../../data/team/members';
import { leaveTeamOnThisDevice, pendingJoinRequests, removeMember, type JoinRequest } from '../../data/team/team';
// The team strings are their own module (not in the catalogue object), so they load with this chunk.
import { team as t, teamRoleLabels } from '../../i18n/nl/team';
import { useSectionFocus } from '../../shell/use-section-focus';
import { RemoveDialog, useRemoval } from '../../ui/remove-dialog';
import { TeamAccountPanel } from './team-account-panel';
import { HandOverDialog } from './team-handover';
import { Fingerprint, StatusLines, teamErrorText, timeOnly } from './team-common';
import { useFocusAfterSwap } from '../../ui/focus';
import { LiveText } from '../../ui/live-text';
import { EntryForm } from './team-entry-form';
import { InvitePanel, RequestsPanel } from './team-invites';
import { MembersPanel } from './team-members-panel';

function TeamView({
  config,
  onLeft,
  onChanged,
}: {
  config: TeamConfig;
  onLeft: () => void;
  onChanged: (config: TeamConfig) => void;
}) {
  const [check, setCheck] = useState<MembersCheck | null>(null);
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const [ownKey, setOwnKey] = useState<JsonWebKey | null>(null);
  const [notice, setNotice] = useState('');
  const [handingOver, setHandingOver] = useState<Member | null>(null);
  const [error, setError] = useState<string | null>(null);

  const list: MemberList | undefined = check?.list;
  const isLead = list?.leadId === config.memberId;
  const admitted = Boolean(list?.members.some((m) => m.id === config.memberId));

  const refresh = useCallback(async (): Promise<MembersCheck | undefined> => {
    setError(null);
    try {
      const next = await checkMembers();
      setCheck(next);
      // A refused team account sends nothing more (team-account-panel.tsx says what to do).
      const refused = next.problem === 'sync.unauthorized' || next.problem === 'sync.lockedOut';
      if (next.list?.leadId === config.memberId && !next.offline && !refused) setRequests(await pendingJoinRequests());
      return next;
    } catch (caught) {
      setError(teamErrorText(caught));
      return undefined;
    }
  }, [config]);

  /** "Vernieuwen": the same check, and a status line that says what it found (a problem is shown where it is). */
  async function refreshByHand() {
    setNotice('');
    const next = await refresh();
    if (!next) return;
    if (next.offline) setNotice(t.membersNotChecked);
    else if (!next.problem) setNotice(t.membersChecked(timeOnly.format(new Date())));
  }

  useEffect(() => {
    void refresh();
    void loadOrCreateIdentity().then((identity) => setOwnKey(identity.ecdsa));
    // Back online: the member list is checked again ("Offline: … laatst gecontroleerde ledenlijst" goes).
    const again = (): void => void refresh();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [refresh]);

  const removal = useRemoval<Member>({
    remove: async (member) => {
      const result = await removeMember(member.id);
      setNotice(
        [t.removed(member.name), result.failedHooks ? t.removedHooksFailed(result.failedHooks) : '']
          .filter(Boolean)
          .join(' '),
      );
    },
    after: async () => {
      await refresh();
    },
    onError: (caught) => setError(teamErrorText(caught)),
  });

  /** This device leaves the team (after a removal, or a request no longer wanted); a failure is said. */
  function forget() {
    setError(null);
    void leaveTeamOnThisDevice().then(onLeft, (caught: unknown) => setError(teamErrorText(caught)));
  }

  if (check?.removed) {
    return (
      <div className="card">
        <p role="alert">{t.removedFromTeam(config.team)}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={forget}>
            {t.forget}
          </button>
        </div>
        <StatusLines error={error} notice="" />
      </div>
    );
  }

  return (
    <>
      <TeamAccountPanel config={config} onChanged={onChanged} />
      <div className="card">
        <p>
          {admitted || !list
            ? t.youAre(config.team, teamRoleLabels[config.role])
            : t.waitingRole(config.team, teamRoleLabels[config.role])}
        </p>
        {isLead ? <p>{t.youAreLead}</p> : null}
        {admitted ? <p>{isLead ? t.leaveHowLead : t.leaveHow}</p> : null}
        {list && !admitted ? (
          <>
            <p>{t.waiting}</p>
            <p>{t.waitingStop}</p>
          </>
        ) : null}
        <p>{ownKey ? <Fingerprint jwk={ownKey} label={t.yourFingerprint} /> : null}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void refreshByHand()}>
            {t.refresh}
          </button>
          {list && !admitted ? (
            // A declined or unwanted request: this device leaves the team so its person can join again.
            <button type="button" className="button" onClick={forget}>
              {t.forget}
            </button>
          ) : null}
        </div>
        <StatusLines error={error} notice={notice} />
      </div>
      <MembersPanel config={config} check={check} isLead={isLead} onRemove={removal.ask} onHandOver={setHandingOver} />
      {isLead ? (
        <>
          <InvitePanel requests={requests} />
          <RequestsPanel
            requests={requests}
            onChanged={(message) => {
              setNotice(message);
              void refresh();
            }}
          />
        </>
      ) : null}
      <RemoveDialog
        texts={t}
        removal={removal}
        focusAfterRemove={() => document.querySelector<HTMLElement>('[data-focus="team-members"]')}
      />
      <HandOverDialog
        member={handingOver}
        onCancel={() => setHandingOver(null)}
        onDone={(message, failed) => {
          if (failed) setError(message);
          else setNotice(message);
          setHandingOver(null);
          void refresh();
        }}
      />
    </>
  );
}

export function TeamSection() {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The notices' "Instellingen → Team" links land here (router.ts requestSectionFocus).
  useSectionFocus('team', heading);
  const [config, setConfig] = useState<TeamConfig | null | undefined>(undefined);
  // One form at a time, so every field's name is unique on the page.
  const [choice, setChoice] = useState<'join' | 'create' | null>(null);
  // Said after "Team op dit toestel vergeten" (a review: the section changed without a word).
  const [forgotten, setForgotten] = useState('');
  // Creating, joining or leaving swaps the whole section: focus goes to its heading.
  const focusAfter = useFocusAfterSwap(config);

  useEffect(() => {
    let live = true;
    void loadTeamConfig()
      .catch(() => undefined)
      .then((loaded) => {
        if (live) setConfig(loaded ?? null);
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section id="team" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.title}
      </h2>
      <p>{t.intro}</p>
      {/* In the page while empty, so the message after forgetting is announced. */}
      <LiveText role="status" className="settings-status" message={forgotten} />
      {config === undefined ? <p>{t.loading}</p> : null}
      {config === null ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-expanded={choice === 'join'}
              onClick={() => {
                setForgotten('');
                setChoice(choice === 'join' ? null : 'join');
              }}
            >
              {t.chooseJoin}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={choice === 'create'}
              onClick={() => {
                setForgotten('');
                setChoice(choice === 'create' ? null : 'create');
              }}
            >
              {t.chooseCreate}
            </button>
          </div>
          {choice ? (
            <EntryForm
              key={choice}
              mode={choice}
              onDone={(done) => {
                focusAfter(() => heading.current);
                setConfig(done);
              }}
            />
          ) : null}
        </>
      ) : null}
      {config ? (
        <TeamView
          config={config}
          onChanged={setConfig}
          onLeft={() => {
            focusAfter(() => heading.current);
            setChoice(null);
            setForgotten(t.forgotten(config.team));
            setConfig(null);
          }}
        />
      ) : null}
    </section>
  );
}
