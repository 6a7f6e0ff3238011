// Encrypted backup, restore and handover: export and import of `.baken`
// files. The file format, its key derivation and every check on a decrypted
// payload are in backup-file.ts; this module reads the store for an export
// and writes an import in one transaction: all or nothing.
import { formatIsoDate } from '../../schema/calendar-date';
import {
  MAX_REFERENCE_SEQUENCE,
  formatCaseReference,
  highestSequences,
  parseCaseReference,
} from '../../schema/case-rules';
import { useLiveQuery } from 'dexie-react-hooks';

import {
  BACKUP_PAYLOAD_TYPE,
  BACKUP_VERSION,
  MergeConflictError,
  caseIdOf,
  findFutureDated,
  isNoteworthy,
  kindsNotBackedUp,
  mergeNoteText,
  renumberNoteText,
  planMerge,
} from '../../schema/backup';
import type { BackupPayload, BackupScope, LocalRecord, MergeCounts } from '../../schema/backup';
import { verifyEventChain } from '../../schema/audit-chain';
import { currentSchemaVersion } from '../../schema/records';
import type { StoredRecord } from '../../schema/records';
import { kindSchema } from '../../schema/records/base';
import type { RecordKind } from '../../schema/records/base';
import type { AuditEvent } from '../../schema/records/audit';
import type { Note } from '../../schema/records/note';
import { BackupError, deriveBackupKeys, openBackupText, parsePayload, sealBackupText } from './backup-file';
import type { BackupKeySource, ProgressListener } from './backup-file';
import { newKdfParams } from './crypto';
import type { Bytes } from './crypto';
import { sha256 } from './audit-log';
import { raiseCaseReferenceCounter, readCaseReferenceCounter } from './case-reference';
import { db } from './db';
import { AppendOnlyError, RecordConflictError, StorageFailedError, WrongPassphraseError } from './errors';
import { assertPassphrase, openWithPassphrase, parseKeyring } from './keyring';
import { requireDataKey } from './session';
import { updateSettings } from './settings';
import { appendAudit, listRecords, makeAuditEvent, saveRecords } from './store';

export { BackupError, deriveBackupKeys, isBackupError, sealBackupText } from './backup-file';
export type {
  BackupErrorCode,
  BackupKeys,
  BackupKeySource,
  BackupPhase,
  BackupProgress,
  ProgressListener,
} from './backup-file';

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

export type BackupProtection = { kind: 'current'; passphrase: string } | { kind: 'transfer'; passphrase: string };

export interface BackupFile {
  fileName: string;
  bytes: Bytes;
  counts: { cases: number; records: number; auditEvents: number; damaged: number };
}

/** Kinds that go into a backup, besides audit events; new kinds are included automatically. */
function backedUpKinds(): RecordKind[] {
  return kindSchema.options.filter((k) => k !== 'audit' && !kindsNotBackedUp.has(k));
}

async function assertCurrentPassphrase(passphrase: string): Promise<void> {
  const row = await db.meta.get('keyring');
  if (!row) throw new BackupError('backup.wrongPassphrase', 'no keyring');
  try {
    await openWithPassphrase(parseKeyring(row.value), passphrase);
  } catch (e) {
    if (e instanceof WrongPassphraseError) throw new BackupError('backup.wrongPassphrase');
    throw e;
  }
}

/**
 * Writes the whole logbook — or, with `caseIds`, only those cases and
 * everything that belongs to them (handover) — into an encrypted `.baken`
 * file. Protection is the current passphrase (checked first) or a one-time
 * transfer passphrase (min. 12 characters). Audit events go only into
 * whole-logbook backups; drafts never. Records that are damaged on the device
 * cannot be read and are left out (counted in `counts.damaged`). Writes a
 * `backup.exported` audit event (count of cases only) and, for a whole
 * logbook, `lastBackupAt` in the settings. Offline: works. Fails with
 * VaultLockedError, BackupError ('backup.wrongPassphrase',
 * 'backup.nothingSelected'), PassphraseTooShortError, or a storage error
 * when the audit event cannot be written (then no file is returned).
 */
