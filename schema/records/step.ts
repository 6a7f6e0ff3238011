// The step-plan check record and the input of setStepCheck (app/data/ops/steps.ts).
import { z } from 'zod';

import { safeText } from '../safe-text';
import { caseRecordHead, contentRefSchema, isoDateSchema, timestampSchema } from './base';

/** One step of a step plan (stappenplan.json) checked off for a case; one per (caseId, planId, stepId). */
export const stepCheckSchema = z.strictObject({
  ...caseRecordHead('step', 1),
  planId: contentRefSchema,
  stepId: contentRefSchema,
  doneOn: isoDateSchema.optional(),
  note: safeText({ min: 1, max: 500 }).optional(),
  /**
   * The worker wants this step in Opvolging while it is open. Optional
   * without a version bump (like the audit chain link): records without it
   * are valid as they are and mean "no reminder".
   */
  remind: z.literal(true).optional(),
  updatedAt: timestampSchema,
});
export type StepCheck = z.infer<typeof stepCheckSchema>;

/**
 * Checks or unchecks a step: `doneOn` null unchecks it. The note is
 * undefined to keep the current one, blank to remove it; its limits are the
 * record's, checked when the record is written. `remind` marks the step for
 * Opvolging while it is open.
 */
export const setStepCheckInput = stepCheckSchema.pick({ caseId: true, planId: true, stepId: true }).extend({
  doneOn: stepCheckSchema.shape.doneOn.unwrap().nullable(),
  note: z.string().optional(),
  /** Undefined keeps the current reminder; false removes it. */
  remind: z.boolean().optional(),
});
export type SetStepCheckInput = z.input<typeof setStepCheckInput>;
