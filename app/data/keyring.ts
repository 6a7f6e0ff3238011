// The key hierarchy, as stored in the `meta` table under key "keyring":
//   { version: 1,
//     passphrase: { kdf, wrapped: { iv, data } },
//     recovery?:  { kdf, wrapped } }
// with kdf = { name: 'Argon2id', memoryKiB, iterations, parallelism, salt }
// (or, for slots written before Argon2id, { name: 'PBKDF2', hash, iterations, salt }).
// Each slot wraps the same random AES-GCM-256 data key with a KEK derived from
// its secret (the passphrase, or the recovery code's 160 random bits). The
// wrap's AAD names the slot and its KDF parameters. Parameters are checked
// against the floor and ceiling on every read, before any derivation;
// anything outside is refused with KdfDowngradeError. New wraps always use
// fresh current parameters, never ones read from storage; an outdated
// passphrase slot is re-wrapped right after it opens (vault.ts).

import { minPassphraseLength } from '../../schema/passphrase';
import {
  assertKdfParams,
  deriveKek,
  generateDataKey,
  isOutdatedKdf,
  kdfLabel,
  newKdfParams,
  randomBytes,
  unwrapDataKey,
  utf8,
  wrapDataKey,
} from './crypto';
import { bitsToBytes, bytesToBits, decodeCode, encodeCode } from './crockford';
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

function readKdf(v: unknown, path: string, problems: string[]): KdfParams {
  const kdf = isRecord(v) ? v : {};
  const salt = readBytes(kdf.salt, `${path}.salt`, problems);
  const num = (key: string): number => {
    const value = kdf[key];
    if (typeof value !== 'number') problems.push(`${path}.${key}`);
    return Number(value);
  };
  if (kdf.name === 'Argon2id') {
    return {
      name: 'Argon2id',
      memoryKiB: num('memoryKiB'),
      iterations: num('iterations'),
      parallelism: num('parallelism'),
      salt,
    };
  }
  if (kdf.name === 'PBKDF2') {
    if (typeof kdf.hash !== 'string') problems.push(`${path}.hash`);
    return { name: 'PBKDF2', hash: String(kdf.hash), iterations: num('iterations'), salt };
  }
  problems.push(`${path}.name`);
  return { name: 'PBKDF2', hash: '', iterations: 0, salt };
}

