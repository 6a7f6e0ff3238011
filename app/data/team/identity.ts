// This device's team identity (issue 21): a random member id, an ECDH P-256
// key pair (others seal keys to it) and an ECDSA P-256 key pair (it signs).
// The private scalars are stored in the `meta` row "teamIdentity", encrypted
// under the vault data key (AAD kind "team-identity"), so they are unreadable
// while locked and never leave the device (not replicated, not in a backup).
// Unlocked, the private keys are imported non-extractable and held for this
// unlock only: dropped as soon as the vault key is (lock).
import { Dexie } from 'dexie';

import { storedIdentitySchema, type P256PublicJwk, type StoredIdentity } from '../../../schema/team';
import { decryptRecord, encryptRecord } from '../crypto';
import { db } from '../db';
import { VaultLockedError, toStorageError } from '../errors';
import { getDataKey, requireDataKey, subscribeVault } from '../session';
import { newDeviceId } from '../sync/config';
import { publicJwk } from './seal';
import { asSealed } from './sealed-meta';

export interface Identity {
  memberId: string;
  ecdh: P256PublicJwk;
  ecdsa: P256PublicJwk;
  ecdhPrivate: CryptoKey;
  ecdsaPrivate: CryptoKey;
}

export const IDENTITY_KEY = 'teamIdentity';
const HEADER = { kind: 'team-identity', id: IDENTITY_KEY, schemaVersion: 1 } as const;

export class IdentityUnreadableError extends Error {
  constructor() {
    super('The stored team identity cannot be read with this vault key');
    this.name = 'IdentityUnreadableError';
  }
}

let cached: { owner: CryptoKey; identity: Promise<Identity> } | null = null;
subscribeVault(() => {
  if (cached && cached.owner !== getDataKey()) cached = null;
});

async function generate(): Promise<StoredIdentity> {
  // Extractable only here, to store the private scalar under the vault key.
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const ecdhJwk = await crypto.subtle.exportKey('jwk', ecdh.privateKey);
  const ecdsaJwk = await crypto.subtle.exportKey('jwk', ecdsa.privateKey);
  return storedIdentitySchema.parse({
    memberId: newDeviceId(),
    ecdh: publicJwk(ecdhJwk),
    ecdsa: publicJwk(ecdsaJwk),
    ecdhD: ecdhJwk.d,
    ecdsaD: ecdsaJwk.d,
  });
}

function importPrivate(pub: P256PublicJwk, d: string, name: 'ECDH' | 'ECDSA'): Promise<CryptoKey> {
  const usages: KeyUsage[] = name === 'ECDH' ? ['deriveBits'] : ['sign'];
  return crypto.subtle.importKey('jwk', { ...pub, d }, { name, namedCurve: 'P-256' }, false, usages);
}

async function toIdentity(stored: StoredIdentity): Promise<Identity> {
  const ecdhPrivate = await importPrivate(stored.ecdh, stored.ecdhD, 'ECDH');
  const ecdsaPrivate = await importPrivate(stored.ecdsa, stored.ecdsaD, 'ECDSA');
  return { memberId: stored.memberId, ecdh: stored.ecdh, ecdsa: stored.ecdsa, ecdhPrivate, ecdsaPrivate };
}

async function readStored(key: CryptoKey): Promise<StoredIdentity | undefined> {
  const sealed = asSealed((await Dexie.ignoreTransaction(() => db.meta.get(IDENTITY_KEY)))?.value);
  if (!sealed) return undefined;
  try {
    return storedIdentitySchema.parse(await decryptRecord(key, HEADER, sealed));
  } catch {
    // Never silently replace an identity others may already have sealed keys to.
    throw new IdentityUnreadableError();
  }
}

async function loadOrCreate(key: CryptoKey): Promise<Identity> {
  const existing = await readStored(key);
  if (existing) return toIdentity(existing);
  const fresh = await generate();
  const sealed = await encryptRecord(key, HEADER, fresh);
  // Another tab may have created one meanwhile: the first stored wins.
  let won: boolean;
  try {
    won = await db.transaction('rw', db.meta, async () => {
      if (await db.meta.get(IDENTITY_KEY)) return false;
      await db.meta.put({ key: IDENTITY_KEY, value: sealed });
      return true;
    });
  } catch (error) {
    throw toStorageError(error);
  }
  if (won) return toIdentity(fresh);
  const stored = await readStored(key);
  if (!stored) throw new IdentityUnreadableError();
  return toIdentity(stored);
}

/**
 * This device's identity, made on first use. Needs the vault unlocked
 * (VaultLockedError otherwise); IdentityUnreadableError when the stored one
 * does not decrypt or validate (it is then left as it is, never replaced).
 */
export function loadOrCreateIdentity(): Promise<Identity> {
  const key = getDataKey();
  if (!key) return Promise.reject(new VaultLockedError());
  if (cached?.owner === key) return cached.identity;
  const identity = loadOrCreate(key);
  const entry = { owner: key, identity };
  cached = entry;
  identity.catch(() => {
    if (cached === entry) cached = null;
  });
  return identity;
}

/** This device's identity if one exists (never creates one); undefined when there is none. */
export async function loadIdentity(): Promise<Identity | undefined> {
  const key = requireDataKey();
  if (cached?.owner === key) return cached.identity;
  const stored = await readStored(key);
  return stored ? loadOrCreateIdentity() : undefined;
}
