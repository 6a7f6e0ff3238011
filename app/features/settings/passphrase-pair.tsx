import { assessPassphrase } from '../../../schema/passphrase';
import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';

/** Problems with a new passphrase and its confirmation, or null each. */
export function pairProblems(value: string, confirm: string): { value: string | null; confirm: string | null } {
  const { missing } = assessPassphrase(value);
  return {
    value: missing > 0 ? nl.lock.tooShort(missing) : null,
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

/** A new passphrase with a live strength hint, and its confirmation. */
export function PassphrasePair(props: PassphrasePairProps) {
  const assessment = assessPassphrase(props.value);
  const problems = pairProblems(props.value, props.confirm);
  const strength = assessment.common ? nl.lock.strength.common : nl.lock.strength[assessment.strength];
  return (
    <>
      <TextField
        label={props.label}
        type="password"
        autoComplete="new-password"
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
        hint={
          <>
            <span>{nl.lock.passphraseHint}</span>
            {props.value.length > 0 ? (
              <span aria-live="polite">
                {' '}
                {nl.lock.strength.label}: {strength}
              </span>
            ) : null}
          </>
        }
        error={props.showErrors ? problems.value : null}
        required
      />
      <TextField
        label={props.confirmLabel}
        type="password"
        autoComplete="new-password"
        value={props.confirm}
        disabled={props.disabled}
        onChange={(event) => props.onConfirmChange(event.target.value)}
        error={props.showErrors ? problems.confirm : null}
        required
      />
    </>
  );
}
