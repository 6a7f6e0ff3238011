// The referral record (verwijzing) and the input of recordReferral (app/data/ops/referrals.ts).
import { z } from 'zod';

import { fieldErrors } from '../errors';
import { safeText } from '../safe-text';
import { caseRecordHead, contentRefSchema, isoDateSchema, timestampSchema, trimmedInput } from './base';

export const referralSchema = z.strictObject({
  ...caseRecordHead('referral', 1),
  /** Entry id in public/content/verwijzingen.json. */
  organisationId: contentRefSchema,
  /** The name as shown when referring, so the record stays readable if the directory changes. */
  organisationName: safeText({ min: 1, max: 120 }),
  referredOn: isoDateSchema,
  /** Initials of the professional who referred: 1–5 letters. */
  byInitials: z.string().regex(/^\p{L}{1,5}$/u, { error: fieldErrors.invalidInitials }),
  createdAt: timestampSchema,
});
export type Referral = z.infer<typeof referralSchema>;

/** The referral form; name and initials are trimmed. */
export const recordReferralInput = referralSchema
  .pick({ caseId: true, organisationId: true, referredOn: true })
  .extend({
    organisationName: trimmedInput(referralSchema.shape.organisationName),
    byInitials: trimmedInput(referralSchema.shape.byInitials),
  });
export type RecordReferralInput = z.input<typeof recordReferralInput>;