function readSlot(v: unknown, path: string, problems: string[]): Slot {
  const slot = isRecord(v) ? v : {};
  const wrapped = isRecord(slot.wrapped) ? slot.wrapped : {};
  if (!isRecord(v)) problems.push(path);
  return {
    kdf: readKdf(slot.kdf, `${path}.kdf`, problems),
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

/** For PBKDF2 slots this is exactly the AAD written before Argon2id existed. */
function slotAad(name: SlotName, kdf: KdfParams): string {
  return `baken/v1|wrap|${name}|${kdfLabel(kdf)}|${hex(kdf.salt)}`;
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
  return encodeCode(bytesToBits(secret) + (await checksum(secret)).toString(2).padStart(RECOVERY_CHECK_BITS, '0'));
}

/**
 * Turns typed input into the code's secret: ignores case, spaces and dashes,
 * reads O as 0 and I/L as 1. Throws InvalidRecoveryCodeError on a typo.
 */
export async function parseRecoveryCode(input: string): Promise<Bytes> {
  const bits = decodeCode(input, (RECOVERY_SECRET_BYTES * 8 + RECOVERY_CHECK_BITS) / 5);
  if (bits === null) throw new InvalidRecoveryCodeError();
  const secret = bitsToBytes(bits, RECOVERY_SECRET_BYTES);
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
  return (await openAndUpgrade(keyring, passphrase)).dataKey;
}

/** Whether the passphrase slot was wrapped with weaker KDF parameters than new wraps use. */
export function needsUpgrade(keyring: Keyring): boolean {
  return isOutdatedKdf(keyring.passphrase.kdf);
}

/**
 * Opens the data key with the passphrase. When the passphrase slot is
 * outdated (PBKDF2, or weaker Argon2id), also re-wraps the data key under
 * fresh current parameters and returns the new keyring for the caller to
 * store; the session key then comes from the new slot, which proves it works.
 * The recovery slot is left as it is: its secret is not known here, and its
 * 160 random bits do not depend on the KDF's cost.
 */
export async function openAndUpgrade(
  keyring: Keyring,
  passphrase: string,
): Promise<{ dataKey: CryptoKey; upgraded?: Keyring }> {
  const secret = passphraseBytes(passphrase);
  if (!needsUpgrade(keyring)) {
    const key = await openSlot(keyring.passphrase, secret, 'passphrase', false);
    if (!key) throw new WrongPassphraseError();
    return { dataKey: key };
  }
  const transient = await openSlot(keyring.passphrase, secret, 'passphrase', true);
  if (!transient) throw new WrongPassphraseError();
  const { slot, kek } = await sealSlot(transient, secret, 'passphrase');
  const dataKey = await unwrapDataKey(slot.wrapped, kek, slotAad('passphrase', slot.kdf), false);
  return { dataKey, upgraded: { ...keyring, passphrase: slot } };
}

/**
 * A new recovery code for the same data key, replacing any earlier one (which
 * stops working once the result is stored). Needs the current passphrase.
 */
export async function replaceKeyringRecoveryCode(
  keyring: Keyring,
  passphrase: string,
): Promise<{ keyring: Keyring; recoveryCode: string }> {
  const transient = await openSlot(keyring.passphrase, passphraseBytes(passphrase), 'passphrase', true);
  if (!transient) throw new WrongPassphraseError();
  const secret = randomBytes(RECOVERY_SECRET_BYTES);
  const { slot } = await sealSlot(transient, secret, 'recovery');
  const recoveryCode = await formatRecoveryCode(secret);
  secret.fill(0);
  return { keyring: { ...keyring, recovery: slot }, recoveryCode };
}

/** The keyring without its recovery slot, after checking the passphrase. */
export async function revokeKeyringRecoveryCode(keyring: Keyring, passphrase: string): Promise<Keyring> {
  const key = await openSlot(keyring.passphrase, passphraseBytes(passphrase), 'passphrase', false);
  if (!key) throw new WrongPassphraseError();
  return { version: 1, passphrase: keyring.passphrase };
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
 * passphrase. The recovery code keeps working afterwards (re-wrapped with
 * current parameters if its slot was outdated).
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
  // The code is known here, so an outdated recovery slot is re-wrapped too.
  const recovery = isOutdatedKdf(keyring.recovery.kdf)
    ? (await sealSlot(transient, recoverySecret, 'recovery')).slot
    : keyring.recovery;
  const dataKey = await unwrapDataKey(slot.wrapped, kek, slotAad('passphrase', slot.kdf), false);
  return { keyring: { version: 1, passphrase: slot, recovery }, dataKey };
}

// ---------------------------------------------------------------------------
// Pairing a second device (issue 20, app/data/sync/pairing.ts)
// ---------------------------------------------------------------------------

/** The raw data key, after checking the passphrase: only for sealing it to a pairing code. */
export async function exportKeyringDataKey(keyring: Keyring, passphrase: string): Promise<Bytes> {
  const transient = await openSlot(keyring.passphrase, passphraseBytes(passphrase), 'passphrase', true);
  if (!transient) throw new WrongPassphraseError();
  return new Uint8Array(await crypto.subtle.exportKey('raw', transient));
}

/** A keyring for a data key received by pairing, wrapped under this device's own passphrase. */
export async function createKeyringForDataKey(
  raw: Bytes,
  passphrase: string,
): Promise<{ keyring: Keyring; dataKey: CryptoKey }> {
  assertPassphrase(passphrase);
  const transient = await crypto.subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
  const { slot, kek } = await sealSlot(transient, passphraseBytes(passphrase), 'passphrase');
  const dataKey = await unwrapDataKey(slot.wrapped, kek, slotAad('passphrase', slot.kdf), false);
  return { keyring: { version: 1, passphrase: slot }, dataKey };
}
