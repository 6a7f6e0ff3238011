// Local change tracking for replication, called INSIDE the transaction of
// every local write (store.ts), so a change and its pending-push mark are
// committed together: a crash can never lose a mark. Tiny on purpose: this
// is on the normal write path even when sync is not set up (then the marks
// simply wait for the first push).
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

/** Marks rows (written or deleted) as changed; call inside a transaction that includes db.sync. */
export async function markChanged(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await currentRows(ids);
  await db.sync.bulkPut(
    ids.map((id, i) => {
      const old = rows[i];
      return { ...(old ?? { id }), id, pending: 1, gen: (old?.gen ?? 0) + 1 };
    }),
  );
}

/** An erased case also loses its conflict items (they replicate as deletions too). */
export async function eraseCaseConflicts(caseId: string): Promise<void> {
  const ids = await db.conflicts.where('caseId').equals(caseId).primaryKeys();
  if (ids.length === 0) return;
  await db.conflicts.bulkDelete(ids);
  await markChanged(ids);
}
