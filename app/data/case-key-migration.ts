// Moves records written before per-case keys (encrypted under the vault data
// key, no `k`) to their case's own key, after unlock, case by case in small
// batches. Each batch is ONE transaction that re-checks every row it
// replaces, and each row names its key (`k`), so a kill at any point leaves
// every record readable, under the old key or the new one, and the next
// unlock simply continues with the rows still without `k`. A case's new
// wrapped key is stored in the same transaction as its first re-keyed rows.
import { caseKeyById, caseKeyIdOf, createCaseKey } from './case-key-store';
import type { NewCaseKey } from './case-key-store';
import { decryptRecord, encryptRecord } from './crypto';
import type { Bytes } from './crypto';
import { db } from './db';
import type { RecordRow } from './db';
import { getDataKey, requireDataKey } from './session';

export interface CaseKeyMigrationProgress {
  /** Cases done in this run. */
  done: number;
  /** Cases that still had records under the vault key when this run began. */
  total: number;
}

export interface CaseKeyMigrationOptions {
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (progress: CaseKeyMigrationProgress) => void;
  /**
   * Test hook, to simulate a killed tab: called with a running count before
   * each write transaction ('before') and inside it after its writes
   * ('inside', so a throw rolls it back).
   */
  onWrite?: (n: number, where: 'before' | 'inside') => void;
}

export interface CaseKeyMigrationResult {
  cases: number;
  rows: number;
  /** False when the vault was locked mid-way (the next unlock continues). */
  complete: boolean;
}

const DEFAULT_BATCH = 25;

function sameBytes(a: Bytes, b: Bytes): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Ids of rows of a case still under the vault key, grouped by case (case row first). */
async function legacyRowsByCase(): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  await db.records
    .filter((row) => row.caseId !== undefined && row.k === undefined)
    .each((row) => {
      const caseId = row.caseId as string;
      const ids = byCase.get(caseId) ?? [];
      if (row.id === caseId) ids.unshift(row.id);
      else ids.push(row.id);
      byCase.set(caseId, ids);
    });
  return byCase;
}

/** Re-encrypts one row's exact plaintext under the case key; undefined when it does not open (left as it is). */
async function rekey(
  vaultKey: CryptoKey,
  caseKey: CryptoKey,
  keyId: string,
  row: RecordRow,
): Promise<RecordRow | undefined> {
  const header = { kind: row.kind, id: row.id, schemaVersion: row.v };
  let value: unknown;
  try {
    value = await decryptRecord(vaultKey, header, row);
  } catch {
    return undefined; // Damaged: stays under the vault key, reported as "beschadigd" as before.
  }
  const { iv, data } = await encryptRecord(caseKey, header, value);
  return { ...row, k: keyId, iv, data };
}

/**
 * Migrates every record of a case still under the vault key to its case's
 * key. Idempotent; safe to run at every unlock and to interrupt anywhere.
 * Stops (complete: false) when the vault locks. Fails with VaultLockedError
 * when locked at the start, or with a storage error (what was committed
 * stays committed and readable).
 */
export async function migrateToCaseKeys(options: CaseKeyMigrationOptions = {}): Promise<CaseKeyMigrationResult> {
  const vaultKey = requireDataKey();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const byCase = await legacyRowsByCase();
  const total = byCase.size;
  let done = 0;
  let rows = 0;
  let writes = 0;
  options.onProgress?.({ done, total });
  for (const [caseId, ids] of byCase) {
    const known = await caseKeyIdOf(caseId);
    let keyId: string;
    let caseKey: CryptoKey;
    // A new key is stored with the first batch; until then it exists only here.
    let pending: NewCaseKey | undefined;
    if (typeof known === 'string') {
      keyId = known;
      caseKey = await caseKeyById(vaultKey, known);
    } else {
      pending = await createCaseKey(vaultKey);
      keyId = pending.keyId;
      caseKey = pending.key;
    }
    for (let i = 0; i < ids.length; i += batchSize) {
      if (getDataKey() !== vaultKey) return { cases: done, rows, complete: false };
      const before = (await db.records.bulkGet(ids.slice(i, i + batchSize))).filter(
        (row): row is RecordRow => row !== undefined && row.k === undefined,
      );
      const next = (await Promise.all(before.map((row) => rekey(vaultKey, caseKey, keyId, row)))).filter(
        (row): row is RecordRow => row !== undefined,
      );
      if (next.length === 0) continue;
      const oldIv = new Map(before.map((row) => [row.id, row.iv]));
      const n = writes++;
      options.onWrite?.(n, 'before');
      const newKeyRow = pending?.row;
      const written = await db.transaction('rw', db.records, db.caseKeys, async () => {
        if (newKeyRow) await db.caseKeys.add(newKeyRow);
        // Only rows unchanged since they were read: a save in between wins,
        // and its row is picked up by the next run.
        const current = await db.records.bulkGet(next.map((row) => row.id));
        const unchanged = next.filter((row, j) => {
          const now = current[j];
          const iv = oldIv.get(row.id);
          return now !== undefined && now.k === undefined && iv !== undefined && sameBytes(now.iv, iv);
        });
        await db.records.bulkPut(unchanged);
        options.onWrite?.(n, 'inside');
        return unchanged.length;
      });
      rows += written;
      pending = undefined;
    }
    done += 1;
    options.onProgress?.({ done, total });
  }
  return { cases: done, rows, complete: true };
}
