// Police (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordPoliceInput } from '../../../schema/records/police';
import { defineRecordOperation } from './add-record';

/**
 * Records that a police complaint was considered, advised or made, by whom,
 * on a date, whether the young person or parents were told what a complaint
 * means, and the worker's initials. Append-only: the latest record per stage
 * is its state. The audit event carries only its action and the case.
 */
export const recordPoliceStep = defineRecordOperation('police', recordPoliceInput, 'police.recorded', 'on');

export const policeOperations = { recordPoliceStep };
