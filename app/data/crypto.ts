// WebCrypto primitives for Baken. Nothing here touches storage.
// - KEK: Argon2id (kdf.ts, WebAssembly in a worker; >= 19 MiB, t >= 2; new
//   wraps use 46 MiB, t = 2, p = 1) from a passphrase or recovery code.
//   PBKDF2-SHA256 (>= 600,000 iterations) is still read, for vaults and
//   backups made before Argon2id; vault.ts re-wraps those at the next unlock.
//   Stored parameters have a floor and a ceiling, checked before deriving.
//   The KEK is non-extractable and can only wrap/unwrap.
// - Data key: AES-GCM-256, wrapped by each KEK with AES-GCM; once unwrapped for
//   the session it is non-extractable and lives only in memory (session.ts).
// - Records: AES-GCM-256, fresh random 96-bit IV per write, AAD
//   `baken/v1|<kind>|<id>|<schemaVersion>` so a ciphertext moved to another id
//   or kind no longer decrypts. Plaintext is padded to 256-byte buckets to
//   blur the length of short fields such as names.

import { KdfDowngradeError } from './errors';
import { argon2idBytes } from './kdf';

export const PBKDF2_MIN_ITERATIONS = 600_000;
export const PBKDF2_HASH = 'SHA-256';
export const SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;
const IV_BYTES = 12;
const PAD_BUCKET = 256;
const KEY_BYTES = 32;

/**
 * Floors and ceilings for stored KDF parameters. The floor is OWASP's minimum
 * (Argon2id 19 MiB, t = 2, p = 1; PBKDF2-SHA256 600,000); the ceiling stops a
 * tampered keyring or backup header from making the device derive for hours
 * or allocate more memory than a phone has.
 */
export const kdfLimits = {
  pbkdf2: { minIterations: PBKDF2_MIN_ITERATIONS, maxIterations: 10_000_000 },
  argon2id: {
    minMemoryKiB: 19 * 1024,
    maxMemoryKiB: 256 * 1024,
    minIterations: 2,
    maxIterations: 16,
    minParallelism: 1,
    maxParallelism: 4,
  },
} as const;

/**
 * What new wraps and backups use: 46 MiB, t = 2, p = 1, above OWASP's minimum
 * in both memory and passes. Chosen from a measurement (SECURITY.md): about
 * 0.36 s per derivation at 1x here, so about 1.45 s at 4x CPU.
 */
export const ARGON2ID_CURRENT = { memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 } as const;

export type Bytes = Uint8Array<ArrayBuffer>;

/** Legacy (read only): vaults and backups made before Argon2id. */
export interface Pbkdf2Params {
  name: 'PBKDF2';
  hash: string;
  iterations: number;
  salt: Bytes;
}

export interface Argon2idParams {
  name: 'Argon2id';
  /** Memory cost in KiB (hash-wasm's memorySize). */
  memoryKiB: number;
  /** Passes over memory (t). */
  iterations: number;
  parallelism: number;
  salt: Bytes;
}

export type KdfParams = Pbkdf2Params | Argon2idParams;

