// The pull side of the replicator (replicator.ts): one batch of _changes rows
// → which leaf revisions are new to this device → _bulk_get?revs=true →
// decrypt + validate each → fast-forward, deletion, or merge (merge.ts) when
// versions diverged → one Dexie transaction for the batch. The loop around it
// and the checkpoint stay in replicator.ts.
import type { SyncConflict } from '../../../schema/sync-conflict';
import type { SyncRow } from '../db';
import { VAULT_KEY_ID, decodeDoc, encodeDoc } from './codec';
import type { SyncPayload } from './codec';
import type { ChangeRow, CouchClient } from './http';
import {
  applyPulled,
  closedConflictKeys,
  openLocal,
  readLocalRows,
  readSyncRows,
  sealConflict,
  sealPayload,
} from './local';
import type { LocalRow, PulledWrite } from './local';
import { compareRevs, conflictId, conflictKey, mergeVersions } from './merge';
import type { Candidate } from './merge';
import { hashOf, isChangeable, knows, revisionsOf } from './revisions';
import { getSyncStatus, publishSyncStatus } from './status';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Kept by the replicator for its session: documents refused (undecryptable, invalid, changed
 * kind), and writes dropped because their case was erased on this device (their deletion is pushed).
 */
export interface PullCounts {
  refused: number;
  erasedDropped: number;
}

/**
 * Applies one batch of _changes rows: fetches the revisions this device lacks, decides per
 * document (fast-forward, deletion or merge) and writes the batch in one local transaction.
 * `key` is read only after the fetch, as the vault may lock meanwhile. `fetched` is called once
 * the _bulk_get succeeded (not when none was needed). Resolves the ids whose deletion this batch
 * applied (for the erasure acknowledgements).
 */
export async function applyChanges(
  client: CouchClient,
  key: () => CryptoKey,
  results: readonly ChangeRow[],
  counts: PullCounts,
  fetched?: () => void,
): Promise<string[]> {
  const rows = results.filter((r) => UUID.test(r.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const syncRows = await readSyncRows(ids);
  const requests: Array<{ id: string; rev: string }> = [];
  const leavesOf = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const s = syncRows[i];
    const leaves = row.changes.map((c) => c.rev);
    leavesOf.set(row.id, leaves);
    if (leaves.every((l) => knows(s, l))) return;
    for (const l of leaves) if (l !== s?.rev) requests.push({ id: row.id, rev: l });
  });
  if (requests.length === 0) return [];
  const bulk = await client.bulkGet(requests);
  fetched?.();
  const docsById = new Map<string, Array<Record<string, unknown>>>();
  for (const result of bulk) {
    for (const d of result.docs) {
      if ('ok' in d) docsById.set(result.id, [...(docsById.get(result.id) ?? []), d.ok]);
    }
  }
  const touched = [...docsById.keys()];
  const locals = await readLocalRows(touched);
  const dataKey = key();
  const syncOf = new Map(ids.map((id, i) => [id, syncRows[i]]));
  // Documents are decided concurrently: WebCrypto runs off the main thread, so
  // decrypting one while another is parsed and validated shortens a batch.
  const decideAll = (list: string[], chosen: ReadonlySet<string>) =>
    Promise.all(
      list.map((id) =>
        decide(
          dataKey,
          id,
          syncOf.get(id),
          leavesOf.get(id) ?? [],
          docsById.get(id) ?? [],
          locals.get(id),
          counts,
          chosen,
        ),
      ),
    );
  // Conflict items first: a choice that comes in the same batch as the chosen record is known when
  // that record merges (a consent keeps its strictest value only while its item is open).
  const isItem = (id: string) => locals.get(id)?.table === 'conflicts';
  const items = await decideAll(touched.filter(isItem), new Set());
  const chosen = new Set(items.flatMap((d) => (d?.item?.resolvedAt ? [conflictKey(d.item)] : [])));
  const decisions = [
    ...items,
    ...(await decideAll(
      touched.filter((id) => !isItem(id)),
      chosen,
    )),
  ];
  const writes: PulledWrite[] = [];
  const extra: LocalRow[] = [];
  for (const decision of decisions) {
    if (!decision) continue;
    writes.push(decision.write);
    extra.push(...decision.conflicts);
  }
  const applied = await applyPulled(dataKey, writes, extra);
  counts.erasedDropped += applied.dropped;
  // Added to the session count in the status (kept across restarts of replication, cleared at lock).
  if (applied.unsentErased > 0) {
    publishSyncStatus({ erasedUnsent: (getSyncStatus().erasedUnsent ?? 0) + applied.unsentErased });
  }
  if (counts.refused > 0) publishSyncStatus({ refused: counts.refused });
  return writes.flatMap((w) => (w.remove ? [w.id] : []));
}

