// A vault made from a received data key (pairing) can carry rows sealed under
// that key, written in the keyring's own transaction: they exist by the time
// the app shows itself unlocked, so a tab closed at that moment keeps them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptRecord, encryptRecord, randomBytes } from './crypto';
import { db } from './db';
import { getVaultSnapshot, subscribeVault } from './session';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVaultWithDataKey, lock } from './vault';

const header = { kind: 'sync-config', id: 'alongside-test', schemaVersion: 1 } as const;

describe('createVaultWithDataKey with rows alongside', () => {
  beforeEach(resetDatabase);
  afterEach(() => lock());

  it('has the sealed row stored when the session opens, readable with the new data key', async () => {
    let seenAtUnlock: Promise<unknown> | undefined;
    const stop = subscribeVault(() => {
      // Issued the moment the app would switch to its unlocked screens.
      if (getVaultSnapshot().status === 'unlocked' && !seenAtUnlock) {
        seenAtUnlock = db.meta.get('alongside-test');
      }
    });
    try {
      const raw = randomBytes(32) as Uint8Array<ArrayBuffer>;
      await createVaultWithDataKey(raw, TEST_PASSPHRASE, async (key) => [
        { key: 'alongside-test', value: await encryptRecord(key, header, { marker: 'apparaat-b' }) },
      ]);
    } finally {
      stop();
    }
    const row = (await seenAtUnlock) as { value: Parameters<typeof decryptRecord>[2] } | undefined;
    expect(row).toBeDefined();
    const { requireDataKey } = await import('./session');
    expect(await decryptRecord(requireDataKey(), header, row!.value)).toEqual({ marker: 'apparaat-b' });
  });

  it('stores nothing alongside when the vault already exists', async () => {
    await createVaultWithDataKey(randomBytes(32) as Uint8Array<ArrayBuffer>, TEST_PASSPHRASE);
    lock();
    await expect(
      createVaultWithDataKey(randomBytes(32) as Uint8Array<ArrayBuffer>, TEST_PASSPHRASE, async () => [
        { key: 'alongside-test', value: 'x' },
      ]),
    ).rejects.toThrow();
    expect(await db.meta.get('alongside-test')).toBeUndefined();
  });
});
