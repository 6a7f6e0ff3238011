// Replication of SHARED cases with the team's cases database (issue 21).
// Separate from the personal replicator (sync/replicator.ts), which keeps
// working as before with the worker's own database:
// - only rows of cases in this device's shared list go out, each as the
//   issue-20 envelope { _id, _rev, k, iv, ct, v } sealed under the case key
//   named by `k` (never the vault key); audit events, conflict items and
//   drafts never go to the team;
// - pulled grants meant for me are checked (share-grants.ts) and their keys
//   stored wrapped under my vault key; pulled documents decrypt only with a
//   key granted for the very case the record names, and are stored as local
//   rows under that same case key (per-case key mechanism unchanged);
// - per row, db.teamSync keeps the team revision and the IV of the local row
//   when it was last synced: a different IV means a local change to push.
// Concurrent edits of one record follow issue 20's rules (share-merge.ts): a
// pulled version meeting a local change not yet pushed is merged after
// decryption, field by field, with a "tegenstrijdige wijziging" item where the
// same field differs; a push never overwrites a newer revision (409: the next
// pull merges it first).
import { Dexie } from 'dexie';

import { ERASE_PREFIX, parseGrantId } from '../../../schema/team-share';
import type { SharedCases } from '../../../schema/team-share';
import { RECORD_READ_FORMAT } from '../../../schema/records';
import type { StoredRecord } from '../../../schema/records';
import { holdsCaseKey } from '../case-key-lookup';
import { caseKeyById } from '../case-key-store';
import { db } from '../db';
import { applyIndexPlan, commitIndexPlan, isIndexMoved, planIndexChange } from '../index/case-index';
import { isIndexedKind } from '../index/entries';
import { openRecordRow, plaintextColumns, sealRecord } from '../records-io';
import { getVaultSnapshot, requireDataKey, subscribeVault } from '../session';
import { decodeDoc, encodeDoc, toBase64 } from '../sync/codec';
import { SyncHttpError } from '../sync/http';
import { markChanged } from '../sync/track';
import type { ShareContext } from './share';
import { loadSharedCases, storeReceivedKey, updateSharedCases, withdrawDeparted } from './share';
import { openGrant } from './share-grants';
import { noteTeamRefusal, teamRefusal } from './account-refusal';
import { applyEraseNotice, leaveErasedHere } from './share-erase';
import { baseOf, mergeShared } from './share-merge';
import type { ConflictRow } from '../db';

const BATCH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHECKPOINT_KEY = 'teamShareCheckpoint';

/**
 * Where the team cases feed goes on: from the start when none is stored for this database, or when it
 * was saved by a version that read fewer record shapes (RECORD_READ_FORMAT), so what that version
 * refused is read again.
 */
async function readCheckpoint(dbName: string): Promise<string | number> {
  const v = (await db.meta.get(CHECKPOINT_KEY))?.value as
    { db?: unknown; since?: unknown; format?: unknown } | undefined;
  const current = v?.db === dbName && v.format === RECORD_READ_FORMAT;
  return current && (typeof v.since === 'string' || typeof v.since === 'number') ? v.since : 0;
}

function caseOfKey(cases: SharedCases, keyId: string): string | undefined {
  return Object.entries(cases).find(([, entry]) => entry.keys.includes(keyId))?.[0];
}

interface Pulled {
  record: Exclude<StoredRecord, { kind: 'audit' }>;
  keyId: string;
  caseKey: CryptoKey;
  rev: string;
  /** The local row's IV when decided (null: no local row): a change meanwhile skips it this round. */
  expect: string | null;
  /** Merged with a local change: still to be pushed (on `rev`). */
  pending?: boolean;
  /** Key the local row is sealed under (a merge keeps the local row's key). */
  sealWith?: { keyId: string; key: CryptoKey };
  base?: { iv: string; ct: string; k: string } | undefined;
  conflicts?: ConflictRow[];
}

export interface PullResult {
  received: number;
  refused: number;
}

