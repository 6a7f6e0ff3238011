// Baken's replicator: the CouchDB replication protocol between the local
// Dexie tables and the worker's database on the server, written for Baken
// (no second local store; see SECURITY.md "Synchronisatie" for why not PouchDB).
//
// This module holds the loops, the checkpoint and start/stop; one batch of
// each direction is in pull.ts and push.ts, revision bookkeeping in
// revisions.ts.
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

import { RECORD_READ_FORMAT } from '../../../schema/records';

import { getDataKey, subscribeVault, getVaultSnapshot } from '../session';
import type { DeviceEntry } from '../../../schema/sync-config';
import { ACK_DOC_PREFIX, acknowledgeErased, purgeAcknowledged } from './erasure-acks';
import { SyncHttpError, couchClient } from './http';
import { noteRefusedPassword } from './config';
import { refusesAccount } from './lockout';
import type { ChangesResponse, CouchClient } from './http';
import { LocalChangedError, countPending, readCheckpoint, readPending, readSyncRows, writeCheckpoint } from './local';
import { applyChanges } from './pull';
import type { PullCounts } from './pull';
import { pushBatch } from './push';
import type { HeldReason } from './push';
import { randomHash } from './revisions';
import { getSyncStatus, publishSyncStatus } from './status';

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
  /** Documents per request in both directions (default: 1,000 pulled, 200 pushed). */
  batchSize?: number;
  /**
   * Awaited before every round, before anything is pulled or pushed: false ends the loop. The
   * device-removal check (a review: a removed device kept receiving new data for up to a minute,
   * as the check ran only after a round, at most once a minute).
   */
  beforeRound?: () => Promise<boolean>;
  /**
   * Erasure acknowledgements (erasure-acks.ts): this device's id and the device list. Deletions this
   * device applied or made are acknowledged, and documents every active device acknowledged are
   * purged where the account may (a purged document vanishes from _changes, so nobody may still
   * need it). Without it nothing is purged.
   */
  erasureAcks?: { deviceId: string; devices: () => Promise<DeviceEntry[]> };
  /** The first wait after a failed round, doubled after each further failure up to 30 s. Default 1 s. */
  backoffMs?: number;
}

