import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';
import { PassphraseHint } from '../../ui/passphrase-hint';
import { passphraseProblem } from '../../ui/passphrase-policy';

/** Problems with a new passphrase and its confirmation, or null each. */
export function pairProblems(value: string, confirm: string): { value: string | null; confirm: string | null } {
  return {
    value: passphraseProblem(value),
    confirm: value !== confirm ? nl.lock.mismatch : null,
  };
}

interface PassphrasePairProps {
  label: string;
  confirmLabel: string;
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  showErrors: boolean;
  disabled?: boolean;
}

/** A new passphrase with the policy's live verdict, and its confirmation. */
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
        label={props.confirmLabel}
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
