// The reschedule form's own checks (overview and case page), with their own Dutch
// texts; failures of operations go through the one error table (errorText).
import { containsImageData } from '../../schema/safe-text';
import { addYearsIso, FOLLOW_UP_MAX_YEARS_AHEAD } from '../../schema/follow-up';
import { nl } from '../i18n/catalogue';

const t = nl.followUp;

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
  else if (input.to > addYearsIso(input.today, FOLLOW_UP_MAX_YEARS_AHEAD)) errors.to = nl.errors['followup.dueTooFar'];
  else if (input.to === input.current) errors.to = r.toSame;
  const reason = input.reason.trim();
  if (reason === '') errors.reason = r.reasonRequired;
  else if (containsImageData(reason)) errors.reason = nl.errors['text.imageData'];
  return errors;
}
