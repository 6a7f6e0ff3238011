// Referrals (verwijzingen). Fails as described in ./case.ts; on failure nothing was written.
import { recordReferralInput } from '../../../schema/records/referral';
import type { Referral } from '../../../schema/records/referral';
import { defineOperation, newRecordHead, withCase } from '../unit-of-work';

/** Records a referral to an organisation of the directory (verwijzingen.json), when and by whom (initials). */
export const recordReferral = defineOperation({
  input: recordReferralInput,
  audit: 'referral.recorded',
  run: async (input, { commit }): Promise<Referral> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      const referral: Referral = {
        ...newRecordHead('referral', kase.id),
        organisationId: input.organisationId,
        organisationName: input.organisationName,
        referredOn: input.referredOn,
        byInitials: input.byInitials,
        createdAt: now.toISOString(),
      };
      await commit(now, kase, [referral], 'referral.recorded');
      return referral;
    }),
});

export const referralOperations = { recordReferral };
