// Encrypted backup, restore and handover: the `.baken` file.
//
// File layout (see SECURITY.md, "Backup files"):
//   "BAKEN-BACKUP\n"              13 bytes, ASCII magic
//   header length                 uint32, big-endian
//   header                        UTF-8 JSON, schema/backup.ts backupHeaderSchema:
//                                 { type, version, kdf: { name, hash, iterations, salt }, cipher: { name, iv }, check }
//   ciphertext                    AES-GCM-256 (128-bit tag) of the payload JSON, padded
//                                 with spaces to 4 KiB; AAD = every byte before it
// The key is the first half of 512 PBKDF2-SHA256 bits (>= 600,000 iterations,
// fresh 16-byte salt) from the passphrase; `check` is SHA-256 of the second
// half, so a wrong passphrase is told apart from a damaged file. Nothing else
// is plaintext. Reading a file checks everything (size, envelope, KDF minimum,
// tag, JSON depth and keys, image data, every record's schema, integrity)
// before a single write, and then writes in one transaction: all or nothing.
import { formatIsoDate } from '../../schema/calendar-date';
import { useLiveQuery } from 'dexie-react-hooks';

import {
  BACKUP_PAYLOAD_TYPE,
  BACKUP_TYPE,
  BACKUP_VERSION,
  MergeConflictError,
  backupHeaderSchema,
  backupLimits,
  backupPayloadSchema,
  backupProbeSchema,
  caseIdOf,
  checkPayloadIntegrity,
  findForbiddenKey,
  isFromNewerBaken,
  isNoteworthy,
  jsonNestingDepth,
  kindsNotBackedUp,
  mergeNoteText,
  planMerge,
} from '../../schema/backup';
import type { BackupHeader, BackupPayload, BackupScope, LocalRecord, MergeCounts } from '../../schema/backup';
import { currentSchemaVersion } from '../../schema/records';
import { kindSchema } from '../../schema/records/base';
import type { StoredRecord } from '../../schema/records';
import type { AuditEvent } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import type { Note } from '../../schema/records/note';
import { restoreRecord } from '../../schema/restore';
import { findImageData } from '../../schema/safe-text';
import { assertKdfParams, newKdfParams, randomBytes, utf8 } from './crypto';
import type { Bytes, KdfParams } from './crypto';
import { raiseCaseReferenceCounter, readCaseReferenceCounter } from './case-reference';
import { db } from './db';
import { AppendOnlyError, KdfDowngradeError, RecordConflictError, WrongPassphraseError } from './errors';
import { assertPassphrase, openWithPassphrase, parseKeyring, passphraseBytes } from './keyring';
import { requireDataKey } from './session';
import { updateSettings } from './settings';
import { appendAudit, listRecords, makeAuditEvent, saveRecords } from './store';

const MAGIC = utf8('BAKEN-BACKUP\n');
const LENGTH_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PAD_BUCKET = 4096;
const YIELD_EVERY = 500;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export type BackupErrorCode =
  | 'backup.tooLarge'
  | 'backup.notBackup'
  | 'backup.newerVersion'
  | 'backup.damaged'
  | 'backup.wrongPassphrase'
  | 'backup.weakProtection'
  | 'backup.invalid'
  | 'backup.imageData'
  | 'backup.notEmpty'
  | 'backup.conflict'
  | 'backup.nothingSelected';

/** A refused backup or import; `code` is stable, the UI shows Dutch text for it. Nothing was written. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = 'BackupError';
  }
}

export function isBackupError(e: unknown): e is BackupError {
  return e instanceof BackupError;
}

// ---------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------

export type BackupPhase =
  | 'checkingPassphrase'
  | 'reading'
  | 'deriving'
  | 'encrypting'
  | 'decrypting'
  | 'validating'
  | 'merging'
  | 'writing'
  | 'done';

/** `total` 0 means "no measurable amount" (show an indeterminate bar). */
export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}
export type ProgressListener = (progress: BackupProgress) => void;

const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------
// Keys and envelope
// ---------------------------------------------------------------------------

/** The backup key (AES-GCM, non-extractable) and the passphrase check, for one set of KDF parameters. */
export interface BackupKeys {
  kdf: KdfParams;
  key: CryptoKey;
  check: Bytes;
}

/** Gives the keys for a file's KDF parameters (the public import derives them from the passphrase). */
export type BackupKeySource = (kdf: KdfParams) => Promise<BackupKeys>;

