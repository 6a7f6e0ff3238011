// Encrypted record storage: the operations later domain code builds on.
// Where things go: records → `records` table, audit events → `audit` table
// (db.ts), each as AES-GCM ciphertext under the session's data key.
// Every write: validate with zod → encrypt everything → one rw transaction.
// WebCrypto is never awaited inside a transaction (IndexedDB would commit it
// early). Audit events are linked into the hash chain first (audit-log.ts). All operations work offline; they need an unlocked vault.
import { Dexie } from 'dexie';

import { storedRecordSchema } from '../../schema/records';
import type { RecordOfKind, StoredRecord } from '../../schema/records';
import type { AuditAction, AuditDetails, AuditEvent } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import type { Draft } from '../../schema/records/draft';
import { commitAuditRows, isAuditHeadMoved, prepareAuditRows, readAuditHead, serialiseAuditAppend } from './audit-log';
import {
  caseKeyById,
  caseKeyIdOf,
  casesWithRows,
  createCaseKey,
  forgetCaseKey,
  packCaseKeyRows,
  shredCaseKeys,
} from './case-key-store';
import { db } from './db';
import type { AuditRow, CaseKeyRow, RecordRow } from './db';
import { AppendOnlyError, InvalidRecordError, RecordConflictError, VaultLockedError, toStorageError } from './errors';
import {
  filterAuditByCase,
  ofKind,
  openAuditRow,
  openRecordRow,
  openRows,
  plaintextColumns,
  queryRows,
  sealRecord,
} from './records-io';
import type { RecordQuery, RecordResult } from './records-io';
import { requireDataKey } from './session';
import {
  applyIndexPlan,
  commitIndexPlan,
  ensureIndex,
  isIndexMoved,
  planIndexChange,
  readIndexHead,
} from './index/case-index';
import type { IndexPlan } from './index/case-index';
import { openFollowUpsOf } from './index/index-reads';
import { INDEXED_KINDS, isIndexedKind } from './index/entries';
import { bulkMarksNeeded, eraseCaseConflicts, markChanged } from './sync/track';
import { sealErasedCase } from './sync/erased-case-mark';

export type { RecordQuery, RecordResult } from './records-io';

const APPEND_ONLY: ReadonlySet<RecordKind> = new Set<RecordKind>(['note', 'audit']);
// A write re-plans its index change when another tab moved the index head.
const MAX_INDEX_ATTEMPTS = 5;

type SealingKey = { key: CryptoKey; keyId?: string };

/**
 * The key each case in `records` is sealed under: its per-case key; the vault
 * key while its case row is not yet migrated (case-key-migration.ts); a new
 * case key (whose wrapped row joins the same transaction) for a new case.
 */
async function sealingKeys(
  vaultKey: CryptoKey,
  records: readonly StoredRecord[],
  newIds: boolean,
  known: ReadonlyMap<string, RecordRow>,
): Promise<{ byCase: Map<string, SealingKey>; newKeyRows: CaseKeyRow[] }> {
  const caseIds = new Set<string>();
  // With `newIds` the case records in the list have no row yet (else the whole write fails).
  const newCases = new Set<string>();
  for (const r of records) {
    if (r.kind === 'audit') continue;
    const { caseId } = plaintextColumns(r);
    if (caseId !== undefined) caseIds.add(caseId);
    if (newIds && r.kind === 'case') newCases.add(r.id);
  }
  const byCase = new Map<string, SealingKey>();
  const newKeyRows: CaseKeyRow[] = [];
  const ids = [...caseIds];
  // One read for all case rows (but new ones, and the ones the caller read: `known`); keys are looked up
  // or made in parallel (a restore saves many cases).
  const asked = ids.filter((id) => !newCases.has(id) && !known.has(id));
  const askedRows = asked.length === 0 ? [] : await db.records.bulkGet(asked);
  const rowOf = new Map(asked.map((id, i) => [id, askedRows[i]]));
  const caseRows = ids.map((id) => (known.has(id) ? known.get(id) : rowOf.get(id)));
  // Issue 19: a bulk write of new cases learns in one read which cases without a case row have rows.
  const withRows = await casesWithRows(ids.filter((_, i) => caseRows[i]?.kind !== 'case'));
  await Promise.all(
    ids.map(async (caseId, i) => {
      const row = caseRows[i];
      const unheld = row?.kind !== 'case' && withRows !== null && !withRows.has(caseId);
      const keyId = unheld ? undefined : await caseKeyIdOf(caseId, row ?? null);
      if (keyId === null) byCase.set(caseId, { key: vaultKey });
      else if (keyId !== undefined) byCase.set(caseId, { key: await caseKeyById(vaultKey, keyId), keyId });
      else {
        const created = await createCaseKey(vaultKey);
        newKeyRows.push(created.row);
        byCase.set(caseId, { key: created.key, keyId: created.keyId });
      }
    }),
  );
  return { byCase, newKeyRows };
}

