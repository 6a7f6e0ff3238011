// "Team" (issue 21): create a team, join one with an invite code, the signed
// member list with roles and key fingerprints, invites and join requests (the
// lead), removing a person. Loaded lazily by the settings screen; the data
// side is app/data/team/. Sharing a case (the case page) and the coordinator
// and auditor views are elsewhere.
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { teamIdSchema, teamRoles, type Member, type MemberList, type TeamRole } from '../../../schema/team';
import { loadTeamConfig, type TeamConfig } from '../../data/team/config';
import { loadOrCreateIdentity } from '../../data/team/identity';
import { checkMembers, type MembersCheck } from '../../data/team/members';
import { keyFingerprint } from '../../data/team/seal';
import {
  acceptJoinRequest,
  cancelInvite,
  createInvite,
  createTeam,
  declineJoinRequest,
  joinTeam,
  leaveTeamOnThisDevice,
  pendingJoinRequests,
  removeMember,
  type InviteOffer,
  type JoinRequest,
} from '../../data/team/team';
// The team strings are their own module (not in the catalogue object), so they load with this chunk.
import { team as t, teamRoleLabels } from '../../i18n/nl/team';
import { RadioGroup } from '../../ui/choice-group';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { OneTimeCode } from '../../ui/one-time-code';

const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short' });

function teamErrorText(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code in t.errors ? t.errors[code as keyof typeof t.errors] : t.errors.generic;
}

const roleOptions = <R extends TeamRole>(roles: readonly R[]) =>
  roles.map((value) => ({ value, label: teamRoleLabels[value] }));

/** Team id, account, password and name: the fields both the create and the join form ask. */
function useAccountFields() {
  const [teamId, setTeamId] = useState('');
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const idValid = teamIdSchema.safeParse(teamId.trim()).success;
  const complete = idValid && account.trim() !== '' && password !== '' && name.trim() !== '';
  const fields = (busy: boolean) => (
    <>
      <TextField
        label={t.teamId}
        hint={t.teamIdHint}
        autoComplete="off"
        spellCheck={false}
        value={teamId}
        disabled={busy}
        required
        error={missing && !idValid ? (teamId.trim() ? t.teamIdInvalid : t.required) : null}
        onChange={(e) => setTeamId(e.target.value)}
      />
      <TextField
        label={t.account}
        autoComplete="username"
        value={account}
        disabled={busy}
        required
        error={missing && !account.trim() ? t.required : null}
        onChange={(e) => setAccount(e.target.value)}
      />
      <TextField
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={password}
        disabled={busy}
        required
        error={missing && !password ? t.required : null}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        label={t.name}
        hint={t.nameHint}
        autoComplete="name"
        value={name}
        maxLength={80}
        disabled={busy}
        required
        error={missing && !name.trim() ? t.required : null}
        onChange={(e) => setName(e.target.value)}
      />
    </>
  );
  return { values: { team: teamId.trim(), account, password, name }, complete, setMissing, fields };
}

/** One titled form card with a submit button and an error line. */
function TeamForm(props: {
  title: string;
  intro: string;
  busy: boolean;
  error: string | null;
  submit: string;
  busyLabel: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <form
      className="card settings-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void props.onSubmit();
      }}
    >
      <h3 id={headingId}>{props.title}</h3>
      <p>{props.intro}</p>
      {props.children}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submit}
        </button>
      </div>
      <p role="alert" className="settings-status">
        {props.error ?? ''}
      </p>
    </form>
  );
}

function useSubmit(run: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(teamErrorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

/** Create a team (the lead) or join one with an invite code: the same account fields, then a role or the code. */
function EntryForm({ mode, onDone }: { mode: 'join' | 'create'; onDone: (config: TeamConfig) => void }) {
  const join = mode === 'join';
  const fields = useAccountFields();
  const [role, setRole] = useState<'coordinator' | 'medewerker'>('coordinator');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    if (!fields.complete || (join && !code.trim())) {
      fields.setMissing(true);
      setMissing(true);
      return;
    }
    onDone(join ? await joinTeam({ ...fields.values, code }) : await createTeam({ ...fields.values, role }));
  });
  return (
    <TeamForm
      title={join ? t.joinTitle : t.createTitle}
      intro={join ? t.joinIntro : t.createIntro}
      busy={busy}
      error={error}
      submit={join ? t.join : t.create}
      busyLabel={join ? t.joining : t.creating}
      onSubmit={submit}
    >
      {fields.fields(busy)}
      {join ? (
        <TextField
          label={t.code}
          autoComplete="off"
          spellCheck={false}
          value={code}
          disabled={busy}
          required
          error={missing && !code.trim() ? t.required : null}
          onChange={(e) => setCode(e.target.value)}
        />
      ) : (
        <RadioGroup
          name="team-lead-role"
          legend={t.leadRole}
          inline
          options={roleOptions(['coordinator', 'medewerker'])}
          value={role}
          onChange={setRole}
        />
      )}
    </TeamForm>
  );
}

