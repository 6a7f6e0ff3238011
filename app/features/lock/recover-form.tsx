import { useEffect, useState, type FormEvent } from 'react';
import { hasRecoveryCode, unlockWithRecoveryCode } from '../../data/vault';
import { nl } from '../../i18n/core';
import { TextField } from '../../ui/field';
import { PassphrasePair, usePassphrasePair } from '../../ui/passphrase-pair';
import { SubmitRow } from '../../ui/submit-row';
import { errorCode, retryAtOf } from '../../data/errors';
import { throttledText } from '../../ui/vault-errors';
import { useVaultSubmit } from './use-vault-submit';
import { focusFirstInvalid, useFocusOnMount } from '../../ui/focus';

/** Unlock with the recovery code and choose a new passphrase. */
export function RecoverForm({ onBack }: { onBack: () => void }) {
  const [code, setCode] = useState('');
  const pair = usePassphrasePair();
  const showErrors = pair.bind.showErrors;
  const { busy, error, run, clear } = useVaultSubmit();
  // Shown by "Wachtwoordzin vergeten?", which left the DOM: the form's heading takes focus.
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // A logbook without a recovery code (never made, revoked, or a paired device): the worker is told so
  // at once rather than only after typing a code (the fields stay: a code typed anyway is refused as
  // before). Unknown until read (offline too).
  const [codeExists, setCodeExists] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    hasRecoveryCode().then(
      (exists) => live && setCodeExists(exists),
      () => live && setCodeExists(true),
    );
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const pairOk = await pair.check();
    if (code.trim() === '' || !pairOk) {
      pair.show();
      focusFirstInvalid(form);
      return;
    }
    await run(
      () => unlockWithRecoveryCode(code, pair.value),
      (caught) => {
        const code = errorCode(caught);
        const at = retryAtOf(caught);
        if (code === 'vault.throttled' && at !== null) return throttledText(at);
        // A typo the code's own check found: it says so, rather than that the code does not work.
        if (code === 'vault.recoveryCodeInvalid') return nl.dataErrors['vault.recoveryCodeInvalid'];
        if (!(code?.startsWith('vault.') ?? false)) return nl.lock.genericError;
        // A wrong code that starts a wait says the wait too (as a wrong passphrase does).
        return at !== null && at > Date.now()
          ? `${nl.lock.wrongRecoveryCode} ${throttledText(at)}`
          : nl.lock.wrongRecoveryCode;
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="card">
      <h2 ref={heading} tabIndex={-1}>
        {nl.lock.recoverTitle}
      </h2>
      <p>{codeExists === false ? nl.lock.noRecoveryCode : nl.lock.recoverIntro}</p>
      <TextField
        label={nl.lock.recoverCodeLabel}
        hint={nl.lock.recoverCodeHint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={code}
        onChange={(event) => {
          setCode(event.target.value);
          // What the last attempt said was about the code as it was then.
          clear();
        }}
        error={error ?? (showErrors && code.trim() === '' ? nl.lock.recoverCodeRequired : null)}
        required
      />
      <PassphrasePair label={nl.lock.newPassphrase} {...pair.bind} />
      <SubmitRow busy={busy} label={nl.lock.recover} busyLabel={nl.lock.unlocking}>
        <button type="button" className="link-button" onClick={onBack}>
          {nl.lock.backToUnlock}
        </button>
      </SubmitRow>
    </form>
  );
}
