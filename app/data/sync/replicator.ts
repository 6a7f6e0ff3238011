// Baken's replicator: the CouchDB replication protocol between the local
// Dexie tables and the worker's database on the server, written for Baken
// (no second local store; see SECURITY.md "Synchronisatie" for why not PouchDB).
//
// Pull: _changes (style=all_docs, since = checkpoint) → which leaf revisions
// are new to this device → _bulk_get?revs=true → decrypt + validate each →
// fast-forward, or merge (merge.ts) when versions diverged → one Dexie
// transaction per batch → checkpoint (locally and in _local/<replication id>).
// Push: rows marked pending (track.ts, same transaction as the write) →
// encrypt → a new revision, stored as "planned" first so a resend after a
// crash is the same revision → _revs_diff → _bulk_docs new_edits:false →
// clear the marks that did not change meanwhile.
// Live: after a round, a longpoll _changes waits for the server while a local
// write (pending count) or going online wakes the loop. Errors back off.
import { liveQuery } from 'dexie';

import type { SyncRow } from '../db';
import { getDataKey, subscribeVault, getVaultSnapshot } from '../session';
import { VAULT_KEY_ID, decodeDoc, encodeDoc } from './codec';
import type { SyncDoc, SyncPayload } from './codec';
import { SyncHttpError, couchClient } from './http';
import type { ChangeRow, CouchClient } from './http';
import {
  LocalChangedError,
  applyPulled,
  commitPushed,
  countPending,
  openLocal,
  planRevisions,
  readCheckpoint,
  readLocalRows,
  readPending,
  readSyncRows,
  sealConflict,
  sealPayload,
  writeCheckpoint,
} from './local';
import type { LocalRow, PulledWrite, Pushed } from './local';
import { compareRevs, conflictId, mergeVersions, revNumber } from './merge';
import type { Candidate } from './merge';
import { publishSyncStatus } from './status';

/** What the replicator needs of the sync configuration (G's SyncConfig has these fields). */
export interface SyncTarget {
  db: string;
  account: string;
  password: string;
}

export interface ReplicatorOptions {
  /** Default "/sync/" (same origin, proxied to CouchDB). */
  base?: string;
  fetch?: typeof fetch;
  /** Keep running (longpoll) after catching up. Default true. */
  live?: boolean;
  batchSize?: number;
  /** Called (not awaited) after a completed round, at most once a minute: e.g. the device-removal check. */
  afterRound?: () => Promise<unknown>;
  /**
   * Whether an erased record's documents may be purged from the server right after their deletion
   * was pushed: only when no other device still has to learn of the erasure (a purged document
   * vanishes from _changes). Without it nothing is purged.
   */
  purgeErased?: () => Promise<boolean>;
}

const REVS_LIMIT = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APPEND_ONLY = new Set(['note']);