function sealWith(
  vaultKey: CryptoKey,
  byCase: Map<string, SealingKey>,
  record: StoredRecord,
): ReturnType<typeof sealRecord> {
  const caseId = record.kind === 'audit' ? undefined : plaintextColumns(record).caseId;
  const chosen = caseId === undefined ? undefined : byCase.get(caseId);
  return chosen ? sealRecord(chosen.key, record, chosen.keyId) : sealRecord(vaultKey, record);
}

/** Encrypts every non-audit record under its case's key (new case keys' wrapped rows alongside). Before any transaction. */
async function sealAll(
  vaultKey: CryptoKey,
  valid: readonly StoredRecord[],
  newIds: boolean,
  known: ReadonlyMap<string, RecordRow> = new Map(),
): Promise<{ newKeyRows: CaseKeyRow[]; recordRows: RecordRow[] }> {
  const { byCase, newKeyRows } = await sealingKeys(vaultKey, valid, newIds, known);
  const sealed = await Promise.all(valid.filter((r) => r.kind !== 'audit').map((r) => sealWith(vaultKey, byCase, r)));
  const recordRows: RecordRow[] = [];
  for (const s of sealed) if (s.table === 'records') recordRows.push(s.row);
  return { newKeyRows, recordRows };
}

/** Parses a record with the stored-record schema, or throws InvalidRecordError with the schema codes. */
export function validateRecord(record: StoredRecord): StoredRecord {
  const parsed = storedRecordSchema.safeParse(record);
  if (!parsed.success) {
    throw new InvalidRecordError(
      typeof record === 'object' && record !== null && 'id' in record ? String(record.id) : undefined,
      parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  return parsed.data;
}

export interface SaveOptions {
  /**
   * The caller guarantees that no record id exists yet (e.g. a restore into
   * an empty logbook): the records table's existence reads are skipped and
   * the rows are added, not put, so an id that does exist after all still
   * fails the whole write (RecordConflictError) instead of overwriting.
   */
  newIds?: boolean;
  /**
   * Case rows the caller read before this write (the unit of work's loaded case), by id: the key
   * they name is used to seal that case's records instead of reading the row again. Only a hint,
   * like a read just before the write: the transaction checks that every case row it rewrites
   * still names the key it was sealed under, and seals again from fresh reads when not.
   */
  caseRows?: ReadonlyMap<string, RecordRow>;
  /**
   * Ids the caller made with crypto.randomUUID() for this write (a new note, its audit event): not
   * looked up in the other table first (issue 19, figure 5), as a random id is never one a stored row
   * has. Their own table still refuses them if it holds them: a note or audit row is added, not put,
   * and any other kind is read before it is put, as without the hint.
   */
  freshIds?: ReadonlySet<string>;
}

/** A case row was re-keyed (case-key migration in another tab) between sealing and the write. */
class CaseKeyMovedError extends Error {}

/** The first position a bulk add refused because its key exists; rethrows any other failure. */
function takenPosition(e: unknown): number {
  if (!(e instanceof Dexie.BulkError)) throw e;
  const [pos, failure] = Object.entries(e.failuresByPos)[0] ?? [];
  if (pos === undefined || failure?.name !== 'ConstraintError') throw e;
  return Number(pos);
}

/**
 * Inside saveRecords' transaction: adds rows of an append-only kind (notes). An id that exists
 * fails as the existence read did: AppendOnlyError when the row there is append-only too, else
 * RecordConflictError (read in the same transaction, after the refused add).
 */
async function addAppendOnly(rows: readonly RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await db.records.bulkAdd([...rows]);
  } catch (e) {
    const id = rows[takenPosition(e)]?.id ?? '';
    const old = await db.records.get(id);
    throw old && !APPEND_ONLY.has(old.kind) ? new RecordConflictError(id) : new AppendOnlyError(id);
  }
}

/** Inside saveRecords' transaction: adds audit rows; an id that exists fails with AppendOnlyError. */
async function addAudit(rows: AuditRow[]): Promise<void> {
  try {
    await db.audit.bulkAdd(rows);
  } catch (e) {
    throw new AppendOnlyError(rows[takenPosition(e)]?.id ?? '');
  }
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
export async function saveRecords(records: readonly StoredRecord[], options: SaveOptions = {}): Promise<void> {
  const newIds = options.newIds === true;
  const key = requireDataKey();
  const valid = records.map(validateRecord);
  const ids = new Set<string>();
  for (const r of valid) {
    if (ids.has(r.id)) throw new RecordConflictError(r.id);
    ids.add(r.id);
  }
  const events = valid.filter((r): r is AuditEvent => r.kind === 'audit');
  // Issue 19: sealing the records needs neither chain head nor index head, so
  // it starts now and overlaps (WebCrypto runs off the main thread) with the
  // audit link and the index plan below, and with waiting for the audit queue.
  let sealing = sealAll(key, valid, newIds, options.caseRows);
  sealing.catch(() => undefined); // awaited in write(); no unhandled rejection while it queues

  // Audit events are linked onto the chain head and the case index change is
  // planned (hashes and encryption before the transaction); the transaction
  // re-checks both heads. A moved index head (another tab wrote) re-plans.
  const write = async (): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const [plan, audit, { newKeyRows, recordRows }] = await Promise.all([
        planIndexChange(key, valid, [], attempt === 1),
        prepareAuditRows(key, events),
        sealing,
      ]);
      const auditRows = audit.rows;
      let rowsDelta = 0;
      try {
        await db.transaction(
          'rw',
          [db.records, db.audit, db.meta, db.caseKeys, db.caseIndex, db.sync, db.conflicts],
          async () => {
            const recordIds = recordRows.map((r) => r.id);
            const auditIds = auditRows.map((r) => r.id);
            // Issue 19: every read this write needs goes out at once: one existence read per table
            // and both heads the commits check below. Rows of an append-only kind (notes; audit
            // events in their own table) are added, not put, so the table's unique key refuses an
            // existing id in the write itself (addAppendOnly, addAudit) and their own table is not
            // read first; the other table is (an id is never in both tables).
            // Fresh ids (options.freshIds) and case rows just read from `records` (options.caseRows:
            // an id is never in both tables) are not looked up in the other table. The sync rows of
            // the ids read here go out in the same round, for markChanged below.
            const fresh = options.freshIds ?? new Set<string>();
            const checked = newIds ? [] : recordIds.filter((_, i) => !APPEND_ONLY.has(recordRows[i]?.kind ?? 'case'));
            const inOtherTable = (id: string): boolean => !fresh.has(id) && !options.caseRows?.has(id);
            const auditChecked = checked.filter(inOtherTable);
            const appendOnlyIds = newIds
              ? []
              : recordIds.filter((id, i) => APPEND_ONLY.has(recordRows[i]?.kind ?? 'case') && inOtherTable(id));
            const auditIdsChecked = auditIds.filter(inOtherTable);
            const syncChecked = newIds
              ? []
              : recordRows.filter((r) => !APPEND_ONLY.has(r.kind) && r.kind !== 'draft').map((r) => r.id);
            const [inRecords, inAudit, indexHead, auditHead, marks, syncRows] = await Promise.all([
              checked.length + auditIdsChecked.length > 0 ? db.records.bulkGet([...checked, ...auditIdsChecked]) : [],
              auditChecked.length + appendOnlyIds.length > 0
                ? db.audit.bulkGet([...auditChecked, ...appendOnlyIds])
                : [],
              plan ? readIndexHead() : undefined,
              auditRows.length > 0 ? readAuditHead() : null,
              newIds ? bulkMarksNeeded() : true,
              syncChecked.length > 0 ? db.sync.bulkGet(syncChecked) : [],
            ]);
            const found = new Map(checked.map((id, i) => [id, inRecords[i]]));
            const existing = recordIds.map((id) => found.get(id));
            const auditIdsInRecords = inRecords.slice(checked.length);
            existing.forEach((old, i) => {
              if (!old) return;
              if (APPEND_ONLY.has(old.kind)) throw new AppendOnlyError(old.id);
              if (old.kind !== recordRows[i]?.kind) throw new RecordConflictError(old.id);
            });
            const clash = [...auditIdsInRecords, ...inAudit].find((old) => old !== undefined);
            if (clash) throw new RecordConflictError(clash.id);
            // A case row is rewritten under the key its stored row names (sealingKeys); a row
            // re-keyed since then (another tab's case-key migration) makes this write seal again.
            const rekeyed = existing.some((old, i) => old?.kind === 'case' && old.k !== recordRows[i]?.k);
            if (rekeyed) throw new CaseKeyMovedError();
            rowsDelta = recordRows.filter((row, i) => existing[i] === undefined && isIndexedKind(row.kind)).length;
            // Issue 19: the writes go to different tables and none reads what another writes, so they
            // are issued together instead of one round trip each; any failure aborts all of them.
            const appendOnly = newIds ? [] : recordRows.filter((r) => APPEND_ONLY.has(r.kind));
            const others = appendOnly.length > 0 ? recordRows.filter((r) => !APPEND_ONLY.has(r.kind)) : recordRows;
            await Promise.all([
              // A new case's wrapped key goes in with its first rows (many new keys: in bundle rows).
              newKeyRows.length > 0 ? db.caseKeys.bulkAdd(packCaseKeyRows(newKeyRows)) : undefined,
              others.length === 0 ? undefined : newIds ? db.records.bulkAdd(others) : db.records.bulkPut(others),
              addAppendOnly(appendOnly),
              plan ? commitIndexPlan(plan, rowsDelta, { row: indexHead }) : undefined,
              commitAuditRows(audit, addAudit, auditHead),
              // Replication: drafts stay on this device. Rows that did not exist (a new note, the
              // audit event) most likely have no sync mark yet either: added without reading first.
              // A bulk write of new ids on a device that never synced adds none (track.ts).
              !marks
                ? undefined
                : markChanged(
                    [...recordRows.filter((r) => r.kind !== 'draft').map((r) => r.id), ...auditIds],
                    newIds
                      ? undefined
                      : new Set([...recordIds.filter((_, i) => existing[i] === undefined), ...auditIds]),
                    new Map(syncChecked.map((id, i) => [id, syncRows[i]])),
                  ),
            ]);
          },
        );
      } catch (e) {
        if (isIndexMoved(e) && attempt < MAX_INDEX_ATTEMPTS) continue;
        if (e instanceof CaseKeyMovedError) {
          if (attempt >= MAX_INDEX_ATTEMPTS)
            throw new RecordConflictError(recordRows.find((r) => r.kind === 'case')?.id ?? '');
          sealing = sealAll(key, valid, newIds);
          continue;
        }
        if (newIds && e instanceof Dexie.BulkError) {
          const failed = Object.keys(e.failuresByPos).map(Number)[0] ?? 0;
          throw new RecordConflictError(recordRows[failed]?.id ?? '');
        }
        throw isAuditHeadMoved(e) ? e : toStorageError(e);
      }
      if (plan) applyIndexPlan(plan, rowsDelta);
      return;
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
  return (await readRecord(id, kind)).result;
}

/**
 * A case for a write (the unit of work): as getRecord(id, 'case'), with the row it was read from,
 * for saveRecords' `caseRows`. Offline: works. Fails with VaultLockedError.
 */
export async function getCaseForWrite(
  id: string,
): Promise<{ result: RecordResult<RecordOfKind<'case'>> | undefined; row: RecordRow | undefined }> {
  const { result, row } = await readRecord(id, 'case');
  return { result: result as RecordResult<RecordOfKind<'case'>> | undefined, row };
}

async function readRecord(
  id: string,
  kind: RecordKind | undefined,
): Promise<{ result: RecordResult | undefined; row: RecordRow | undefined }> {
  const key = requireDataKey();
  // Only the table the kind lives in (issue 19: a note save loads its case first).
  const [row, auditRow] = await Promise.all([
    kind === 'audit' ? undefined : db.records.get(id),
    kind === undefined || kind === 'audit' ? db.audit.get(id) : undefined,
  ]);
  let result: RecordResult | undefined;
  if (row) result = await openRecordRow(key, row);
  else if (auditRow) result = await openAuditRow(key, auditRow);
  if (!result || kind === undefined) return { result, row };
  const rowKind = result.ok ? result.record.kind : result.kind;
  return { result: rowKind === kind ? ofKind(result, kind) : undefined, row };
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
 * Open follow-ups (not done) due on or before `onOrBefore` (YYYY-MM-DD), from
 * the encrypted case index. Offline: works. Fails with VaultLockedError.
 */
export async function listFollowUpsDue(onOrBefore: string): Promise<Array<RecordResult<RecordOfKind<'followup'>>>> {
  const key = requireDataKey();
  const index = await ensureIndex(key);
  if (!index) throw new VaultLockedError();
  return openFollowUpsOf(index)
    .filter((f) => f.due <= onOrBefore)
    .map((record) => ({ ok: true as const, record }));
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
 * assessments, notes, follow-ups, drafts) in one transaction, its wrapped
 * per-case key first (crypto-shredding), together with
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
  const valid = validateRecord(event);
  if (valid.kind !== 'audit') throw new RecordConflictError(event.id);
  let erased = 0;
  let shredded: string[] = [];
  // Issue 20: the case joins this device's list of erased cases, so replication never brings it back.
  const erasedMark = await sealErasedCase(key, caseId);
  await serialiseAuditAppend(async () => {
    for (let attempt = 1; ; attempt++) {
      // Never null: a case to erase is always a change.
      const plan = (await planIndexChange(key, [], [caseId])) as IndexPlan;
      const audit = await prepareAuditRows(key, [valid]);
      let removed = 0;
      try {
        await db.transaction(
          'rw',
          [db.records, db.audit, db.meta, db.caseKeys, db.caseIndex, db.sync, db.conflicts],
          async () => {
            // Crypto-shredding: the case's wrapped key(s) go first, so leftover
            // ciphertext of the case (old versions in IndexedDB's files) can no
            // longer be decrypted, not even with the vault key.
            shredded = await shredCaseKeys(caseId);
            removed = await db.records
              .where('[caseId+kind]')
              .anyOf(INDEXED_KINDS.map((kind) => [caseId, kind]))
              .count();
            const gone = await db.records.where('caseId').equals(caseId).primaryKeys();
            erased = await db.records.where('caseId').equals(caseId).delete();
            await commitIndexPlan(plan, -removed);
            await commitAuditRows(audit, async (rows) => {
              for (const row of rows) await db.audit.add(row);
            });
            // Replication: the erasure travels as deletions (SECURITY.md, "Synchronisatie").
            await markChanged([...gone, ...audit.rows.map((r) => r.id)]);
            await eraseCaseConflicts(caseId);
            await db.meta.put(erasedMark);
          },
        );
      } catch (e) {
        if (isIndexMoved(e) && attempt < MAX_INDEX_ATTEMPTS) continue;
        throw isAuditHeadMoved(e) ? e : toStorageError(e);
      }
      applyIndexPlan(plan, -removed);
      return;
    }
  });
  for (const keyId of shredded) forgetCaseKey(keyId);
  return { erased };
}

// ---------------------------------------------------------------------------
// Drafts: half-filled forms, encrypted like every other record.
// ---------------------------------------------------------------------------

interface DraftInput {
  id: string;
  fields: Record<string, string>;
  caseId?: string | undefined;
}

function draftRecord(input: DraftInput): Draft {
  return {
    kind: 'draft',
    schemaVersion: 1,
    id: input.id,
    ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    fields: input.fields,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * Stores (or replaces) the draft of one form. Offline: works. Fails like
 * saveRecords (e.g. InvalidRecordError when a field holds image data).
 */
export async function saveDraft(input: DraftInput): Promise<Draft> {
  const draft = draftRecord(input);
  await saveRecords([draft]);
  return draft;
}

/**
 * Validates and encrypts a draft as saveDraft would (under its case's key), without writing it: for
 * writeDraftAtOnce when the page goes away. Null when sealing it would make a new case key (its case
 * row is gone): that draft is left to the ordinary save.
 */
export async function sealDraft(input: DraftInput): Promise<RecordRow | null> {
  const key = requireDataKey();
  const draft = validateRecord(draftRecord(input));
  const { newKeyRows, recordRows } = await sealAll(key, [draft], false);
  return newKeyRows.length === 0 ? (recordRows[0] ?? null) : null;
}

/**
 * Puts a draft row sealed by sealDraft (or, with null, removes the draft `id`) in one request with an
 * explicit commit, both issued before this returns: at the page's end (a reload, a closed tab) a
 * promise chain such as saveRecords' no longer finishes, while a request already issued does. A draft
 * row is all saveDraft writes for it (drafts are not indexed, not audited and have no replication
 * mark). Never throws: the last ordinary save then stays.
 */
export function writeDraftAtOnce(id: string, row: RecordRow | null): void {
  try {
    const transaction = db.backendDB().transaction('records', 'readwrite');
    const store = transaction.objectStore('records');
    if (row) store.put(row);
    else store.delete(id);
    transaction.commit();
  } catch {
    // Closed or closing: nothing more can be done at the page's end.
  }
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
