// Taking the material offline (issue 15, seed 004 "Beperk de schade"): each
// step the worker took, its status on a date and who recorded it (initials).
// Append-only: a later record for the same step is its new status; the
// history stays. Baken records that a step was taken, never the material or
// a link to it, so there is no free-text field at all.
import { z } from 'zod';

import { fieldErrors } from '../errors';
import { caseRecordHead, isoDateSchema, timestampSchema, trimmedInput } from './base';

/** The steps of seed 004 and the issue, in the order the interface shows them. */
export const takedownStepSchema = z.enum([
  /** The one who posted or spread it was asked to delete it. */
  'verspreider-gevraagd',
  /** Recipients were asked to delete it and not to forward it. */
  'ontvangers-gevraagd',
  /** Reported to the platform or a moderator. */
  'platform-gemeld',
  /** Child Focus was contacted (it can help remove images). */
  'child-focus',
]);
export type TakedownStep = z.infer<typeof takedownStepSchema>;

/** Where the step stands on `on`. */
export const takedownStatusSchema = z.enum(['gedaan', 'lukte-niet', 'niet-nodig']);
export type TakedownStatus = z.infer<typeof takedownStatusSchema>;

export const takedownSchema = z.strictObject({
  ...caseRecordHead('takedown', 1),
  step: takedownStepSchema,
  status: takedownStatusSchema,
  on: isoDateSchema,
  /** Initials of the professional who recorded it: 1–5 letters. */
  byInitials: z.string().regex(/^\p{L}{1,5}$/u, { error: fieldErrors.invalidInitials }),
  createdAt: timestampSchema,
});
export type Takedown = z.infer<typeof takedownSchema>;

/** The form of recordTakedownStep; initials are trimmed. */
export const recordTakedownInput = takedownSchema
  .pick({ caseId: true, step: true, status: true, on: true })
  .extend({ byInitials: trimmedInput(takedownSchema.shape.byInitials) });
export type RecordTakedownInput = z.input<typeof recordTakedownInput>;

/** The current status of each step of a case: the latest record per step (by `on`, then recorded). */
export function latestTakedowns<T extends Pick<Takedown, 'step' | 'on' | 'createdAt'>>(
  records: readonly T[],
): Map<TakedownStep, T> {
  const out = new Map<TakedownStep, T>();
  for (const r of records) {
    const seen = out.get(r.step);
    if (!seen || r.on > seen.on || (r.on === seen.on && r.createdAt > seen.createdAt)) out.set(r.step, r);
  }
  return out;
}
