// Issue 18: a backup costs one KDF run for its key and its check, and
// version 1 files (PBKDF2, written by the build at commit fcd049d; see
// __fixtures__) still open.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as KdfModule from './kdf';

import { deriveBackupKeys, exportBackup, importBackup } from './backup';
import { newKdfParams, randomBytes } from './crypto';
import { argon2idBytes } from './kdf';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

vi.mock('./kdf', async (importOriginal) => {
  const real = await importOriginal<typeof KdfModule>();
  return { ...real, argon2idBytes: vi.fn(real.argon2idBytes) };
});

const LEGACY_TRANSFER = 'een overdrachtszin van vroeger';
const legacyFile = new Uint8Array(readFileSync(new URL('./__fixtures__/pbkdf2-backup-v1.baken', import.meta.url)));

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  vi.mocked(argon2idBytes).mockClear();
});

describe('backup key derivation', () => {
  it('derives the key and the check from one Argon2id run (an attacker pays what the user pays)', async () => {
    const pbkdf2 = vi.spyOn(crypto.subtle, 'deriveBits');
    const keys = await deriveBackupKeys('een sterke zin voor de test', newKdfParams());
    expect(argon2idBytes).toHaveBeenCalledTimes(1);
    // deriveBits runs only for HKDF (the check), never PBKDF2.
    for (const call of pbkdf2.mock.calls) expect((call[0] as { name: string }).name).toBe('HKDF');
    expect(keys.check).toHaveLength(32);
    pbkdf2.mockRestore();
  });

  it('gives another check for another passphrase or salt', async () => {
    const kdf = newKdfParams();
    const a = await deriveBackupKeys('een sterke zin voor de test', kdf);
    const b = await deriveBackupKeys('een andere zin voor de test', kdf);
    const c = await deriveBackupKeys('een sterke zin voor de test', { ...kdf, salt: randomBytes(16) });
    const again = await deriveBackupKeys('een sterke zin voor de test', kdf);
    expect(a.check).not.toEqual(b.check);
    expect(a.check).not.toEqual(c.check);
    expect(again.check).toEqual(a.check);
  });
});

describe('a version 1 backup from the pre-Argon2id build', () => {
  it('restores, and a new backup of it is written as version 2 with Argon2id', async () => {
    await expect(importBackup(legacyFile, 'niet de juiste zin hoor', { mode: 'restore' })).rejects.toMatchObject({
      code: 'backup.wrongPassphrase',
    });
    const summary = await importBackup(legacyFile, LEGACY_TRANSFER, { mode: 'restore' });
    expect(summary).toMatchObject({ mode: 'restore', casesAdded: 1, recordsAdded: 1 });
    expect(await listRecords({ kind: 'case' })).toHaveLength(1);

    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: LEGACY_TRANSFER } });
    const length = new DataView(file.bytes.buffer, file.bytes.byteOffset).getUint32(13);
    const header = JSON.parse(new TextDecoder().decode(file.bytes.subarray(17, 17 + length))) as Record<
      string,
      unknown
    >;
    expect(header).toMatchObject({ version: 2, kdf: { name: 'Argon2id' } });
  });

  it('merges into an existing logbook', async () => {
    const summary = await importBackup(legacyFile, LEGACY_TRANSFER, { mode: 'merge' });
    expect(summary).toMatchObject({ mode: 'merge', casesAdded: 1 });
  });
});