/** Pulls grants and documents of shared cases until caught up. */
export async function pullShared(ctx: ShareContext): Promise<PullResult> {
  const result: PullResult = { received: 0, refused: 0 };
  let since = await readCheckpoint(ctx.server.name);
  let restarted = false;
  for (;;) {
    const vaultKey = requireDataKey();
    let page: Awaited<ReturnType<typeof ctx.server.changes>>;
    try {
      page = await ctx.server.changes(since, BATCH);
    } catch (e) {
      // CouchDB answers a sequence it cannot read with 400 ("Malformed sequence supplied in 'since'
      // parameter."): a checkpoint from another server under this database name. Unlike the personal
      // replicator's (checked against its _local document), this one would then fail every round: read
      // the feed from the start instead (pulling is idempotent: a revision already stored is skipped).
      if (since !== 0 && e instanceof SyncHttpError && e.kind === 'protocol' && e.status === 400) {
        since = 0;
        continue;
      }
      throw e;
    }
    const { results, last_seq: lastSeq } = page;
    // Grants first: a key received now can open documents of this very batch.
    let newKeys = false;
    for (const change of results) {
      const parsed = parseGrantId(change.id);
      if (!parsed || parsed.memberId !== ctx.identity.memberId) continue;
      if (change.deleted) {
        // My grant was deleted: a colleague withdrew my access to that case.
        await updateSharedCases((cases) => {
          const caseId = caseOfKey(cases, parsed.keyId);
          const entry = caseId ? cases[caseId] : undefined;
          if (caseId && entry) cases[caseId] = { ...entry, withdrawn: true };
        });
        continue;
      }
      const opened = await openGrant(ctx, change.doc);
      if (!opened) {
        result.refused++;
        continue;
      }
      // A key this case already had whose wrapped copy is gone: the case was erased here; it stays erased.
      const known = (await loadSharedCases())[opened.caseId]?.keys.includes(opened.keyId) === true;
      if (known && !(await holdsCaseKey(opened.keyId))) {
        opened.rawKey.fill(0);
        continue;
      }
      try {
        if (!(await holdsCaseKey(opened.keyId))) newKeys = true;
        await storeReceivedKey(vaultKey, opened.keyId, opened.rawKey);
      } finally {
        opened.rawKey.fill(0);
      }
      await updateSharedCases((cases) => {
        const entry = cases[opened.caseId];
        if (entry?.keys.includes(opened.keyId) && entry.withdrawn !== true) return;
        newKeys = true;
        // The first grant names who shared the case with me: its owner (absent when I shared it).
        const owner = entry ? entry.owner : opened.from === ctx.identity.memberId ? undefined : opened.from;
        cases[opened.caseId] = {
          keys: [...new Set([...(entry?.keys ?? []), opened.keyId])].slice(-50),
          ...(owner ? { owner } : {}),
        };
      });
    }
    // Erase notices after the grants (a deleted grant and the owner's notice often come together).
    for (const change of results) {
      if (change.id.startsWith(ERASE_PREFIX) && !change.deleted && change.doc) await applyEraseNotice(ctx, change.doc);
    }
    const cases = await loadSharedCases();
    const items: Pulled[] = [];
    for (const change of results) {
      if (!UUID.test(change.id) || change.deleted || !change.doc) continue;
      const item = await decide(vaultKey, cases, change.doc);
      if (item === 'refused') result.refused++;
      else if (item) items.push(item);
    }
    if (items.length > 0) await storePulled(vaultKey, items);
    result.received += items.length;
    since = lastSeq;
    // A new key can open documents seen (and skipped) earlier: read the feed again once from the start.
    if (newKeys && !restarted) {
      restarted = true;
      since = 0;
      continue;
    }
    await db.meta.put({ key: CHECKPOINT_KEY, value: { db: ctx.server.name, since, format: RECORD_READ_FORMAT } });
    if (results.length < BATCH) return result;
  }
}

