// Issue 15 item 3: a backup made before `contactgegevens` was removed still
// imports; its consents keep what they covered, the removed category is kept
// as lapsed, and a consent that named only it covers nothing.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION } from '../../schema/backup';
import { makeCase, makeConsent, makeParty, makeShareWithoutConsent } from '../../schema/factories';
import { currentSchemaVersion } from '../../schema/records';
import { buildSummary } from '../../schema/summary';
import { deriveBackupKeys, importBackup, sealBackupText } from './backup';
import type { BackupKeys } from './backup';
import { newKdfParams } from './crypto';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const TRANSFER = 'overdracht van een oudere Baken';

/** A file as the build before issue 15 item 3 wrote it: consent records at schemaVersion 2. */
async function oldFile(keys: BackupKeys) {
  const kase = makeCase({ knownOn: '2026-03-01' });
  const party = makeParty({ caseId: kase.id, role: 'afgebeelde-jongere', age: 15 });
  const scope = { caseId: kase.id, partyId: party.id, recipient: 'school' } as const;
  const mixed = { ...makeConsent({ ...scope, givenOn: '2026-03-02' }), schemaVersion: 2 };
  const only = { ...makeConsent({ ...scope, givenOn: '2026-03-02' }), schemaVersion: 2 };
  const share = { ...makeShareWithoutConsent({ ...scope, sharedOn: '2026-03-03' }), schemaVersion: 2 };
  const records = [
    kase,
    party,
    { ...mixed, categories: ['feiten', 'contactgegevens'] },
    { ...only, categories: ['contactgegevens'] },
    { ...share, categories: ['contactgegevens'] },
  ];
  const payload = {
    type: BACKUP_PAYLOAD_TYPE,
    version: BACKUP_VERSION,
    createdAt: '2026-03-12T09:30:00.000Z',
    scope: 'logbook',
    schemaVersions: { ...currentSchemaVersion, consent: 2 },
    records,
    audit: [],
  };
  return { file: await sealBackupText(JSON.stringify(payload), keys), kase, party, ids: [mixed.id, only.id, share.id] };
}

describe('importing a backup made before contactgegevens was removed', () => {
  let keys: BackupKeys;
  beforeAll(async () => {
    keys = await deriveBackupKeys(TRANSFER, newKdfParams());
  });
  beforeEach(async () => {
    await resetDatabase();
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  });

  it('restores every consent at the new version, covering what it covered and nothing more', async () => {
    const { file, kase, party, ids } = await oldFile(keys);
    await expect(importBackup(file, TRANSFER, { mode: 'restore' })).resolves.toMatchObject({ casesAdded: 1 });
    const consents = (await listRecords({ kind: 'consent' })).flatMap((r) => (r.ok ? [r.record] : []));
    expect(consents).toHaveLength(3);
    const byId = new Map(consents.map((c) => [c.id, c]));
    const [mixed, only, share] = ids.map((id) => byId.get(id));
    expect(mixed).toMatchObject({ schemaVersion: 3, categories: ['feiten'], retiredCategories: ['contactgegevens'] });
    expect(only).toMatchObject({ schemaVersion: 3, categories: [], retiredCategories: ['contactgegevens'] });
    expect(share).toMatchObject({ schemaVersion: 3, categories: [], retiredCategories: ['contactgegevens'] });
    const summary = buildSummary(
      { case: kase, parties: [party], consents, assessments: [], notes: [], followUps: [] },
      'school',
      '2026-03-12',
      { jurisdiction: 'vlaanderen' },
    );
    expect(summary.shared).toEqual(['feiten']);
    expect(summary.sections.map((s) => s.sources.length)).toEqual([1]);
  });

  it('merges the same file into a logbook the same way', async () => {
    const { file } = await oldFile(keys);
    await importBackup(file, TRANSFER, { mode: 'merge' });
    const consents = (await listRecords({ kind: 'consent' })).flatMap((r) => (r.ok ? [r.record] : []));
    expect(consents.map((c) => c.retiredCategories)).toEqual([
      ['contactgegevens'],
      ['contactgegevens'],
      ['contactgegevens'],
    ]);
  });
});