/** Derives the backup key and check from a passphrase. Refuses weak parameters (KdfDowngradeError). Slow by design. */
export async function deriveBackupKeys(passphrase: string, kdf: KdfParams): Promise<BackupKeys> {
  assertKdfParams(kdf);
  const base = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt },
      base,
      512,
    ),
  );
  const keyBytes = bits.slice(0, 32);
  const checkBytes = bits.slice(32);
  try {
    const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    const check = new Uint8Array(await crypto.subtle.digest('SHA-256', checkBytes));
    return { kdf, key, check };
  } finally {
    bits.fill(0);
    keyBytes.fill(0);
    checkBytes.fill(0);
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Bytes {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Internal (also used by tests to build files): encrypts any text as a
 * backup file under `keys`. The public export builds the payload itself.
 */
export async function sealBackupText(text: string, keys: BackupKeys): Promise<Bytes> {
  const iv = randomBytes(IV_BYTES);
  const header: BackupHeader = {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    kdf: { name: keys.kdf.name, hash: keys.kdf.hash, iterations: keys.kdf.iterations, salt: toBase64(keys.kdf.salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    check: toBase64(keys.check),
  };
  const headerBytes = utf8(JSON.stringify(header));
  const prefix = new Uint8Array(MAGIC.byteLength + LENGTH_BYTES + headerBytes.byteLength);
  prefix.set(MAGIC);
  new DataView(prefix.buffer).setUint32(MAGIC.byteLength, headerBytes.byteLength);
  prefix.set(headerBytes, MAGIC.byteLength + LENGTH_BYTES);

  const json = utf8(text);
  const padded = new Uint8Array(Math.ceil((json.byteLength + 1) / PAD_BUCKET) * PAD_BUCKET).fill(0x20);
  padded.set(json);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, keys.key, padded),
  );
  padded.fill(0);
  const file = new Uint8Array(prefix.byteLength + ciphertext.byteLength);
  file.set(prefix);
  file.set(ciphertext, prefix.byteLength);
  return file;
}

/** Checks the envelope and decrypts; the payload text is authentic when this resolves. */
async function openBackupText(bytes: Uint8Array, keySource: BackupKeySource): Promise<string> {
  if (bytes.byteLength > backupLimits.maxFileBytes) throw new BackupError('backup.tooLarge');
  if (bytes.byteLength < MAGIC.byteLength || !sameBytes(bytes.subarray(0, MAGIC.byteLength), MAGIC)) {
    throw new BackupError('backup.notBackup');
  }
  const headerStart = MAGIC.byteLength + LENGTH_BYTES;
  if (bytes.byteLength < headerStart) throw new BackupError('backup.damaged', 'truncated before the header');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.byteLength);
  const headerEnd = headerStart + headerLength;
  if (headerLength > backupLimits.maxHeaderBytes || headerEnd > bytes.byteLength) {
    throw new BackupError('backup.damaged', 'header length');
  }
  let headerValue: unknown;
  try {
    headerValue = JSON.parse(fatalUtf8.decode(bytes.subarray(headerStart, headerEnd)));
  } catch {
    throw new BackupError('backup.damaged', 'header is not JSON');
  }
  const probe = backupProbeSchema.safeParse(headerValue);
  if (!probe.success) throw new BackupError('backup.damaged', 'header type');
  if (probe.data.version > BACKUP_VERSION)
    throw new BackupError('backup.newerVersion', `file version ${probe.data.version}`);
  const parsed = backupHeaderSchema.safeParse(headerValue);
  if (!parsed.success) throw new BackupError('backup.damaged', 'header fields');
  const header = parsed.data;

  let kdf: KdfParams;
  let iv: Bytes;
  let check: Bytes;
  try {
    kdf = {
      name: header.kdf.name,
      hash: header.kdf.hash,
      iterations: header.kdf.iterations,
      salt: fromBase64(header.kdf.salt),
    };
    iv = fromBase64(header.cipher.iv);
    check = fromBase64(header.check);
  } catch {
    throw new BackupError('backup.damaged', 'header encoding');
  }
  if (iv.byteLength !== IV_BYTES) throw new BackupError('backup.damaged', 'iv length');
  try {
    assertKdfParams(kdf);
  } catch (e) {
    if (e instanceof KdfDowngradeError) throw new BackupError('backup.weakProtection', e.message);
    throw e;
  }
  const ciphertext = bytes.subarray(headerEnd);
  if (ciphertext.byteLength < TAG_BYTES) throw new BackupError('backup.damaged', 'truncated ciphertext');

  const keys = await keySource(kdf);
  if (!sameBytes(keys.check, check)) throw new BackupError('backup.wrongPassphrase');
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: bytes.slice(0, headerEnd) },
        keys.key,
        bytes.slice(headerEnd),
      ),
    );
  } catch {
    throw new BackupError('backup.damaged', 'authentication failed');
  }
  try {
    return fatalUtf8.decode(plain);
  } catch {
    throw new BackupError('backup.invalid', 'payload is not UTF-8');
  } finally {
    plain.fill(0);
  }
}

