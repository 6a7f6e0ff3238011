// The one door to the logbook's write operations (issue 13): every operation
// of every aggregate (app/data/ops/*.ts) in one typed map, called through
// runOperation(name, input), whose input and result types follow from the
// map (the idea of Actual Budget's per-domain handler maps and `send()`).
// Each entry declares its input schema (schema/records/*.ts; forms parse the
// same one) and the audit action(s) it writes. Reads are hooks (./hooks.ts,
// ./case-hooks.ts).
import { assessmentOperations } from './ops/assessments';
import { caseOperations } from './ops/case';
import { consentOperations } from './ops/consent';
import { followUpOperations } from './ops/follow-ups';
import { noteOperations } from './ops/notes';
import { partyOperations } from './ops/parties';
import { referralOperations } from './ops/referrals';
import { takedownOperations } from './ops/takedown';
import { stepOperations } from './ops/steps';
import { evidenceOperations } from './ops/evidence';
import { policeOperations } from './ops/police';
import { informedOperations } from './ops/informed';
import { groomingOperations } from './ops/grooming';
import { conversationOperations } from './ops/conversations';
import { addLockFlush } from './session';

export const operations = {
  ...caseOperations,
  ...partyOperations,
  ...consentOperations,
  ...assessmentOperations,
  ...noteOperations,
  ...followUpOperations,
  ...referralOperations,
  ...takedownOperations,
  ...stepOperations,
  ...evidenceOperations,
  ...policeOperations,
  ...informedOperations,
  ...groomingOperations,
  ...conversationOperations,
} as const;

type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = Parameters<Operations[N]['run']>[0];
export type OperationResult<N extends OperationName> = Awaited<ReturnType<Operations[N]['run']>>;

/**
 * Runs one operation. Works offline (everything is local) and needs an
 * unlocked vault. On failure nothing was written and it rejects with a
 * DataError (app/data/errors.ts): VaultLockedError; RecordNotFoundError /
 * RecordDamagedError for the case or record named; InvalidRecordError with
 * schema or rule codes (schema/errors.ts) per input path; AppendOnlyError,
 * RecordConflictError, StorageFullError or StorageFailedError. A lock that
 * comes while it runs waits for it (at most a moment), so it is not lost.
 */
export function runOperation<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  // TypeScript cannot correlate `operations[name]` with N; the map's own types guarantee the pairing.
  const operation = operations[name] as unknown as { run(input: OperationInput<N>): Promise<OperationResult<N>> };
  const running = operation.run(input);
  // A lock waits for a save under way (flushBeforeLock), so a "Bewaren" tapped just before it is kept.
  const done = addLockFlush(() => running);
  running.then(done, done);
  return running;
}
