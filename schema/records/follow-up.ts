// The follow-up record (opvolgdatum) and the inputs of the follow-up
// operations (app/data/ops/follow-ups.ts). The date rules live in ../follow-up.ts.
import { z } from 'zod';

import { safeText } from '../safe-text';
import { caseRecordHead, isoDateSchema, stamps, timestampSchema } from './base';

/** Stable iCalendar UID; `sequence` grows with each reschedule. */
export const icsUidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@baken$/);

export const rescheduleSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  reason: safeText({ min: 1, max: 500 }),
  at: timestampSchema,
});
export type Reschedule = z.infer<typeof rescheduleSchema>;

export const followUpSchema = z.strictObject({
  ...caseRecordHead('followup', 1),
  due: isoDateSchema,
  purpose: safeText({ min: 1, max: 500 }),
  doneOn: isoDateSchema.optional(),
  history: z.array(rescheduleSchema).max(200),
  icsUid: icsUidSchema,
  sequence: z.int().min(0),
  ...stamps,
});
export type FollowUp = z.infer<typeof followUpSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** The schedule form. */
export const scheduleFollowUpInput = followUpSchema.pick({ caseId: true, due: true, purpose: true });
export type ScheduleFollowUpInput = z.input<typeof scheduleFollowUpInput>;

export const completeFollowUpInput = followUpSchema.pick({ id: true, doneOn: true }).required();
export type CompleteFollowUpInput = z.input<typeof completeFollowUpInput>;

/** Undoes "Klaar": the follow-up is open again. */
export const undoFollowUpDoneInput = followUpSchema.pick({ id: true });
export type UndoFollowUpDoneInput = z.input<typeof undoFollowUpDoneInput>;

/** The reschedule form: the new date and a reason (a history entry without `from` and `at`). */
export const rescheduleFollowUpInput = rescheduleSchema
  .pick({ to: true, reason: true })
  .extend({ id: followUpSchema.shape.id });
export type RescheduleFollowUpInput = z.input<typeof rescheduleFollowUpInput>;
