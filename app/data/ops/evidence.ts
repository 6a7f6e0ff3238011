// Evidence ("bewijsmateriaal", issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordEvidenceInput } from '../../../schema/records/evidence';
import { defineRecordOperation } from './add-record';

/**
 * Records whether evidence (screenshots, links, messages) exists and who
 * holds it, on a date, by the worker's initials. Never the evidence itself:
 * the record has no free text. Append-only: the latest record is the current
 * state. The audit event carries only its action and the case.
 */
export const recordEvidence = defineRecordOperation('evidence', recordEvidenceInput, 'evidence.recorded', 'on');

export const evidenceOperations = { recordEvidence };
