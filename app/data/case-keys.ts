// Per-case data keys: WRAPPING only (no storage; case-key-store.ts keeps the
// wrapped rows). Each case has its own random AES-GCM-256 key; the vault data
// key wraps it with AES-GCM, the AAD binding the key's own id, so a wrapped
// key copied to another id no longer unwraps. Erasing a case deletes its
// wrapped key (crypto-shredding): leftover ciphertext of the case can then not
// be decrypted even with the vault key. A later issue shares a case by
// wrapping the same key to a colleague's public key; nothing here assumes the
// wrapping key is the vault key except the function names.
import { randomBytes, utf8 } from './crypto';
import type { Bytes } from './crypto';

const IV_BYTES = 12;
const CASE_KEY_BYTES = 32;

export interface WrappedCaseKey {
  iv: Bytes;
  wrapped: Bytes;
}

/** The AAD of a wrapped case key: its id and the format. */
export function caseKeyAad(keyId: string): Bytes {
  return utf8(`baken/case-key/v1|${keyId}`);
}

/** A new random key id (carries nothing about the case). */
export function newCaseKeyId(): string {
  return crypto.randomUUID();
}

/** The one wrapped-key format: raw key bytes sealed with AES-GCM under `vaultKey`, the AAD binding `keyId`. */
async function sealKeyBytes(vaultKey: CryptoKey, raw: Bytes, keyId: string): Promise<WrappedCaseKey> {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: caseKeyAad(keyId) },
    vaultKey,
    raw,
  );
  return { iv, wrapped: new Uint8Array(wrapped) };
}

function importCaseKey(raw: Bytes, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

/** Wraps `caseKey` under `vaultKey` (an AES-GCM key with encrypt rights), bound to `keyId`. */
export async function wrapCaseKey(vaultKey: CryptoKey, caseKey: CryptoKey, keyId: string): Promise<WrappedCaseKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', caseKey));
  try {
    return await sealKeyBytes(vaultKey, raw, keyId);
  } finally {
    raw.fill(0);
  }
}

/**
 * A new random case key, sealed under `vaultKey` (bound to `keyId`) in the
 * same format as wrapCaseKey, and a non-extractable CryptoKey of it.
 * Issue 19 (bulk write): 32 random bytes sealed and imported are 2 WebCrypto
 * operations instead of 5 (generate, export, seal, open, import); the raw
 * bytes are zeroed as soon as both are done, as wrapCaseKey and unwrapCaseKey do.
 */
export async function newWrappedCaseKey(
  vaultKey: CryptoKey,
  keyId: string,
): Promise<{ key: CryptoKey; wrapped: WrappedCaseKey }> {
  const raw = randomBytes(CASE_KEY_BYTES);
  try {
    const [wrapped, key] = await Promise.all([sealKeyBytes(vaultKey, raw, keyId), importCaseKey(raw, false)]);
    return { key, wrapped };
  } finally {
    raw.fill(0);
  }
}

/**
 * Unwraps a case key (non-extractable unless `extractable`, e.g. to share it).
 * Rejects when the vault key, the id or the bytes do not match.
 */
export async function unwrapCaseKey(
  vaultKey: CryptoKey,
  wrappedKey: WrappedCaseKey,
  keyId: string,
  extractable = false,
): Promise<CryptoKey> {
  // The vault data key has encrypt/decrypt usages only (never wrapKey), so
  // the case key is sealed as 32 raw bytes with AES-GCM and imported here.
  const raw = new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: wrappedKey.iv, additionalData: caseKeyAad(keyId) },
      vaultKey,
      wrappedKey.wrapped,
    ),
  );
  try {
    if (raw.byteLength !== CASE_KEY_BYTES) throw new Error('case key of wrong length');
    return await importCaseKey(raw, extractable);
  } finally {
    raw.fill(0);
  }
}