async function decide(
  vaultKey: CryptoKey,
  cases: SharedCases,
  doc: Record<string, unknown>,
): Promise<Pulled | 'refused' | null> {
  const keyId = typeof doc['k'] === 'string' ? doc['k'] : '';
  const caseId = caseOfKey(cases, keyId);
  // Not a key of a case shared with me (or my access was withdrawn): not mine to read.
  if (!caseId || cases[caseId]?.withdrawn) return null;
  let caseKey: CryptoKey;
  try {
    caseKey = await caseKeyById(vaultKey, keyId);
  } catch {
    return null;
  }
  const decoded = await decodeDoc((k) => (k === keyId ? caseKey : undefined), doc);
  if (!decoded.ok || decoded.payload.t !== 'records') return 'refused';
  const record = decoded.payload.record;
  // A key opens only its own case: a record naming another case is refused.
  if (plaintextColumns(record).caseId !== caseId) return 'refused';
  const rev = String(doc['_rev']);
  const [local, state] = await Promise.all([db.records.get(record.id), db.teamSync.get(record.id)]);
  if (local && local.kind !== record.kind) return 'refused';
  if (state?.rev === rev) return null;
  const base = baseOf(record, doc);
  if (local && (!state || state.mark !== toBase64(local.iv))) {
    // A local change waits to be pushed: merge it with this version (issue 20's rules), push the result on `rev`.
    const merged = await mergeShared(vaultKey, local, state, record, rev);
    if (!merged) return null;
    // Seal under the newer of the two keys (later in the case's key list): after a re-key by either side,
    // the merged row must not fall back to a key a withdrawn person still holds.
    const keys = cases[caseId]?.keys ?? [];
    const localKeyId = local.k !== undefined && keys.indexOf(local.k) > keys.indexOf(keyId) ? local.k : keyId;
    const sealWith = {
      keyId: localKeyId,
      key: localKeyId === keyId ? caseKey : await caseKeyById(vaultKey, localKeyId),
    };
    return {
      record: merged.record,
      keyId,
      caseKey,
      rev,
      expect: toBase64(local.iv),
      pending: true,
      sealWith,
      base,
      conflicts: merged.conflicts,
    };
  }
  return { record, keyId, caseKey, rev, expect: local ? toBase64(local.iv) : null, base };
}

/** Writes pulled records under their case keys, with their team state and the case index change, all or nothing. */
async function storePulled(vaultKey: CryptoKey, items: readonly Pulled[]): Promise<void> {
  const rows = await Promise.all(
    items.map((i) => sealRecord(i.sealWith?.key ?? i.caseKey, i.record, i.sealWith?.keyId ?? i.keyId)),
  );
  for (let attempt = 1; ; attempt++) {
    const plan = await planIndexChange(
      vaultKey,
      items.map((i) => i.record),
    );
    let delta = 0;
    try {
      await db.transaction('rw', [db.records, db.caseIndex, db.sync, db.teamSync, db.conflicts], async () => {
        const before = await db.records.bulkGet(items.map((i) => i.record.id));
        // A local write since the decision: leave the batch for the next round.
        items.forEach((item, i) => {
          const old = before[i];
          if ((old ? toBase64(old.iv) : null) !== item.expect) throw new Dexie.AbortError('changed');
        });
        for (const [i, item] of items.entries()) {
          const sealed = rows[i];
          if (sealed?.table !== 'records') continue;
          if (!before[i] && isIndexedKind(sealed.row.kind)) delta += 1;
          await db.records.put(sealed.row);
          await db.teamSync.put({
            id: item.record.id,
            caseId: sealed.row.caseId ?? item.record.id,
            rev: item.rev,
            // A merged row is a local change still to push: its mark differs from every IV.
            mark: item.pending ? '' : toBase64(sealed.row.iv),
            ...(item.base ? { base: item.base } : {}),
          });
          for (const conflict of item.conflicts ?? []) {
            // Same content, same id: a conflict item already there (perhaps resolved) stays as it is.
            if (await db.conflicts.get(conflict.id)) continue;
            await db.conflicts.put(conflict);
            await markChanged([conflict.id]);
          }
        }
        // The worker's own devices get shared cases through personal sync as well.
        await markChanged(items.map((i) => i.record.id));
        if (plan) await commitIndexPlan(plan, delta);
      });
    } catch (e) {
      if (isIndexMoved(e) && attempt < 5) continue;
      if (e instanceof Dexie.AbortError) return;
      throw e;
    }
    if (plan) applyIndexPlan(plan, delta);
    return;
  }
}

