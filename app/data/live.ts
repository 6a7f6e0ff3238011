// Live reads for hooks.ts. Pattern (Dexie 4 liveQuery rules): the querier
// first makes its Dexie reads, so liveQuery records exactly which ranges to
// observe; only then does it decrypt, and that WebCrypto promise is wrapped in
// Dexie.waitFor(), which keeps the observation context across a non-Dexie
// await (https://dexie.org/docs/liveQuery(), "Rules for the querier
// function"). No transaction is open at that point, so waitFor costs no CPU.
// Results are dropped if the vault was locked while decrypting.
import { Dexie, liveQuery } from 'dexie';
import type { Observable } from 'dexie';

import type { RecordOfKind } from '../../schema/records';
import type { RecordKind } from '../../schema/records/base';
import type { Draft } from '../../schema/records/draft';
import { db } from './db';
import { findCaseDraftId } from './draft-ids';
import { isDiscardPending } from './draft-discards';
import { filterAuditByCase, ofKind, openAuditRow, openRecordRow, openRows, queryRows } from './records-io';
import type { RecordQuery, RecordResult } from './records-io';
import { readIndexLive } from './index/case-index';
import { openFollowUpsOf } from './index/index-reads';
import { getDataKey } from './session';

/** Querier: records of one kind (and case); undefined while locked. */
export async function readRecordsLive<K extends RecordKind>(
  query: RecordQuery<K>,
): Promise<Array<RecordResult<RecordOfKind<K>>> | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const raw = await queryRows(query);
  const results = await Dexie.waitFor(openRows(key, query.kind, raw));
  return getDataKey() === key ? filterAuditByCase(results, query) : undefined;
}

/** Querier: one record; null when absent or of another kind, undefined while locked. */
export async function readRecordLive<K extends RecordKind>(
  id: string,
  kind: K,
): Promise<RecordResult<RecordOfKind<K>> | null | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  if (kind === 'audit') {
    const row = await db.audit.get(id);
    if (!row) return null;
    const result = await Dexie.waitFor(openAuditRow(key, row));
    return getDataKey() === key ? ofKind(result, kind) : undefined;
  }
  const row = await db.records.get(id);
  if (!row || row.kind !== kind) return null;
  const result = await Dexie.waitFor(openRecordRow(key, row));
  return getDataKey() === key ? ofKind(result, kind) : undefined;
}

/** Querier: open follow-ups due on or before a date (from the case index); undefined while locked. */
export async function readFollowUpsDueLive(
  onOrBefore: string,
): Promise<Array<RecordResult<RecordOfKind<'followup'>>> | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const index = await readIndexLive(key);
  if (!index || getDataKey() !== key) return undefined;
  return openFollowUpsOf(index)
    .filter((f) => f.due <= onOrBefore)
    .map((record) => ({ ok: true as const, record }));
}

/** Querier: a form's draft (of `caseId`, by form name); null when absent or damaged, undefined while locked. */
export async function readDraftLive(id: string, caseId?: string): Promise<Draft | null | undefined> {
  const stored = caseId === undefined ? id : await findCaseDraftId(id, caseId);
  if (stored === undefined) return getDataKey() ? null : undefined;
  const result = await readRecordLive(stored, 'draft');
  if (result === undefined) return undefined;
  // A draft whose record was saved just before a lock is waiting to be removed: not restored.
  return result?.ok && !isDiscardPending(id, caseId, result.record.fields) ? result.record : null;
}

/** Observable form of readRecordsLive, for code outside React. */
export function observeRecords<K extends RecordKind>(
  query: RecordQuery<K>,
): Observable<Array<RecordResult<RecordOfKind<K>>> | undefined> {
  return liveQuery(async () => readRecordsLive(query));
}
