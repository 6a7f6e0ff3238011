// The Dexie side of replication: reading local rows as sync payloads and
// writing pulled/merged versions back, each together with its sync state in
// one transaction. WebCrypto runs before every transaction (never inside).
import { conflictSchema } from '../../../schema/sync-conflict';
import type { SyncConflict } from '../../../schema/sync-conflict';
import type { StoredRecord } from '../../../schema/records';
import { decryptRecord, encryptRecord } from '../crypto';
import { forgetCaseKey, shredCaseKeys } from '../case-key-store';
import { db } from '../db';
import type { AuditRow, ConflictRow, RecordRow, SyncRow } from '../db';
import { applyIndexPlan, commitIndexPlan, invalidateIndex, isIndexMoved, planIndexChange } from '../index/case-index';
import { INDEXED_KINDS, isIndexedKind } from '../index/entries';
import { openAuditRow, openRecordRow, sealRecord } from '../records-io';
import type { SyncPayload } from './codec';
import { conflictKey } from './merge';
import { countErasedRows, readErasedCases, sealErasedCase } from './erased-cases';
import { markChanged } from './track';

export type LocalRow =
  { table: 'records'; row: RecordRow } | { table: 'audit'; row: AuditRow } | { table: 'conflicts'; row: ConflictRow };

/** The raw local row of each id, from whichever replicated table holds it. */
export async function readLocalRows(ids: readonly string[]): Promise<Map<string, LocalRow>> {
  const [records, audit, conflicts] = await Promise.all([
    db.records.bulkGet([...ids]),
    db.audit.bulkGet([...ids]),
    db.conflicts.bulkGet([...ids]),
  ]);
  const out = new Map<string, LocalRow>();
  ids.forEach((id, i) => {
    const r = records[i];
    const a = audit[i];
    const c = conflicts[i];
    if (r) out.set(id, { table: 'records', row: r });
    else if (a) out.set(id, { table: 'audit', row: a });
    else if (c) out.set(id, { table: 'conflicts', row: c });
  });
  return out;
}

function conflictHeader(id: string) {
  return { kind: 'conflict', id, schemaVersion: 1 };
}

