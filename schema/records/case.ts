// The case record and the inputs of the case operations (app/data/ops/case.ts).
import { z } from 'zod';

import { incidentTypeIds } from '../content-ids';
import { fieldErrors } from '../errors';
import { safeText } from '../safe-text';
import { jurisdictionSchema } from '../settings';
import {
  choiceList,
  editExpectedSchema,
  isoDateSchema,
  recordHead,
  recordIdSchema,
  stamps,
  timestampSchema,
} from './base';

// The list itself lives in the zod-free content-ids module, which the lock screen's
// critical path can import without pulling in the record schemas.
export const caseTypeSchema = z.enum(incidentTypeIds);
export type CaseType = z.infer<typeof caseTypeSchema>;

// Issue 15 adds 'ander-clb-of-school' and 'child-focus' (seed 004: other schools or CLBs and Child
// Focus pass incidents on). Widening an enum keeps every stored case valid, so no version bump.
export const knownViaSchema = z.enum([
  'betrokkene-zelf',
  'klasgenoot',
  'leerkracht',
  'ouder',
  'ander-clb-of-school',
  'child-focus',
  'andere',
]);
export type KnownVia = z.infer<typeof knownViaSchema>;

export const caseStatusSchema = z.enum(['open', 'in-rust', 'afgesloten']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Readable case number, e.g. `2026-014`. */
export const caseReferenceSchema = z.string().regex(/^\d{4}-\d{3,5}$/, { error: fieldErrors.invalidReference });

/** One replaced version of the incident description. */
export const factsVersionSchema = z.strictObject({
  text: safeText(),
  replacedAt: timestampSchema,
  reason: safeText({ min: 1, max: 500 }),
});
export type FactsVersion = z.infer<typeof factsVersionSchema>;

export const caseSchema = z.strictObject({
  ...recordHead('case', 1),
  reference: caseReferenceSchema,
  knownOn: isoDateSchema,
  knownVia: knownViaSchema,
  types: choiceList(caseTypeSchema),
  schools: z.array(safeText({ min: 1, max: 120 })).max(20),
  description: safeText(),
  /**
   * Earlier versions of the description, oldest first, each with when and why
   * it was replaced (issue 14: facts are corrected like notes, never silently
   * overwritten). Optional without a version bump: a case stored before has no
   * corrections, which is what an absent list says.
   */
  factsHistory: z.array(factsVersionSchema).max(200).optional(),
  status: caseStatusSchema,
  /**
   * The Rechtsgebied the case is handled under: who gives consent, who decides, which plan. Set when
   * the case is made (the new incident form proposes the device's setting; createCase falls back to
   * it) and changed only on the case itself, so changing the
   * setting never re-judges a case's consents. Optional without a version bump: a case made before
   * has none and follows the setting in force when it was made (schema/settings.ts caseJurisdiction).
   */
  jurisdiction: jurisdictionSchema.optional(),
  retentionUntil: isoDateSchema.optional(),
  closedAt: timestampSchema.optional(),
  ...stamps,
});
export type Case = z.infer<typeof caseSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** The intake form: what the worker fills in; school names are trimmed and blank ones dropped. */
export const caseFieldsSchema = caseSchema
  .pick({ knownOn: true, knownVia: true, types: true, description: true, jurisdiction: true })
  .extend({
    schools: z
      .array(z.string())
      .transform((schools) => schools.map((s) => s.trim()).filter((s) => s !== ''))
      .pipe(caseSchema.shape.schools),
  });
export type CaseFields = z.input<typeof caseFieldsSchema>;

export const createCaseInput = caseFieldsSchema;
/** Changing the description needs `factsReason` (checked by the operation, which knows the current text). */
export const updateCaseInput = caseFieldsSchema.partial().extend({
  id: recordIdSchema,
  factsReason: factsVersionSchema.shape.reason.optional(),
  expected: editExpectedSchema,
});
export const closeCaseInput = caseSchema.pick({ id: true, retentionUntil: true }).required();
export const caseIdInput = caseSchema.pick({ id: true });
