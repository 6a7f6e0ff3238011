// Evidence ("bewijsmateriaal", issue 15): whether screenshots, links or
// messages exist and who holds them (DOMAIN.md: evidence stays with the young
// person or the police; seed 003 advises collecting it). Baken records THAT
// evidence exists, never the evidence: the record has no free-text field, so
// it cannot hold an image, a link or a file. Append-only: the latest record
// of a case is the current state, earlier ones stay as history.
import { z } from 'zod';

import { caseEntryInputs, caseEntrySchema, isoDateSchema } from './base';

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

const evidenceFields = {
  exists: evidenceExistsSchema,
  /** Empty unless `exists` is `ja`. */
  forms: distinct(evidenceFormSchema, evidenceFormSchema.options.length),
  /** Empty unless `exists` is `ja`. */
  heldBy: distinct(evidenceHolderSchema, evidenceHolderSchema.options.length),
  on: isoDateSchema,
};
export const evidenceSchema = caseEntrySchema('evidence', evidenceFields).refine(
  (r) => r.exists === 'ja' || (r.forms.length === 0 && r.heldBy.length === 0),
  { path: ['exists'] },
);
export type Evidence = z.infer<typeof evidenceSchema>;

/** What and who only matter when evidence exists, so they are dropped otherwise. */
const dropWhenNone = <T extends { exists: EvidenceExists; forms: EvidenceForm[]; heldBy: EvidenceHolder[] }>(
  v: T,
): T => (v.exists === 'ja' ? v : { ...v, forms: [], heldBy: [] });
const evidenceInputs = caseEntryInputs({
  ...evidenceFields,
  forms: evidenceFields.forms.default([]),
  heldBy: evidenceFields.heldBy.default([]),
});

/** The evidence form's fields (the case comes from the page). */
export const evidenceFormInput = evidenceInputs.form.transform(dropWhenNone);
/** The input of recordEvidence. */
export const recordEvidenceInput = evidenceInputs.operation.transform(dropWhenNone);
export type RecordEvidenceInput = z.input<typeof recordEvidenceInput>;

/** The latest record (by `on`, then recorded) or undefined. */
export function latestEvidence(records: readonly Evidence[]): Evidence | undefined {
  let out: Evidence | undefined;
  for (const r of records) {
    if (!out || r.on > out.on || (r.on === out.on && r.createdAt > out.createdAt)) out = r;
  }
  return out;
}
