import { useId, useState } from 'react';
import { z } from 'zod';
import { errorCode, retryAtOf } from '../../data/errors';
import { changePassphrase } from '../../data/vault';
import { nl } from '../../i18n/catalogue';
import type { FieldErrors } from '../../ui/form-errors';
import { throttledText } from '../../ui/vault-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { PassphraseField, PassphrasePair, pairProblems } from '../../ui/passphrase-pair';
import { SubmitRow } from '../../ui/submit-row';
import { SettingStatus, formPair } from './setting-fields';

const t = nl.settings.security;

// Passphrases are never stored as text: the schema only fixes the shape; the rules are the pair's.
const passphraseChangeForm = z.object({ current: z.string(), next: z.string(), confirm: z.string() });
type Values = z.infer<typeof passphraseChangeForm>;
const empty: Values = { current: '', next: '', confirm: '' };

function sameAsCurrent(values: Values): string | null {
  return values.next !== '' && values.next === values.current ? t.sameAsCurrent : null;
}

function checkChange(values: Values): FieldErrors {
  const problems = pairProblems(values.next, values.confirm);
  const errors: FieldErrors = {};
  if (values.current === '') errors.current = t.currentRequired;
  const next = problems.value ?? sameAsCurrent(values);
  if (next) errors.next = next;
  if (problems.confirm) errors.confirm = problems.confirm;
  return errors;
}

/** What to say next to the current-passphrase field when a vault operation refused it (wrong, throttled). */
export function passphraseFailureText(caught: unknown): string {
  const code = errorCode(caught);
  const at = retryAtOf(caught);
  if (code === 'vault.throttled' && at !== null) return throttledText(at);
  if (code === 'vault.wrongPassphrase') {
    return at !== null && at > Date.now() ? `${t.wrongCurrent} ${throttledText(at)}` : t.wrongCurrent;
  }
  if (code === 'vault.passphraseTooShort') return nl.lock.tooShort(12);
  return nl.settings.errors.generic;
}

/** A wrong or throttled current passphrase is said next to that field. */
function describeChangeFailure(caught: unknown): { fields: FieldErrors; general: null } {
  return { fields: { current: passphraseFailureText(caught) }, general: null };
}

/** Current + new + confirmation; only the wrapped key changes. Wrong attempts are throttled. */
export function ChangePassphraseForm() {
  const headingId = useId();
  const [done, setDone] = useState(false);
  const form = useOperationForm({
    initial: empty,
    schema: passphraseChangeForm,
    check: checkChange,
    run: (input) => {
      return changePassphrase(input.current, input.next);
    },
    describe: describeChangeFailure,
    onDone: () => {
      form.reset(empty);
      setDone(true);
    },
    fields: ['current', 'next', 'confirm'],
    // A new attempt: the last one's "gewijzigd" no longer stands beside what this one says.
    onSubmitStart: () => setDone(false),
  });
  const { values, busy } = form;
  // After a refused attempt the pair's problems follow the typing, as before the hook.
  const showErrors = form.error('next') !== null || form.error('confirm') !== null || form.error('current') !== null;
  const same = showErrors && !pairProblems(values.next, values.confirm).value ? sameAsCurrent(values) : null;

  return (
    <form {...form.formProps} className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.passphraseTitle}</h3>
      <p>{t.passphraseIntro}</p>
      <PassphraseField label={t.current} disabled={busy} {...form.text('current')} />
      <PassphrasePair
        label={t.next}
        confirmLabel={t.confirm}
        {...formPair(form, 'next', 'confirm')}
        disabled={busy}
        valueError={same}
      />
      <SubmitRow busy={busy} label={t.submit} busyLabel={t.busy} />
      <SettingStatus message={done ? t.changed : ''} />
    </form>
  );
}
