// Taking the material offline (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordTakedownInput } from '../../../schema/records/takedown';
import type { Takedown } from '../../../schema/records/takedown';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/**
 * Records the status of one step to take the material offline (asked the
 * one who spread it, asked recipients, reported to the platform, contacted
 * Child Focus) on a date, by the worker's initials. Append-only: the latest
 * record of a step is its status, earlier ones stay as history. The audit
 * event carries only its action and the case.
 */
export const recordTakedownStep = defineAddOperation({
  input: recordTakedownInput,
  audit: 'takedown.recorded',
  // The input schema is picked from the record's, so its fields are the record's own.
  build: (input, kase, now): Takedown => ({
    ...newRecordHead('takedown', kase.id),
    ...input,
    createdAt: now.toISOString(),
  }),
});

export const takedownOperations = { recordTakedownStep };
