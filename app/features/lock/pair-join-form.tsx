// Setup screen, second way in (issue 20): join the logbook of another device
// with account, password and a one-time pairing code, and choose this
// device's own passphrase. Lazily loaded: the lock screen's critical path
// does not carry the sync code.
import { useState, type FormEvent } from 'react';
import { defaultSyncDbName } from '../../data/sync/config';
import { joinWithPairingCode } from '../../data/sync/pairing';
import { errorCode } from '../../data/errors';
import { nl as core } from '../../i18n/core';
import { sync } from '../../i18n/nl/sync';
import { TextField } from '../../ui/field';
import { PassphrasePair, pairProblems } from '../../ui/passphrase-pair';

const t = sync;

function describe(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : errorCode(error);
  if (code && code in t.errors) return t.errors[code as keyof typeof t.errors];
  if (code === 'storage.full') return core.lock.storageFull;
  return t.errors.generic;
}

export function PairJoinForm({ onBack }: { onBack: () => void }) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [db, setDb] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = pairProblems(passphrase, confirm);
    if (!account.trim() || !password || !code.trim() || problems.value || problems.confirm) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // On success the vault is unlocked and the lock gate shows the app.
      await joinWithPairingCode({
        account: account.trim(),
        password,
        db: db.trim() || defaultSyncDbName(account),
        code,
        passphrase,
        deviceName: deviceName.trim() || t.defaultDeviceName,
      });
    } catch (caught) {
      setError(describe(caught));
      setBusy(false);
    }
  }

  const required = (value: string) => (showErrors && !value.trim() ? t.required : null);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card" aria-labelledby="koppel-toestel">
      <h2 id="koppel-toestel">{t.join.title}</h2>
      <p>{t.join.intro}</p>
      <TextField
        label={t.account}
        autoComplete="username"
        value={account}
        disabled={busy}
        required
        error={required(account)}
        onChange={(e) => setAccount(e.target.value)}
      />
      <TextField
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={password}
        disabled={busy}
        required
        error={required(password)}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        label={t.db}
        hint={t.dbHint(defaultSyncDbName(account || 'account'))}
        autoComplete="off"
        spellCheck={false}
        value={db}
        disabled={busy}
        onChange={(e) => setDb(e.target.value)}
      />
      <TextField
        label={t.join.code}
        hint={t.join.codeHint}
        autoComplete="off"
        spellCheck={false}
        value={code}
        disabled={busy}
        required
        error={required(code)}
        onChange={(e) => setCode(e.target.value)}
      />
      <TextField
        label={t.deviceName}
        hint={t.deviceNameHint}
        autoComplete="off"
        value={deviceName}
        maxLength={80}
        disabled={busy}
        onChange={(e) => setDeviceName(e.target.value)}
      />
      <PassphrasePair
        label={t.join.passphrase}
        confirmLabel={t.join.confirm}
        value={passphrase}
        confirm={confirm}
        onChange={setPassphrase}
        onConfirmChange={setConfirm}
        showErrors={showErrors}
        disabled={busy}
      />
      <p role="alert" className="field__error">
        {error ?? ''}
      </p>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.join.busy : t.join.submit}
        </button>
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          {t.join.back}
        </button>
      </div>
    </form>
  );
}
