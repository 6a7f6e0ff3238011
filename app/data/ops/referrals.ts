// Referrals (verwijzingen). Fails as described in ./case.ts; on failure nothing was written.
import { recordReferralInput } from '../../../schema/records/referral';
import { defineRecordOperation } from './add-record';

/** Records a referral to an organisation of the directory (verwijzingen.json), when and by whom (initials). */
export const recordReferral = defineRecordOperation('referral', recordReferralInput, 'referral.recorded', 'referredOn');

export const referralOperations = { recordReferral };
