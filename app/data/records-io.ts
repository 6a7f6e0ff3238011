// Internal to app/data: turning records into encrypted rows and back, and the
// raw Dexie reads that live queries observe. Features use store.ts / hooks.ts.
//
// A row read back is trusted only if it decrypts under its own id, kind and
// version (AAD), passes `restoreRecord()` and its plaintext columns match the
// decrypted record; otherwise it is reported as "beschadigd" on its own and
// every other record stays usable.
import { coarseDay } from '../../schema/audit-chain';
import { restoreRecord } from '../../schema/restore';
import type { RecordOfKind, StoredRecord } from '../../schema/records';
import type { AuditEvent } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import { kindSchema } from '../../schema/records/base';
import { caseKeyById } from './case-key-store';
import { decryptRecord, encryptRecord } from './crypto';
import { db } from './db';
import type { AuditRow, RecordRow } from './db';

export type RecordResult<R extends StoredRecord = StoredRecord> =
  { ok: true; record: R } | { ok: false; id: string; kind: RecordKind | 'unknown'; problem: 'beschadigd' };

type RowRecord = Exclude<StoredRecord, AuditEvent>;

export function isKind<K extends RecordKind>(record: StoredRecord, kind: K): record is RecordOfKind<K> {
  return record.kind === kind;
}

/**
 * The plaintext index columns of a record (see SECURITY.md). Since version 4
 * only the case id: dates live in the encrypted case index (index/).
 */
export function plaintextColumns(record: RowRecord): { caseId?: string } {
  const caseId = record.kind === 'case' ? record.id : record.caseId;
  return caseId === undefined ? {} : { caseId };
}

/** The plaintext `at` column of an audit row: the UTC day only, so it cannot be joined with a record's write. */
export function auditDay(at: string): string {
  return coarseDay(at);
}

export type SealedRow = { table: 'records'; row: RecordRow } | { table: 'audit'; row: AuditRow };

/**
 * Encrypts one validated record into its row. Call outside any transaction.
 * `keyId` names the per-case key `key` is (stored as the row's `k`); without
 * it `key` must be the vault data key.
 */
export async function sealRecord(key: CryptoKey, record: StoredRecord, keyId?: string): Promise<SealedRow> {
  const header = { kind: record.kind, id: record.id, schemaVersion: record.schemaVersion };
  const { iv, data } = await encryptRecord(key, header, record);
  if (record.kind === 'audit') {
    return { table: 'audit', row: { id: record.id, v: record.schemaVersion, at: auditDay(record.at), iv, data } };
  }
  return {
    table: 'records',
    row: {
      id: record.id,
      kind: record.kind,
      v: record.schemaVersion,
      ...plaintextColumns(record),
      ...(keyId === undefined ? {} : { k: keyId }),
      iv,
      data,
    },
  };
}

function damaged<R extends StoredRecord>(id: string, kind: RecordKind | 'unknown'): RecordResult<R> {
  return { ok: false, id, kind, problem: 'beschadigd' };
}

// Every kind but audit events, which have their own table.
const ROW_KINDS: ReadonlySet<string> = new Set<RecordKind>(kindSchema.options.filter((kind) => kind !== 'audit'));

/**
 * Decrypts and checks a records-table row. `vaultKey` is the vault data key; a
 * row with `k` is opened with that per-case key (unwrapped by the vault key,
 * cached for the session; `caseKeyOf` replaces that lookup, e.g. for a raw
 * copy of the database read outside the app). Never throws.
 */
export async function openRecordRow(
  vaultKey: CryptoKey,
  row: RecordRow,
  caseKeyOf: (vaultKey: CryptoKey, keyId: string) => Promise<CryptoKey> = caseKeyById,
): Promise<RecordResult> {
  const kind = ROW_KINDS.has(row.kind) ? row.kind : 'unknown';
  try {
    if (kind === 'unknown') return damaged(row.id, kind);
    const key = row.k === undefined ? vaultKey : await caseKeyOf(vaultKey, row.k);
    const value = await decryptRecord(key, { kind: row.kind, id: row.id, schemaVersion: row.v }, row);
    const restored = restoreRecord(value);
    if (!restored.success) return damaged(row.id, kind);
    const record = restored.data;
    if (record.kind === 'audit' || record.id !== row.id || record.kind !== row.kind) return damaged(row.id, kind);
    const columns = plaintextColumns(record);
    if (columns.caseId !== row.caseId) {
      return damaged(row.id, kind);
    }
    return { ok: true, record };
  } catch {
    return damaged(row.id, kind);
  }
}