/** Pushes every changed row of my shared cases (never an unshared case, never audit events or drafts). */
export async function pushShared(ctx: ShareContext, out?: { conflicted: number }): Promise<number> {
  const vaultKey = requireDataKey();
  const cases = await loadSharedCases();
  let sent = 0;
  let conflicted = 0;
  for (const [caseId, entry] of Object.entries(cases)) {
    if (entry.withdrawn) continue;
    const rows = await db.records.where('caseId').equals(caseId).toArray();
    const states = await db.teamSync.bulkGet(rows.map((r) => r.id));
    for (const [i, row] of rows.entries()) {
      if (row.kind === 'draft' || row.k === undefined || !entry.keys.includes(row.k)) continue;
      const mark = toBase64(row.iv);
      const state = states[i];
      if (state?.mark === mark) continue;
      const opened = await openRecordRow(vaultKey, row);
      if (!opened.ok || opened.record.kind === 'audit' || opened.record.kind === 'draft') continue;
      const doc = await encodeDoc(await caseKeyById(vaultKey, row.k), { t: 'records', record: opened.record }, row.k);
      const rev = await ctx.server.put({ ...doc, ...(state?.rev ? { _rev: state.rev } : {}) });
      if (rev === 'conflict') {
        // A colleague wrote it since: never overwrite; the next pull merges both versions first.
        conflicted++;
        continue;
      }
      const base = baseOf(opened.record, doc);
      await db.teamSync.put({ id: row.id, caseId, rev, mark, ...(base ? { base } : {}) });
      sent++;
    }
  }
  if (out) out.conflicted = conflicted;
  return sent;
}

// The member list version whose departed members were last checked (per app start).
let checkedList = '';

/** One round: people who left the team lose access to what I shared with them, then pull, then push. */
export async function shareRound(ctx: ShareContext): Promise<{ pulled: PullResult; pushed: number }> {
  const list = `${ctx.team}|${ctx.members.version}`;
  if (list !== checkedList) {
    await withdrawDeparted(ctx);
    checkedList = list;
  }
  // A shared case erased here with the ordinary erase: my copy only, so my access ends too.
  await leaveErasedHere(ctx);
  const pulled = await pullShared(ctx);
  const out = { conflicted: 0 };
  let pushed = await pushShared(ctx, out);
  if (out.conflicted > 0) {
    // A colleague's newer version met mine: pull (and merge) it, then push the merged version.
    const again = await pullShared(ctx);
    pulled.received += again.received;
    pulled.refused += again.refused;
    pushed += await pushShared(ctx);
  }
  return { pulled, pushed };
}

// ---------------------------------------------------------------------------
// The loop: a round every few seconds while unlocked; a share or withdrawal wakes it.
// ---------------------------------------------------------------------------

let running: { stop: () => void; wake: () => void } | undefined;

/** Runs share rounds until lock; `load` gives the team context (undefined: no team, nothing runs). */
export function startShareSync(load: () => Promise<ShareContext | undefined>, intervalMs = 5000): void {
  if (running || getVaultSnapshot().status !== 'unlocked') return;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  const tick = async () => {
    if (stopped || busy) return;
    busy = true;
    clearTimeout(timer);
    try {
      // Refused already (by another team loop or screen): nothing is sent until the password is entered again.
      if (teamRefusal()) {
        running?.stop();
        return;
      }
      const ctx = await load();
      if (ctx) await shareRound(ctx);
    } catch (e) {
      // A refused password or a lockout: no retry into it; the loop starts again at the next unlock or
      // when the worker enters the team password again (account-reentry.ts).
      if (noteTeamRefusal(e)) running?.stop();
      // Otherwise offline or server trouble: the next round tries again.
    } finally {
      busy = false;
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    }
  };
  const unsubscribe = subscribeVault(() => {
    if (getVaultSnapshot().status !== 'unlocked') running?.stop();
  });
  running = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      running = undefined;
    },
    wake: () => void tick(),
  };
  void tick();
}

/** Runs a round now (after a share, a withdrawal or a note in a shared case). */
export function wakeShareSync(): void {
  running?.wake();
}

/** Whether the share loop runs now (tests). */
export function isShareSyncRunning(): boolean {
  return running !== undefined;
}

export function stopShareSync(): void {
  running?.stop();
}
