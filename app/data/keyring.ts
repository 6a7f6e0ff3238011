// The key hierarchy, as stored in the `meta` table under key "keyring":
//   { version: 1,
//     passphrase: { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt }, wrapped: { iv, data } },
//     recovery?:  { kdf: …, wrapped: … } }
// Each slot wraps the same random AES-GCM-256 data key with a KEK derived from
// its secret (the passphrase, or the recovery code's 160 random bits). The
// wrap's AAD names the slot and its KDF parameters. Parameters are checked
// against the minimum on every read, before any derivation; a downgrade is
// refused with KdfDowngradeError. New wraps always use fresh minimum-strength
// parameters, never ones read from storage.

import { minPassphraseLength } from '../../schema/passphrase';
import {
  assertKdfParams,
  deriveKek,
  generateDataKey,
  newKdfParams,
  randomBytes,
  unwrapDataKey,
  utf8,
  wrapDataKey,
} from './crypto';
import type { Bytes, KdfParams, Sealed } from './crypto';
import {
  InvalidRecoveryCodeError,
  NoRecoveryCodeError,
  PassphraseTooShortError,
  VaultCorruptError,
  WrongPassphraseError,
  WrongRecoveryCodeError,
} from './errors';

export const PASSPHRASE_MIN_LENGTH = minPassphraseLength;
const RECOVERY_SECRET_BYTES = 20; // 160 bits
const RECOVERY_CHECK_BITS = 20;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function isUint8Array(v: unknown): v is Uint8Array {
  return Object.prototype.toString.call(v) === '[object Uint8Array]';
}
// Hand-written validation (no zod): this module is on the lock screen's
// critical path, and the shape is small and fixed.
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readBytes(v: unknown, path: string, problems: string[]): Bytes {
  if (isUint8Array(v)) return new Uint8Array(v);
  problems.push(path);
  return new Uint8Array(0);
}

function readSlot(v: unknown, path: string, problems: string[]): Slot {
  const slot = isRecord(v) ? v : {};
  const kdf = isRecord(slot.kdf) ? slot.kdf : {};
  const wrapped = isRecord(slot.wrapped) ? slot.wrapped : {};
  if (!isRecord(v)) problems.push(path);
  if (typeof kdf.name !== 'string') problems.push(`${path}.kdf.name`);
  if (typeof kdf.hash !== 'string') problems.push(`${path}.kdf.hash`);
  if (typeof kdf.iterations !== 'number') problems.push(`${path}.kdf.iterations`);
  return {
    kdf: {
      name: String(kdf.name),
      hash: String(kdf.hash),
      iterations: Number(kdf.iterations),
      salt: readBytes(kdf.salt, `${path}.kdf.salt`, problems),
    } as KdfParams,
    wrapped: {
      iv: readBytes(wrapped.iv, `${path}.wrapped.iv`, problems),
      data: readBytes(wrapped.data, `${path}.wrapped.data`, problems),
    },
  };
}

export interface Slot {
  kdf: KdfParams;
  wrapped: Sealed;
}
export interface Keyring {
  version: 1;
  passphrase: Slot;
  recovery?: Slot | undefined;
}
type SlotName = 'passphrase' | 'recovery';

/** Validates stored key material and refuses weak KDF parameters in any slot. */
export function parseKeyring(value: unknown): Keyring {
  const problems: string[] = [];
  const ring = isRecord(value) ? value : {};
  if (ring.version !== 1) problems.push('version');
  const passphrase = readSlot(ring.passphrase, 'passphrase', problems);
  const recovery = ring.recovery === undefined ? undefined : readSlot(ring.recovery, 'recovery', problems);
  if (problems.length > 0) throw new VaultCorruptError(problems.join(', '));
  const keyring: Keyring = { version: 1, passphrase, ...(recovery ? { recovery } : {}) };
  assertKdfParams(keyring.passphrase.kdf);
  if (keyring.recovery) assertKdfParams(keyring.recovery.kdf);
  return keyring;
}

/** Passphrases are compared as NFC so "é" typed either way is the same. */
export function passphraseBytes(passphrase: string): Bytes {
  return utf8(passphrase.normalize('NFC'));
}

/** At least 12 characters (code points, as the strength hint counts them); no composition rules. */
export function assertPassphrase(passphrase: string): void {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    throw new PassphraseTooShortError(PASSPHRASE_MIN_LENGTH);
  }
}

function hex(bytes: Bytes): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function slotAad(name: SlotName, kdf: KdfParams): string {
  return `baken/v1|wrap|${name}|${kdf.name}|${kdf.hash}|${kdf.iterations}|${hex(kdf.salt)}`;
}

async function sealSlot(dataKey: CryptoKey, secret: Bytes, name: SlotName): Promise<{ slot: Slot; kek: CryptoKey }> {
  const kdf = newKdfParams();
  const kek = await deriveKek(secret, kdf);
  return { slot: { kdf, wrapped: await wrapDataKey(dataKey, kek, slotAad(name, kdf)) }, kek };
}

