// Local change tracking for replication, called INSIDE the transaction of
// every local write (store.ts), so a change and its pending-push mark are
// committed together: a crash can never lose a mark. Tiny on purpose: this
// is on the normal write path even when sync is not set up (then the marks
// simply wait for the first push).
import { db } from '../db';

/** Marks rows (written or deleted) as changed; call inside a transaction that includes db.sync. */
export async function markChanged(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.sync.bulkGet([...ids]);
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
