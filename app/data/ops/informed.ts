// Other schools and CLBs informed (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordInformedInput } from '../../../schema/records/informed';
import { defineRecordOperation } from './add-record';

/**
 * Records that another school or CLB was informed: its name, when, on what
 * basis, and whether the pupils were told first, by the worker's initials.
 * Append-only. The audit event carries only its action and the case, never
 * the institution's name.
 */
export const recordInstitutionInformed = defineRecordOperation(
  'informed',
  recordInformedInput,
  'informed.recorded',
  'on',
);

export const informedOperations = { recordInstitutionInformed };
