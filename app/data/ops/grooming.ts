// Grooming observations (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordGroomingInput } from '../../../schema/records/grooming';
import { defineRecordOperation } from './add-record';

/**
 * Records which grooming phases (seed 001) the worker observes on a date, as
 * a set of tags; an empty set says none any more. Append-only: the latest
 * record is the current set. The audit event carries only its action and the case.
 */
export const recordGroomingObservation = defineRecordOperation(
  'grooming',
  recordGroomingInput,
  'grooming.recorded',
  'observedOn',
);

export const groomingOperations = { recordGroomingObservation };
