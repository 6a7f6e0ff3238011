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
import { textValue } from '../../ui/use-operation-form';
import { syncErrorText } from './sync-errors';
import { Button } from '../../ui/button';

/** Both password forms with one shared notice line. */
export function SyncPasswordForms({
  config,
  onChanged,
}: {
  config: SyncConfig;
  onChanged: (config: SyncConfig) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  /** Saves the config `write` returns, then restarts replication with it (a 401 stops the old one). */
  async function save(write: () => Promise<SyncConfig>, done: string) {
    setBusy(true);
    try {
      const updated = await write();
      await stopReplication();
      await startReplication(updated);
      onChanged(updated);
      setNotice(done);
    } finally {
      setBusy(false);
    }
  }

  async function change(password: string) {
    await save(() => changeAccountPassword(config, password), t.passwordChanged);
  }

  async function update(password: string) {
    const updated = { ...config, password };
    await save(async () => {
      await checkAccess(updated);
      await saveSyncConfig(updated);
      return updated;
    }, t.passwordUpdated);
  }

  return (
    <>
      <PasswordForm kind="change" busy={busy} run={change} />
      <PasswordForm kind="update" busy={busy} run={update} />
      <p role="status" className="settings-status">
        {notice}
      </p>
    </>
  );
}

/**
 * One account-password form: a titled card with one password field and its
 * submit button. "change" sets a new password on the server (at least 12
 * characters); "update" gives this device the one changed elsewhere.
 */
function PasswordForm({
  kind,
  busy,
  run,
}: {
  kind: 'change' | 'update';
  busy: boolean;
  run: (password: string) => Promise<void>;
}) {
  const id = useId();
  const change = kind === 'change';
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Empty or too short: said at the field, which keeps focus (the button is never a silent no-op).
    if (value === '') {
      setError(t.required);
      return;
    }
    if (change && [...value].length < 12) {
      setError(t.passwordTooShort);
      return;
    }
    setError(null);
    try {
      await run(value);
      setValue('');
    } catch (caught) {
      setError(syncErrorText(caught));
    }
  }

  return (
    <form className="card settings-form" aria-labelledby={id} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={id}>{change ? t.passwordTitle : t.passwordUpdateTitle}</h3>
      <p>{change ? t.passwordIntro : t.passwordUpdateIntro}</p>
      <TextField
        label={change ? t.newPassword : t.password}
        type="password"
        autoComplete={change ? 'new-password' : 'current-password'}
        {...textValue(value, setValue)}
        disabled={busy}
        error={error}
      />
      <div className="button-row">
        <Button type="submit" className="button" disabled={busy} aria-disabled={busy || value === '' || undefined}>
          {change ? t.changePassword : t.passwordUpdate}
        </Button>
      </div>
    </form>
  );
}