/** Waits `ms`, or less when `signal` aborts (at once when it already has). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export class Replicator {
  private readonly client: CouchClient;
  private readonly batch: number;
  private readonly pullBatch: number;
  private since: string | number = 0;
  private session = '';
  private readonly counts: PullCounts = { refused: 0, erasedDropped: 0 };
  /** Whether the account may purge: asked once a session (undefined until then). */
  private purgeAllowed: boolean | undefined;
  /** Deletions applied or pushed and not yet acknowledged on the server. */
  private readonly erasedSeen: string[] = [];
  /** An acknowledgement document changed on the server (another device's, or our own write). */
  private acksChanged = false;
  /**
   * Pending rows the server refused, by id: the local generation it refused, and why. Not
   * sent again this session (each round would resend the same revision, and a waiting row would wake
   * the live wait at once) until a local write changes the row; the status line says why they wait.
   */
  private readonly held = new Map<string, { gen: number; reason: HeldReason }>();
  /**
   * Pending rows the last push could not read here, by id: the local generation found unreadable.
   * Tried again every round (a row can be unreadable for a moment, e.g. while its case is erased),
   * but they do not wake the live wait by themselves: a row that stays unreadable would otherwise
   * start round after round at once. A local write to the row (a new generation) wakes it as usual.
   */
  private readonly unreadable = new Map<string, number>();

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
    // Fewer, larger pull batches: each costs a _changes, a _bulk_get, a checkpoint and a re-seal of the
    // case index's touched shards, which grows with the logbook (a first sync of 10,000 cases: 74 batches).
    this.pullBatch = options.batchSize ?? 1000;
  }

  private key(): CryptoKey {
    const key = getDataKey();
    if (!key) throw new SyncHttpError('aborted');
    return key;
  }

  /** Pulled writes (and conflict items) dropped this session because their case was erased here. */
  get erasedDropped(): number {
    return this.counts.erasedDropped;
  }

  private get replicationId(): string {
    return `baken-pull-${this.session}`;
  }

  /**
   * Loads the checkpoint; starts over (safely: pulling is idempotent, a revision already here is not
   * fetched) when the server's copy disagrees, or when it was saved by a version that read fewer
   * record shapes (RECORD_READ_FORMAT): what that version refused is fetched again.
   */
  async loadCheckpoint(): Promise<void> {
    const local = await readCheckpoint();
    if (local && local.db === this.target.db) {
      this.session = local.session;
      const remote = await this.client.getLocal(this.replicationId);
      const agrees = remote && String(remote['source_last_seq']) === String(local.since);
      this.since = agrees && local.format === RECORD_READ_FORMAT ? local.since : 0;
    } else {
      this.session = randomHash();
      this.since = 0;
    }
  }

  private async saveCheckpoint(since: string | number): Promise<void> {
    this.since = since;
    await writeCheckpoint({ db: this.target.db, since, session: this.session, format: RECORD_READ_FORMAT });
    await this.client.putLocal(this.replicationId, { source_last_seq: since, session_id: this.session });
  }

  /** Pulls until caught up. Returns the number of changes seen. */
  async pullAll(): Promise<number> {
    let seen = 0;
    const limit = this.pullBatch;
    // The page fetched ahead has its own controller: it is cancelled when the loop ends or throws.
    const ahead = new AbortController();
    try {
      let page = this.client.changes(this.since, { limit });
      for (;;) {
        const response = await page;
        const total = seen + response.results.length + (response.pending ?? 0);
        const more = response.results.length >= limit && response.pending !== 0;
        // The next page is asked for while this one is applied, so the server works meanwhile, but only
        // once this batch's _bulk_get succeeded: after a 401 or a lockout nothing more is sent (each
        // refused request counts towards CouchDB's lockout). It is read only after this page's
        // checkpoint is saved: pages and checkpoints keep their order.
        // A long pull says so from its first batch on (a newly paired device: the case list fills while it runs).
        if (total > this.pullBatch) publishSyncStatus({ progress: { direction: 'ontvangen', done: seen, total } });
        let next: Promise<ChangesResponse> | undefined;
        const fetchAhead = (): void => {
          if (!more || next) return;
          next = this.client.changes(response.last_seq, { limit, signal: ahead.signal });
          next.catch(() => undefined); // handled when awaited; this batch may fail first
        };
        for (let attempt = 0; ; attempt++) {
          try {
            this.erasedSeen.push(
              ...(await applyChanges(this.client, () => this.key(), response.results, this.counts, fetchAhead)),
            );
            break;
          } catch (e) {
            // A local write raced the batch: decide again on fresh local state.
            if (!(e instanceof LocalChangedError) || attempt >= 3) throw e;
          }
        }
        seen += response.results.length;
        if (response.results.some((r) => r.id.startsWith(ACK_DOC_PREFIX))) this.acksChanged = true;
        if (response.results.length > 0) {
          await this.saveCheckpoint(response.last_seq as string | number);
          if (total > this.pullBatch) publishSyncStatus({ progress: { direction: 'ontvangen', done: seen, total } });
        }
        if (!more) break;
        fetchAhead(); // a batch with nothing to fetch has not asked yet
        page = next ?? this.client.changes(response.last_seq, { limit, signal: ahead.signal });
      }
    } finally {
      ahead.abort();
    }
    publishSyncStatus({}, ['progress']);
    return seen;
  }

  /** Pushes every pending change. Returns the number of documents sent. */
  async pushAll(): Promise<number> {
    let sent = 0;
    const skip = new Set<string>();
    const total = await countPending();
    this.unreadable.clear(); // tried again this round
    for (;;) {
      const read = await readPending(this.batch + skip.size);
      for (const r of read) if (this.held.get(r.id)?.gen === r.gen) skip.add(r.id);
      const rows = read.filter((r) => !skip.has(r.id)).slice(0, this.batch);
      if (rows.length === 0) break;
      const batch = await pushBatch(this.client, () => this.key(), rows, skip);
      this.erasedSeen.push(...Object.keys(batch.erased));
      for (const h of batch.held) this.held.set(h.id, { gen: h.gen, reason: h.reason });
      for (const u of batch.unreadable) this.unreadable.set(u.id, u.gen);
      sent += batch.sent;
      if (total > this.batch) publishSyncStatus({ progress: { direction: 'verzonden', done: sent, total } });
      publishSyncStatus({ waiting: await countPending() });
    }
    await this.publishHeld();
    publishSyncStatus({}, ['progress']);
    return sent;
  }

  /** Forgets held rows that were sent or changed since, and shows why the others wait. */
  private async publishHeld(): Promise<void> {
    if (this.held.size === 0) {
      if (getSyncStatus().unsent) publishSyncStatus({}, ['unsent']);
      return;
    }
    const ids = [...this.held.keys()];
    const rows = await readSyncRows(ids);
    const unsent = { tooLarge: 0, refused: 0 };
    ids.forEach((id, i) => {
      const row = rows[i];
      const held = this.held.get(id);
      if (!row || row.pending !== 1 || row.gen !== held?.gen) this.held.delete(id);
      else unsent[held.reason]++;
    });
    if (unsent.tooLarge + unsent.refused > 0) publishSyncStatus({ unsent });
    else publishSyncStatus({}, ['unsent']);
  }

  /**
   * Pending rows that a push would send now: not held, and not found unreadable, at their current
   * generation. `n`: how many rows are pending (countPending), read once by the caller.
   */
  private async sendable(n: number): Promise<number> {
    // More pending rows than held and unreadable ones: at least one is new.
    if (n > this.held.size + this.unreadable.size) return n;
    const rows = await readPending(n);
    return rows.filter((r) => this.held.get(r.id)?.gen !== r.gen && this.unreadable.get(r.id) !== r.gen).length;
  }

  /**
   * Acknowledges the deletions of this round and purges what every active device acknowledged,
   * where the account may purge; otherwise the tombstones stay (SECURITY.md says what they hold).
   */
  private async settleErasures(): Promise<void> {
    const acks = this.options.erasureAcks;
    if (!acks || (this.erasedSeen.length === 0 && !this.acksChanged)) return;
    this.purgeAllowed ??= await this.client.canPurge();
    if (!this.purgeAllowed) {
      this.erasedSeen.length = 0; // nothing can purge: no acknowledgement is worth writing
      return;
    }
    const ids = this.erasedSeen.splice(0);
    try {
      await acknowledgeErased(this.client, acks.deviceId, ids);
      this.acksChanged = false;
      if ((await purgeAcknowledged(this.client, acks.deviceId, await acks.devices())) === 'refused') {
        this.purgeAllowed = false;
      }
    } catch (e) {
      this.erasedSeen.unshift(...ids); // tried again next round
      throw e;
    }
  }

  /** One full round: pull, then push. */
  async syncOnce(): Promise<void> {
    await this.pullAll();
    await this.pushAll();
    await this.settleErasures();
  }

  /** Waits for the server (longpoll) or a local change, whichever comes first. */
  async waitForWork(signal: AbortSignal): Promise<void> {
    // Stopped while the round ran: 'abort' will not fire again, so do not start a long-poll.
    if (signal.aborted) return;
    const local = new AbortController();
    const stop = () => local.abort();
    signal.addEventListener('abort', stop);
    const sub = liveQuery(async () => {
      const waiting = await countPending();
      return [waiting, await this.sendable(waiting)] as const;
    }).subscribe({
      next: ([waiting, sendable]) => {
        publishSyncStatus({ waiting });
        // Rows the server refused wait for a local change, not for the next round; rows unreadable
        // here for the next round (the long-poll ends at the latest after its timeout).
        if (sendable > 0) local.abort();
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
    const firstBackoff = this.options.backoffMs ?? 1000;
    let backoff = firstBackoff;
    let checkpointLoaded = false;
    // A new start (the password entered again after a refusal or a lockout): the old failure is not said
    // during the first round; a failure of this run says itself.
    publishSyncStatus({ phase: 'bezig' }, ['error', 'removed', 'removedUnsent']);
    // Going online ends the current backoff wait. One controller per wake: an `online` event aborts the
    // current one (also while a request is under way, so the next wait ends at once), and the wait that
    // saw it abort puts a fresh one in its place for the next time the device goes offline and back.
    let wake = new AbortController();
    const onOnline = () => wake.abort();
    if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    try {
      while (!signal.aborted) {
        try {
          publishSyncStatus({ phase: 'bezig' });
          // Inside the loop: offline at unlock is retried like any failed round, and a refused account
          // (401, lockout) while reading the checkpoint stops the loop and says so like any request.
          if (!checkpointLoaded) {
            await this.loadCheckpoint();
            checkpointLoaded = true;
          }
          // A removed device stops here, before it stores or sends anything of this round.
          if (this.options.beforeRound && !(await this.options.beforeRound())) return;
          await this.syncOnce();
          publishSyncStatus(
            { phase: 'gesynchroniseerd', lastSyncedAt: new Date().toISOString(), waiting: await countPending() },
            ['error'],
          );
          backoff = firstBackoff;
          if (this.options.live === false) return;
          await this.waitForWork(signal);
        } catch (e) {
          if (signal.aborted) return;
          const kind = e instanceof SyncHttpError ? e.kind : 'server';
          if (kind === 'aborted') return;
          publishSyncStatus({ phase: 'fout', error: kind, waiting: await countPending() });
          if (this.options.live === false) throw e;
          // A refused password stays refused: retrying would trip CouchDB's lockout (3.4+: 403 to every
          // device of the account for minutes after 5 failures). A lockout stops the loop too: the worker
          // waits, then enters the password again (settings), which checks it once and restarts.
          if (refusesAccount(kind)) {
            // A wrong password (not a lockout, which may follow another device's tries) is not sent
            // again at the next unlock either, until the worker enters one (config.ts).
            if (kind === 'auth') await noteRefusedPassword(this.target.password);
            return;
          }
          const woken = wake.signal;
          await sleep(kind === 'forbidden' ? 60_000 : backoff, AbortSignal.any([signal, woken]));
          if (woken.aborted) wake = new AbortController();
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    } finally {
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    }
  }
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
  const beforeRound =
    options.beforeRound ??
    ('deviceId' in target
      ? async () => {
          const { checkDeviceStatus } = await import('./devices');
          return (await checkDeviceStatus(target as Parameters<typeof checkDeviceStatus>[0])) !== 'removed';
        }
      : undefined);
  // Purge what every active device has acknowledged (a removed device is not awaited).
  const erasureAcks =
    options.erasureAcks ??
    ('deviceId' in target && typeof target.deviceId === 'string'
      ? {
          deviceId: target.deviceId,
          devices: async () => (await import('./devices')).listDevices(target),
        }
      : undefined);
  const replicator = new Replicator(target, {
    ...options,
    ...(beforeRound ? { beforeRound } : {}),
    ...(erasureAcks ? { erasureAcks } : {}),
  });
  const entry = { controller, key, done: replicator.run(controller.signal).catch(() => undefined) };
  running = entry;
  // A loop that ended by itself (a refused password, a lockout) is no longer running: the next start
  // (unlock, the settings after a new password) starts it again instead of finding it "running".
  void entry.done.then(() => {
    if (running === entry) running = undefined;
  });
  unsubscribeVault = subscribeVault(() => {
    if (getVaultSnapshot().status !== 'unlocked') {
      // The count of local changes discarded with a case erased elsewhere is said until the next unlock.
      publishSyncStatus({}, ['erasedUnsent']);
      void stopSync();
    }
  });
}

/** Stops replication; resolves when the current request has ended. */
export async function stopSync(): Promise<void> {
  const started = unsubscribeVault !== undefined;
  unsubscribeVault?.();
  unsubscribeVault = undefined;
  const current = running;
  running = undefined;
  // A loop that already ended (a refused account) still leaves its status to reset.
  if (!current && !started) return;
  current?.controller.abort();
  publishSyncStatus({ phase: 'uit' }, ['progress', 'unsent']);
  await current?.done;
}
