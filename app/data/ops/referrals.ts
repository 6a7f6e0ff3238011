// Referrals (verwijzingen). Fails as described in ./case.ts; on failure nothing was written.
import { recordReferralInput } from '../../../schema/records/referral';
import type { Referral } from '../../../schema/records/referral';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/** Records a referral to an organisation of the directory (verwijzingen.json), when and by whom (initials). */
export const recordReferral = defineAddOperation({
  input: recordReferralInput,
  audit: 'referral.recorded',
  build: (input, kase, now): Referral => ({
    ...newRecordHead('referral', kase.id),
    organisationId: input.organisationId,
    organisationName: input.organisationName,
    referredOn: input.referredOn,
    byInitials: input.byInitials,
    createdAt: now.toISOString(),
  }),
});

export const referralOperations = { recordReferral };