/** The announced error (alert) and notice (status) lines under a panel. */
function StatusLines({ error, notice }: { error: string | null; notice: string }) {
  return (
    <>
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
      <p role="status" className="settings-status">
        {notice}
      </p>
    </>
  );
}

function Fingerprint({ jwk, label }: { jwk: JsonWebKey; label: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    void keyFingerprint(jwk).then((fp) => {
      if (live) setText(fp);
    });
    return () => {
      live = false;
    };
  }, [jwk]);
  return (
    <span className="team-fingerprint">
      {label}: <code>{text}</code>
    </span>
  );
}

function MembersPanel(props: {
  config: TeamConfig;
  check: MembersCheck | null;
  isLead: boolean;
  onRemove: (member: Member) => void;
}) {
  const headingId = useId();
  const { check, config } = props;
  const list = check?.list;
  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.membersTitle}</h3>
      <p>{t.membersIntro}</p>
      {check === null ? <p>{t.membersLoading}</p> : null}
      {check?.problem ? (
        <p role="alert" className="settings-status team-problem">
          {teamErrorText({ code: check.problem })}
        </p>
      ) : null}
      {check?.offline ? <p>{t.membersOffline}</p> : null}
      {list ? (
        <>
          <p>{t.membersVersion(list.version, dateTime.format(new Date(list.issuedAt)))}</p>
          <ul className="team-members" aria-label={t.membersTitle}>
            {list.members.map((member) => (
              <li key={member.id}>
                <strong>{t.memberLine(member.name, teamRoleLabels[member.role], member.account)}</strong>
                {member.id === list.leadId ? ` (${t.leadMark})` : ''}
                {member.id === config.memberId ? ` (${t.youMark})` : ''}
                <br />
                <Fingerprint jwk={member.ecdsa} label={t.fingerprint} />
                {props.isLead && member.id !== config.memberId ? (
                  <div className="button-row">
                    <button type="button" className="button button--small" onClick={() => props.onRemove(member)}>
                      {t.remove(member.name)}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function InvitePanel() {
  const headingId = useId();
  const [role, setRole] = useState<TeamRole>('medewerker');
  const [offer, setOffer] = useState<InviteOffer | null>(null);
  const [notice, setNotice] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    setNotice('');
    setOffer(await createInvite(role));
  });
  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.inviteTitle}</h3>
      <p>{t.inviteIntro}</p>
      {offer ? (
        <OneTimeCode
          label={t.inviteCode}
          code={offer.code}
          expiry={t.inviteFor(teamRoleLabels[offer.role], dateTime.format(offer.expiresAt))}
          copyLabel={t.inviteCopy}
          onCopied={(copied) => setNotice(copied ? t.inviteCopied : '')}
        >
          <button type="button" className="button" onClick={() => setOffer(null)}>
            {t.inviteAnother}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              void cancelInvite(offer.hex);
              setOffer(null);
              setNotice(t.inviteCancelled);
            }}
          >
            {t.inviteCancel}
          </button>
        </OneTimeCode>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <RadioGroup
            name="team-invite-role"
            legend={t.inviteRole}
            inline
            options={roleOptions(teamRoles)}
            value={role}
            onChange={setRole}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.inviteBusy : t.inviteCreate}
            </button>
          </div>
        </form>
      )}
      <StatusLines error={error} notice={notice} />
    </section>
  );
}

