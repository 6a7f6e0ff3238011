// Pairing a second device (issue 20). Device A (unlocked, sync set up) makes a
// one-time code: 120 random bits shown as 6 groups of 4 Crockford base32
// characters. From the code, HKDF-SHA-256 derives a document id and an
// AES-GCM key. A asks for the passphrase, exports the vault data key and puts
// it, with an expiry time, sealed under that key (AAD binds the document id),
// as `baken-pair-<id>` in the worker's database. The server sees only a random
// id and ciphertext; without the code nobody can read or even find it.
// Device B enters account, password and code: it fetches the document,
// decrypts it, checks the expiry (10 minutes, inside the ciphertext so it
// cannot be altered), and deletes it with the revision it read — CouchDB lets
// only one delete of that revision succeed, so a code works once. B then wraps
// the received key under its own passphrase (createVaultWithDataKey).
// A also deletes the document when the worker closes the code or it expires.
import { z } from 'zod';
import { syncConfigSchema } from '../../../schema/sync-config';
import { randomBytes, utf8 } from '../crypto';
import { assertPassphrase } from '../keyring';
import type { Bytes } from '../crypto';
import { bitsToBytes, bytesToBits, decodeCode, encodeCode } from '../crockford';
import { createVaultWithDataKey, exportDataKeyForPairing } from '../vault';
import { newDeviceId, sealSyncConfigRow, type SyncConfig } from './config';
import { registerDevice, type SealedDoc } from './devices';
import { couchRequest, fromBase64, SyncError, toBase64, type SyncCredentials } from './remote';
import { startReplication } from './runtime';

export const PAIRING_TTL_MS = 10 * 60_000;
const SECRET_BYTES = 15; // 120 bits → 24 base32 characters
const PREFIX = 'baken-pair-';

export type PairingErrorCode = 'pair.invalidCode' | 'pair.unknown' | 'pair.expired' | 'pair.used';

export class PairingError extends Error {
  constructor(readonly code: PairingErrorCode) {
    super(`Pairing failed: ${code}`);
  }
}

const payloadSchema = z.object({
  dataKey: z.string().min(1).max(200),
  expiresAt: z.number().int().positive(),
});

type PairDoc = SealedDoc;

/** Secret → the code people type: Crockford base32 in groups of 4 (also used for team invites). */
export function formatCode(secret: Bytes): string {
  return encodeCode(bytesToBits(secret));
}

/** Typed code → secret: ignores case, spaces and dashes; O reads as 0, I/L as 1. */
export function parsePairingCode(input: string): Bytes {
  const bits = decodeCode(input, (SECRET_BYTES * 8) / 5);
  if (bits === null) throw new PairingError('pair.invalidCode');
  return bitsToBytes(bits, SECRET_BYTES);
}

async function derive(secret: Bytes): Promise<{ docId: string; key: CryptoKey }> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: utf8('baken/pair/v1'), info: utf8(info) });
  const idBits = new Uint8Array(await crypto.subtle.deriveBits(params('id'), base, 128));
  const docId = PREFIX + Array.from(idBits, (b) => b.toString(16).padStart(2, '0')).join('');
  const key = await crypto.subtle.deriveKey(params('key'), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { docId, key };
}

const aad = (docId: string) => utf8(`baken/pair/v1|${docId}`);

export interface PairingOffer {
  /** The code to show on device A (copyable text). */
  code: string;
  expiresAt: Date;
  docId: string;
}

/**
 * Device A: checks the passphrase, seals the data key under a new code and
 * stores it on the server. Fails with WrongPassphraseError, ThrottledError
 * or SyncError.
 */
