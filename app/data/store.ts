// Encrypted record storage: the operations later domain code builds on.
// Where things go: records → `records` table, audit events → `audit` table
// (db.ts), each as AES-GCM ciphertext under the session's data key.
// Every write: validate with zod → encrypt everything → one rw transaction.
// WebCrypto is never awaited inside a transaction (IndexedDB would commit it
// early). Audit events are linked into the hash chain first (audit-log.ts). All operations work offline; they need an unlocked vault.
import { storedRecordSchema } from '../../schema/records';
import type { RecordOfKind, StoredRecord } from '../../schema/records';
import type { AuditAction, AuditDetails, AuditEvent } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import type { Draft } from '../../schema/records/draft';
import { commitAuditRows, isAuditHeadMoved, prepareAuditRows, serialiseAuditAppend } from './audit-log';
import { db } from './db';
import type { RecordRow } from './db';
import { AppendOnlyError, InvalidRecordError, RecordConflictError, toStorageError } from './errors';
import {
  filterAuditByCase,
  ofKind,
  openAuditRow,
  openRecordRow,
  openRows,
  queryDueRows,
  queryRows,
  sealRecord,
} from './records-io';
import type { RecordQuery, RecordResult } from './records-io';
import { requireDataKey } from './session';
import { eraseCaseConflicts, markChanged, trackTables } from './sync/track';

export type { RecordQuery, RecordResult } from './records-io';

const APPEND_ONLY: ReadonlySet<RecordKind> = new Set<RecordKind>(['note', 'audit']);