/** Unwraps a slot's data key, or returns null when the secret is wrong. */
async function openSlot(slot: Slot, secret: Bytes, name: SlotName, extractable: boolean): Promise<CryptoKey | null> {
  const kek = await deriveKek(secret, slot.kdf);
  try {
    return await unwrapDataKey(slot.wrapped, kek, slotAad(name, slot.kdf), extractable);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Recovery code: 160 random bits + 20-bit checksum, Crockford base32, 9 groups of 4.
// The checksum catches typos before the (throttled) key derivation runs.
// ---------------------------------------------------------------------------

async function checksum(secret: Bytes): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', secret));
  return (((digest[0] ?? 0) << 12) | ((digest[1] ?? 0) << 4) | ((digest[2] ?? 0) >> 4)) >>> 0;
}

async function formatRecoveryCode(secret: Bytes): Promise<string> {
  const bits =
    [...secret].map((b) => b.toString(2).padStart(8, '0')).join('') +
    (await checksum(secret)).toString(2).padStart(RECOVERY_CHECK_BITS, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += CROCKFORD[Number.parseInt(bits.slice(i, i + 5), 2)] ?? '';
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/**
 * Turns typed input into the code's secret: ignores case, spaces and dashes,
 * reads O as 0 and I/L as 1. Throws InvalidRecoveryCodeError on a typo.
 */
export async function parseRecoveryCode(input: string): Promise<Bytes> {
  const chars = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·–—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const totalBits = RECOVERY_SECRET_BYTES * 8 + RECOVERY_CHECK_BITS;
  if (chars.length !== totalBits / 5) throw new InvalidRecoveryCodeError();
  let bits = '';
  for (const c of chars) {
    const value = CROCKFORD.indexOf(c);
    if (value < 0) throw new InvalidRecoveryCodeError();
    bits += value.toString(2).padStart(5, '0');
  }
  const secret = new Uint8Array(RECOVERY_SECRET_BYTES);
  for (let i = 0; i < RECOVERY_SECRET_BYTES; i++) secret[i] = Number.parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  if (Number.parseInt(bits.slice(RECOVERY_SECRET_BYTES * 8), 2) !== (await checksum(secret))) {
    throw new InvalidRecoveryCodeError();
  }
  return secret;
}

// ---------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------

/**
 * Creates a fresh data key and wraps it under the passphrase (and, if asked,
 * a new recovery code). Returns the key as a non-extractable session key.
 */
export async function createKeyring(
  passphrase: string,
  withRecoveryCode: boolean,
): Promise<{ keyring: Keyring; dataKey: CryptoKey; recoveryCode?: string }> {
  assertPassphrase(passphrase);
  const transient = await generateDataKey();
  const { slot: passphraseSlot, kek } = await sealSlot(transient, passphraseBytes(passphrase), 'passphrase');
  const keyring: Keyring = { version: 1, passphrase: passphraseSlot };
  let recoveryCode: string | undefined;
  if (withRecoveryCode) {
    const secret = randomBytes(RECOVERY_SECRET_BYTES);
    keyring.recovery = (await sealSlot(transient, secret, 'recovery')).slot;
    recoveryCode = await formatRecoveryCode(secret);
  }
  const dataKey = await unwrapDataKey(passphraseSlot.wrapped, kek, slotAad('passphrase', passphraseSlot.kdf), false);
  return recoveryCode === undefined ? { keyring, dataKey } : { keyring, dataKey, recoveryCode };
}

/** The non-extractable data key, or WrongPassphraseError. */
export async function openWithPassphrase(keyring: Keyring, passphrase: string): Promise<CryptoKey> {
  const key = await openSlot(keyring.passphrase, passphraseBytes(passphrase), 'passphrase', false);
  if (!key) throw new WrongPassphraseError();
  return key;
}

/** Re-wraps the data key under `next`; the data itself is untouched. */
export async function changeKeyringPassphrase(keyring: Keyring, current: string, next: string): Promise<Keyring> {
  assertPassphrase(next);
  const transient = await openSlot(keyring.passphrase, passphraseBytes(current), 'passphrase', true);
  if (!transient) throw new WrongPassphraseError();
  const { slot } = await sealSlot(transient, passphraseBytes(next), 'passphrase');
  return { ...keyring, passphrase: slot };
}

/**
 * Opens the data key with the recovery code and wraps it under a new
 * passphrase. The recovery code keeps working afterwards.
 */
export async function recoverKeyring(
  keyring: Keyring,
  recoverySecret: Bytes,
  newPassphrase: string,
): Promise<{ keyring: Keyring; dataKey: CryptoKey }> {
  assertPassphrase(newPassphrase);
  if (!keyring.recovery) throw new NoRecoveryCodeError();
  const transient = await openSlot(keyring.recovery, recoverySecret, 'recovery', true);
  if (!transient) throw new WrongRecoveryCodeError();
  const { slot, kek } = await sealSlot(transient, passphraseBytes(newPassphrase), 'passphrase');
  const dataKey = await unwrapDataKey(slot.wrapped, kek, slotAad('passphrase', slot.kdf), false);
  return { keyring: { ...keyring, passphrase: slot }, dataKey };
}
