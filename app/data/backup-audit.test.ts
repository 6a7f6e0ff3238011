// Issue 18: restore verifies a backup's audit chain before linking its events
// anew, and says so when it is broken.
import { beforeEach, describe, expect, it } from 'vitest';

import { BACKUP_PAYLOAD_TYPE, BACKUP_VERSION } from '../../schema/backup';
import { makeAuditEvent, makeCase } from '../../schema/factories';
import { currentSchemaVersion } from '../../schema/records';
import type { AuditEvent } from '../../schema/records/audit';
import { deriveBackupKeys, exportBackup, importBackup, sealBackupText } from './backup';
import { newKdfParams } from './crypto';
import { listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const TRANSFER = 'een overdracht met een lange zin';

async function freshVault(): Promise<void> {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
}

async function chainedAudit(): Promise<AuditEvent[]> {
  return (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
}

beforeEach(freshVault);

describe('restoring the audit log', () => {
  it('reports an intact chain for an untouched backup', async () => {
    const kase = makeCase();
    await saveRecords([kase, makeAuditEvent({ action: 'case.created', caseId: kase.id })]);
    const file = await exportBackup({ protection: { kind: 'transfer', passphrase: TRANSFER } });
    await freshVault();
    const summary = await importBackup(file.bytes, TRANSFER, { mode: 'restore' });
    expect(summary.auditChain).toEqual({ status: 'intact' });
  });

  it('restores a backup whose chain was altered, but says from which link it is broken', async () => {
    const kase = makeCase();
    await saveRecords([kase, makeAuditEvent({ action: 'case.created', caseId: kase.id })]);
    const audit = await chainedAudit();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    // Someone with the key rewrote which case event seq 1 was about, keeping its old link.
    const altered = audit.map((e) => (e.chain?.seq === 1 ? { ...e, caseId: crypto.randomUUID() } : e));
    const payload = {
      type: BACKUP_PAYLOAD_TYPE,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      scope: 'logbook',
      schemaVersions: { ...currentSchemaVersion },
      records: [kase],
      audit: altered,
    };
    const keys = await deriveBackupKeys(TRANSFER, newKdfParams());
    const bytes = await sealBackupText(JSON.stringify(payload), keys);
    await freshVault();
    const summary = await importBackup(bytes, TRANSFER, { mode: 'restore' });
    expect(summary.auditChain).toEqual({ status: 'broken', firstBrokenSeq: 1 });
    expect(await listRecords({ kind: 'case' })).toHaveLength(1);
  });
});