function validate(record: StoredRecord): StoredRecord {
  const parsed = storedRecordSchema.safeParse(record);
  if (!parsed.success) {
    throw new InvalidRecordError(
      typeof record === 'object' && record !== null && 'id' in record ? String(record.id) : undefined,
      parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * Validates, encrypts and stores records in one transaction: all or nothing.
 * Audit events in the list go to the audit log, linked in this order onto the
 * hash chain (any `chain` they carry is replaced). Notes and audit events are
 * append-only: an existing id is refused with AppendOnlyError. An id used by
 * a record of another kind, or twice in the list, gives RecordConflictError.
 * Offline: works. Fails with VaultLockedError, InvalidRecordError (schema
 * codes in `issues`), StorageFullError or StorageFailedError; on any failure
 * nothing was written.
 */
export async function saveRecords(records: readonly StoredRecord[]): Promise<void> {
  const key = requireDataKey();
  const valid = records.map(validate);
  const ids = new Set<string>();
  for (const r of valid) {
    if (ids.has(r.id)) throw new RecordConflictError(r.id);
    ids.add(r.id);
  }
  const events = valid.filter((r): r is AuditEvent => r.kind === 'audit');
  const sealed = await Promise.all(valid.filter((r) => r.kind !== 'audit').map((r) => sealRecord(key, r)));
  const recordRows: RecordRow[] = [];
  for (const s of sealed) if (s.table === 'records') recordRows.push(s.row);

  // Audit events are linked onto the chain head (hashes and encryption
  // before the transaction); the transaction re-checks the head.
  const write = async (): Promise<void> => {
    const audit = await prepareAuditRows(key, events);
    const auditRows = audit.rows;
    try {
      await db.transaction('rw', [db.records, db.audit, db.meta, ...trackTables()], async () => {
        const recordIds = recordRows.map((r) => r.id);
        const auditIds = auditRows.map((r) => r.id);
        const [existing, existingAudit, auditIdsInRecords, recordIdsInAudit] = await Promise.all([
          db.records.bulkGet(recordIds),
          db.audit.bulkGet(auditIds),
          db.records.bulkGet(auditIds),
          db.audit.bulkGet(recordIds),
        ]);
        existing.forEach((old, i) => {
          if (!old) return;
          if (APPEND_ONLY.has(old.kind)) throw new AppendOnlyError(old.id);
          if (old.kind !== recordRows[i]?.kind) throw new RecordConflictError(old.id);
        });
        const takenAudit = existingAudit.find((old) => old !== undefined);
        if (takenAudit) throw new AppendOnlyError(takenAudit.id);
        const clash = [...auditIdsInRecords, ...recordIdsInAudit].find((old) => old !== undefined);
        if (clash) throw new RecordConflictError(clash.id);
        if (recordRows.length > 0) await db.records.bulkPut(recordRows);
        await commitAuditRows(audit, (rows) => db.audit.bulkAdd(rows));
        // Replication: drafts stay on this device.
        await markChanged([...recordRows.filter((r) => r.kind !== 'draft').map((r) => r.id), ...auditIds]);
      });
    } catch (e) {
      throw isAuditHeadMoved(e) ? e : toStorageError(e);
    }
  };
  await (events.length > 0 ? serialiseAuditAppend(write) : write());
}

/**
 * One record by id (any kind, or only `kind`), decrypted and validated.
 * Resolves undefined when absent (or of another kind), and a "beschadigd"
 * result when it cannot be decrypted or validated. Offline: works.
 * Fails with VaultLockedError.
 */
export async function getRecord(id: string): Promise<RecordResult | undefined>;
export async function getRecord<K extends RecordKind>(
  id: string,
  kind: K,
): Promise<RecordResult<RecordOfKind<K>> | undefined>;
export async function getRecord<K extends RecordKind>(id: string, kind?: K): Promise<RecordResult | undefined> {
  const key = requireDataKey();
  const [row, auditRow] = await Promise.all([db.records.get(id), db.audit.get(id)]);
  let result: RecordResult | undefined;
  if (row) result = await openRecordRow(key, row);
  else if (auditRow) result = await openAuditRow(key, auditRow);
  if (!result || kind === undefined) return result;
  const rowKind = result.ok ? result.record.kind : result.kind;
  return rowKind === kind ? ofKind(result, kind) : undefined;
}

/**
 * All records of one kind, optionally of one case, in no particular order.
 * Each damaged record is reported as `{ ok: false, problem: 'beschadigd' }`;
 * the others stay usable. Offline: works. Fails with VaultLockedError.
 */
export async function listRecords<K extends RecordKind>(
  query: RecordQuery<K>,
): Promise<Array<RecordResult<RecordOfKind<K>>>> {
  const key = requireDataKey();
  const results = await openRows(key, query.kind, await queryRows(query));
  return filterAuditByCase(results, query);
}

/**
 * Open follow-ups (not done) due on or before `onOrBefore` (YYYY-MM-DD), via
 * the plaintext `due` index. Offline: works. Fails with VaultLockedError.
 */
export async function listFollowUpsDue(onOrBefore: string): Promise<Array<RecordResult<RecordOfKind<'followup'>>>> {
  const key = requireDataKey();
  const rows = await queryDueRows(onOrBefore);
  return openRows(key, 'followup', { table: 'records', rows });
}

export interface AuditInput {
  action: AuditAction;
  caseId?: string | undefined;
  details?: AuditDetails | undefined;
}

/** Builds an audit event (id, time) to pass to saveRecords with the change it records. */
export function makeAuditEvent(input: AuditInput, at: Date = new Date()): AuditEvent {
  return {
    kind: 'audit',
    schemaVersion: 1,
    id: crypto.randomUUID(),
    at: at.toISOString(),
    action: input.action,
    ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    ...(input.details === undefined ? {} : { details: input.details }),
  };
}

/**
 * Appends one audit event (no content: enums and counts only). Offline:
 * works. Fails like saveRecords; then no event was written.
 */
export async function appendAudit(input: AuditInput): Promise<AuditEvent> {
  const event = makeAuditEvent(input);
  await saveRecords([event]);
  return event;
}

/**
 * Deletes a case and every record that belongs to it (parties, consent,
 * assessments, notes, follow-ups, drafts) in one transaction, together with
 * one `case.erased` audit event that holds only the case id and a count.
 * Resolves `{ erased: 0 }` without an audit event when the case is absent.
 * Offline: works. Fails with VaultLockedError, StorageFullError or
 * StorageFailedError; then nothing was deleted.
 */
export async function eraseCase(caseId: string): Promise<{ erased: number }> {
  const key = requireDataKey();
  const keys = await db.records.where('caseId').equals(caseId).primaryKeys();
  if (!(await db.records.get(caseId))) return { erased: 0 };
  const event = makeAuditEvent({ action: 'case.erased', caseId, details: { count: keys.length, recordKind: 'case' } });
  const valid = validate(event);
  if (valid.kind !== 'audit') throw new RecordConflictError(event.id);
  let erased = 0;
  await serialiseAuditAppend(async () => {
    const audit = await prepareAuditRows(key, [valid]);
    try {
      await db.transaction('rw', [db.records, db.audit, db.meta, ...trackTables()], async () => {
        const gone = await db.records.where('caseId').equals(caseId).primaryKeys();
        erased = await db.records.where('caseId').equals(caseId).delete();
        await commitAuditRows(audit, async (rows) => {
          for (const row of rows) await db.audit.add(row);
        });
        // Replication: the erasure travels as deletions (SECURITY.md, "Synchronisatie").
        await markChanged([...gone, ...audit.rows.map((r) => r.id)]);
        await eraseCaseConflicts(caseId);
      });
    } catch (e) {
      throw isAuditHeadMoved(e) ? e : toStorageError(e);
    }
  });
  return { erased };
}

// ---------------------------------------------------------------------------
// Drafts: half-filled forms, encrypted like every other record.
// ---------------------------------------------------------------------------

/**
 * Stores (or replaces) the draft of one form. Offline: works. Fails like
 * saveRecords (e.g. InvalidRecordError when a field holds image data).
 */
export async function saveDraft(input: {
  id: string;
  fields: Record<string, string>;
  caseId?: string | undefined;
}): Promise<Draft> {
  const draft: Draft = {
    kind: 'draft',
    schemaVersion: 1,
    id: input.id,
    ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    fields: input.fields,
    updatedAt: new Date().toISOString(),
  };
  await saveRecords([draft]);
  return draft;
}

/**
 * The draft of one form, or undefined. A damaged draft is treated as absent
 * (the next saveDraft replaces it). Offline: works. Fails with VaultLockedError.
 */
export async function getDraft(id: string): Promise<Draft | undefined> {
  const result = await getRecord(id, 'draft');
  return result?.ok ? result.record : undefined;
}

/** Removes a draft (after saving or discarding the form). Offline: works. */
export async function deleteDraft(id: string): Promise<void> {
  try {
    await db.transaction('rw', db.records, async () => {
      const row = await db.records.get(id);
      if (row?.kind === 'draft') await db.records.delete(id);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
