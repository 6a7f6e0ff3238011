// Dutch messages for the inline actions: the reschedule form's own checks,
// and data-layer failures by their stable code. `message` (English) is never shown.
import { isSchemaErrorCode } from '../../../schema/errors';
import { containsImageData } from '../../../schema/safe-text';
import { InvalidRecordError, isDataError } from '../../data/errors';
import { nl } from '../../i18n/catalogue';

const t = nl.followUp;
type KnownCode = Exclude<keyof typeof t.errors, 'generic'>;

function isKnownCode(code: string): code is KnownCode {
  return code !== 'generic' && Object.hasOwn(t.errors, code);
}

/** One Dutch sentence for a failed operation. */
export function failureText(error: unknown): string {
  if (error instanceof InvalidRecordError) {
    const code = error.issues[0]?.message;
    return code !== undefined && isSchemaErrorCode(code) ? nl.errors[code] : t.errors.generic;
  }
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const code = error.code;
    if (isKnownCode(code)) return t.errors[code];
    if (isSchemaErrorCode(code)) return nl.errors[code];
  }
  if (!isDataError(error)) console.warn(error);
  return t.errors.generic;
}

export interface RescheduleInput {
  /** The new date as the date input gives it (YYYY-MM-DD or ''). */
  to: string;
  reason: string;
  /** The follow-up's current date. */
  current: string;
  today: string;
}

/** Checks the reschedule form before anything is saved. */
export function validateReschedule(input: RescheduleInput): { to?: string; reason?: string } {
  const errors: { to?: string; reason?: string } = {};
  const r = t.reschedule.errors;
  if (input.to === '') errors.to = r.toRequired;
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.to) || Number.isNaN(Date.parse(`${input.to}T00:00:00Z`))) {
    errors.to = r.toInvalid;
  } else if (input.to < input.today) errors.to = r.toPast;
  else if (input.to === input.current) errors.to = r.toSame;
  const reason = input.reason.trim();
  if (reason === '') errors.reason = r.reasonRequired;
  else if (containsImageData(reason)) errors.reason = nl.errors['text.imageData'];
  return errors;
}