export async function exportBackup(
  options: { protection: BackupProtection; caseIds?: readonly string[] | undefined },
  onProgress?: ProgressListener,
): Promise<BackupFile> {
  requireDataKey();
  const { protection } = options;
  if (protection.kind === 'current') {
    onProgress?.({ phase: 'checkingPassphrase', done: 0, total: 0 });
    await assertCurrentPassphrase(protection.passphrase);
  } else {
    assertPassphrase(protection.passphrase);
  }
  const wanted = options.caseIds === undefined ? null : new Set(options.caseIds);
  if (wanted && wanted.size === 0) throw new BackupError('backup.nothingSelected');
  const scope: BackupScope = wanted ? 'cases' : 'logbook';

  const kinds = backedUpKinds();
  const records: StoredRecord[] = [];
  let damaged = 0;
  for (let i = 0; i < kinds.length; i++) {
    onProgress?.({ phase: 'reading', done: i, total: kinds.length + 1 });
    const kind = kinds[i];
    if (kind === undefined) continue;
    for (const result of await listRecords({ kind })) {
      if (!result.ok) {
        damaged++;
        continue;
      }
      const caseId = caseIdOf(result.record);
      if (wanted && (caseId === undefined || !wanted.has(caseId))) continue;
      records.push(result.record);
    }
  }
  // A case that could not be read would leave its parts orphaned; leave them out too.
  const caseIds = new Set(records.filter((r) => r.kind === 'case').map((r) => r.id));
  const kept = records.filter((r) => {
    const caseId = caseIdOf(r);
    return caseId !== undefined && caseIds.has(caseId);
  });
  damaged += records.length - kept.length;
  if (wanted && caseIds.size === 0) throw new BackupError('backup.nothingSelected');

  const audit: AuditEvent[] = [];
  if (!wanted) {
    for (const result of await listRecords({ kind: 'audit' })) {
      if (result.ok) audit.push(result.record);
      else damaged++;
    }
  }
  onProgress?.({ phase: 'reading', done: kinds.length + 1, total: kinds.length + 1 });

  const now = new Date();
  const payload: BackupPayload = {
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    scope,
    schemaVersions: { ...currentSchemaVersion },
    records: kept,
    audit,
    ...(wanted ? {} : { caseReferences: await readCaseReferenceCounter() }),
  };
  onProgress?.({ phase: 'deriving', done: 0, total: 0 });
  const keys = await deriveBackupKeys(protection.passphrase, newKdfParams());
  onProgress?.({ phase: 'encrypting', done: 0, total: 0 });
  const bytes = await sealBackupText(JSON.stringify(payload), keys);

  await appendAudit({ action: 'backup.exported', details: { count: caseIds.size } });
  if (!wanted) {
    try {
      await updateSettings({ lastBackupAt: now.toISOString() });
    } catch {
      // The file exists; a missed reminder date is the lesser harm than refusing it.
    }
  }
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  const day = formatIsoDate(now);
  return {
    fileName: wanted ? `baken-overdracht-${day}.baken` : `baken-back-up-${day}.baken`,
    bytes,
    counts: { cases: caseIds.size, records: kept.length, auditEvents: audit.length, damaged },
  };
}

// ---------------------------------------------------------------------------
// Import: restore or merge
// ---------------------------------------------------------------------------

export type ImportMode = 'restore' | 'merge';

export interface ImportSummary extends MergeCounts {
  mode: ImportMode;
  /** Notes the merge added to existing cases, saying what changed. */
  mergeNotes: number;
  /** Audit events restored from the file (restore only). */
  auditEvents: number;
  /**
   * The file's own audit chain, checked before restore links its events anew:
   * `broken` (from `firstBrokenSeq`) means the old history was altered or is
   * incomplete; `none` when it holds no chained events (and for a merge).
   */
  auditChain: { status: 'intact' | 'none' } | { status: 'broken'; firstBrokenSeq: number };
  /** Restore only: how many records of each kind came back (cases included), for a result in words. */
  restoredKinds?: Partial<Record<RecordKind, number>>;
  /** Merge only: new cases whose number was already used on this device, and the number they got here. */
  renumbered?: Array<{ from: string; to: string }>;
}

