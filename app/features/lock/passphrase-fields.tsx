import { assessPassphrase } from '../../../schema/passphrase';
import { nl } from '../../i18n/core';
import { TextField } from '../../ui/field';

interface PassphraseFieldsProps {
  label: string;
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  showErrors: boolean;
}

export function passphraseProblems(
  value: string,
  confirm: string,
): { passphrase: string | null; confirm: string | null } {
  const { missing } = assessPassphrase(value);
  return {
    passphrase: missing > 0 ? nl.lock.tooShort(missing) : null,
    confirm: value !== confirm ? nl.lock.mismatch : null,
  };
}

/** New passphrase + confirmation, with a live strength hint. */
export function PassphraseFields({
  label,
  value,
  confirm,
  onChange,
  onConfirmChange,
  showErrors,
}: PassphraseFieldsProps) {
  const assessment = assessPassphrase(value);
  const problems = passphraseProblems(value, confirm);
  const strengthText = assessment.common ? nl.lock.strength.common : nl.lock.strength[assessment.strength];
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint={
          <>
            <span>{nl.lock.passphraseHint}</span>
            {value.length > 0 ? (
              <span className="strength" aria-live="polite">
                {' '}
                {nl.lock.strength.label}: {strengthText}
              </span>
            ) : null}
          </>
        }
        error={showErrors ? problems.passphrase : null}
        required
      />
      <TextField
        label={nl.lock.confirm}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        error={showErrors ? problems.confirm : null}
        required
      />
    </>
  );
}
