// Taking the material offline (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordTakedownInput } from '../../../schema/records/takedown';
import { defineRecordOperation } from './add-record';

/**
 * Records the status of one step to take the material offline (asked the
 * one who spread it, asked recipients, reported to the platform, contacted
 * Child Focus) on a date, by the worker's initials. Append-only: the latest
 * record of a step is its status, earlier ones stay as history. The audit
 * event carries only its action and the case.
 */
export const recordTakedownStep = defineRecordOperation('takedown', recordTakedownInput, 'takedown.recorded', 'on');

export const takedownOperations = { recordTakedownStep };