async function loadLocalRecords(): Promise<Map<string, LocalRecord>> {
  const local = new Map<string, LocalRecord>();
  for (const kind of kindSchema.options) {
    if (kind === 'audit') continue;
    for (const result of await listRecords({ kind })) {
      if (result.ok) local.set(result.record.id, { ok: true, record: result.record });
      else local.set(result.id, { ok: false, id: result.id, kind: result.kind });
    }
  }
  return local;
}

/**
 * A merge never leaves two cases with one number (a colleague's handover file numbers its cases in
 * that logbook's own series): a new case whose number is used here, or by another new case of the
 * file, gets the next number of its year above this device's counter and every number in use here or
 * in the file. Nothing is written before the import's one transaction (a refused import leaves the
 * logbook as it was); the counter is raised after it (raiseCaseReferenceCounter scans the numbers in
 * use). Changes `write` in place.
 */
async function renumberTakenReferences(
  write: StoredRecord[],
  local: ReadonlyMap<string, LocalRecord>,
): Promise<Array<{ caseId: string; from: string; to: string }>> {
  const used = new Set<string>();
  for (const entry of local.values()) if (entry.ok && entry.record.kind === 'case') used.add(entry.record.reference);
  const incoming = write.flatMap((r) => (r.kind === 'case' ? [r.reference] : []));
  const last = new Map<string, number>(Object.entries(await readCaseReferenceCounter()));
  for (const [year, n] of Object.entries(highestSequences([...used, ...incoming]))) {
    last.set(year, Math.max(last.get(year) ?? 0, n));
  }
  const renumbered: Array<{ caseId: string; from: string; to: string }> = [];
  for (const [i, record] of write.entries()) {
    if (record.kind !== 'case' || local.has(record.id)) continue;
    if (!used.has(record.reference)) {
      used.add(record.reference);
      continue;
    }
    const year = parseCaseReference(record.reference)?.year ?? new Date().getFullYear();
    const sequence = (last.get(String(year)) ?? 0) + 1;
    if (sequence > MAX_REFERENCE_SEQUENCE) throw new StorageFailedError(new Error(`no references left for ${year}`));
    last.set(String(year), sequence);
    const to = formatCaseReference(year, sequence);
    used.add(to);
    write[i] = { ...record, reference: to };
    renumbered.push({ caseId: record.id, from: record.reference, to });
  }
  return renumbered;
}

function mergeNote(caseId: string, text: string, at: string): Note {
  return {
    kind: 'note',
    schemaVersion: 1,
    id: crypto.randomUUID(),
    caseId,
    noteKind: 'overleg',
    text,
    at,
    createdAt: at,
  };
}

/**
 * Reads a `.baken` file and adds its records to this logbook, all or
 * nothing. `restore` needs a logbook without records (a fresh install, after
 * creating the vault): it brings every record and the audit log (its
 * old chain is verified first and the result returned in `auditChain`; then
 * its events are linked anew onto this device's hash chain, in their
 * original order; their old links are not kept). `merge`
 * combines with what is here (schema/backup.ts planMerge: identical skipped,
 * notes as a union by id, newer `updatedAt` wins, a note on every existing
 * case the merge changed); it does not import the other logbook's audit log.
 * Everything is re-encrypted under this vault's key. Writes one
 * `backup.imported` audit event (count only) in the same transaction, then
 * raises the case-number counter so no reference is handed out twice.
 * Offline: works. Fails with VaultLockedError; BackupError — tooLarge,
 * notBackup, newerVersion, damaged (truncated or tampered), wrongPassphrase,
 * weakProtection, invalid, imageData, notEmpty (restore), conflict,
 * futureDated (merge: a record dated more than a day ahead of this device); or
 * StorageFullError / StorageFailedError. On any failure nothing was written.
 */
export function importBackup(
  bytes: Uint8Array,
  passphrase: string,
  options: { mode: ImportMode },
  onProgress?: ProgressListener,
): Promise<ImportSummary> {
  return importBackupUsing(bytes, (kdf) => deriveBackupKeys(passphrase, kdf), options, onProgress);
}

/**
 * importBackup with the key derivation supplied; tests pass a memoising
 * source so a thousand hostile files do not each cost a PBKDF2 run.
 */
