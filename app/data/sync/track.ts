// Local change tracking for replication, called INSIDE the transaction of
// every local write (store.ts), so a change and its pending-push mark are
// committed together: a crash can never lose a mark. Tiny on purpose: this
// is on the normal write path even when sync is not set up (then the marks
// simply wait for the first push). One exception (issue 19, bulk write): a
// write of new ids (a restore) on a device without a sync configuration and
// without replication state adds no marks; storing the first configuration
// marks every unmarked row (sync/config.ts), in its own transaction.
import { Dexie } from 'dexie';

import { db } from '../db';
import type { SyncRow } from '../db';

// Issue 19 (bulk write): from this many ids on, the sync table is counted first, and when it holds
// at most SCAN_FACTOR rows per id it is read whole in one request instead of one get per id.
const BULK_IDS = 256;
const SCAN_FACTOR = 2;

/**
 * The current sync rows of `ids` (in order; undefined where none). A bulk mark on a small table
 * (a restore into a new logbook: none or a few rows) reads the table in one request, or nothing
 * when it is empty; otherwise one get per id. The same rows either way, read in the caller's transaction.
 */
async function currentRows(ids: readonly string[]): Promise<Array<SyncRow | undefined>> {
  if (ids.length < BULK_IDS) return db.sync.bulkGet([...ids]);
  const count = await db.sync.count();
  if (count > SCAN_FACTOR * ids.length) return db.sync.bulkGet([...ids]);
  if (count === 0) return ids.map(() => undefined);
  const byId = new Map((await db.sync.toArray()).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}

/**
 * Marks rows (written or deleted) as changed; call inside a transaction that includes db.sync.
 * `fresh`: ids that most likely have no sync row yet (a new note or audit event). Their marks are
 * added without reading first (issue 19: one request less per id); an id that has a row after all
 * fails its add (the table's key is unique; the failure is caught, so the transaction goes on) and
 * is marked like the others. The same rows as without the hint, in the same transaction.
 * `known`: sync rows of some ids already read in this transaction (not read again).
 */
export async function markChanged(
  ids: readonly string[],
  fresh?: ReadonlySet<string>,
  known?: ReadonlyMap<string, SyncRow | undefined>,
): Promise<void> {
  if (ids.length === 0) return;
  // With a repeated id the add of its second mark would fail and bump its generation twice.
  const unique = fresh !== undefined && fresh.size > 0 && new Set(ids).size === ids.length;
  const added = unique ? ids.filter((id) => fresh.has(id)) : [];
  const rest = added.length > 0 ? ids.filter((id) => !fresh?.has(id)) : ids;
  const [taken] = await Promise.all([addMarks(added), putMarks(rest, known)]);
  await putMarks(taken);
}

/** Adds first marks for `ids`; resolves the ids that already had a sync row (not changed). */
async function addMarks(ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  try {
    await db.sync.bulkAdd(ids.map((id): SyncRow => ({ id, pending: 1, gen: 1 })));
    return [];
  } catch (e) {
    // Anything but "this key exists" is a real failure (then the transaction aborts as before).
    if (!(e instanceof Dexie.BulkError) || e.failures.some((f) => f.name !== 'ConstraintError')) throw e;
    return Object.keys(e.failuresByPos).map((pos) => ids[Number(pos)] as string);
  }
}

/**
 * Marks rows that may have a sync row: reads them, then puts each with its generation bumped.
 * `known`: sync rows the caller already read in this same transaction (issue 19: with its other
 * reads); read here only when one of `ids` is not among them.
 */
async function putMarks(ids: readonly string[], known?: ReadonlyMap<string, SyncRow | undefined>): Promise<void> {
  if (ids.length === 0) return;
  const rows = known && ids.every((id) => known.has(id)) ? ids.map((id) => known.get(id)) : await currentRows(ids);
  await db.sync.bulkPut(
    ids.map((id, i) => {
      const old = rows[i];
      return { ...(old ?? { id }), id, pending: 1, gen: (old?.gen ?? 0) + 1 };
    }),
  );
}

/** The `meta` key of the sync configuration (sync/config.ts). */
export const SYNC_CONFIG_KEY = 'syncConfig';

/**
 * Whether a bulk write of new ids must add replication marks: not on a device that has neither a
 * sync configuration nor any replication state (a new logbook). There nothing is pushed, and storing
 * the first configuration marks every unmarked row (sync/config.ts) in the same transaction, so no
 * row is ever left out of the first push. (With replication state left from an earlier sync, an id
 * may have a sync row saying it was pushed: then every row is marked as before.) Call inside the
 * write's transaction (it must include db.meta and db.sync).
 */
export async function bulkMarksNeeded(): Promise<boolean> {
  const [config, synced] = await Promise.all([db.meta.get(SYNC_CONFIG_KEY), db.sync.count()]);
  return config !== undefined || synced > 0;
}

/** An erased case also loses its conflict items (they replicate as deletions too). */
export async function eraseCaseConflicts(caseId: string): Promise<void> {
  const ids = await db.conflicts.where('caseId').equals(caseId).primaryKeys();
  if (ids.length === 0) return;
  await db.conflicts.bulkDelete(ids);
  await markChanged(ids);
}