interface OpenedPayload {
  scope: BackupScope;
  createdAt: string;
  records: StoredRecord[];
  audit: AuditEvent[];
  caseReferences: Record<string, number>;
}

/** Validates the decrypted payload completely; throws BackupError, never writes. */
async function parsePayload(text: string, onProgress: ProgressListener | undefined): Promise<OpenedPayload> {
  if (jsonNestingDepth(text, backupLimits.maxDepth) > backupLimits.maxDepth) {
    throw new BackupError('backup.invalid', 'nested too deeply');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('backup.invalid', 'payload is not JSON');
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null) throw new BackupError('backup.invalid', `forbidden key at ${forbidden}`);
  // The image guard runs on the whole payload before any schema, so image data anywhere refuses the file as such.
  const image = findImageData(value);
  if (image !== null) throw new BackupError('backup.imageData', `at ${image}`);

  const version =
    typeof value === 'object' && value !== null && 'version' in value
      ? (value as { version: unknown }).version
      : undefined;
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('backup.newerVersion', 'payload');
  const parsed = backupPayloadSchema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError('backup.invalid', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  }
  const payload: BackupPayload = parsed.data;
  if (isFromNewerBaken(payload.schemaVersions)) throw new BackupError('backup.newerVersion', 'record versions');

  const total = payload.records.length + payload.audit.length;
  if (total > backupLimits.maxRecords) throw new BackupError('backup.tooLarge', 'too many records');
  const records: StoredRecord[] = [];
  const audit: AuditEvent[] = [];
  let done = 0;
  const check = async (raw: unknown): Promise<StoredRecord> => {
    const restored = restoreRecord(raw);
    if (!restored.success) {
      const first = restored.error.issues[0];
      throw new BackupError('backup.invalid', `record ${done}: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
    }
    done++;
    if (done % YIELD_EVERY === 0) {
      onProgress?.({ phase: 'validating', done, total });
      await yieldToUi();
    }
    return restored.data;
  };
  for (const raw of payload.records) records.push(await check(raw));
  for (const raw of payload.audit) {
    const record = await check(raw);
    if (record.kind !== 'audit') throw new BackupError('backup.invalid', 'not an audit event in the audit log');
    audit.push(record);
  }
  onProgress?.({ phase: 'validating', done: total, total });
  const problem = checkPayloadIntegrity(records, audit);
  if (problem) throw new BackupError('backup.invalid', `${problem.problem} ${problem.id}`);
  return {
    scope: payload.scope,
    createdAt: payload.createdAt,
    records,
    audit,
    caseReferences: payload.caseReferences ?? {},
  };
}

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
 * events are linked anew onto this device's hash chain, in their original
 * order; their old links are not kept). `merge`
 * combines with what is here (schema/backup.ts planMerge: identical skipped,
 * notes as a union by id, newer `updatedAt` wins, a note on every existing
 * case the merge changed); it does not import the other logbook's audit log.
 * Everything is re-encrypted under this vault's key. Writes one
 * `backup.imported` audit event (count only) in the same transaction, then
 * raises the case-number counter so no reference is handed out twice.
 * Offline: works. Fails with VaultLockedError; BackupError — tooLarge,
 * notBackup, newerVersion, damaged (truncated or tampered), wrongPassphrase,
 * weakProtection, invalid, imageData, notEmpty (restore), conflict; or
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
    };
  } else {
    let plan;
    try {
      plan = planMerge(await loadLocalRecords(), payload.records);
    } catch (e) {
      if (e instanceof MergeConflictError) throw new BackupError('backup.conflict', e.message);
      throw e;
    }
    const at = new Date().toISOString();
    const notes = plan.changes
      .filter(isNoteworthy)
      .map((change) => mergeNote(change.caseId, mergeNoteText(change), at));
    write = [...plan.write, ...notes];
    summary = { mode: 'merge', ...plan.counts, mergeNotes: notes.length, auditEvents: 0 };
  }

  onProgress?.({ phase: 'writing', done: 0, total: 0 });
  const event = makeAuditEvent({ action: 'backup.imported', details: { count: write.length } });
  try {
    await saveRecords([...write, event]);
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
  return useLiveQuery(async () => (await db.records.where('kind').equals('case').count()) > 0, []);
}
