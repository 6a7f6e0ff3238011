// Evidence ("bewijsmateriaal", issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordEvidenceInput } from '../../../schema/records/evidence';
import type { Evidence } from '../../../schema/records/evidence';
import { defineAddOperation, newRecordHead } from '../unit-of-work';

/**
 * Records whether evidence (screenshots, links, messages) exists and who
 * holds it, on a date, by the worker's initials. Never the evidence itself:
 * the record has no free text. Append-only: the latest record is the current
 * state. The audit event carries only its action and the case.
 */
export const recordEvidence = defineAddOperation({
  input: recordEvidenceInput,
  audit: 'evidence.recorded',
  build: (input, kase, now): Evidence => ({
    ...newRecordHead('evidence', kase.id),
    exists: input.exists,
    forms: input.forms,
    heldBy: input.heldBy,
    on: input.on,
    byInitials: input.byInitials,
    createdAt: now.toISOString(),
  }),
});

export const evidenceOperations = { recordEvidence };
