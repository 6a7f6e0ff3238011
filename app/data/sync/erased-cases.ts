// The cases erased on this device (issue 20): by the worker (store.eraseCase)
// or by a pulled deletion (local.applyPulled). Replication refuses every later
// write of such a case (local.ts drops it and leaves its deletion to push), so
// an erased case stays erased whatever order its writes arrive in.
// Stored in `meta`, one row per erased case: key `erased:<random id>`, value
// { iv, data } = the case id sealed under the vault data key (AES-GCM, AAD
// binding the row key, padded like records), zod-checked after decrypt.
// Written in the same transaction as the erasure; kept until the vault is
// erased. Decrypted once per unlock (later rows one by one as they appear),
// held in memory, forgotten at lock.
// This module is the read side (sync chunk); erased-case-mark.ts seals a row.
import { erasedCaseSchema } from '../../../schema/sync-erased';
import { decryptRecord } from '../crypto';
import type { Bytes } from '../crypto';
import { db } from '../db';
import type { MetaRow } from '../db';
import { getDataKey, subscribeVault } from '../session';
import { ERASED_PREFIX, erasedCaseHeader } from './erased-case-mark';

export { ERASED_PREFIX, sealErasedCase } from './erased-case-mark';

/** The number of list rows; read inside a transaction to see whether the list grew meanwhile. */
export function countErasedRows(): Promise<number> {
  return db.meta.where('key').startsWith(ERASED_PREFIX).count();
}

let cache: { key: CryptoKey; byRow: Map<string, string | null> } | null = null;
subscribeVault(() => {
  if (getDataKey() !== cache?.key) cache = null;
});

async function openRow(key: CryptoKey, row: MetaRow | undefined): Promise<string | null> {
  const value = row?.value as { iv?: unknown; data?: unknown } | undefined;
  if (!row || !(value?.iv instanceof Uint8Array) || !(value.data instanceof Uint8Array)) return null;
  try {
    const plain = await decryptRecord(key, erasedCaseHeader(row.key), {
      iv: value.iv as Bytes,
      data: value.data as Bytes,
    });
    const parsed = erasedCaseSchema.safeParse(plain);
    return parsed.success ? parsed.data.caseId : null;
  } catch {
    return null; // damaged or moved: not trusted as an erasure
  }
}

/**
 * The ids of the cases erased on this device, and how many list rows that is (for the
 * in-transaction check). Only rows not seen since the unlock are read and decrypted.
 */
export async function readErasedCases(key: CryptoKey): Promise<{ ids: ReadonlySet<string>; rows: number }> {
  if (cache?.key !== key) cache = { key, byRow: new Map() };
  const current = cache;
  const rowKeys = (await db.meta.where('key').startsWith(ERASED_PREFIX).primaryKeys()) as string[];
  const fresh = rowKeys.filter((k) => !current.byRow.has(k));
  if (fresh.length > 0) {
    const rows = await db.meta.bulkGet(fresh);
    const ids = await Promise.all(rows.map((row) => openRow(key, row)));
    fresh.forEach((k, i) => current.byRow.set(k, ids[i] ?? null));
  }
  const ids = new Set<string>();
  for (const id of current.byRow.values()) if (id !== null) ids.add(id);
  return { ids, rows: rowKeys.length };
}