/** Decrypts and checks an audit row. Never throws. */
export async function openAuditRow(key: CryptoKey, row: AuditRow): Promise<RecordResult<AuditEvent>> {
  try {
    const value = await decryptRecord(key, { kind: 'audit', id: row.id, schemaVersion: row.v }, row);
    const restored = restoreRecord(value);
    if (!restored.success || !isKind(restored.data, 'audit')) return damaged(row.id, 'audit');
    const record = restored.data;
    if (record.id !== row.id || auditDay(record.at) !== row.at) return damaged(row.id, 'audit');
    return { ok: true, record };
  } catch {
    return damaged(row.id, 'audit');
  }
}

/** Narrows results to one kind; a record of another kind counts as damaged. */
export function ofKind<K extends RecordKind>(result: RecordResult, kind: K): RecordResult<RecordOfKind<K>> {
  if (!result.ok) return damaged(result.id, result.kind === kind ? kind : 'unknown');
  const record = result.record;
  return isKind(record, kind) ? { ok: true, record } : damaged(record.id, 'unknown');
}

export interface RecordQuery<K extends RecordKind> {
  kind: K;
  caseId?: string | undefined;
}

export type RawRows = { table: 'records'; rows: RecordRow[] } | { table: 'audit'; rows: AuditRow[] };

/** Dexie-only read (safe inside liveQuery): the raw rows of a query. */
export async function queryRows<K extends RecordKind>(query: RecordQuery<K>): Promise<RawRows> {
  if (query.kind === 'audit') {
    const rows = await db.audit.orderBy('at').toArray();
    return { table: 'audit', rows };
  }
  const rows =
    query.caseId === undefined
      ? await db.records.where('kind').equals(query.kind).toArray()
      : await db.records.where('[caseId+kind]').equals([query.caseId, query.kind]).toArray();
  return { table: 'records', rows };
}

/** Decrypts raw rows (WebCrypto only, no Dexie calls) and narrows them to `kind`. */
export async function openRows<K extends RecordKind>(
  key: CryptoKey,
  kind: K,
  raw: RawRows,
): Promise<Array<RecordResult<RecordOfKind<K>>>> {
  const results: RecordResult[] =
    raw.table === 'audit'
      ? inAuditOrder(await Promise.all(raw.rows.map((row) => openAuditRow(key, row))))
      : await Promise.all(raw.rows.map((row) => openRecordRow(key, row)));
  return results.map((result) => ofKind(result, kind));
}

/**
 * Audit rows carry only their UTC day in the clear, so the table's order within
 * a day is by random id: events are put back in the order they happened (exact
 * time, then chain position) after decryption. Damaged rows keep their place
 * at the end.
 */
function inAuditOrder(results: Array<RecordResult<AuditEvent>>): Array<RecordResult<AuditEvent>> {
  const seq = (e: AuditEvent): number => e.chain?.seq ?? -1;
  const ok = results.flatMap((r) => (r.ok ? [r] : []));
  ok.sort((a, b) => a.record.at.localeCompare(b.record.at) || seq(a.record) - seq(b.record));
  return [...ok, ...results.filter((r) => !r.ok)];
}

/** Audit rows have no plaintext caseId; a per-case audit list filters after decryption. */
export function filterAuditByCase<K extends RecordKind>(
  results: Array<RecordResult<RecordOfKind<K>>>,
  query: RecordQuery<K>,
): Array<RecordResult<RecordOfKind<K>>> {
  if (query.kind !== 'audit' || query.caseId === undefined) return results;
  return results.filter((r) => !r.ok || (isKind(r.record, 'audit') && r.record.caseId === query.caseId));
}
