// STORAGE of per-case keys: the `caseKeys` table (db.ts), one self-contained
// row per key ({ id, iv, wrapped }, addressed by its random id), and the
// cache of unwrapped keys for this unlock (dropped at lock). Wrapping is
// in case-keys.ts. Which key a record row uses is in the row itself (`k`);
// which key a case uses is read from its case row (or, before the case row
// exists, from any row of the case), so no separate caseId ↔ keyId link is
// stored (see SECURITY.md).
import { Dexie } from 'dexie';

import { newCaseKeyId, newWrappedCaseKey, unwrapCaseKey } from './case-keys';
import { db } from './db';
import type { CaseKeyRow, RecordRow } from './db';
import { getDataKey, subscribeVault } from './session';

// Unwrapped case keys by key id, for one unlock only: held with the vault key
// they were unwrapped under and dropped as soon as that key is (lock). Kept
// here, not in session.ts, so the lock screen's code does not grow.
const cache = new Map<string, Promise<CryptoKey>>();
let cacheOwner: CryptoKey | null = null;
subscribeVault(() => {
  if (getDataKey() !== cacheOwner) {
    cache.clear();
    cacheOwner = getDataKey();
  }
});

/** The cached (possibly pending) case key for `keyId`, if unwrapped during this unlock. */
export function getCachedCaseKey(keyId: string): Promise<CryptoKey> | undefined {
  return getDataKey() === cacheOwner ? cache.get(keyId) : undefined;
}

function cacheCaseKey(vaultKey: CryptoKey, keyId: string, key: Promise<CryptoKey>): void {
  if (getDataKey() !== vaultKey) return;
  if (cacheOwner !== vaultKey) {
    cache.clear();
    cacheOwner = vaultKey;
  }
  cache.set(keyId, key);
  key.catch(() => {
    if (cache.get(keyId) === key) cache.delete(keyId);
  });
}

/** Forgets one case key (its case was erased). */
export function forgetCaseKey(keyId: string): void {
  cache.delete(keyId);
}

export class CaseKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super('Case key missing (erased or not yet synchronised)');
    this.name = 'CaseKeyMissingError';
  }
}

/**
 * The unwrapped case key with id `keyId`: from this unlock's cache, else read
 * (outside any running transaction) and unwrapped with `vaultKey`. Rejects
 * with CaseKeyMissingError when the key row is gone (the case was erased).
 */
export function caseKeyById(vaultKey: CryptoKey, keyId: string): Promise<CryptoKey> {
  const cached = getDataKey() === vaultKey ? getCachedCaseKey(keyId) : undefined;
  if (cached) return cached;
  const loading = (async () => {
    const row = await Dexie.ignoreTransaction(() => db.caseKeys.get(keyId));
    if (!row) throw new CaseKeyMissingError(keyId);
    return unwrapCaseKey(vaultKey, row, keyId);
  })();
  cacheCaseKey(vaultKey, keyId, loading);
  return loading;
}

/**
 * The key id a case's rows use; null while its case row is still under the
 * vault key (not yet migrated); undefined when the case has no key yet (new).
 */
export async function caseKeyIdOf(caseId: string, caseRow?: RecordRow | null): Promise<string | null | undefined> {
  // `caseRow`: the case's row when the caller already read it (null: read, absent).
  const row = caseRow === undefined ? await db.records.get(caseId) : (caseRow ?? undefined);
  if (row?.kind === 'case') return row.k ?? null;
  // No case row (e.g. a restore writing parts first): any keyed row of the case.
  const keyed = await db.records
    .where('caseId')
    .equals(caseId)
    .filter((row) => row.k !== undefined)
    .first();
  return keyed?.k;
}

// Issue 19 (bulk write): from this many cases without a case row on, and when the records table
// holds at most ROWS_PER_CASE rows per such case, the cases that have any row at all are found with
// one read of the caseId index's distinct keys instead of one query per case.
const BULK_CASES = 256;
const ROWS_PER_CASE = 8;

/**
 * Of `caseIds` (cases without a case row), the ones with any row in `records`: only those can have
 * a key (caseKeyIdOf); the others are new. Null when one query per case is cheaper (few cases, or a
 * large table): then ask caseKeyIdOf for each. Call outside any transaction (it opens its own).
 */
export async function casesWithRows(caseIds: readonly string[]): Promise<ReadonlySet<string> | null> {
  if (caseIds.length < BULK_CASES) return null;
  return db.transaction('r', db.records, async () => {
    const count = await db.records.count();
    if (count > ROWS_PER_CASE * caseIds.length) return null;
    if (count === 0) return new Set<string>();
    return new Set((await db.records.orderBy('caseId').uniqueKeys()).map(String));
  });
}

export interface NewCaseKey {
  keyId: string;
  /** Non-extractable copy, cached for this unlock. */
  key: CryptoKey;
  /** To store in the same transaction as the first row encrypted under it. */
  row: CaseKeyRow;
}

/** A new random case key, wrapped by `vaultKey` and cached for this unlock. Call outside any transaction. */
export async function createCaseKey(vaultKey: CryptoKey): Promise<NewCaseKey> {
  const keyId = newCaseKeyId();
  // The session gets only a non-extractable key.
  const { key, wrapped } = await newWrappedCaseKey(vaultKey, keyId);
  cacheCaseKey(vaultKey, keyId, Promise.resolve(key));
  return { keyId, key, row: { id: keyId, ...wrapped } };
}
