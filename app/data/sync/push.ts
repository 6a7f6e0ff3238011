// The push side of the replicator (replicator.ts): rows marked pending
// (track.ts, same transaction as the write) → encrypt → a new revision,
// stored as "planned" first so a resend after a crash is the same revision →
// _revs_diff → _bulk_docs new_edits:false → clear the marks that did not
// change meanwhile. Losing branches of a merge are closed with derived
// deletions. The loop around it and purging stay in replicator.ts.
import type { SyncRow } from '../db';
import { encodeDoc } from './codec';
import type { SyncDoc } from './codec';
import type { CouchClient } from './http';
import { commitPushed, openLocal, planRevisions, readLocalRows } from './local';
import type { Pushed } from './local';
import { revNumber } from './merge';
import { REVS_LIMIT, closingHash, hashOf, isChangeable, randomHash } from './revisions';

/** Why the server refused a pending row: too large, or any other refusal. */
export type HeldReason = 'tooLarge' | 'refused';

/** A pending row the server refused at this local generation (`gen`), and why. */
export interface HeldRow {
  id: string;
  gen: number;
  reason: HeldReason;
}

/**
 * Pushes one batch of pending rows; adds to `skip` the rows not sent (unreadable locally, refused
 * by the server) and returns the refused ones as `held` and the unreadable ones as `unreadable` (id
 * and generation). Returns how many documents were sent and the erased
 * ones (every leaf this device closed), for the replicator to purge where allowed.
 */
export async function pushBatch(
  client: CouchClient,
  key: () => CryptoKey,
  rows: readonly SyncRow[],
  skip: Set<string>,
): Promise<{
  sent: number;
  erased: Record<string, string[]>;
  held: HeldRow[];
  unreadable: Array<{ id: string; gen: number }>;
}> {
  const dataKey = key();
  const locals = await readLocalRows(rows.map((r) => r.id));
  const docs: Array<Record<string, unknown>> = [];
  const pushed: Pushed[] = [];
  const plans: Array<{ id: string; gen: number; rev: string }> = [];
  const erased: Record<string, string[]> = {};
  const held: HeldRow[] = [];
  const unreadable: Array<{ id: string; gen: number }> = [];
  for (const s of rows) {
    const local = locals.get(s.id);
    if (!local && !s.rev) {
      pushed.push({ id: s.id, gen: s.gen, rev: '', revs: [], drop: true });
      continue;
    }
    // A planned revision of an older generation may be on the server (answer lost): build on it.
    const stale = s.planned && s.planned.gen !== s.gen ? s.planned.rev : undefined;
    const parent = stale ?? s.rev;
    const parentRevs = stale ? [hashOf(stale), ...(s.revs ?? [])] : (s.revs ?? []);
    const n = parent ? revNumber(parent) : 0;
    const rev = s.planned?.gen === s.gen ? s.planned.rev : `${n + 1}-${randomHash()}`;
    if (s.planned?.rev !== rev) plans.push({ id: s.id, gen: s.gen, rev });
    const revs = [hashOf(rev), ...parentRevs].slice(0, REVS_LIMIT);
    const _revisions = { start: n + 1, ids: revs };
    let base: Pushed['base'];
    if (local) {
      const payload = await openLocal(dataKey, local);
      if (!payload) {
        // Not readable here: skipped this round, tried again next round (not held: a row can be
        // unreadable for a moment, e.g. while its case is being erased or its key changes).
        skip.add(s.id);
        unreadable.push({ id: s.id, gen: s.gen });
        continue;
      }
      const doc: SyncDoc = await encodeDoc(dataKey, payload);
      docs.push({ ...doc, _rev: rev, _revisions });
      if (isChangeable(payload)) base = { iv: doc.iv, ct: doc.ct, k: doc.k };
    } else {
      docs.push({ _id: s.id, _rev: rev, _deleted: true, _revisions });
      erased[s.id] = [rev];
    }
    for (const loser of s.losers ?? []) {
      const ln = revNumber(loser);
      if (erased[s.id]) erased[s.id]?.push(`${ln + 1}-${await closingHash(loser)}`);
      docs.push({
        _id: s.id,
        _rev: `${ln + 1}-${await closingHash(loser)}`,
        _deleted: true,
        _revisions: { start: ln + 1, ids: [await closingHash(loser), hashOf(loser)] },
      });
    }
    pushed.push({ id: s.id, gen: s.gen, rev, revs, ...(base ? { base } : {}) });
  }
  await planRevisions(plans);
  const wanted: Record<string, string[]> = {};
  for (const d of docs) {
    const id = String(d['_id']);
    wanted[id] = [...(wanted[id] ?? []), String(d['_rev'])];
  }
  const diff = await client.revsDiff(wanted);
  const send = docs.filter((d) => diff[String(d['_id'])]?.missing?.includes(String(d['_rev'])));
  const errors = await client.bulkDocs(send);
  const failed = new Set(errors.map((e) => e.id));
  const gens = new Map(rows.map((r) => [r.id, r.gen]));
  for (const e of errors) {
    if (e.id === undefined) continue;
    const gen = gens.get(e.id);
    // CouchDB: 413 for a document over max_document_size (http.ts: 'too_large'); a per-document
    // error such as "forbidden" (validate_doc_update) or "unauthorized" otherwise.
    if (gen !== undefined && !skip.has(e.id)) {
      held.push({ id: e.id, gen, reason: e.error === 'too_large' ? 'tooLarge' : 'refused' });
    }
    skip.add(e.id);
  }
  await commitPushed(pushed.filter((p) => !failed.has(p.id)));
  for (const id of failed) if (id !== undefined) delete erased[id];
  return { sent: send.length, erased, held, unreadable };
}
