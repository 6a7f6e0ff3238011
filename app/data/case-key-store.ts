// STORAGE of per-case keys: the `caseKeys` table (db.ts), one self-contained
// row per key ({ id, iv, wrapped }, addressed by its random id), and the
// cache of unwrapped keys for this unlock (dropped at lock). Wrapping is
// in case-keys.ts. Which key a record row uses is in the row itself (`k`);
// which key a case uses is read from its case row (or, before the case row
// exists, from any row of the case), so no separate caseId ↔ keyId link is
// stored (see SECURITY.md). Issue 19 (bulk write): a write that makes many
// new case keys stores them in a few bundle rows instead (below).
import { Dexie } from 'dexie';

import { newCaseKeyId, newWrappedCaseKey, unwrapCaseKey } from './case-keys';
import type { WrappedCaseKey } from './case-keys';
import { db } from './db';
import type { CaseKeyBundleRow, CaseKeyRow, RecordRow } from './db';
import { getDataKey, subscribeVault } from './session';

// Unwrapped case keys by key id, for one unlock only: held with the vault key
// they were unwrapped under and dropped as soon as that key is (lock). Kept
// here, not in session.ts, so the lock screen's code does not grow.
const cache = new Map<string, Promise<CryptoKey>>();
// Which bundle row holds each bundled key id, for this unlock (see "Bundles" below; the ids are random
// and say nothing): read on the first key not in a row of its own, and again on a miss (another tab may
// have written a bundle). The wrapped bytes are read from the row at every lookup, so a key another tab
// erased is not found here either.
let directory: Promise<Map<string, string>> | null = null;
let cacheOwner: CryptoKey | null = null;
subscribeVault(() => {
  if (getDataKey() !== cacheOwner) {
    cache.clear();
    forgetDirectory();
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
    forgetDirectory();
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

function forgetDirectory(): void {
  directory = null;
}

// ---------------------------------------------------------------------------
// Bundles (issue 19, bulk write). On Chromium a row costs about the same to
// write whatever its size, so a restore of 10,000 cases spent as long on its
// 10,000 tiny key rows as on half its records. A write that makes at least
// BUNDLE_FROM new case keys stores them BUNDLE_SIZE to a row (CaseKeyBundleRow,
// about 100 bytes a key, so a full bundle stays under the 64 KiB at which
// Chromium moves a value to a file of its own). Each key is sealed exactly as
// in its own row (case-keys.ts: its own IV, AAD binding its id). Erasing a case
// zeroes its slot and rewrites the bundle (or deletes it with its last key) in
// the erase's transaction: crypto-shredding as for a key row of its own.
// ---------------------------------------------------------------------------

export const BUNDLE_FROM = 64;
const BUNDLE_SIZE = 500;
const BUNDLE_PREFIX = 'bundle:';
const IV_BYTES = 12;
const WRAPPED_BYTES = 48;

function isBundle(row: CaseKeyRow | CaseKeyBundleRow): row is CaseKeyBundleRow {
  return 'ids' in row;
}

/** The key rows of one write as stored: as they are, or BUNDLE_SIZE to a bundle row from BUNDLE_FROM keys on. */
export function packCaseKeyRows(rows: readonly CaseKeyRow[]): Array<CaseKeyRow | CaseKeyBundleRow> {
  if (rows.length < BUNDLE_FROM) return [...rows];
  const bundles: CaseKeyBundleRow[] = [];
  for (let start = 0; start < rows.length; start += BUNDLE_SIZE) {
    const part = rows.slice(start, start + BUNDLE_SIZE);
    const iv = new Uint8Array(part.length * IV_BYTES);
    const wrapped = new Uint8Array(part.length * WRAPPED_BYTES);
    part.forEach((row, i) => {
      if (row.iv.byteLength !== IV_BYTES || row.wrapped.byteLength !== WRAPPED_BYTES)
        throw new Error('wrapped case key of unexpected size');
      iv.set(row.iv, i * IV_BYTES);
      wrapped.set(row.wrapped, i * WRAPPED_BYTES);
    });
    bundles.push({ id: `${BUNDLE_PREFIX}${crypto.randomUUID()}`, ids: part.map((row) => row.id), iv, wrapped });
  }
  return bundles;
}

/** Every wrapped key in `rows` (key rows and bundle rows alike) by key id. */
export function wrappedKeysOf(rows: Iterable<CaseKeyRow | CaseKeyBundleRow>): Map<string, WrappedCaseKey> {
  const out = new Map<string, WrappedCaseKey>();
  for (const row of rows) {
    if (!isBundle(row)) {
      out.set(row.id, { iv: row.iv, wrapped: row.wrapped });
      continue;
    }
    row.ids.forEach((id, i) => {
      if (id !== '') out.set(id, slotOf(row, i));
    });
  }
  return out;
}

/** Every bundle row (in the running transaction, if any). */
function bundleRows(): Promise<CaseKeyBundleRow[]> {
  return db.caseKeys
    .where('id')
    .startsWith(BUNDLE_PREFIX)
    .toArray()
    .then((rows) => rows.filter(isBundle));
}

/** The wrapped key in slot `i` of `bundle`. */
function slotOf(bundle: CaseKeyBundleRow, i: number): WrappedCaseKey {
  return {
    iv: bundle.iv.subarray(i * IV_BYTES, (i + 1) * IV_BYTES),
    wrapped: bundle.wrapped.subarray(i * WRAPPED_BYTES, (i + 1) * WRAPPED_BYTES),
  };
}

/** The wrapped key `keyId` in `bundle`; undefined when the bundle (read now) does not hold it. */
function keyIn(bundle: CaseKeyBundleRow | undefined, keyId: string): WrappedCaseKey | undefined {
  const i = bundle ? bundle.ids.indexOf(keyId) : -1;
  return bundle && i >= 0 ? slotOf(bundle, i) : undefined;
}

function readDirectory(): Promise<Map<string, string>> {
  const reading = Dexie.ignoreTransaction(() => bundleRows()).then((bundles) => {
    const map = new Map<string, string>();
    for (const bundle of bundles) for (const id of bundle.ids) if (id !== '') map.set(id, bundle.id);
    return map;
  });
  directory = reading;
  reading.catch(() => {
    if (directory === reading) forgetDirectory();
  });
  return reading;
}

// Reads of one bundle row under way: the many lookups of a bulk read (an export, a rebuild) share them.
const bundleReads = new Map<string, Promise<CaseKeyBundleRow | undefined>>();

function readBundle(id: string): Promise<CaseKeyBundleRow | undefined> {
  let reading = bundleReads.get(id);
  if (!reading) {
    reading = Dexie.ignoreTransaction(() => db.caseKeys.get(id)).then((row) =>
      row && isBundle(row) ? row : undefined,
    );
    bundleReads.set(id, reading);
    const done = () => bundleReads.delete(id);
    reading.then(done, done);
  }
  return reading;
}

/** A bundled key, read from its bundle row now; undefined when no bundle holds it. */
async function bundledKey(keyId: string): Promise<WrappedCaseKey | undefined> {
  const known = directory;
  for (const map of [known ? await known : undefined, undefined]) {
    // A miss in the known directory reads it again (once; concurrent misses share that read).
    const current = map ?? (await (directory !== known && directory !== null ? directory : readDirectory()));
    const bundleId = current.get(keyId);
    const found = bundleId === undefined ? undefined : keyIn(await readBundle(bundleId), keyId);
    if (found) return found;
    if (map === undefined) return undefined;
  }
  return undefined;
}

/**
 * The wrapped key `keyId`, from its own row or its bundle (read now, outside any running
 * transaction); undefined when this device does not hold it (erased, or never received).
 */
export async function readWrappedKey(keyId: string): Promise<WrappedCaseKey | undefined> {
  // Issue 19: a key the bundle directory already read names is read from its bundle at once, not
  // after a miss on its own row (one read less on the first save to a case after unlock). A key
  // id always names the same key, so a bundle slot and an own row of it are the same key.
  const bundleId = directory ? (await directory.catch(() => undefined))?.get(keyId) : undefined;
  const bundled = bundleId === undefined ? undefined : keyIn(await readBundle(bundleId), keyId);
  if (bundled) return bundled;
  const row = await Dexie.ignoreTransaction(() => db.caseKeys.get(keyId));
  return row && !isBundle(row) ? row : bundledKey(keyId);
}

/**
 * Deletes the wrapped keys `keyIds`: their own rows, and their slots in bundles (zeroed; a bundle
 * without keys left is deleted; every bundle row is read, which costs nothing without bundles).
 * Inside shredCaseKeys' transaction.
 */
async function deleteCaseKeys(keyIds: readonly string[]): Promise<void> {
  if (keyIds.length === 0) return;
  await db.caseKeys.bulkDelete([...keyIds]);
  const rest = new Set(keyIds);
  for (const bundle of await bundleRows()) {
    let cleared = false;
    bundle.ids.forEach((id, i) => {
      if (!rest.has(id)) return;
      bundle.ids[i] = '';
      bundle.iv.fill(0, i * IV_BYTES, (i + 1) * IV_BYTES);
      bundle.wrapped.fill(0, i * WRAPPED_BYTES, (i + 1) * WRAPPED_BYTES);
      cleared = true;
    });
    if (!cleared) continue;
    if (bundle.ids.every((id) => id === '')) await db.caseKeys.delete(bundle.id);
    else await db.caseKeys.put(bundle);
  }
}

/**
 * Crypto-shredding of one case: deletes the wrapped keys its rows name (and `alsoKeyIds`, e.g. of
 * its case row removed earlier in the same transaction). Call inside a transaction that includes
 * db.records and db.caseKeys, before the rows go; resolves the key ids, for forgetCaseKey once it
 * committed.
 */
export async function shredCaseKeys(caseId: string, alsoKeyIds: readonly string[] = []): Promise<string[]> {
  const keyIds = new Set(alsoKeyIds);
  await db.records
    .where('caseId')
    .equals(caseId)
    .each((row) => {
      if (row.k !== undefined) keyIds.add(row.k);
    });
  await deleteCaseKeys([...keyIds]);
  return [...keyIds];
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
    const wrapped = await readWrappedKey(keyId);
    if (!wrapped) throw new CaseKeyMissingError(keyId);
    return unwrapCaseKey(vaultKey, wrapped, keyId);
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
