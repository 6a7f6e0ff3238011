// The `.baken` file itself: its errors, the key derivation, the envelope and
// the complete check of a decrypted payload. Export and import (backup.ts)
// build on it; nothing here writes to storage.
//
// File layout (see SECURITY.md, "Backup files"):
//   "BAKEN-BACKUP\n"              13 bytes, ASCII magic
//   header length                 uint32, big-endian
//   header                        UTF-8 JSON, schema/backup.ts backupHeaderSchema:
//                                 { type, version: 2, kdf: { name: 'Argon2id', memoryKiB, iterations,
//                                   parallelism, salt }, cipher: { name, iv }, check }
//   ciphertext                    AES-GCM-256 (128-bit tag) of the payload JSON, padded
//                                 with spaces to 4 KiB; AAD = every byte before it
// Version 2: ONE Argon2id derivation gives 256 bits; HKDF-SHA256 splits them
// into the AES-GCM key and `check`, so a guess costs an attacker exactly what
// it costs the user. Version 1 files (read only) used 512 PBKDF2-SHA256 bits:
// the key is the first half and `check` the SHA-256 of the second half, which
// cost the user two PBKDF2 runs and an attacker only one. `check` tells a
// wrong passphrase from a damaged file. Nothing else is plaintext. Reading a
// file checks everything (size, envelope, KDF floor and ceiling, tag, JSON
// depth and keys, image data, every record's schema, integrity) before the
// caller writes anything.
import {
  BACKUP_ENVELOPE_VERSION,
  BACKUP_TYPE,
  BACKUP_VERSION,
  backupHeaderSchema,
  backupLimits,
  backupPayloadSchema,
  backupProbeSchema,
  checkPayloadIntegrity,
  findForbiddenKey,
  isFromNewerBaken,
  jsonNestingDepth,
} from '../../schema/backup';
import type { BackupHeader, BackupPayload, BackupScope } from '../../schema/backup';
import type { StoredRecord } from '../../schema/records';
import type { AuditEvent } from '../../schema/records/audit';
import { restoreRecord } from '../../schema/restore';
import { findImageData } from '../../schema/safe-text';
import { assertKdfParams, deriveKeyBytes, randomBytes, utf8 } from './crypto';
import type { Bytes, KdfParams } from './crypto';
import { KdfDowngradeError } from './errors';
import { passphraseBytes } from './keyring';

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
  | 'backup.futureDated'
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

const HKDF_KEY_INFO = 'baken/backup/v2|key';
const HKDF_CHECK_INFO = 'baken/backup/v2|check';

/**
 * Derives the backup key and check from a passphrase with ONE KDF run.
 * Argon2id (version 2 files): 256 bits, split with HKDF-SHA256 into the key
 * and the check. PBKDF2 (version 1 files, read only): 512 bits as before.
 * Refuses parameters outside the floor and ceiling (KdfDowngradeError).
 * Slow by design.
 */
export async function deriveBackupKeys(passphrase: string, kdf: KdfParams): Promise<BackupKeys> {
  assertKdfParams(kdf);
  if (kdf.name === 'PBKDF2') return deriveLegacyBackupKeys(passphrase, kdf);
  const bits = await deriveKeyBytes(passphraseBytes(passphrase), kdf);
  try {
    const ikm = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) });
    const key = await crypto.subtle.deriveKey(hkdf(HKDF_KEY_INFO), ikm, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const check = new Uint8Array(await crypto.subtle.deriveBits(hkdf(HKDF_CHECK_INFO), ikm, 256));
    return { kdf, key, check };
  } finally {
    bits.fill(0);
  }
}

async function deriveLegacyBackupKeys(passphrase: string, kdf: KdfParams & { name: 'PBKDF2' }): Promise<BackupKeys> {
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
  const { kdf } = keys;
  const cipher = { name: 'AES-GCM', iv: toBase64(iv) } as const;
  // PBKDF2 keys write a version 1 file: only tests do that, to prove old files still open.
  const header: BackupHeader =
    kdf.name === 'Argon2id'
      ? {
          type: BACKUP_TYPE,
          version: BACKUP_ENVELOPE_VERSION,
          kdf: {
            name: kdf.name,
            memoryKiB: kdf.memoryKiB,
            iterations: kdf.iterations,
            parallelism: kdf.parallelism,
            salt: toBase64(kdf.salt),
          },
          cipher,
          check: toBase64(keys.check),
        }
      : {
          type: BACKUP_TYPE,
          version: 1,
          kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: toBase64(kdf.salt) },
          cipher,
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
export async function openBackupText(bytes: Uint8Array, keySource: BackupKeySource): Promise<string> {
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
  if (probe.data.version > BACKUP_ENVELOPE_VERSION)
    throw new BackupError('backup.newerVersion', `file version ${probe.data.version}`);
  const parsed = backupHeaderSchema.safeParse(headerValue);
  if (!parsed.success) throw new BackupError('backup.damaged', 'header fields');
  const header = parsed.data;

  if (header.version === 1 && header.kdf.name !== 'PBKDF2') {
    throw new BackupError('backup.weakProtection', `algorithm ${header.kdf.name}`);
  }
  let kdf: KdfParams;
  let iv: Bytes;
  let check: Bytes;
  try {
    kdf =
      header.version === 2
        ? { ...header.kdf, salt: fromBase64(header.kdf.salt) }
        : { ...header.kdf, name: 'PBKDF2', salt: fromBase64(header.kdf.salt) };
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

export interface OpenedPayload {
  scope: BackupScope;
  createdAt: string;
  records: StoredRecord[];
  audit: AuditEvent[];
  caseReferences: Record<string, number>;
}

/** Validates the decrypted payload completely; throws BackupError, never writes. */
export async function parsePayload(text: string, onProgress: ProgressListener | undefined): Promise<OpenedPayload> {
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
