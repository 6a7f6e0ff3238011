// Police ("politie", issue 15): a complaint considered, advised or made; by
// whom and when; and whether the young person or parents were told what a
// complaint means. The wording comes from seed 004 (CLB Antwerp interview):
// a minor can file a complaint at the police or parket, parents need not be
// there; no one is obliged to; a report cannot be anonymous. Append-only: the
// latest record per stage is its state. No free-text field.
import { z } from 'zod';

import { caseEntryInputs, caseEntrySchema, isoDateSchema } from './base';

/** Where the complaint stands: considered, advised, made (in the order the interface shows them). */
export const policeStageSchema = z.enum(['overwogen', 'aangeraden', 'neergelegd']);
export type PoliceStage = z.infer<typeof policeStageSchema>;

/** Who considered, advised or made it. */
export const policeActorSchema = z.enum(['jongere', 'ouders-voogd', 'school', 'clb', 'andere']);
export type PoliceActor = z.infer<typeof policeActorSchema>;

const policeFields = {
  stage: policeStageSchema,
  by: policeActorSchema,
  on: isoDateSchema,
  /** The young person or parents were told what a complaint means (seed 004). Not required. */
  informed: z.boolean(),
};
export const policeSchema = caseEntrySchema('police', policeFields);
export type Police = z.infer<typeof policeSchema>;

const policeInputs = caseEntryInputs({ ...policeFields, informed: z.boolean().default(false) });
/** The police form's fields (the case comes from the page). */
export const policeFormInput = policeInputs.form;
/** The input of recordPoliceStep. */
export const recordPoliceInput = policeInputs.operation;
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
