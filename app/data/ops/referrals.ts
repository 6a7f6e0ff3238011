// Referrals (verwijzingen). Fails as described in ./case.ts; on failure nothing was written.
import { recordReferralInput } from '../../../schema/records/referral';
import type { Referral } from '../../../schema/records/referral';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/** Records a referral to an organisation of the directory (verwijzingen.json), when and by whom (initials). */
export const recordReferral = defineAddOperation({
  input: recordReferralInput,
  audit: 'referral.recorded',
  // The input schema is picked from the record's, so its fields are the record's own.
  build: (input, kase, now): Referral => ({
    ...newRecordHead('referral', kase.id),
    ...input,
    createdAt: now.toISOString(),
  }),
});

export const referralOperations = { recordReferral };