export async function importBackupUsing(
  bytes: Uint8Array,
  keySource: BackupKeySource,
  options: { mode: ImportMode },
  onProgress?: ProgressListener,
): Promise<ImportSummary> {
  requireDataKey();
  onProgress?.({ phase: 'decrypting', done: 0, total: 0 });
  const text = await openBackupText(bytes, keySource);
  onProgress?.({ phase: 'validating', done: 0, total: 0 });
  const payload = await parsePayload(text, onProgress);
  onProgress?.({ phase: 'merging', done: 0, total: 0 });

  let write: StoredRecord[];
  let summary: ImportSummary;
  if (options.mode === 'restore') {
    const present = await db.records
      .where('kind')
      .noneOf([...kindsNotBackedUp])
      .count();
    if (present > 0) throw new BackupError('backup.notEmpty');
    const auditChain = await verifyEventChain(payload.audit, sha256);
    const cases = payload.records.filter((r) => r.kind === 'case').length;
    // saveRecords links audit events onto this device's hash chain in list
    // order, replacing their old links: keep the original order.
    const audit = [...payload.audit].sort(
      (a, b) =>
        (a.chain ? 1 : 0) - (b.chain ? 1 : 0) || (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0) || a.at.localeCompare(b.at),
    );
    write = [...payload.records, ...audit];
    summary = {
      mode: 'restore',
      casesAdded: cases,
      casesUpdated: 0,
      recordsAdded: payload.records.length - cases,
      recordsUpdated: 0,
      recordsSkipped: 0,
      recordsKept: 0,
      mergeNotes: 0,
      auditEvents: payload.audit.length,
      auditChain,
      restoredKinds: countKinds(payload.records),
    };
  } else {
    const future = findFutureDated(payload.records, new Date());
    if (future !== null) throw new BackupError('backup.futureDated', future);
    let plan;
    const local = await loadLocalRecords();
    try {
      plan = planMerge(local, payload.records);
    } catch (e) {
      if (e instanceof MergeConflictError) throw new BackupError('backup.conflict', e.message);
      throw e;
    }
    const at = new Date().toISOString();
    const renumbered = await renumberTakenReferences(plan.write, local);
    const notes = [
      ...plan.changes.filter(isNoteworthy).map((change) => mergeNote(change.caseId, mergeNoteText(change), at)),
      ...renumbered.map((r) => mergeNote(r.caseId, renumberNoteText(r.from, r.to), at)),
    ];
    write = [...plan.write, ...notes];
    summary = {
      mode: 'merge',
      ...plan.counts,
      mergeNotes: notes.length,
      auditEvents: 0,
      auditChain: { status: 'none' },
      renumbered: renumbered.map(({ from, to }) => ({ from, to })),
    };
  }

  onProgress?.({ phase: 'writing', done: 0, total: 0 });
  const event = makeAuditEvent({ action: 'backup.imported', details: { count: write.length } });
  try {
    // A restore goes into a logbook without records: the ids are new, so the existence reads are skipped.
    await saveRecords([...write, event], { newIds: options.mode === 'restore' });
  } catch (e) {
    if (e instanceof AppendOnlyError || e instanceof RecordConflictError)
      throw new BackupError('backup.conflict', e.message);
    throw e;
  }
  try {
    await raiseCaseReferenceCounter(payload.caseReferences);
  } catch {
    // Best effort: the records are in and stay in; the counter is only a guard against reused numbers.
  }
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  return summary;
}

// ---------------------------------------------------------------------------
// Reads for the reminder
// ---------------------------------------------------------------------------

/**
 * Whether the logbook holds at least one case; undefined while loading.
 * Counts the plaintext `kind` column only, so nothing is decrypted.
 */
export function useHasCases(): boolean | undefined {
  // One key is enough: counting every case took time that grows with the logbook, and the screen after
  // an unlock now waits for this answer (app/shell/notices-settled.ts).
  return useLiveQuery(
    async () => (await db.records.where('kind').equals('case').limit(1).primaryKeys()).length > 0,
    [],
  );
}

function countKinds(records: readonly { kind: RecordKind }[]): Partial<Record<RecordKind, number>> {
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  return counts;
}
