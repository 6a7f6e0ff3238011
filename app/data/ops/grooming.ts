// Grooming observations (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordGroomingInput } from '../../../schema/records/grooming';
import type { Grooming } from '../../../schema/records/grooming';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/**
 * Records which grooming phases (seed 001) the worker observes on a date, as
 * a set of tags; an empty set says none any more. Append-only: the latest
 * record is the current set. The audit event carries only its action and the case.
 */
export const recordGroomingObservation = defineAddOperation({
  input: recordGroomingInput,
  audit: 'grooming.recorded',
  build: (input, kase, now): Grooming => ({
    ...newRecordHead('grooming', kase.id),
    phases: input.phases,
    observedOn: input.observedOn,
    byInitials: input.byInitials,
    createdAt: now.toISOString(),
  }),
});

export const groomingOperations = { recordGroomingObservation };
