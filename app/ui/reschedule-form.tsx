// The one form that moves a follow-up to a new date with a reason, used on the
// case page and on the follow-up overview. The caller passes the operation and
// its texts; the reason is kept in the follow-up's history.
import { useEffect } from 'react';
import { addYearsIso, FOLLOW_UP_MAX_YEARS_AHEAD } from '../../schema/follow-up';
import { rescheduleFollowUpInput } from '../../schema/records/follow-up';
import { TextAreaField, TextField } from './field';
import { FormButtons, FormError } from './form-errors-view';
import type { FieldErrors } from './form-errors';
import { useOperationForm } from './use-operation-form';
import { useLinkWarnings } from './link-warning';

// The operation's input without the follow-up id, which the caller adds.
const rescheduleForm = rescheduleFollowUpInput.omit({ id: true });

export interface RescheduleValues {
  to: string;
  reason: string;
}

export interface RescheduleTexts {
  to: string;
  reason: string;
  reasonHint?: string;
  save: string;
}

interface RescheduleFormProps {
  /** The form's accessible name; also shown as a heading when `heading` is set. */
  name: string;
  heading?: boolean;
  initialTo: string;
  /** Earliest date the picker offers (today); the latest is a year after it (FOLLOW_UP_MAX_YEARS_AHEAD). */
  min: string;
  texts: RescheduleTexts;
  /** Checks with their own Dutch texts, before the schema's. */
  check?: (values: RescheduleValues) => FieldErrors;
  /** Show "check the marked fields" above the buttons (the case page does; the overview only names failures). */
  summary?: boolean;
  className: string;
  run: (input: RescheduleValues) => Promise<unknown>;
  onDone: (to: string) => void;
  onCancel: () => void;
}

export function RescheduleForm(props: RescheduleFormProps) {
  const { name, heading, initialTo, min, texts, check, summary, className, run, onDone, onCancel } = props;
  const links = useLinkWarnings<'reason'>({ reason: 'images' });
  const form = useOperationForm({
    initial: { to: initialTo, reason: '' },
    schema: rescheduleForm,
    check: (values) => ({ ...check?.(values), ...links.check(values) }),
    run: (input) => run({ to: input.to, reason: input.reason.trim() }),
    onDone: (_result, input) => onDone(input.to),
    // A data rule on the stored `due` belongs to the new date.
    fields: ['to', 'due', 'reason'],
    liveImageCheck: ['reason'],
  });
  const formRef = form.formProps.ref;
  const headingId = `${form.text('to').id}-title`;
  const failedFields = Object.keys(form.fieldErrors).length > 0;

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [formRef]);

  const to = form.text('to');
  return (
    <form
      {...form.formProps}
      className={className}
      aria-labelledby={heading ? headingId : undefined}
      aria-label={heading ? undefined : name}
    >
      {heading ? <h4 id={headingId}>{name}</h4> : null}
      <TextField
        label={texts.to}
        type="date"
        min={min}
        max={addYearsIso(min, FOLLOW_UP_MAX_YEARS_AHEAD)}
        required
        {...to}
        error={to.error ?? form.error('due')}
      />
      <TextAreaField
        label={texts.reason}
        hint={texts.reasonHint}
        maxLength={500}
        required
        rows={3}
        {...form.text('reason')}
      />
      {links.notice('reason', form.values.reason, texts.reason)}
      {summary ? (
        <FormError message={form.general} />
      ) : form.general && !failedFields ? (
        <p className="field__error" role="alert">
          {form.general}
        </p>
      ) : null}
      <FormButtons busy={form.busy} saveLabel={texts.save} onCancel={onCancel} />
    </form>
  );
}
