import { beforeEach, describe, expect, it } from 'vitest';

import { generateDataKey, utf8 } from '../crypto';
import { db } from '../db';
import { VaultLockedError } from '../errors';
import { setDataKey } from '../session';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from '../test-utils';
import { createVault, lock, unlock } from '../vault';
import { IDENTITY_KEY, IdentityUnreadableError, loadIdentity, loadOrCreateIdentity } from './identity';
import { openBox, sealTo, signJson, verifyJson } from './seal';

beforeEach(async () => {
  await resetDatabase();
});

describe('team identity', () => {
  it('is made once, persists across lock and unlock, and its private keys stay non-extractable', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    expect(await loadIdentity()).toBeUndefined();
    const [first, same] = await Promise.all([loadOrCreateIdentity(), loadOrCreateIdentity()]);
    expect(same).toBe(first);
    expect(first.memberId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.ecdhPrivate.extractable).toBe(false);
    expect(first.ecdsaPrivate.extractable).toBe(false);
    const box = await sealTo(first.ecdh, utf8('sealed before the lock'), 'aad');
    const sig = await signJson(first.ecdsaPrivate, { a: 1 });

    lock();
    await expect(loadOrCreateIdentity()).rejects.toThrow(VaultLockedError);
    await unlock(TEST_PASSPHRASE);

    const later = await loadOrCreateIdentity();
    expect(later).not.toBe(first); // re-read from storage, not kept over the lock
    expect(later.memberId).toBe(first.memberId);
    expect(later.ecdh).toEqual(first.ecdh);
    expect(later.ecdsa).toEqual(first.ecdsa);
    expect(new TextDecoder().decode(await openBox(later.ecdhPrivate, box, 'aad'))).toBe('sealed before the lock');
    expect(await verifyJson(later.ecdsa, { a: 1 }, await signJson(later.ecdsaPrivate, { a: 1 }))).toBe(true);
    expect(await verifyJson(later.ecdsa, { a: 1 }, sig)).toBe(true);
    expect((await loadIdentity())?.memberId).toBe(first.memberId);
  });

  it('is stored encrypted: neither the member id nor a key is readable, nor usable with another vault key', async () => {
    const key = await generateDataKey();
    setDataKey(key);
    const identity = await loadOrCreateIdentity();
    const raw = rawText(await dumpRawDatabase());
    expect(raw).not.toContain(identity.memberId);
    expect(raw).not.toContain(identity.ecdh.x);
    expect(raw).not.toContain(identity.ecdsa.x);
    expect(raw).not.toContain('"d"');

    setDataKey(await generateDataKey());
    await expect(loadOrCreateIdentity()).rejects.toThrow(IdentityUnreadableError);
    // Not replaced by a fresh identity: the row is unchanged and the right key still reads it.
    const row = await db.meta.get(IDENTITY_KEY);
    setDataKey(key);
    expect((await loadOrCreateIdentity()).memberId).toBe(identity.memberId);
    expect(await db.meta.get(IDENTITY_KEY)).toEqual(row);
  });
});
