// A new passphrase and its confirmation: the lock screen's setup and recovery
// forms and the settings forms (change passphrase, one-time backup
// passphrase) share it. Imports the core catalogue only: it is on the lock
// screen's critical path.
import { useState, type ComponentProps } from 'react';
import { nl } from '../i18n/core';
import { TextField } from './field';
import { PassphraseHint } from './passphrase-hint';
import { loadPassphrasePolicy, passphraseProblem } from './passphrase-policy';

/** Problems with a new passphrase and its confirmation, or null each. */
export function pairProblems(value: string, confirm: string): { value: string | null; confirm: string | null } {
  return {
    value: passphraseProblem(value),
    confirm: value !== confirm ? nl.lock.mismatch : null,
  };
}

/** The pair's values, change handlers and whether its problems show: from usePassphrasePair or formPair. */
export interface PairBinding {
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  showErrors: boolean;
}

interface PassphrasePairProps extends PairBinding {
  label: string;
  /** Default: the lock screen's "Bevestig" label. */
  confirmLabel?: string;
  disabled?: boolean;
  /** Focus the first field on mount (the lock screen hands focus over on a first run). */
  autoFocus?: boolean;
  /** A problem of the new passphrase the pair cannot see (e.g. the same as the current one), shown on its field. */
  valueError?: string | null;
}

/** A passphrase input: never offered to password managers (autocomplete off), always required. */
export function PassphraseField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'required'>) {
  return <TextField type="password" autoComplete="off" required {...props} />;
}

/**
 * Pair state for the lock screen's own forms: `check()` says whether the pair
 * may be used and, when not, shows its problems from then on.
 */
export function usePassphrasePair(initial = '') {
  const [value, setValue] = useState(initial);
  const [confirm, setConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const bind: PairBinding = { value, confirm, onChange: setValue, onConfirmChange: setConfirm, showErrors };
  /**
   * Whether both fields pass (else their errors show). Waits for the policy first: a tap on submit
   * before it has loaded (slow phone, first visit) is checked, not refused with "Even geduld".
   */
  async function check(): Promise<boolean> {
    await loadPassphrasePolicy().catch(() => undefined);
    const problems = pairProblems(value, confirm);
    const ok = problems.value === null && problems.confirm === null;
    if (!ok) setShowErrors(true);
    return ok;
  }
  function clear() {
    setValue('');
    setConfirm('');
  }
  return { value, bind, check, clear, show: () => setShowErrors(true) };
}

/**
 * A new passphrase with the policy's live verdict, and its confirmation. Not
 * offered to password managers (autocomplete off; the setup screen says why).
 * Checked on demand only: the live verdict in the hint is deferred, this is not.
 */
export function PassphrasePair(props: PassphrasePairProps) {
  const problems = props.showErrors ? pairProblems(props.value, props.confirm) : null;
  const valueError = problems?.value ?? props.valueError ?? null;
  return (
    <>
      <PassphraseField
        label={props.label}
        value={props.value}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        onChange={(event) => props.onChange(event.target.value)}
        hint={<PassphraseHint value={props.value} error={valueError} />}
        error={valueError}
      />
      <PassphraseField
        label={props.confirmLabel ?? nl.lock.confirm}
        value={props.confirm}
        disabled={props.disabled}
        onChange={(event) => props.onConfirmChange(event.target.value)}
        error={problems?.confirm ?? null}
      />
    </>
  );
}
