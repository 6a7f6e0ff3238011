// The IndexedDB database "baken", through Dexie. What is stored where:
// - meta:    { key, value } — "keyring" (wrapped data key + KDF parameters, see
//            keyring.ts) and "throttle" (failed unlock count + notBefore).
//            Nothing here is user content.
// - records: one row per record (cases, parties, consent, assessments, notes,
//            follow-ups, drafts). Plaintext only: id, kind, v (schema version),
//            caseId, due (open follow-ups only), updatedAt. Everything else is
//            in `data`, AES-GCM ciphertext with its `iv`.
// - audit:   audit events, plaintext id, v and `at`; the event is in `data`.
// - caseKeys: one wrapped per-case data key per row (case-keys.ts): plaintext
//            random key id only; a record row names its key in `k`.
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

/** Version 3: per-case data keys, wrapped by the vault data key (rows are re-keyed by case-key-migration.ts after unlock). */
export const STORES_V3 = {
  caseKeys: '&id',
};

export class BakenDb extends Dexie {
  meta!: Table<MetaRow, string>;
  records!: Table<RecordRow, string>;
  audit!: Table<AuditRow, string>;
  caseKeys!: Table<CaseKeyRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    // Never edit a stored version; add db.version(n + 1) with an upgrade.
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(moveAuditEventsToOwnTable);
    // No upgrade function: re-keying needs the vault key, so it runs after unlock.
    this.version(3).stores(STORES_V3);
  }
}

/** The app's one database connection. */
export const db = new BakenDb();
