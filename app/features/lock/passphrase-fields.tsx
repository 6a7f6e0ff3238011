import { nl } from '../../i18n/core';
import { TextField } from '../../ui/field';
import { PassphraseHint } from '../../ui/passphrase-hint';
import { passphraseProblem } from '../../ui/passphrase-policy';

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
  return {
    passphrase: passphraseProblem(value),
    confirm: value !== confirm ? nl.lock.mismatch : null,
  };
}

/**
 * New passphrase + confirmation, with the policy's live verdict. Not offered
 * to password managers (autocomplete off; the setup screen says why).
 */
export function PassphraseFields({
  label,
  value,
  confirm,
  onChange,
  onConfirmChange,
  showErrors,
}: PassphraseFieldsProps) {
  // Checked on demand only: the live verdict in the hint is deferred, this is not.
  const problems = showErrors ? passphraseProblems(value, confirm) : null;
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint={<PassphraseHint value={value} />}
        error={problems?.passphrase ?? null}
        required
      />
      <TextField
        label={nl.lock.confirm}
        type="password"
        autoComplete="off"
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        error={problems?.confirm ?? null}
        required
      />
    </>
  );
}
