// WebCrypto primitives for Baken. Nothing here touches storage.
// - KEK: PBKDF2-SHA256 (>= 600,000 iterations, 16-byte salt) from a passphrase
//   or recovery code; non-extractable, only able to wrap/unwrap.
// - Data key: AES-GCM-256, wrapped by each KEK with AES-GCM; once unwrapped for
//   the session it is non-extractable and lives only in memory (session.ts).
// - Records: AES-GCM-256, fresh random 96-bit IV per write, AAD
//   `baken/v1|<kind>|<id>|<schemaVersion>` so a ciphertext moved to another id
//   or kind no longer decrypts. Plaintext is padded to 256-byte buckets to
//   blur the length of short fields such as names.

import { KdfDowngradeError } from './errors';

export const PBKDF2_MIN_ITERATIONS = 600_000;
export const PBKDF2_HASH = 'SHA-256';
export const SALT_BYTES = 16;
const IV_BYTES = 12;
const PAD_BUCKET = 256;

export type Bytes = Uint8Array<ArrayBuffer>;

export interface KdfParams {
  name: string;
  hash: string;
  iterations: number;
  salt: Bytes;
}

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

/** Fresh parameters for a new wrap; always the current minimum, never read from storage. */
export function newKdfParams(): KdfParams {
  return { name: 'PBKDF2', hash: PBKDF2_HASH, iterations: PBKDF2_MIN_ITERATIONS, salt: randomBytes(SALT_BYTES) };
}

/** Refuses parameters weaker than the minimum (or of another algorithm). */
export function assertKdfParams(p: KdfParams): void {
  if (p.name !== 'PBKDF2') throw new KdfDowngradeError(`algorithm ${p.name}`);
  if (p.hash !== PBKDF2_HASH) throw new KdfDowngradeError(`hash ${p.hash}`);
  if (!Number.isSafeInteger(p.iterations) || p.iterations < PBKDF2_MIN_ITERATIONS) {
    throw new KdfDowngradeError(`iterations ${p.iterations}`);
  }
  if (!(p.salt instanceof Uint8Array) || p.salt.byteLength < SALT_BYTES) {
    throw new KdfDowngradeError(`salt of ${p.salt.byteLength} bytes`);
  }
}

/** Derives a wrapping key; checks the parameters first. Slow by design (~0.3–1 s). */
export async function deriveKek(secret: Bytes, p: KdfParams): Promise<CryptoKey> {
  assertKdfParams(p);
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: p.hash, iterations: p.iterations, salt: p.salt },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
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
