// The IndexedDB database "baken", through Dexie. What is stored where:
// - meta:    { key, value } — "keyring" (wrapped data key + KDF parameters, see
//            keyring.ts) and "throttle" (failed unlock count + notBefore).
//            Nothing here is user content.
// - records: one row per record (cases, parties, consent, assessments, notes,
//            follow-ups, drafts). Plaintext only: id, kind, v (schema version),
//            caseId, due (open follow-ups only), updatedAt. Everything else is
//            in `data`, AES-GCM ciphertext with its `iv`.
// - audit:   audit events, plaintext id, v and `at`; the event is in `data`.
// - sync:    replication state per replicated row (sync/track.ts): revision,
//            ancestry, pending-push mark, last synced envelope (merge base).
// - conflicts: "tegenstrijdige wijziging" items (sync/merge.ts), encrypted;
//            plaintext id and caseId only.
// SECURITY.md justifies each plaintext column. Only app/data/ opens this file.
import { Dexie } from 'dexie';
import type { Table, Transaction } from 'dexie';

import type { RecordKind } from '../../schema/records/base';
import type { Bytes } from './crypto';

import { DB_NAME } from './db-name';

export { DB_NAME };

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface RecordRow {
  id: string;
  kind: Exclude<RecordKind, 'audit'>;
  /** schemaVersion, part of the AAD. */
  v: number;
  caseId?: string;
  /** Set only while a follow-up is open. */
  due?: string;
  updatedAt: string;
  iv: Bytes;
  data: Bytes;
}

export interface AuditRow {
  id: string;
  v: number;
  at: string;
  iv: Bytes;
  data: Bytes;
}

/** Version 1 (first release): audit events lived in `records` with kind "audit". */
export const STORES_V1 = {
  meta: '&key',
  records: '&id, kind, caseId, due, updatedAt',
};

/** Version 2: audit events get their own table; [caseId+kind] for per-case lists. */
export const STORES_V2 = {
  meta: '&key',
  records: '&id, kind, caseId, [caseId+kind], due, updatedAt',
  audit: '&id, at',
};

/** v1 → v2: moves audit rows as they are (ciphertext and AAD do not change). */
export async function moveAuditEventsToOwnTable(tx: Transaction): Promise<void> {
  const records = tx.table<{ id: string; kind: string; v: number; updatedAt: string; iv: Bytes; data: Bytes }, string>(
    'records',
  );
  const old = await records.where('kind').equals('audit').toArray();
  await tx
    .table<AuditRow, string>('audit')
    .bulkAdd(old.map(({ id, v, updatedAt, iv, data }) => ({ id, v, at: updatedAt, iv, data })));
  await records.where('kind').equals('audit').delete();
}

/** Replication state of one replicated row (or of an erased one still to push). */
export interface SyncRow {
  id: string;
  /** 1 while a local change waits to be pushed; indexed (IndexedDB cannot index booleans). */
  pending: 0 | 1;
  /** Bumped by every local write, so a push only clears the mark it sent. */
  gen: number;
  /** Current CouchDB revision "N-hash" this device holds, if any. */
  rev?: string;
  /** Revision ids (hashes) of `rev` and its ancestors, newest first, capped. */
  revs?: string[];
  /** A revision chosen for the pending push, reused after a crash (idempotent resend). */
  planned?: { rev: string; gen: number };
  /** Other leaf revisions to close with a deletion at the next push (after a merge). */
  losers?: string[];
  /** The last synced envelope { iv, ct } of a changeable record: the 3-way merge base. */
  base?: { iv: string; ct: string; k: string };
}

/** A "tegenstrijdige wijziging" item, encrypted like a record (AAD kind "conflict"). */
export interface ConflictRow {
  id: string;
  caseId: string;
  v: number;
  iv: Bytes;
  data: Bytes;
}

/** Version 5 (issue 20): replication state and conflict items. Lists only the new tables. */
export const STORES_V5 = {
  sync: '&id, pending',
  conflicts: '&id, caseId',
};

/** Every row that existed before sync counts as a local change still to push (drafts never replicate). */
export async function markExistingRowsPending(tx: Transaction): Promise<void> {
  const recordIds = await tx
    .table<RecordRow, string>('records')
    .filter((r) => r.kind !== 'draft')
    .primaryKeys();
  const auditIds = await tx.table<AuditRow, string>('audit').toCollection().primaryKeys();
  await tx
    .table<SyncRow, string>('sync')
    .bulkPut([...recordIds, ...auditIds].map((id) => ({ id, pending: 1, gen: 1 })));
}

export class BakenDb extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<RecordRow, string>;
  audit!: Table<AuditRow, string>;
  sync!: Table<SyncRow, string>;
  conflicts!: Table<ConflictRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    // Never edit a stored version; add db.version(n + 1) with an upgrade.
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(moveAuditEventsToOwnTable);
    this.version(5).stores(STORES_V5).upgrade(markExistingRowsPending);
  }
}

/** The app's one database connection. */
export const db = new BakenDb();