export interface Sealed {
  iv: Bytes;
  data: Bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function utf8(s: string): Bytes {
  return encoder.encode(s);
}

/** Fresh parameters for a new wrap or backup: always the current Argon2id setting, never read from storage. */
export function newKdfParams(): Argon2idParams {
  return { name: 'Argon2id', ...ARGON2ID_CURRENT, salt: randomBytes(SALT_BYTES) };
}

/** True when a stored slot was made with weaker parameters than new wraps use (so it should be re-wrapped). */
export function isOutdatedKdf(p: KdfParams): boolean {
  return (
    p.name !== 'Argon2id' ||
    p.memoryKiB < ARGON2ID_CURRENT.memoryKiB ||
    p.iterations < ARGON2ID_CURRENT.iterations ||
    p.salt.byteLength < SALT_BYTES
  );
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

/**
 * Refuses parameters outside the floor and ceiling, or of another algorithm
 * (KdfDowngradeError, before any derivation runs).
 */
export function assertKdfParams(p: KdfParams): void {
  const salt: unknown = p.salt;
  if (!(salt instanceof Uint8Array) || salt.byteLength < SALT_BYTES || salt.byteLength > MAX_SALT_BYTES) {
    throw new KdfDowngradeError(`salt of ${salt instanceof Uint8Array ? salt.byteLength : '?'} bytes`);
  }
  if (p.name === 'PBKDF2') {
    if (p.hash !== PBKDF2_HASH) throw new KdfDowngradeError(`hash ${p.hash}`);
    const { minIterations, maxIterations } = kdfLimits.pbkdf2;
    if (!inRange(p.iterations, minIterations, maxIterations)) throw new KdfDowngradeError(`iterations ${p.iterations}`);
    return;
  }
  if (p.name === 'Argon2id') {
    const l = kdfLimits.argon2id;
    if (!inRange(p.memoryKiB, l.minMemoryKiB, l.maxMemoryKiB)) throw new KdfDowngradeError(`memory ${p.memoryKiB} KiB`);
    if (!inRange(p.iterations, l.minIterations, l.maxIterations))
      throw new KdfDowngradeError(`iterations ${p.iterations}`);
    if (!inRange(p.parallelism, l.minParallelism, l.maxParallelism)) {
      throw new KdfDowngradeError(`parallelism ${p.parallelism}`);
    }
    return;
  }
  throw new KdfDowngradeError(`algorithm ${String((p as { name: unknown }).name)}`);
}

/**
 * The KDF's 256-bit output; checks the parameters first. Slow by design
 * (Argon2id: ~0.4 s and 46 MiB in a worker; PBKDF2: ~0.3 s in WebCrypto).
 * The caller zeroes the bytes after use.
 */
export async function deriveKeyBytes(secret: Bytes, p: KdfParams): Promise<Bytes> {
  assertKdfParams(p);
  if (p.name === 'Argon2id') return argon2idBytes(secret, p, KEY_BYTES);
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: p.hash, iterations: p.iterations, salt: p.salt }, base, 256),
  );
}

/** Derives a wrapping key (same bits as PBKDF2 deriveKey gave before Argon2id); checks the parameters first. */
export async function deriveKek(secret: Bytes, p: KdfParams): Promise<CryptoKey> {
  const bits = await deriveKeyBytes(secret, p);
  try {
    return await crypto.subtle.importKey('raw', bits, { name: 'AES-GCM', length: 256 }, false, [
      'wrapKey',
      'unwrapKey',
    ]);
  } finally {
    bits.fill(0);
  }
}

/** The KDF parameters as text, for AADs: a changed parameter no longer unwraps. */
export function kdfLabel(p: KdfParams): string {
  return p.name === 'PBKDF2'
    ? `${p.name}|${p.hash}|${p.iterations}`
    : `${p.name}|m=${p.memoryKiB}|t=${p.iterations}|p=${p.parallelism}`;
}

/** A new random data key; extractable only so it can be wrapped, then discarded. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]) as Promise<CryptoKey>;
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey, aad: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv, additionalData: utf8(aad) });
  return { iv, data: new Uint8Array(data) };
}

/**
 * Unwraps the data key. `extractable` is true only transiently, to re-wrap it
 * under a new KEK. Rejects (OperationError) when the KEK is wrong.
 */
export function unwrapDataKey(wrapped: Sealed, kek: CryptoKey, aad: string, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    wrapped.data,
    kek,
    { name: 'AES-GCM', iv: wrapped.iv, additionalData: utf8(aad) },
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

export interface RecordHeader {
  kind: string;
  id: string;
  schemaVersion: number;
}

export function recordAad(h: RecordHeader): Bytes {
  return utf8(`baken/v1|${h.kind}|${h.id}|${h.schemaVersion}`);
}

/** Encrypts a JSON value bound to its header. */
export async function encryptRecord(key: CryptoKey, header: RecordHeader, value: unknown): Promise<Sealed> {
  const json = utf8(JSON.stringify(value));
  const padded = new Uint8Array(Math.ceil((json.byteLength + 1) / PAD_BUCKET) * PAD_BUCKET).fill(0x20);
  padded.set(json);
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: recordAad(header) }, key, padded);
  return { iv, data: new Uint8Array(data) };
}

/** Decrypts and parses; rejects when the ciphertext, IV, key or header does not match. */
export async function decryptRecord(key: CryptoKey, header: RecordHeader, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: recordAad(header) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain)) as unknown;
}
