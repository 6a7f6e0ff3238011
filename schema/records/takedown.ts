// Taking the material offline (issue 15, seed 004 "Beperk de schade"): each
// step the worker took, its status on a date and who recorded it (initials).
// Append-only: a later record for the same step is its new status; the
// history stays. Baken records that a step was taken, never the material or
// a link to it, so there is no free-text field at all.
import { z } from 'zod';

import { caseEntryInputs, caseEntrySchema, isoDateSchema } from './base';

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
  /**
   * Helpwanted.nl was contacted: in the Netherlands it helps remove images (DOMAIN.md, seed 002). Added
   * last (RECORD_READ_FORMAT 4), so the index codec's step numbers of the others stay as they were.
   */
  'helpwanted',
]);
export type TakedownStep = z.infer<typeof takedownStepSchema>;

/** Where the step stands on `on`. */
export const takedownStatusSchema = z.enum(['gedaan', 'lukte-niet', 'niet-nodig']);
export type TakedownStatus = z.infer<typeof takedownStatusSchema>;

const takedownFields = { step: takedownStepSchema, status: takedownStatusSchema, on: isoDateSchema };
export const takedownSchema = caseEntrySchema('takedown', takedownFields);
export type Takedown = z.infer<typeof takedownSchema>;

const takedownInputs = caseEntryInputs(takedownFields);
/** The takedown form's fields (the case comes from the page). */
export const takedownFormInput = takedownInputs.form;
/** The input of recordTakedownStep; initials are trimmed. */
export const recordTakedownInput = takedownInputs.operation;
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
