// Police ("politie", issue 15): a complaint considered, advised or made; by
// whom and when; and whether the young person or parents were told what a
// complaint means. The wording comes from seed 004 (CLB Antwerp interview):
// a minor can file a complaint at the police or parket, parents need not be
// there; no one is obliged to; a report cannot be anonymous. Append-only: the
// latest record per stage is its state. No free-text field.
import { z } from 'zod';

import { initialsSchema, isoDateSchema, recordIdSchema, timestampSchema, trimmedInput } from './base';

/** Where the complaint stands: considered, advised, made (in the order the interface shows them). */
export const policeStageSchema = z.enum(['overwogen', 'aangeraden', 'neergelegd']);
export type PoliceStage = z.infer<typeof policeStageSchema>;

/** Who considered, advised or made it. */
export const policeActorSchema = z.enum(['jongere', 'ouders-voogd', 'school', 'clb', 'andere']);
export type PoliceActor = z.infer<typeof policeActorSchema>;

export const policeSchema = z.strictObject({
  kind: z.literal('police'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  stage: policeStageSchema,
  by: policeActorSchema,
  on: isoDateSchema,
  /** The young person or parents were told what a complaint means (seed 004). Not required. */
  informed: z.boolean(),
  byInitials: initialsSchema,
  createdAt: timestampSchema,
});
export type Police = z.infer<typeof policeSchema>;

const policeFields = {
  stage: policeStageSchema,
  by: policeActorSchema,
  on: isoDateSchema,
  informed: z.boolean().default(false),
  byInitials: trimmedInput(initialsSchema),
};
/** The police form's fields (the case comes from the page). */
export const policeFormInput = z.strictObject(policeFields);
/** The input of recordPoliceStep. */
export const recordPoliceInput = z.strictObject({ caseId: recordIdSchema, ...policeFields });
export type RecordPoliceInput = z.input<typeof recordPoliceInput>;

/** The current state of each stage: the latest record per stage (by `on`, then recorded). */
export function latestPolice(records: readonly Police[]): Map<PoliceStage, Police> {
  const out = new Map<PoliceStage, Police>();
  for (const r of records) {
    const seen = out.get(r.stage);
    if (!seen || r.on > seen.on || (r.on === seen.on && r.createdAt > seen.createdAt)) out.set(r.stage, r);
  }
  return out;
}