export async function createPairing(config: SyncConfig, passphrase: string): Promise<PairingOffer> {
  const raw = await exportDataKeyForPairing(passphrase);
  const secret = randomBytes(SECRET_BYTES);
  try {
    const { docId, key } = await derive(secret);
    const expiresAt = Date.now() + PAIRING_TTL_MS;
    const plain = utf8(JSON.stringify({ dataKey: toBase64(raw), expiresAt }));
    const iv = randomBytes(12);
    const ct = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(docId) }, key, plain),
    );
    plain.fill(0);
    const doc: PairDoc = { _id: docId, k: 'pair', iv: toBase64(iv), ct: toBase64(ct), v: 1 };
    await couchRequest(config, 'PUT', docId, doc);
    return { code: formatCode(secret), expiresAt: new Date(expiresAt), docId };
  } finally {
    raw.fill(0);
    secret.fill(0);
  }
}

/**
 * Device A: removes an offer (closed, expired or no longer needed). Resolves true when it is gone
 * (withdrawn now, or used or gone before), false when the server could not be reached.
 */
export async function cancelPairing(creds: SyncCredentials, docId: string): Promise<boolean> {
  try {
    const doc = await couchRequest<PairDoc>(creds, 'GET', docId);
    if (doc._rev) await couchRequest(creds, 'DELETE', `${docId}?rev=${encodeURIComponent(doc._rev)}`);
    return true;
  } catch (error) {
    // Already used or gone: nothing left to withdraw. Otherwise (offline, no server) it is still
    // there and usable until it expires: false, so the screen can say so.
    return error instanceof SyncError && (error.code === 'sync.notFound' || error.code === 'sync.conflict');
  }
}

/**
 * Device B: fetches, checks and consumes the offer; returns the raw data key.
 * Fails with PairingError (wrong/used/expired code) or SyncError (account,
 * network).
 */
export async function redeemPairing(creds: SyncCredentials, code: string): Promise<Bytes> {
  const secret = parsePairingCode(code);
  const { docId, key } = await derive(secret);
  secret.fill(0);
  let doc: PairDoc;
  try {
    doc = await couchRequest<PairDoc>(creds, 'GET', docId);
  } catch (error) {
    if (error instanceof SyncError && error.code === 'sync.notFound') throw new PairingError('pair.unknown');
    throw error;
  }
  let payload: z.infer<typeof payloadSchema>;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(doc.iv), additionalData: aad(docId) },
      key,
      fromBase64(doc.ct),
    );
    payload = payloadSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
  } catch {
    throw new PairingError('pair.unknown');
  }
  // One use: only one delete of the revision we read can succeed.
  try {
    await couchRequest(creds, 'DELETE', `${docId}?rev=${encodeURIComponent(doc._rev ?? '')}`);
  } catch (error) {
    if (error instanceof SyncError && (error.code === 'sync.conflict' || error.code === 'sync.notFound')) {
      throw new PairingError('pair.used');
    }
    throw error;
  }
  if (Date.now() > payload.expiresAt) throw new PairingError('pair.expired');
  return fromBase64(payload.dataKey);
}

/**
 * Device B, the whole join: consume the code, create this device's vault with
 * the received key under its own passphrase, store the sync settings, add
 * this device to the list and start replication.
 */
export async function joinWithPairingCode(input: {
  db: string;
  account: string;
  password: string;
  code: string;
  passphrase: string;
  deviceName: string;
}): Promise<SyncConfig> {
  const creds = { db: input.db, account: input.account, password: input.password };
  // Check what can be checked before the code is used up.
  assertPassphrase(input.passphrase);
  syncConfigSchema.parse({ ...creds, deviceId: newDeviceId(), deviceName: input.deviceName });
  const raw = await redeemPairing(creds, input.code);
  const config: SyncConfig = { ...creds, deviceId: newDeviceId(), deviceName: input.deviceName };
  try {
    // The sync settings are written in the vault's own transaction, before the
    // app shows itself unlocked: a tab closed right after joining still syncs.
    await createVaultWithDataKey(raw, input.passphrase, async (key) => [await sealSyncConfigRow(key, config)]);
  } finally {
    raw.fill(0);
  }
  await registerDevice(config);
  await startReplication(config);
  return config;
}