function RequestsPanel({
  requests,
  onChanged,
}: {
  requests: JoinRequest[] | null;
  onChanged: (notice: string) => void;
}) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function act(request: JoinRequest, admit: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (admit) await acceptJoinRequest(request.hex);
      else await declineJoinRequest(request.hex);
      onChanged(admit ? t.admitted(request.member.name) : t.declined(request.member.name));
    } catch (caught) {
      setError(teamErrorText(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.requestsTitle}</h3>
      <p>{t.requestsIntro}</p>
      {requests && requests.length === 0 ? <p>{t.requestsEmpty}</p> : null}
      {requests && requests.length > 0 ? (
        <ul className="team-members" aria-label={t.requestsTitle}>
          {requests.map((request) => (
            <li key={request.hex}>
              <strong>
                {t.requestLine(request.member.name, teamRoleLabels[request.role], request.member.account)}
              </strong>
              <br />
              <span className="team-fingerprint">
                {t.fingerprint}: <code>{request.fingerprint}</code>
              </span>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busy}
                  onClick={() => void act(request, true)}
                >
                  {t.admit(request.member.name)}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => void act(request, false)}
                >
                  {t.decline(request.member.name)}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
    </section>
  );
}

function TeamView({ config, onLeft }: { config: TeamConfig; onLeft: () => void }) {
  const [check, setCheck] = useState<MembersCheck | null>(null);
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const [ownKey, setOwnKey] = useState<JsonWebKey | null>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const list: MemberList | undefined = check?.list;
  const isLead = list?.leadId === config.memberId;
  const admitted = Boolean(list?.members.some((m) => m.id === config.memberId));

  const refresh = useCallback(async () => {
    setError(null);
    try {
      const next = await checkMembers();
      setCheck(next);
      if (next.list?.leadId === config.memberId && !next.offline) setRequests(await pendingJoinRequests());
    } catch (caught) {
      setError(teamErrorText(caught));
    }
  }, [config]);

  useEffect(() => {
    void refresh();
    void loadOrCreateIdentity().then((identity) => setOwnKey(identity.ecdsa));
  }, [refresh]);

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    try {
      const result = await removeMember(removing.id);
      setNotice(
        [t.removed(removing.name), result.failedHooks ? t.removedHooksFailed(result.failedHooks) : '']
          .filter(Boolean)
          .join(' '),
      );
      setRemoving(null);
      await refresh();
    } catch (caught) {
      setError(teamErrorText(caught));
      setRemoving(null);
    } finally {
      setBusy(false);
    }
  }

  if (check?.removed) {
    return (
      <div className="card">
        <p role="alert">{t.removedFromTeam(config.team)}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void leaveTeamOnThisDevice().then(onLeft)}>
            {t.forget}
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      <div className="card">
        <p>
          {admitted || !list
            ? t.youAre(config.team, teamRoleLabels[config.role])
            : t.waitingRole(config.team, teamRoleLabels[config.role])}
        </p>
        {isLead ? <p>{t.youAreLead}</p> : null}
        {list && !admitted ? <p>{t.waiting}</p> : null}
        <p>{ownKey ? <Fingerprint jwk={ownKey} label={t.yourFingerprint} /> : null}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void refresh()}>
            {t.refresh}
          </button>
        </div>
        <StatusLines error={error} notice={notice} />
      </div>
      <MembersPanel config={config} check={check} isLead={isLead} onRemove={setRemoving} />
      {isLead ? (
        <>
          <InvitePanel />
          <RequestsPanel
            requests={requests}
            onChanged={(message) => {
              setNotice(message);
              void refresh();
            }}
          />
        </>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t.removeTitle(removing?.name ?? '')}
        confirmLabel={t.removeConfirm}
        cancelLabel={t.removeCancel}
        danger
        busy={busy}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t.removeExplain}</p>
      </ConfirmDialog>
    </>
  );
}

export function TeamSection() {
  const headingId = useId();
  const [config, setConfig] = useState<TeamConfig | null | undefined>(undefined);
  // One form at a time, so every field's name is unique on the page.
  const [choice, setChoice] = useState<'join' | 'create' | null>(null);

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
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p>{t.intro}</p>
      {config === undefined ? <p>{t.loading}</p> : null}
      {config === null ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-expanded={choice === 'join'}
              onClick={() => setChoice(choice === 'join' ? null : 'join')}
            >
              {t.chooseJoin}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={choice === 'create'}
              onClick={() => setChoice(choice === 'create' ? null : 'create')}
            >
              {t.chooseCreate}
            </button>
          </div>
          {choice ? <EntryForm key={choice} mode={choice} onDone={setConfig} /> : null}
        </>
      ) : null}
      {config ? (
        <TeamView
          config={config}
          onLeft={() => {
            setChoice(null);
            setConfig(null);
          }}
        />
      ) : null}
    </section>
  );
}
