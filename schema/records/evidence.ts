// Evidence ("bewijsmateriaal", issue 15): whether screenshots, links or
// messages exist and who holds them (DOMAIN.md: evidence stays with the young
// person or the police; seed 003 advises collecting it). Baken records THAT
// evidence exists, never the evidence: the record has no free-text field, so
// it cannot hold an image, a link or a file. Append-only: the latest record
// of a case is the current state, earlier ones stay as history.
import { z } from 'zod';

import { initialsSchema, isoDateSchema, recordIdSchema, timestampSchema, trimmedInput } from './base';

/** Does evidence exist, as far as the worker knows? */
export const evidenceExistsSchema = z.enum(['ja', 'nee', 'onbekend']);
export type EvidenceExists = z.infer<typeof evidenceExistsSchema>;

/** Which kinds of evidence exist (seed 003: "screenshots, url's"). */
export const evidenceFormSchema = z.enum(['schermafbeeldingen', 'links', 'berichten']);
export type EvidenceForm = z.infer<typeof evidenceFormSchema>;

/** Who holds it (issue 15: the young person, parents, police, school…). */
export const evidenceHolderSchema = z.enum(['jongere', 'ouders-voogd', 'politie', 'school', 'andere']);
export type EvidenceHolder = z.infer<typeof evidenceHolderSchema>;

const distinct = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length);

export const evidenceSchema = z
  .strictObject({
    kind: z.literal('evidence'),
    schemaVersion: z.literal(1),
    id: recordIdSchema,
    caseId: recordIdSchema,
    exists: evidenceExistsSchema,
    /** Empty unless `exists` is `ja`. */
    forms: distinct(evidenceFormSchema, evidenceFormSchema.options.length),
    /** Empty unless `exists` is `ja`. */
    heldBy: distinct(evidenceHolderSchema, evidenceHolderSchema.options.length),
    on: isoDateSchema,
    byInitials: initialsSchema,
    createdAt: timestampSchema,
  })
  .refine((r) => r.exists === 'ja' || (r.forms.length === 0 && r.heldBy.length === 0), {
    path: ['exists'],
  });
export type Evidence = z.infer<typeof evidenceSchema>;

const evidenceFields = {
  exists: evidenceExistsSchema,
  forms: distinct(evidenceFormSchema, evidenceFormSchema.options.length).default([]),
  heldBy: distinct(evidenceHolderSchema, evidenceHolderSchema.options.length).default([]),
  on: isoDateSchema,
  byInitials: trimmedInput(initialsSchema),
};
/** What and who only matter when evidence exists, so they are dropped otherwise. */
const dropWhenNone = <T extends { exists: EvidenceExists; forms: EvidenceForm[]; heldBy: EvidenceHolder[] }>(
  v: T,
): T => (v.exists === 'ja' ? v : { ...v, forms: [], heldBy: [] });

/** The evidence form's fields (the case comes from the page). */
export const evidenceFormInput = z.strictObject(evidenceFields).transform(dropWhenNone);
/** The input of recordEvidence. */
export const recordEvidenceInput = z
  .strictObject({ caseId: recordIdSchema, ...evidenceFields })
  .transform(dropWhenNone);
export type RecordEvidenceInput = z.input<typeof recordEvidenceInput>;

/** The latest record (by `on`, then recorded) or undefined. */
export function latestEvidence(records: readonly Evidence[]): Evidence | undefined {
  let out: Evidence | undefined;
  for (const r of records) {
    if (!out || r.on > out.on || (r.on === out.on && r.createdAt > out.createdAt)) out = r;
  }
  return out;
}
