// Concurrent edits of a shared case (issue 21 after issue 20's rules): when a
// colleague's version of a record arrives while my own change to it still
// waits to be pushed, the two are merged after decryption with the very merge
// personal sync uses (sync/merge.ts), against the last version both sides
// shared (the base kept in db.teamSync): notes take the union (different ids),
// changeable records merge field by field, and the same field changed
// differently gives a "tegenstrijdige wijziging" item (sync/conflicts.ts) on
// this device that the worker resolves. The merged record is then pushed on
// the colleague's revision. Pure decision: no Dexie writes here.
import type { StoredRecord } from '../../../schema/records';
import { caseKeyById } from '../case-key-store';
import type { ConflictRow, RecordRow, TeamSyncRow } from '../db';
import { openRecordRow } from '../records-io';
import { codecs, decodeDoc } from '../sync/codec';
import type { SyncPayload } from '../sync/codec';
import { sealConflict } from '../sync/local';
import { conflictId, mergeVersions } from '../sync/merge';
import type { Candidate } from '../sync/merge';

export type SharedRecord = Exclude<StoredRecord, { kind: 'audit' }>;

/** The envelope of the last version both sides had: the three-way merge base. */
export type ShareBase = NonNullable<TeamSyncRow['base']>;

const APPEND_ONLY = new Set(['note']);

/** The base to keep for a document: only changeable records need one. */
export function baseOf(record: SharedRecord, doc: Record<string, unknown>): ShareBase | undefined {
  if (APPEND_ONLY.has(record.kind)) return undefined;
  return { iv: String(doc['iv']), ct: String(doc['ct']), k: String(doc['k']) };
}

export interface Merged {
  record: SharedRecord;
  conflicts: ConflictRow[];
}

/**
 * Merges my waiting local change with the colleague's version `remote`
 * (revision `rev`). Null when my local row cannot be opened (the remote
 * version then stays out, as before). Conflict items are sealed under the
 * vault key like personal sync's.
 */
export async function mergeShared(
  vaultKey: CryptoKey,
  local: RecordRow,
  state: TeamSyncRow | undefined,
  remote: SharedRecord,
  rev: string,
): Promise<Merged | null> {
  const opened = await openRecordRow(vaultKey, local);
  if (!opened.ok || opened.record.kind === 'audit' || opened.record.kind === 'draft') return null;
  const candidates: Candidate[] = [
    { rev, payload: { t: 'records', record: remote } },
    // My change edits the revision I last synced: it sorts below the colleague's newer one.
    { rev: state?.rev ?? '0-', payload: { t: 'records', record: opened.record } },
  ];
  const base = state?.base ? await openBase(vaultKey, local.id, state.base) : undefined;
  const merged = mergeVersions(candidates, base);
  // The merged record must still be a valid record (cross-field rules); otherwise the colleague's version stands.
  const record = merged.payload.t === 'records' ? codecs.records(merged.payload.record) : null;
  const now = new Date().toISOString();
  const conflicts: ConflictRow[] = [];
  for (const c of merged.conflicts) {
    conflicts.push(await sealConflict(vaultKey, { ...c, id: await conflictId(c), createdAt: now }));
  }
  return { record: record ?? remote, conflicts };
}

async function openBase(vaultKey: CryptoKey, id: string, base: ShareBase): Promise<SyncPayload | undefined> {
  let key: CryptoKey;
  try {
    key = await caseKeyById(vaultKey, base.k);
  } catch {
    return undefined;
  }
  const decoded = await decodeDoc((k) => (k === base.k ? key : undefined), { _id: id, v: 1, ...base });
  return decoded.ok ? decoded.payload : undefined;
}