function hashOf(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

function randomHash(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of the deletion that closes a losing branch: derived, so every resend and device makes the same one. */
async function closingHash(loser: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`baken-close|${loser}`)));
  return [...d.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when `rev` is this device's revision or one of its ancestors. */
function knows(s: SyncRow | undefined, rev: string): boolean {
  // Our own planned revision, stored by a push whose answer was lost: not news.
  if (s?.planned?.rev === rev) return true;
  if (!s?.rev || !s.revs) return false;
  const index = revNumber(s.rev) - revNumber(rev);
  return index >= 0 && s.revs[index] === hashOf(rev);
}

function revisionsOf(doc: Record<string, unknown>): string[] {
  const r = doc['_revisions'];
  if (typeof r === 'object' && r !== null && Array.isArray((r as { ids?: unknown }).ids)) {
    return ((r as { ids: unknown[] }).ids.filter((x) => typeof x === 'string') as string[]).slice(0, REVS_LIMIT);
  }
  return [hashOf(String(doc['_rev']))];
}

function isChangeable(payload: SyncPayload): boolean {
  return payload.t === 'records' && !APPEND_ONLY.has(payload.record.kind);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export class Replicator {
  private readonly client: CouchClient;
  private readonly batch: number;
  private since: string | number = 0;
  private session = '';
  private refused = 0;
  /** False once the server refused a purge (403/404/501): not asked again this session. */
  private purgeAllowed = true;

  constructor(
    private readonly target: SyncTarget,
    private readonly options: ReplicatorOptions = {},
  ) {
    this.client = couchClient({
      base: `${options.base ?? '/sync/'}${encodeURIComponent(target.db)}/`,
      account: target.account,
      password: target.password,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.batch = options.batchSize ?? 200;
  }

  private key(): CryptoKey {
    const key = getDataKey();
    if (!key) throw new SyncHttpError('aborted');
    return key;
  }

  private get replicationId(): string {
    return `baken-pull-${this.session}`;
  }

  /** Loads the checkpoint; starts over (safely: pulling is idempotent) when the server's copy disagrees. */
  async loadCheckpoint(): Promise<void> {
    const local = await readCheckpoint();
    if (local && local.db === this.target.db) {
      this.session = local.session;
      const remote = await this.client.getLocal(this.replicationId);
      this.since = remote && String(remote['source_last_seq']) === String(local.since) ? local.since : 0;
    } else {
      this.session = randomHash();
      this.since = 0;
    }
  }

  private async saveCheckpoint(since: string | number): Promise<void> {
    this.since = since;
    await writeCheckpoint({ db: this.target.db, since, session: this.session });
    await this.client.putLocal(this.replicationId, { source_last_seq: since, session_id: this.session });
  }

  /** Pulls until caught up. Returns the number of changes seen. */
  async pullAll(): Promise<number> {
    let seen = 0;
    for (;;) {
      const response = await this.client.changes(this.since, { limit: this.batch });
      const total = seen + response.results.length + (response.pending ?? 0);
      for (let attempt = 0; ; attempt++) {
        try {
          await this.applyChanges(response.results);
          break;
        } catch (e) {
          // A local write raced the batch: decide again on fresh local state.
          if (!(e instanceof LocalChangedError) || attempt >= 3) throw e;
        }
      }
      seen += response.results.length;
      if (response.results.length > 0) {
        await this.saveCheckpoint(response.last_seq as string | number);
        if (total > this.batch) publishSyncStatus({ progress: { direction: 'ontvangen', done: seen, total } });
      }
      if (response.results.length < this.batch || response.pending === 0) break;
    }
    publishSyncStatus({}, ['progress']);
    return seen;
  }

  private async applyChanges(results: readonly ChangeRow[]): Promise<void> {
    const rows = results.filter((r) => UUID.test(r.id));
    if (rows.length === 0) return;
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
    if (requests.length === 0) return;
    const fetched = await this.client.bulkGet(requests);
    const docsById = new Map<string, Array<Record<string, unknown>>>();
    for (const result of fetched) {
      for (const d of result.docs) {
        if ('ok' in d) docsById.set(result.id, [...(docsById.get(result.id) ?? []), d.ok]);
      }
    }
    const touched = [...docsById.keys()];
    const locals = await readLocalRows(touched);
    const key = this.key();
    const writes: PulledWrite[] = [];
    const extra: LocalRow[] = [];
    for (const id of touched) {
      const s = syncRows[ids.indexOf(id)];
      const decision = await this.decide(key, id, s, leavesOf.get(id) ?? [], docsById.get(id) ?? [], locals.get(id));
      if (!decision) continue;
      writes.push(decision.write);
      extra.push(...decision.conflicts);
    }
    await applyPulled(key, writes, extra);
    if (this.refused > 0) publishSyncStatus({ refused: this.refused });
  }

  private async decide(
    key: CryptoKey,
    id: string,
    s: SyncRow | undefined,
    leaves: readonly string[],
    docs: ReadonlyArray<Record<string, unknown>>,
    local: LocalRow | undefined,
  ): Promise<{ write: PulledWrite; conflicts: LocalRow[] } | null> {
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
        this.refused++;
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
      this.refused++;
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
      };
    }

    const candidates: Candidate[] = remote.map(({ rev, payload }) => ({ rev, payload }));
    if (includeLocal && localPayload) candidates.push({ rev: s?.rev ?? '0-', payload: localPayload });
    let base: SyncPayload | undefined;
    if (s?.base) {
      const decoded = await decodeDoc(keys, { _id: id, v: 1, ...s.base });
      if (decoded.ok) base = decoded.payload;
    }
    const merged = mergeVersions(candidates, base);
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
          ...(s?.base ? { base: s.base } : {}),
        },
        pending: true,
      },
      conflicts,
    };
  }

  /** Pushes every pending change. Returns the number of documents sent. */
  async pushAll(): Promise<number> {
    let sent = 0;
    const skip = new Set<string>();
    const total = await countPending();
    for (;;) {
      const rows = (await readPending(this.batch + skip.size)).filter((r) => !skip.has(r.id)).slice(0, this.batch);
      if (rows.length === 0) break;
      sent += await this.pushBatch(rows, skip);
      if (total > this.batch) publishSyncStatus({ progress: { direction: 'verzonden', done: sent, total } });
      publishSyncStatus({ waiting: await countPending() });
    }
    publishSyncStatus({}, ['progress']);
    return sent;
  }

  private async pushBatch(rows: readonly SyncRow[], skip: Set<string>): Promise<number> {
    const key = this.key();
    const locals = await readLocalRows(rows.map((r) => r.id));
    const docs: Array<Record<string, unknown>> = [];
    const pushed: Pushed[] = [];
    const plans: Array<{ id: string; gen: number; rev: string }> = [];
    const erased: Record<string, string[]> = {};
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
        const payload = await openLocal(key, local);
        if (!payload) {
          skip.add(s.id); // damaged locally: never sent, reported by the logbook as "beschadigd"
          continue;
        }
        const doc: SyncDoc = await encodeDoc(key, payload);
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
    const diff = await this.client.revsDiff(wanted);
    const send = docs.filter((d) => diff[String(d['_id'])]?.missing?.includes(String(d['_rev'])));
    const errors = await this.client.bulkDocs(send);
    const failed = new Set(errors.map((e) => e.id));
    for (const id of failed) if (id !== undefined) skip.add(id);
    await commitPushed(pushed.filter((p) => !failed.has(p.id)));
    for (const id of failed) if (id !== undefined) delete erased[id];
    await this.purge(erased);
    return send.length;
  }

  /**
   * Purges erased documents (every leaf this device closed) where the account may and no other
   * device still needs the deletion; otherwise the tombstones stay (SECURITY.md says what they hold).
   */
  private async purge(erased: Record<string, string[]>): Promise<void> {
    if (Object.keys(erased).length === 0 || !this.purgeAllowed || !this.options.purgeErased) return;
    if (!(await this.options.purgeErased().catch(() => false))) return;
    if ((await this.client.purge(erased)) === 'refused') this.purgeAllowed = false;
  }

  /** One full round: pull, then push. */
  async syncOnce(): Promise<void> {
    await this.pullAll();
    await this.pushAll();
  }

  /** Waits for the server (longpoll) or a local change, whichever comes first. */
  async waitForWork(signal: AbortSignal): Promise<void> {
    const local = new AbortController();
    const stop = () => local.abort();
    signal.addEventListener('abort', stop);
    const sub = liveQuery(() => countPending()).subscribe({
      next: (n) => {
        publishSyncStatus({ waiting: n });
        if (n > 0) local.abort();
      },
    });
    try {
      await this.client.changes(this.since, { limit: 1, longpoll: true, timeoutMs: 25_000, signal: local.signal });
    } catch (e) {
      if (!(e instanceof SyncHttpError && e.kind === 'aborted')) throw e;
    } finally {
      sub.unsubscribe();
      signal.removeEventListener('abort', stop);
    }
  }

  /** Runs until `signal` aborts: rounds, live waits, backoff on errors. */
  async run(signal: AbortSignal): Promise<void> {
    let backoff = 1000;
    let lastAfterRound = 0;
    const wake = new AbortController();
    const onOnline = () => wake.abort();
    if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    try {
      await this.loadCheckpoint();
      while (!signal.aborted) {
        try {
          publishSyncStatus({ phase: 'bezig' });
          await this.syncOnce();
          publishSyncStatus(
            { phase: 'gesynchroniseerd', lastSyncedAt: new Date().toISOString(), waiting: await countPending() },
            ['error'],
          );
          backoff = 1000;
          if (this.options.afterRound && Date.now() - lastAfterRound > 60_000) {
            lastAfterRound = Date.now();
            // Not awaited: it may stop this very loop (a removed device).
            void this.options.afterRound().catch(() => undefined);
          }
          if (this.options.live === false) return;
          await this.waitForWork(signal);
        } catch (e) {
          if (signal.aborted) return;
          const kind = e instanceof SyncHttpError ? e.kind : 'server';
          if (kind === 'aborted') return;
          publishSyncStatus({ phase: 'fout', error: kind, waiting: await countPending() });
          if (this.options.live === false) throw e;
          await sleep(
            kind === 'auth' || kind === 'forbidden' ? 60_000 : backoff,
            AbortSignal.any([signal, wake.signal]),
          );
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    } finally {
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    }
  }
}

/** Checks a merged record with the same rules a received one passes. */
async function decodeCheck(key: CryptoKey, payload: SyncPayload): Promise<boolean> {
  const doc = await encodeDoc(key, payload);
  const back = await decodeDoc((k) => (k === VAULT_KEY_ID ? key : undefined), doc);
  return back.ok;
}

let running: { controller: AbortController; done: Promise<void>; key: string } | undefined;
let unsubscribeVault: (() => void) | undefined;

/**
 * Starts continuous replication. Idempotent: the same target again is a
 * no-op, another target restarts. Stops by itself when the vault locks.
 */
export function startSync(target: SyncTarget, options: ReplicatorOptions = {}): void {
  const key = JSON.stringify([target.db, target.account, target.password, options.base ?? '/sync/']);
  if (running?.key === key && !running.controller.signal.aborted) return;
  void stopSync();
  if (getVaultSnapshot().status !== 'unlocked') return;
  const controller = new AbortController();
  const afterRound =
    options.afterRound ??
    ('deviceId' in target
      ? async () => {
          const { checkDeviceStatus } = await import('./devices');
          await checkDeviceStatus(target as Parameters<typeof checkDeviceStatus>[0]);
        }
      : undefined);
  // Purge only while this is the worker's one active device: nobody else has to see the deletion.
  const purgeErased =
    options.purgeErased ??
    ('deviceId' in target
      ? async () => {
          const { listDevices } = await import('./devices');
          return (await listDevices(target)).filter((d) => !d.removedAt).length <= 1;
        }
      : undefined);
  const replicator = new Replicator(target, {
    ...options,
    ...(afterRound ? { afterRound } : {}),
    ...(purgeErased ? { purgeErased } : {}),
  });
  running = { controller, key, done: replicator.run(controller.signal).catch(() => undefined) };
  unsubscribeVault = subscribeVault(() => {
    if (getVaultSnapshot().status !== 'unlocked') void stopSync();
  });
}

/** Stops replication; resolves when the current request has ended. */
export async function stopSync(): Promise<void> {
  unsubscribeVault?.();
  unsubscribeVault = undefined;
  const current = running;
  running = undefined;
  if (!current) return;
  current.controller.abort();
  publishSyncStatus({ phase: 'uit' }, ['progress']);
  await current.done;
}
