// The account password (Instellingen → Synchronisatie, sync-section.tsx):
// change it on the server from this device, or give this device the password
// that was changed on another one.
import { useId, useState, type FormEvent } from 'react';
import { saveSyncConfig, type SyncConfig } from '../../data/sync/config';
import { changeAccountPassword } from '../../data/sync/devices';
import { checkAccess } from '../../data/sync/remote';
import { startReplication, stopReplication } from '../../data/sync/runtime';
import { sync as t } from '../../i18n/nl/sync';
import { TextField } from '../../ui/field';
import { syncErrorText } from './sync-errors';

/** Both password forms with one shared notice line. */
export function SyncPasswordForms({
  config,
  onChanged,
}: {
  config: SyncConfig;
  onChanged: (config: SyncConfig) => void;
}) {
  const changeId = useId();
  const updateId = useId();
  const [next, setNext] = useState('');
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [updateError, setUpdateError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  async function change(event: FormEvent) {
    event.preventDefault();
    if ([...next].length < 12) {
      setChangeError(t.passwordTooShort);
      return;
    }
    setBusy(true);
    setChangeError(null);
    try {
      onChanged(await changeAccountPassword(config, next));
      setNext('');
      setNotice(t.passwordChanged);
    } catch (caught) {
      setChangeError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  async function update(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setUpdateError(null);
    try {
      const updated = { ...config, password: other };
      await checkAccess(updated);
      await saveSyncConfig(updated);
      await stopReplication();
      await startReplication(updated);
      onChanged(updated);
      setOther('');
      setNotice(t.passwordUpdated);
    } catch (caught) {
      setUpdateError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PasswordForm
        id={changeId}
        title={t.passwordTitle}
        intro={t.passwordIntro}
        label={t.newPassword}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={changeError}
        busy={busy}
        submitLabel={t.changePassword}
        onSubmit={change}
      />
      <PasswordForm
        id={updateId}
        title={t.passwordUpdateTitle}
        intro={t.passwordUpdateIntro}
        label={t.password}
        autoComplete="current-password"
        value={other}
        onChange={setOther}
        error={updateError}
        busy={busy}
        submitLabel={t.passwordUpdate}
        onSubmit={update}
      />
      <p role="status" className="settings-status">
        {notice}
      </p>
    </>
  );
}

/** One account-password form: a titled card with one password field and its submit button. */
function PasswordForm(props: {
  id: string;
  title: string;
  intro: string;
  label: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent) => Promise<void>;
}) {
  return (
    <form className="card settings-form" aria-labelledby={props.id} onSubmit={(e) => void props.onSubmit(e)} noValidate>
      <h3 id={props.id}>{props.title}</h3>
      <p>{props.intro}</p>
      <TextField
        label={props.label}
        type="password"
        autoComplete={props.autoComplete}
        value={props.value}
        disabled={props.busy}
        onChange={(e) => props.onChange(e.target.value)}
        error={props.error}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={props.busy || props.value === ''}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
