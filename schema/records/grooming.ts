// Grooming observations (issue 15): the five phases of seed 001 ("Het
// groomingsproces") as tags the worker has observed, not as a sequence or a
// state machine (DOMAIN.md: the phases are not strictly sequential). Each
// record is the set observed on a date; the latest is the current set, and
// an empty set says none is observed any more. Ids match the glossary
// (public/content/begrippen.json). No free text.
import { z } from 'zod';

import { caseEntryInputs, caseEntrySchema, isoDateSchema } from './base';

export const groomingPhaseIdSchema = z.enum([
  'slachtofferselectie',
  'informatie-en-vertrouwen',
  'voorzien-in-behoefte',
  'verleggen-van-grenzen',
  'daadwerkelijk-misbruik',
]);
export type GroomingPhaseId = z.infer<typeof groomingPhaseIdSchema>;

const phaseSet = z
  .array(groomingPhaseIdSchema)
  .max(groomingPhaseIdSchema.options.length)
  .refine((list) => new Set(list).size === list.length);

export const groomingSchema = caseEntrySchema('grooming', {
  /** A set: the order carries no meaning (kept in the phases' own order). */
  phases: phaseSet,
  observedOn: isoDateSchema,
});
export type Grooming = z.infer<typeof groomingSchema>;

const groomingInputs = caseEntryInputs({
  phases: phaseSet.transform((list) => groomingPhaseIdSchema.options.filter((p) => list.includes(p))),
  observedOn: isoDateSchema,
});
/** The form's fields (the case comes from the page). */
export const groomingFormInput = groomingInputs.form;
/** The input of recordGroomingObservation. */
export const recordGroomingInput = groomingInputs.operation;
export type RecordGroomingInput = z.input<typeof recordGroomingInput>;

/** The latest observation (by date, then recorded) or undefined. */
export function latestGrooming(records: readonly Grooming[]): Grooming | undefined {
  let out: Grooming | undefined;
  for (const r of records) {
    if (!out || r.observedOn > out.observedOn || (r.observedOn === out.observedOn && r.createdAt > out.createdAt)) {
      out = r;
    }
  }
  return out;
}
