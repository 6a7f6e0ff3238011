// The Vlaggensysteem assessment record and the input of assessFlags (app/data/ops/assessments.ts).
import { z } from 'zod';

import { safeText } from '../safe-text';
import { caseRecordHead, isoDateSchema, optionalTextInput, recordIdSchema, timestampSchema } from './base';

export const criteriaVersionSchema = z.enum(['2021', 'nl-oud']);
export const criterionAnswerSchema = z.enum(['in-orde', 'twijfel', 'niet-in-orde', 'onbekend']);
export const flagSchema = z.enum(['groen', 'geel', 'rood', 'zwart']);
export type Flag = z.infer<typeof flagSchema>;
export type CriterionAnswer = z.infer<typeof criterionAnswerSchema>;

/** Kebab-case criterion id, e.g. `wederzijdse-toestemming` (content defines them). */
export const criterionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60);

export const flagAssessmentSchema = z.strictObject({
  ...caseRecordHead('assessment', 1),
  criteriaVersion: criteriaVersionSchema,
  answers: z.record(criterionIdSchema, criterionAnswerSchema),
  /** Chosen by the professional; never computed from the answers (Sensoa). */
  flag: flagSchema,
  reasoning: safeText({ min: 1 }),
  assessedOn: isoDateSchema,
  /**
   * Issue 15, flags per behaviour: the behaviour this assessment is about (e.g.
   * "foto doorgestuurd zonder toestemming") and the betrokkenen it concerns.
   * Optional without a version bump: an assessment stored before is about the
   * case as a whole, which is what their absence says. `criteriaVersion` is the
   * label set used (2021 for Vlaanderen, `nl-oud` where the worker chooses it).
   */
  behaviour: safeText({ min: 1, max: 200, noLinks: true }).optional(),
  partyIds: z.array(recordIdSchema).max(20).optional(),
  createdAt: timestampSchema,
});
export type FlagAssessment = z.infer<typeof flagAssessmentSchema>;

/** The assessment form; which criteria must be answered is checked by the operation. */
export const assessFlagsInput = flagAssessmentSchema
  .pick({
    caseId: true,
    criteriaVersion: true,
    answers: true,
    flag: true,
    reasoning: true,
    assessedOn: true,
    partyIds: true,
  })
  .extend({ behaviour: optionalTextInput(flagAssessmentSchema.shape.behaviour) });
export type AssessFlagsInput = z.input<typeof assessFlagsInput>;