async function decide(
  key: CryptoKey,
  id: string,
  s: SyncRow | undefined,
  leaves: readonly string[],
  docs: ReadonlyArray<Record<string, unknown>>,
  local: LocalRow | undefined,
  counts: PullCounts,
  /** `conflictKey` of closed items that came in this batch. */
  chosen: ReadonlySet<string>,
): Promise<{ write: PulledWrite; conflicts: LocalRow[]; item?: SyncConflict } | null> {
  const expectGen = s?.gen ?? 0;
  const keys = (k: string) => (k === VAULT_KEY_ID ? key : undefined);
  const liveDocs = docs.filter((d) => d['_deleted'] !== true);
  const localIsLiveLeaf = s?.rev !== undefined && leaves.includes(s.rev) && local !== undefined;

  if (liveDocs.length === 0) {
    if (localIsLiveLeaf) return null; // only closed branches are new; our version stands
    const newest = [...docs].sort((a, b) => compareRevs(String(a['_rev']), String(b['_rev'])))[0];
    if (!newest) return null;
    const caseErased = local?.table === 'records' && local.row.kind === 'case';
    return {
      write: {
        id,
        expectGen,
        remove: true,
        ...(caseErased ? { eraseCase: id } : {}),
        sync: { rev: String(newest['_rev']), revs: revisionsOf(newest) },
        pending: false,
      },
      conflicts: [],
    };
  }

  const remote: Array<Candidate & { doc: Record<string, unknown> }> = [];
  for (const doc of liveDocs) {
    const decoded = await decodeDoc(keys, doc);
    if (!decoded.ok) {
      counts.refused++;
      continue;
    }
    remote.push({ rev: String(doc['_rev']), payload: decoded.payload, doc });
  }
  if (remote.length === 0) return null;
  remote.sort((a, b) => compareRevs(a.rev, b.rev));
  const [winner] = remote;
  if (!winner) return null;

  const localPayload = local ? await openLocal(key, local) : null;
  // A record never changes table or kind: such a document is refused.
  if (
    local &&
    remote.some(
      (r) => r.payload.t !== local.table || (local.table === 'records' && r.payload.record.kind !== local.row.kind),
    )
  ) {
    counts.refused++;
    return null;
  }
  const includeLocal = localPayload !== null && (s?.pending === 1 || localIsLiveLeaf);
  const envelope = (doc: Record<string, unknown>) => ({
    iv: String(doc['iv']),
    ct: String(doc['ct']),
    k: String(doc['k']),
  });

  if (!includeLocal && remote.length === 1) {
    return {
      write: {
        id,
        expectGen,
        write: await sealPayload(key, winner.payload),
        ...(winner.payload.t === 'records' ? { record: winner.payload.record } : {}),
        sync: {
          rev: winner.rev,
          revs: revisionsOf(winner.doc),
          ...(isChangeable(winner.payload) ? { base: envelope(winner.doc) } : {}),
        },
        pending: false,
      },
      conflicts: [],
      ...(winner.payload.t === 'conflicts' ? { item: winner.payload.record } : {}),
    };
  }

  const candidates: Candidate[] = remote.map(({ rev, payload }) => ({ rev, payload }));
  if (includeLocal && localPayload) candidates.push({ rev: s?.rev ?? '0-', payload: localPayload });
  let base: SyncPayload | undefined;
  // The stored base is the version of `s.rev`: a common ancestor only when every other version
  // descends from it. Two devices that both pushed before pulling each other's change branch from an
  // older revision; our own pushed version as base would let the other side's change win silently,
  // so without a known ancestor every differing field counts as changed on both sides.
  const syncedRev = s?.rev;
  const baseIsAncestor =
    syncedRev !== undefined &&
    remote.every((r) => r.rev === syncedRev || revisionsOf(r.doc).includes(hashOf(syncedRev)));
  if (s?.base && baseIsAncestor) {
    const decoded = await decodeDoc(keys, { _id: id, v: 1, ...s.base });
    if (decoded.ok) base = decoded.payload;
  }
  const record = winner.payload.t === 'records' ? winner.payload.record : undefined;
  const closed = record?.kind === 'consent' ? [...chosen, ...(await closedConflictKeys(key, record.caseId, id))] : [];
  const merged = mergeVersions(candidates, base, new Set(closed));
  const now = new Date().toISOString();
  const conflicts: LocalRow[] = [];
  for (const c of merged.conflicts) {
    const record = { ...c, id: await conflictId(c), createdAt: now };
    conflicts.push({ table: 'conflicts', row: await sealConflict(key, record) });
  }
  // The merged record must still be a valid record (cross-field rules); otherwise the winner stands.
  const valid = (await decodeCheck(key, merged.payload)) ? merged.payload : winner.payload;
  const liveLeaves = new Set([...remote.map((r) => r.rev), ...(localIsLiveLeaf && s?.rev ? [s.rev] : [])]);
  liveLeaves.delete(winner.rev);
  return {
    write: {
      id,
      expectGen,
      write: await sealPayload(key, valid),
      ...(valid.t === 'records' ? { record: valid.record } : {}),
      sync: {
        rev: winner.rev,
        revs: revisionsOf(winner.doc),
        losers: [...liveLeaves],
        // The merged version is pushed as a child of the winner, so the winner's version is the base
        // from now on (the stored base is always the version of `rev`): keeping the older base would
        // make a later merge count the winner's own changes as local ones.
        ...(isChangeable(winner.payload) ? { base: envelope(winner.doc) } : {}),
      },
      pending: true,
    },
    conflicts,
    ...(valid.t === 'conflicts' ? { item: valid.record } : {}),
  };
}

/** Checks a merged record with the same rules a received one passes. */
async function decodeCheck(key: CryptoKey, payload: SyncPayload): Promise<boolean> {
  const doc = await encodeDoc(key, payload);
  const back = await decodeDoc((k) => (k === VAULT_KEY_ID ? key : undefined), doc);
  return back.ok;
}
