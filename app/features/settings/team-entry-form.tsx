// Instellingen → Team before this device is in a team: create a team (the
// lead) or join one with an invite code. Both forms ask the same account
// fields; one form shows at a time (team-section.tsx).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { teamIdSchema } from '../../../schema/team';
import type { TeamConfig } from '../../data/team/config';
import { createTeam, joinTeam } from '../../data/team/team';
import { team as t } from '../../i18n/nl/team';
import { RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { textValue, typedCode } from '../../ui/use-operation-form';
import { roleOptions, useSubmit } from './team-common';
import { Button } from '../../ui/button';
import { useFocusInvalidAfterRender } from '../../ui/focus';
import { imageDataError } from '../../ui/image-data-error';

/** Team id, account, password and name: the fields both the create and the join form ask. */
/** Which entry field a refusal is about: it is shown there (marked, focused) instead of under the form. */
type EntryField = 'teamId' | 'account' | 'password' | 'code';
function fieldOfError(code: string | null): EntryField | undefined {
  if (code === null) return undefined;
  if (
    code === 'team.invite.wrongTeam' ||
    code === 'team.unknown' ||
    code === 'sync.notFound' ||
    code === 'sync.forbidden'
  )
    return 'teamId';
  if (code.startsWith('team.invite.')) return 'code';
  if (code === 'sync.unauthorized') return 'password';
  return undefined;
}

function useAccountFields(refused?: { field: EntryField | undefined; text: string | null }) {
  const [teamId, setTeamId] = useState('');
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const idValid = teamIdSchema.safeParse(teamId.trim()).success;
  // Image data is never stored, not even as a name: said at once, before any request.
  const nameImage = imageDataError(name);
  const complete = idValid && account.trim() !== '' && password !== '' && name.trim() !== '' && nameImage === null;
  // Every account field is required and waits while the form is busy.
  const entry = (busy: boolean, value: string, set: (value: string) => void, empty: boolean, field?: EntryField) => ({
    ...textValue(value, set),
    disabled: busy,
    required: true,
    error: missing && empty ? t.required : field && refused?.field === field ? refused.text : null,
  });
  const fields = (busy: boolean) => {
    // A typed id that is not valid says why; otherwise as every field ("required", a refusal).
    const idEntry = entry(busy, teamId, setTeamId, !idValid, 'teamId');
    const nameEntry = entry(busy, name, setName, !name.trim());
    return (
      <>
        <TextField
          label={t.teamId}
          hint={t.teamIdHint}
          {...typedCode}
          {...idEntry}
          error={missing && !idValid && teamId.trim() ? t.teamIdInvalid : idEntry.error}
        />
        <TextField
          label={t.account}
          autoComplete="username"
          {...entry(busy, account, setAccount, !account.trim(), 'account')}
        />
        <TextField
          label={t.password}
          type="password"
          autoComplete="current-password"
          {...entry(busy, password, setPassword, !password, 'password')}
        />
        <TextField
          label={t.name}
          hint={t.nameHint}
          autoComplete="name"
          maxLength={80}
          {...nameEntry}
          error={nameImage ?? nameEntry.error}
        />
      </>
    );
  };
  return { values: { team: teamId.trim(), account, password, name }, complete, setMissing, fields, entry };
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
  const focusInvalid = useFocusInvalidAfterRender();
  return (
    <form
      className="card settings-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        // A refused or failed entry marks its fields; focus goes to the first one once the form is
        // enabled again (a field disabled while busy takes no focus).
        void props.onSubmit().then(() => focusInvalid(form));
      }}
    >
      <h3 id={headingId}>{props.title}</h3>
      <p>{props.intro}</p>
      {props.children}
      <div className="button-row">
        <Button type="submit" className="button button--primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submit}
        </Button>
      </div>
      <p role="alert" className="settings-status">
        {props.error ?? ''}
      </p>
    </form>
  );
}

/** Create a team (the lead) or join one with an invite code: the same account fields, then a role or the code. */
export function EntryForm({ mode, onDone }: { mode: 'join' | 'create'; onDone: (config: TeamConfig) => void }) {
  const join = mode === 'join';
  const [role, setRole] = useState<'coordinator' | 'medewerker'>('coordinator');
  const [code, setCode] = useState('');
  const { busy, error, errorCode, submit } = useSubmit(async () => {
    if (!fields.complete || (join && !code.trim())) {
      // The code field's "required" shows with the account fields' (`fields.entry`).
      fields.setMissing(true);
      return;
    }
    onDone(join ? await joinTeam({ ...fields.values, code }) : await createTeam({ ...fields.values, role }));
  });
  const refusedField = fieldOfError(errorCode);
  const fields = useAccountFields({ field: refusedField, text: error });
  return (
    <TeamForm
      title={join ? t.joinTitle : t.createTitle}
      intro={join ? t.joinIntro : t.createIntro}
      busy={busy}
      error={refusedField && (refusedField !== 'code' || join) ? null : error}
      submit={join ? t.join : t.create}
      busyLabel={join ? t.joining : t.creating}
      onSubmit={submit}
    >
      {fields.fields(busy)}
      {join ? (
        <TextField
          label={t.code}
          hint={t.codeHint}
          {...typedCode}
          {...fields.entry(busy, code, setCode, !code.trim(), 'code')}
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
