// Issue 18: a handover dated in the far future must not silently win every merge.
import { beforeEach, describe, expect, it } from 'vitest';

import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION } from '../../schema/backup';
import { makeCase } from '../../schema/factories';
import { currentSchemaVersion } from '../../schema/records';
import { deriveBackupKeys, importBackup, sealBackupText } from './backup';
import { newKdfParams } from './crypto';
import { listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const TRANSFER = 'een overdracht met een lange zin';

async function fileWith(records: unknown[]): Promise<Uint8Array> {
  const payload = {
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    scope: 'cases',
    schemaVersions: { ...currentSchemaVersion },
    records,
    audit: [],
  };
  return sealBackupText(JSON.stringify(payload), await deriveBackupKeys(TRANSFER, newKdfParams()));
}

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

describe('merging a file with future dates', () => {
  it('refuses a record dated 2099 and changes nothing', async () => {
    const kase = makeCase({ description: 'Zoals het hier staat.' });
    await saveRecords([kase]);
    const future = { ...kase, description: 'Uit de toekomst.', updatedAt: '2099-01-01T00:00:00.000Z' };
    await expect(importBackup(await fileWith([future]), TRANSFER, { mode: 'merge' })).rejects.toMatchObject({
      code: 'backup.futureDated',
    });
    const [stored] = await listRecords({ kind: 'case' });
    expect(stored?.ok && stored.record.description).toBe('Zoals het hier staat.');
  });

  it('accepts a record a few hours ahead (clock drift) and lets it win as newer', async () => {
    const kase = makeCase({ description: 'Zoals het hier staat.' });
    await saveRecords([kase]);
    const soon = new Date(Date.now() + 6 * 60 * 60 * 1000).toISOString();
    const newer = { ...kase, description: 'Iets later aangepast.', updatedAt: soon };
    await importBackup(await fileWith([newer]), TRANSFER, { mode: 'merge' });
    const [stored] = await listRecords({ kind: 'case' });
    expect(stored?.ok && stored.record.description).toBe('Iets later aangepast.');
  });
});
