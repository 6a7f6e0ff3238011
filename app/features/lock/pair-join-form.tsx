// Setup screen, second way in (issue 20): join the logbook of another device
// with account, password and a one-time pairing code, and choose this
// device's own passphrase. Lazily loaded: the lock screen's critical path
// does not carry the sync code.
import { useState, type FormEvent } from 'react';
import { joinWithPairingCode } from '../../data/sync/pairing';
import { errorCode } from '../../data/errors';
import { nl as core } from '../../i18n/core';
import { sync } from '../../i18n/nl/sync';
import { TextField } from '../../ui/field';
import { PassphrasePair, pairProblems } from '../../ui/passphrase-pair';
import { SyncAccountFields, syncRefusal, useSyncAccount, type SyncRefusal } from '../../ui/sync';
import { Button } from '../../ui/button';
import { focusFirstInvalid, useFocusInvalidAfterRender, useFocusOnMount } from '../../ui/focus';

const t = sync;

function describe(error: unknown): string {
  const code = errorCode(error);
  if (code && code in t.errors) return t.errors[code as keyof typeof t.errors];
  if (code === 'storage.full') return core.lock.storageFull;
  return t.errors.generic;
}

export function PairJoinForm({ onBack }: { onBack: () => void }) {
  const account = useSyncAccount();
  // Shown by the button that left the DOM: the form's heading takes focus.
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<SyncRefusal | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);

  const setFocusTo = useFocusInvalidAfterRender();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const problems = pairProblems(passphrase, confirm);
    if (!account.complete || !code.trim() || problems.value || problems.confirm) {
      setShowErrors(true);
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    setError(null);
    setRefused(null);
    setCodeError(null);
    try {
      // On success the vault is unlocked and the lock gate shows the app.
      await joinWithPairingCode({ ...account.input(), code, passphrase });
    } catch (caught) {
      // A refusal about a field (password, database, the code) is shown there and focused.
      const text = describe(caught);
      const kind = errorCode(caught);
      const onField = syncRefusal(kind, text);
      const aboutCode = kind?.startsWith('pair.') === true;
      setRefused(onField);
      setCodeError(aboutCode ? text : null);
      setError(onField || aboutCode ? null : text);
      setBusy(false);
      if (onField || aboutCode) setFocusTo(form);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card" aria-labelledby="koppel-toestel">
      <h2 id="koppel-toestel" ref={heading} tabIndex={-1}>
        {t.join.title}
      </h2>
      <p>{t.join.intro}</p>
      <SyncAccountFields {...account.fields} busy={busy} showErrors={showErrors} refused={refused}>
        <TextField
          label={t.join.code}
          hint={t.join.codeHint}
          autoComplete="off"
          spellCheck={false}
          value={code}
          disabled={busy}
          required
          error={showErrors && !code.trim() ? t.required : codeError}
          onChange={(e) => setCode(e.target.value)}
        />
      </SyncAccountFields>
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
        <Button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.join.busy : t.join.submit}
        </Button>
        <Button type="button" className="button" onClick={onBack} disabled={busy}>
          {t.join.back}
        </Button>
      </div>
    </form>
  );
}
