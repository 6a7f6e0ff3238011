// The betrokkene record and the inputs of the party operations (app/data/ops/parties.ts).
import { z } from 'zod';

import { competenceOverrideSchema } from '../competence';
import { safeText } from '../safe-text';
import { caseRecordHead, editExpectedSchema, formFields, optionalTextInput, recordIdSchema, stamps } from './base';

export const partyRoleSchema = z.enum([
  'afgebeelde-jongere',
  'jongere-die-doorstuurde',
  'ontvanger-omstander',
  'melder',
  'ouder-voogd',
  'volwassene',
  'andere',
]);
export type PartyRole = z.infer<typeof partyRoleSchema>;

export const partySchema = z.strictObject({
  // Version 2 (issue 15): `birthYear` removed; age (when the case became known) is what the rules use.
  ...caseRecordHead('party', 2),
  role: partyRoleSchema,
  /** What the interface shows, e.g. "Jongere A". */
  pseudonym: safeText({ min: 1, max: 60 }),
  /** Sensitive; optional, shown only on demand. */
  realName: safeText({ min: 1, max: 120 }).optional(),
  /** Age in years when the case became known. */
  age: z.int().min(0).max(120).optional(),
  school: safeText({ min: 1, max: 120 }).optional(),
  className: safeText({ min: 1, max: 40 }).optional(),
  competence: competenceOverrideSchema.optional(),
  ...stamps,
});
export type Party = z.infer<typeof partySchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/**
 * What the worker can set on a betrokkene: every field of the record except
 * its bookkeeping. Text is trimmed and blank optional text counts as not
 * given (formFields). A new field added to partySchema is part of it.
 */
export const partyFieldsSchema = z.strictObject(
  formFields(
    partySchema.omit({ kind: true, schemaVersion: true, id: true, caseId: true, createdAt: true, updatedAt: true })
      .shape,
  ),
);
export type PartyFields = z.input<typeof partyFieldsSchema>;

/** Without a pseudonym (or a blank one) the case's next free "Jongere A, B, …" is used. */
export const addPartyInput = partyFieldsSchema
  .partial()
  .required({ role: true })
  .extend({ caseId: recordIdSchema, pseudonym: optionalTextInput(partySchema.shape.pseudonym.optional()) });
export type AddPartyInput = z.input<typeof addPartyInput>;

/** A key given as undefined removes that optional field; role and pseudonym then stay as they are. */
export const updatePartyInput = partyFieldsSchema
  .partial()
  .extend({ id: recordIdSchema, expected: editExpectedSchema });
export type UpdatePartyInput = z.input<typeof updatePartyInput>;
