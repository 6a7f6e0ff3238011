// Other schools and CLBs informed (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordInformedInput } from '../../../schema/records/informed';
import type { Informed } from '../../../schema/records/informed';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/**
 * Records that another school or CLB was informed: its name, when, on what
 * basis, and whether the pupils were told first, by the worker's initials.
 * Append-only. The audit event carries only its action and the case, never
 * the institution's name.
 */
export const recordInstitutionInformed = defineAddOperation({
  input: recordInformedInput,
  audit: 'informed.recorded',
  build: (input, kase, now): Informed => ({
    ...newRecordHead('informed', kase.id),
    institutionKind: input.institutionKind,
    institution: input.institution,
    on: input.on,
    basis: input.basis,
    pupilsToldFirst: input.pupilsToldFirst,
    byInitials: input.byInitials,
    createdAt: now.toISOString(),
  }),
});

export const informedOperations = { recordInstitutionInformed };
