// React reads of the data layer. Components never build queries: they call
// these hooks. Every hook returns undefined while loading and while the vault
// is locked, and forgets decrypted values the moment it locks.
import type { RecordOfKind } from '../../schema/records';
import type { RecordKind } from '../../schema/records/base';
import type { Draft } from '../../schema/records/draft';
import { readAuditAnchor } from './audit-log';
import { readDraftLive, readFollowUpsDueLive, readRecordLive, readRecordsLive } from './live';
import type { RecordResult } from './records-io';
import { useVaultQuery } from './use-vault-query';

export { useVaultState } from './vault-hooks';

/** All records of one kind, optionally of one case; damaged ones as `{ ok: false }`. */
export function useRecords<K extends RecordKind>(
  kind: K,
  caseId?: string,
): Array<RecordResult<RecordOfKind<K>>> | undefined {
  return useVaultQuery(async () => readRecordsLive({ kind, caseId }), [kind, caseId]);
}

/** One record; null when it does not exist (or is of another kind). */
export function useRecord<K extends RecordKind>(
  id: string | undefined,
  kind: K,
): RecordResult<RecordOfKind<K>> | null | undefined {
  return useVaultQuery(async () => (id === undefined ? null : readRecordLive(id, kind)), [id, kind]);
}

/** Open follow-ups due on or before `onOrBefore` (YYYY-MM-DD). */
export function useFollowUpsDue(onOrBefore: string): Array<RecordResult<RecordOfKind<'followup'>>> | undefined {
  return useVaultQuery(async () => readFollowUpsDueLive(onOrBefore), [onOrBefore]);
}

/** The saved draft of a form (with `caseId`: of that form for that case, see drafts.ts); null when there is none. */
export function useDraft(id: string, caseId?: string): Draft | null | undefined {
  return useVaultQuery(async () => readDraftLive(id, caseId), [id, caseId]);
}

/**
 * The anchor code of the audit chain's current head, live: it follows every
 * audited action (a summary, a download) without a reload. Null when the
 * chain is empty.
 */
export function useAuditAnchor(): string | null | undefined {
  return useVaultQuery(readAuditAnchor, []);
}