export async function openConflictRow(key: CryptoKey, row: ConflictRow): Promise<SyncConflict | null> {
  try {
    const parsed = conflictSchema.safeParse(await decryptRecord(key, conflictHeader(row.id), row));
    return parsed.success && parsed.data.id === row.id && parsed.data.caseId === row.caseId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `conflictKey` of a record's closed items (the worker's choices), for the merge of a consent. */
export async function closedConflictKeys(key: CryptoKey, caseId: string, recordId: string): Promise<string[]> {
  const rows = await db.conflicts.where('caseId').equals(caseId).toArray();
  const items = await Promise.all(rows.map((r) => openConflictRow(key, r)));
  return items.flatMap((c) => (c?.recordId === recordId && c.resolvedAt !== undefined ? [conflictKey(c)] : []));
}

export async function sealConflict(key: CryptoKey, conflict: SyncConflict): Promise<ConflictRow> {
  const { iv, data } = await encryptRecord(key, conflictHeader(conflict.id), conflict);
  return { id: conflict.id, caseId: conflict.caseId, v: 1, iv, data };
}

/** Decrypts a local row into what its document carries; null when damaged (never pushed then). */
export async function openLocal(key: CryptoKey, local: LocalRow): Promise<SyncPayload | null> {
  if (local.table === 'conflicts') {
    const record = await openConflictRow(key, local.row);
    return record ? { t: 'conflicts', record } : null;
  }
  if (local.table === 'audit') {
    const r = await openAuditRow(key, local.row);
    return r.ok ? { t: 'audit', record: r.record } : null;
  }
  const r = await openRecordRow(key, local.row);
  if (!r.ok || r.record.kind === 'audit' || r.record.kind === 'draft') return null;
  return { t: 'records', record: r.record };
}

/** Encrypts a received payload into its local row. */
export async function sealPayload(key: CryptoKey, payload: SyncPayload): Promise<LocalRow> {
  if (payload.t === 'conflicts') return { table: 'conflicts', row: await sealConflict(key, payload.record) };
  const sealed = await sealRecord(key, payload.record);
  return sealed.table === 'audit' ? { table: 'audit', row: sealed.row } : { table: 'records', row: sealed.row };
}

/** A local change happened while a pulled batch was being prepared: the batch is redone. */
export class LocalChangedError extends Error {}

export interface PulledWrite {
  id: string;
  /** The sync row's generation when the decision was made. */
  expectGen: number;
  /** New local row, or "remove" for a deleted document. */
  write?: LocalRow;
  /** The validated record `write` holds (records table only), for the case index. */
  record?: StoredRecord;
  remove?: boolean;
  /** A deleted case also takes every row of the case on this device. */
  eraseCase?: string;
  sync: Omit<SyncRow, 'id' | 'gen' | 'pending'>;
  /** After a merge: the merged version must be pushed. */
  pending: boolean;
}

/** Changes lost per erased case: its pending records but the case row, or 1 when only the case row changed. */
function countUnsent(unsent: ReadonlyMap<string, ReadonlySet<string>>): number {
  let n = 0;
  for (const [caseId, ids] of unsent) n += ids.size - (ids.has(caseId) && ids.size > 1 ? 1 : 0);
  return n;
}

/**
 * Writes one pulled batch: rows, sync state, conflict items and the case
 * index change, all or nothing. Key is the vault data key (the index change is
 * planned, and encrypted, before the transaction). A moved index head (another
 * tab wrote) counts as a local change: the batch is decided again, as does an
 * erasure committed meanwhile (the list of erased cases grew). Writes of a case
 * erased on this device (erased-cases.ts), in this batch or before, are dropped
 * and left as deletions to push; the cases this batch erases join that list in
 * the same transaction. Resolves how many pulled writes and conflict items it dropped, and
 * `unsentErased`: how many changes to the cases this batch erases were not yet pushed (records with
 * their sync row pending; a pending deletion, with no local record, is not counted). Those changes
 * are discarded with their case; the worker is told how many (status.ts `erasedUnsent`). The case
 * row is counted only when nothing else of its case is: every saved part rewrites it too, so a note
 * added offline is one change, not two (countUnsent).
 */
export async function applyPulled(
  key: CryptoKey,
  pulled: readonly PulledWrite[],
  pulledExtra: readonly LocalRow[] = [],
): Promise<{ dropped: number; unsentErased: number }> {
  const known = await readErasedCases(key);
  const unheld = await withUnheldErasures(pulled, known.ids);
  const { writes, extra, erased, dropped } = dropErasedCaseWrites(unheld.pulled, pulledExtra, unheld.gone);
  const marks = await Promise.all(
    [...new Set(erased)].filter((id) => !known.ids.has(id)).map((id) => sealErasedCase(key, id)),
  );
  const erasedCases = new Set([...unheld.gone, ...erased]);
  const records = writes.flatMap((w) => (w.record ? [w.record] : []));
  const plan = await planIndexChange(key, records, erased);
  let rowsDelta = 0;
  let unplanned = false;
  let shredded: string[] = [];
  let unsentErased = 0;
  try {
    await db.transaction(
      'rw',
      [db.records, db.audit, db.conflicts, db.sync, db.caseIndex, db.meta, db.caseKeys],
      async () => {
        if ((await countErasedRows()) !== known.rows) throw new LocalChangedError('erased');
        await db.meta.bulkPut(marks);
        const current = await db.sync.bulkGet(writes.map((w) => w.id));
        writes.forEach((w, i) => {
          if ((current[i]?.gen ?? 0) !== w.expectGen) throw new LocalChangedError(w.id);
        });
        // Whether each id already had a records row: a new indexed row adds to the index's count.
        const before = await db.records.bulkGet(writes.map((w) => w.id));
        shredded = [];
        // Per erased case, its records with a local change not yet pushed.
        const unsent = new Map<string, Set<string>>();
        const noteUnsent = (caseId: string, id: string): void => {
          unsent.set(caseId, (unsent.get(caseId) ?? new Set()).add(id));
        };
        // Plain writes are buffered and written in bulk (one request per table instead of one per
        // row); the buffer is flushed before any removal, so the order of the batch is kept.
        const buffer = { records: [] as RecordRow[], audit: [] as AuditRow[], conflicts: [] as ConflictRow[] };
        const syncRows: SyncRow[] = [];
        const flush = async (): Promise<void> => {
          await Promise.all([
            db.records.bulkPut(buffer.records.splice(0)),
            db.audit.bulkPut(buffer.audit.splice(0)),
            db.conflicts.bulkPut(buffer.conflicts.splice(0)),
            db.sync.bulkPut(syncRows.splice(0)),
          ]);
        };
        for (const [i, w] of writes.entries()) {
          const old = before[i];
          if (w.remove || w.eraseCase !== undefined) await flush();
          if (w.remove) {
            // A record of an erased case (the case itself, or a part whose deletion came on its own)
            // with a local change not yet pushed.
            const ofCase = w.eraseCase ?? old?.caseId;
            if (
              old &&
              current[i]?.pending === 1 &&
              ofCase !== undefined &&
              (w.eraseCase !== undefined || erasedCases.has(ofCase))
            ) {
              noteUnsent(ofCase, w.id);
            }
            await Promise.all([db.records.delete(w.id), db.audit.delete(w.id), db.conflicts.delete(w.id)]);
            if (old && isIndexedKind(old.kind)) {
              rowsDelta -= 1;
              // A record removed on its own (not with its case) is not in the plan: rebuild instead.
              if (w.eraseCase === undefined) unplanned = true;
            }
          }
          const erasedCase = w.eraseCase;
          if (erasedCase !== undefined) {
            rowsDelta -= await db.records
              .where('[caseId+kind]')
              .anyOf(INDEXED_KINDS.map((kind) => [erasedCase, kind]))
              .count();
            // Crypto-shredding as for an erasure here (store.ts eraseCase): the case's wrapped keys go too.
            const caseRowKey = old?.kind === 'case' && old.id === erasedCase ? old.k : undefined;
            shredded.push(...(await shredCaseKeys(erasedCase, caseRowKey === undefined ? [] : [caseRowKey])));
            const ids = await db.records.where('caseId').equals(erasedCase).primaryKeys();
            const conflictIds = await db.conflicts.where('caseId').equals(erasedCase).primaryKeys();
            // Its other records with a local change not yet pushed (conflict items are not counted:
            // a choice made there is a change of its record too).
            (await db.sync.bulkGet(ids)).forEach((r, j) => {
              if (r?.pending === 1) noteUnsent(erasedCase, ids[j] ?? '');
            });
            await db.records.bulkDelete(ids);
            await db.conflicts.bulkDelete(conflictIds);
            await markChanged([...ids, ...conflictIds].filter((id) => id !== w.id));
          }
          if (w.write) {
            if (w.write.table === 'records' && !old && isIndexedKind(w.write.row.kind)) rowsDelta += 1;
            if (w.write.table === 'records') buffer.records.push(w.write.row);
            else if (w.write.table === 'audit') buffer.audit.push(w.write.row);
            else buffer.conflicts.push(w.write.row);
          }
          const gen = (current[i]?.gen ?? 0) + (w.pending ? 1 : 0);
          syncRows.push({ id: w.id, gen, pending: w.pending ? 1 : 0, ...w.sync });
        }
        await flush();
        unsentErased = countUnsent(unsent);
        for (const row of extra) {
          if (await db.conflicts.get(row.row.id)) continue;
          await putLocal(row);
          await markChanged([row.row.id]);
        }
        if (unplanned) await invalidateIndex();
        else if (plan) await commitIndexPlan(plan, rowsDelta);
      },
    );
  } catch (e) {
    if (isIndexMoved(e)) throw new LocalChangedError('index');
    throw e;
  }
  if (plan && !unplanned) applyIndexPlan(plan, rowsDelta);
  for (const keyId of shredded) forgetCaseKey(keyId);
  return { dropped, unsentErased };
}

function caseOfRow(local: LocalRow): string | undefined {
  return local.table === 'audit' ? undefined : local.row.caseId;
}

/**
 * Erasures of cases whose case record never reached this device (created and erased before its
 * first sync, or listed after its other rows): a pulled deletion of an id that local rows name as
 * their case erases those rows; a pulled write whose case's own document is deleted here (a sync
 * row without a record, or deleted in this batch) is dropped like a write of an erased case. Only
 * a case's id is ever a caseId, so these ids are case ids.
 */
async function withUnheldErasures(
  pulled: readonly PulledWrite[],
  erased: ReadonlySet<string>,
): Promise<{ pulled: PulledWrite[]; gone: Set<string> }> {
  const removed = pulled.flatMap((w) => (w.remove && w.eraseCase === undefined ? [w.id] : []));
  const held =
    removed.length === 0
      ? new Set<string>()
      : new Set((await db.records.where('caseId').anyOf(removed).keys()).map(String));
  const gone = new Set([...erased, ...removed]);
  const live = new Set(pulled.flatMap((w) => (w.write ? [w.id] : [])));
  const asked = [
    ...new Set(
      pulled.flatMap((w) => {
        const caseId = w.write ? caseOfRow(w.write) : undefined;
        return caseId === undefined || gone.has(caseId) || live.has(caseId) ? [] : [caseId];
      }),
    ),
  ];
  // Which of these cases have a record here, which a sync row: point reads by primary key (a
  // cursor over `anyOf` walks the table in IndexedDB shims, which made a first sync quadratic).
  const rows = asked.length === 0 ? [] : await db.records.bulkGet(asked);
  const absent = asked.filter((_, i) => rows[i] === undefined);
  const syncRows = absent.length === 0 ? [] : await db.sync.bulkGet(absent);
  absent.forEach((id, i) => {
    if (syncRows[i] !== undefined) gone.add(id);
  });
  return {
    pulled: pulled.map((w) =>
      held.has(w.id) && w.eraseCase === undefined && w.remove ? { ...w, eraseCase: w.id } : w,
    ),
    gone,
  };
}

/**
 * A case erased in this batch or before on this device (`before`) ends erased, whatever the
 * order of its writes: writes of its rows and its new conflict items are dropped. A dropped
 * write is left as a pending deletion of the revision pulled (no local row), so the push
 * deletes that document on the server too and other devices drop it when they pull.
 */
function dropErasedCaseWrites(
  writes: readonly PulledWrite[],
  extra: readonly LocalRow[],
  before: ReadonlySet<string>,
): { writes: PulledWrite[]; extra: LocalRow[]; erased: string[]; dropped: number } {
  const erased = writes.flatMap((w) => (w.eraseCase === undefined ? [] : [w.eraseCase]));
  if (erased.length === 0 && before.size === 0) return { writes: [...writes], extra: [...extra], erased, dropped: 0 };
  const gone = new Set([...before, ...erased]);
  const ofErased = (local: LocalRow | undefined): boolean => {
    const caseId = local ? caseOfRow(local) : undefined;
    return caseId !== undefined && gone.has(caseId);
  };
  let dropped = 0;
  const kept = writes.map((w) => {
    if (w.eraseCase !== undefined || !ofErased(w.write)) return w;
    dropped++;
    const { write: _write, record: _record, ...rest } = w;
    return { ...rest, pending: true };
  });
  const keptExtra = extra.filter((row) => !ofErased(row));
  return { writes: kept, extra: keptExtra, erased, dropped: dropped + extra.length - keptExtra.length };
}

async function putLocal(local: LocalRow): Promise<void> {
  if (local.table === 'records') await db.records.put(local.row);
  else if (local.table === 'audit') await db.audit.put(local.row);
  else await db.conflicts.put(local.row);
}

/** Sync rows waiting to be pushed (oldest marks first is not needed: order is free). */
export function readPending(limit: number): Promise<SyncRow[]> {
  return db.sync.where('pending').equals(1).limit(limit).toArray();
}

export function countPending(): Promise<number> {
  return db.sync.where('pending').equals(1).count();
}

export function readSyncRows(ids: readonly string[]): Promise<Array<SyncRow | undefined>> {
  return db.sync.bulkGet([...ids]);
}

/** Stores the revisions chosen for a push before it is sent, so a resend after a crash reuses them. */
export async function planRevisions(plans: ReadonlyArray<{ id: string; gen: number; rev: string }>): Promise<void> {
  await db.transaction('rw', db.sync, async () => {
    for (const p of plans) {
      const row = await db.sync.get(p.id);
      if (row && row.gen === p.gen) await db.sync.put({ ...row, planned: { rev: p.rev, gen: p.gen } });
    }
  });
}

export interface Pushed {
  id: string;
  gen: number;
  rev: string;
  revs: string[];
  base?: SyncRow['base'];
  /** Never pushed and gone: the sync row is dropped. */
  drop?: boolean;
}

/** After a successful push: clears each mark unless the row changed again meanwhile. */
export async function commitPushed(pushed: readonly Pushed[]): Promise<void> {
  await db.transaction('rw', db.sync, async () => {
    for (const p of pushed) {
      const row = await db.sync.get(p.id);
      if (!row) continue;
      if (p.drop) {
        if (row.gen === p.gen) await db.sync.delete(p.id);
        continue;
      }
      const { planned: _planned, losers: _losers, base: _base, ...rest } = row;
      await db.sync.put({
        ...rest,
        rev: p.rev,
        revs: p.revs,
        ...(p.base ? { base: p.base } : {}),
        pending: row.gen === p.gen ? 0 : 1,
      });
    }
  });
}

/** Local checkpoint of the pull (meta row; a sequence token says nothing about content). */
const CHECKPOINT_KEY = 'syncCheckpoint';

export interface Checkpoint {
  db: string;
  since: string | number;
  session: string;
  /** RECORD_READ_FORMAT when saved (absent: saved by a version before it). */
  format?: number;
}

export async function readCheckpoint(): Promise<Checkpoint | undefined> {
  const value = (await db.meta.get(CHECKPOINT_KEY))?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Checkpoint>;
  return typeof v.db === 'string' &&
    (typeof v.since === 'string' || typeof v.since === 'number') &&
    typeof v.session === 'string'
    ? { db: v.db, since: v.since, session: v.session, ...(typeof v.format === 'number' ? { format: v.format } : {}) }
    : undefined;
}

export async function writeCheckpoint(c: Checkpoint): Promise<void> {
  await db.meta.put({ key: CHECKPOINT_KEY, value: c });
}
