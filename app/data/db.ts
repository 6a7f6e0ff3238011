// The IndexedDB database "baken", through Dexie. What is stored where:
// - meta:    { key, value } — "keyring" (wrapped data key + KDF parameters, see
//            keyring.ts), "throttle" (failed unlock count + notBefore) and
//            "recoveryUnconfirmed" (a recovery code not yet confirmed, vault.ts).
//            Nothing here is user content.
// - records: one row per record (cases, parties, consent, assessments, notes,
//            follow-ups, drafts). Plaintext only: id, kind, v (schema version),
//            caseId, k (the id of the case key it is sealed under). Everything
//            else is in `data`, AES-GCM ciphertext with its `iv`. (Before
//            version 4 also `due` and `updatedAt`.)
// - audit:   audit events, plaintext id, v and `at` (the UTC day since
//            version 4); the event is in `data`.
// - caseKeys (version 3): one wrapped per-case data key per row
//            (case-keys.ts): plaintext random key id only. Since issue 19
//            (bulk write) also bundle rows `{ id: 'bundle:<random>', ids, iv,
//            wrapped }` holding many keys of one write (case-key-store.ts).
// - caseIndex (version 4): the encrypted case index (index/), a plaintext
//            head row `{ id: 'head', gen, rows, shards }` and a few shard
//            rows `{ id: 'shard:N', gen, iv, data }`.
//            Since issue 19 session 7 also `{ id: 'page', gen, iv, data }`, the
//            case list's sealed first page (index/first-page.ts).
// - sync (version 5): replication state per replicated row (sync/track.ts):
//            revision, ancestry, pending-push mark, last synced envelope.
// - conflicts (version 5): "tegenstrijdige wijziging" items (sync/merge.ts),
//            encrypted; plaintext id and caseId only.
// - teamSync (version 8): per row of a shared case, its revision in the
//            team's cases database and the IV it was last synced with;
//            plaintext id and caseId only.
// - teamCoord (version 9): sealed team-coordination values this device keeps
//            (team/coord-sync.ts); plaintext fixed ids only.
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
  /** The id of the per-case key `data` is encrypted under; absent: the vault data key. */
  k?: string;
  iv: Bytes;
  data: Bytes;
}

/** A per-case data key wrapped by the vault data key (case-keys.ts); self-contained, addressed by its random id. */
export interface CaseKeyRow {
  id: string;
  iv: Bytes;
  wrapped: Bytes;
}

/**
 * Issue 19 (bulk write): the wrapped keys of many new cases of one write in one row
 * (case-key-store.ts): `ids[i]` ('' once erased) is sealed as `iv[12i…]`, `wrapped[48i…]`.
 */
export interface CaseKeyBundleRow {
  id: string;
  ids: string[];
  iv: Bytes;
  wrapped: Bytes;
}

export interface AuditRow {
  id: string;
  v: number;
  /** The UTC day (YYYY-MM-DD) of the event; exact before version 4. */
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

/** Version 3: per-case data keys, wrapped by the vault data key (rows are re-keyed by case-key-migration.ts after unlock). */
export const STORES_V3 = {
  caseKeys: '&id',
};

/** The case index's plaintext head: its generation, indexed row count and each shard's generation. */
export interface IndexHeadRow {
  id: 'head';
  gen: number;
  rows: number;
  shards: number[];
  /** The generation of the `page` row this head trusts (issue 19, note save); absent: `gen`. */
  page?: number;
}

export interface IndexShardRow {
  id: string;
  gen: number;
  iv: Bytes;
  data: Bytes;
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

export type IndexRow = IndexHeadRow | IndexShardRow;

/**
 * Version 4 (issue 18 item 4, issue 19): records lose the plaintext `due` and
 * `updatedAt` columns (their queries moved to the encrypted case index),
 * audit `at` is coarsened to the UTC day, and the case index gets its table.
 */
export const STORES_V4 = {
  records: '&id, kind, caseId, [caseId+kind]',
  caseIndex: '&id',
};

/** v3 → v4: drops the exact timestamps; the index is rebuilt after the next unlock (no head yet). */
export async function dropJoinablePlaintext(tx: Transaction): Promise<void> {
  await tx
    .table<{ due?: string; updatedAt?: string }, string>('records')
    .toCollection()
    .modify((row) => {
      delete row.due;
      delete row.updatedAt;
    });
  await tx
    .table<AuditRow, string>('audit')
    .toCollection()
    .modify((row) => {
      row.at = row.at.slice(0, 10);
    });
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

/** Team replication state of one row of a shared case (issue 21, team/share-sync.ts). */
export interface TeamSyncRow {
  id: string;
  caseId: string;
  /** The revision of the document in the team's cases database. */
  rev?: string;
  /** The local row's IV (base64) when it was last pushed or pulled: a different IV is a local change. */
  mark: string;
  /** The last synced envelope of a changeable record: the three-way merge base (issue 20 rules; not indexed). */
  base?: { iv: string; ct: string; k: string };
}

/** Version 8 (issue 21): replication state of shared cases' rows towards the team's cases database. */
export const STORES_V8 = {
  teamSync: '&id, caseId',
};

/** Version 9 (issue 21, helper G): team coordination state and caches, sealed under the vault key. Lists only the new table. */
export const STORES_V9 = {
  teamCoord: '&id',
};

/** One sealed value of the team coordination state (app/data/team/coord-sync.ts). */
export interface TeamCoordRow {
  id: string;
  iv: Uint8Array;
  data: Uint8Array;
}

export class BakenDb extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<RecordRow, string>;
  audit!: Table<AuditRow, string>;
  caseKeys!: Table<CaseKeyRow | CaseKeyBundleRow, string>;
  caseIndex!: Table<IndexRow, string>;
  sync!: Table<SyncRow, string>;
  conflicts!: Table<ConflictRow, string>;
  teamSync!: Table<TeamSyncRow, string>;
  teamCoord!: Table<TeamCoordRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    // Never edit a stored version; add db.version(n + 1) with an upgrade.
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(moveAuditEventsToOwnTable);
    // No upgrade function: re-keying needs the vault key, so it runs after unlock.
    this.version(3).stores(STORES_V3);
    this.version(4).stores(STORES_V4).upgrade(dropJoinablePlaintext);
    // Version 5: every existing row is marked for the first push.
    this.version(5).stores(STORES_V5).upgrade(markExistingRowsPending);
    // Version 8 (issue 21, sharing): a new table only; nothing to upgrade.
    this.version(8).stores(STORES_V8);
    // Version 9 (issue 21, G): team coordination state; versions 6-8 belong to other branches.
    this.version(9).stores(STORES_V9);
    // Version 10 (issue 19, bulk write): no new table; caseKeys may hold bundle rows (case-key-store.ts)
    // that older code would not find. The new version closes older tabs' connections and makes an older
    // build refuse the database, instead of either reading a restored case as erased.
    this.version(10).stores({});
  }
}

/** The app's one database connection. */
export const db = new BakenDb();
