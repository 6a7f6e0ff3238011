// A new passphrase and its confirmation: the lock screen's setup and recovery
// forms and the settings forms (change passphrase, one-time backup
// passphrase) share it. Imports the core catalogue only: it is on the lock
// screen's critical path.
import { nl } from '../i18n/core';
import { TextField } from './field';
import { PassphraseHint } from './passphrase-hint';
import { passphraseProblem } from './passphrase-policy';

/** Problems with a new passphrase and its confirmation, or null each. */
export function pairProblems(value: string, confirm: string): { value: string | null; confirm: string | null } {
  return {
    value: passphraseProblem(value),
    confirm: value !== confirm ? nl.lock.mismatch : null,
  };
}

interface PassphrasePairProps {
  label: string;
  /** Default: the lock screen's "Bevestig" label. */
  confirmLabel?: string;
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  showErrors: boolean;
  disabled?: boolean;
}

/**
 * A new passphrase with the policy's live verdict, and its confirmation. Not
 * offered to password managers (autocomplete off; the setup screen says why).
 * Checked on demand only: the live verdict in the hint is deferred, this is not.
 */
export function PassphrasePair(props: PassphrasePairProps) {
  const problems = props.showErrors ? pairProblems(props.value, props.confirm) : null;
  return (
    <>
      <TextField
        label={props.label}
        type="password"
        autoComplete="off"
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
        hint={<PassphraseHint value={props.value} />}
        error={problems?.value ?? null}
        required
      />
      <TextField
        label={props.confirmLabel ?? nl.lock.confirm}
        type="password"
        autoComplete="off"
        value={props.confirm}
        disabled={props.disabled}
        onChange={(event) => props.onConfirmChange(event.target.value)}
        error={problems?.confirm ?? null}
        required
      />
    </>
  );
}
