import { useId, useState, type FormEvent } from 'react';
import { changePassphrase } from '../../data/vault';
import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';
import { PassphrasePair, pairProblems } from './passphrase-pair';
import { errorCode, retryAtOf, throttledText } from '../../ui/vault-errors';

const t = nl.settings.security;

/** Current + new + confirmation; only the wrapped key changes. Wrong attempts are throttled. */
export function ChangePassphraseForm() {
  const headingId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const problems = pairProblems(next, confirm);
  const nextError = problems.value ?? (next !== '' && next === current ? t.sameAsCurrent : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    setCurrentError(null);
    if (current === '' || nextError || problems.confirm) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    try {
      await changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setShowErrors(false);
      setDone(true);
    } catch (caught) {
      const code = errorCode(caught);
      const at = retryAtOf(caught);
      if (code === 'vault.throttled' && at !== null) setCurrentError(throttledText(at));
      else if (code === 'vault.wrongPassphrase') {
        setCurrentError(
          at !== null && at > Date.now() ? `${t.wrongCurrent} ${throttledText(at)}` : t.wrongCurrent,
        );
      } else if (code === 'vault.passphraseTooShort') setCurrentError(nl.lock.tooShort(12));
      else setCurrentError(nl.settings.errors.generic);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card settings-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t.passphraseTitle}</h3>
      <p>{t.passphraseIntro}</p>
      <TextField
        label={t.current}
        type="password"
        autoComplete="current-password"
        value={current}
        disabled={busy}
        onChange={(event) => setCurrent(event.target.value)}
        error={currentError ?? (showErrors && current === '' ? t.currentRequired : null)}
        required
      />
      <PassphrasePair
        label={t.next}
        confirmLabel={t.confirm}
        value={next}
        confirm={confirm}
        onChange={setNext}
        onConfirmChange={setConfirm}
        showErrors={showErrors}
        disabled={busy}
      />
      {showErrors && !problems.value && nextError ? (
        <p className="field__error" role="alert">
          {nextError}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </div>
      <p role="status" className="settings-status">
        {done ? t.changed : ''}
      </p>
    </form>
  );
}
