// applyPulled with an erasure and writes of the same case in one pulled batch,
// or in a later batch: whatever the order, the case ends erased (rows, conflict
// items and the case index, in memory and on disk).
import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeConflict, makeFollowUp, makeNote } from '../../../schema/factories';
import type { StoredRecord } from '../../../schema/records';
import { CaseKeyMissingError, caseKeyById } from '../case-key-store';
import { db } from '../db';
import { dropIndexMemory, ensureIndex, entriesOf, indexInMemory } from '../index/case-index';
import { getDataKey } from '../session';
import { eraseCase, saveRecords } from '../store';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { applyPulled, sealConflict, sealPayload } from './local';
import type { LocalRow, PulledWrite } from './local';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

function key(): CryptoKey {
  const k = getDataKey();
  if (!k) throw new Error('locked');
  return k;
}

async function pulledWrite(record: Exclude<StoredRecord, { kind: 'audit' }>): Promise<PulledWrite> {
  return {
    id: record.id,
    expectGen: (await db.sync.get(record.id))?.gen ?? 0,
    write: await sealPayload(key(), { t: 'records', record }),
    record,
    sync: { rev: '1-aa', revs: ['aa'] },
    pending: false,
  };
}

async function setUp(): Promise<{
  caseId: string;
  keyId: string;
  erase: PulledWrite;
  writes: PulledWrite[];
  extra: LocalRow[];
}> {
  const kase = makeCase();
  const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-15' });
  await saveRecords([kase, follow]);
  const keyId = (await db.records.get(kase.id))?.k as string;
  expect(await db.caseKeys.get(keyId)).toBeDefined();
  const erase: PulledWrite = {
    id: kase.id,
    expectGen: (await db.sync.get(kase.id))?.gen ?? 0,
    remove: true,
    eraseCase: kase.id,
    sync: { rev: '2-bb', revs: ['bb', 'aa'] },
    pending: false,
  };
  // Another device wrote to the case before it was erased: a new note and a changed follow-up.
  const writes = [
    await pulledWrite(makeNote({ caseId: kase.id, text: 'later' })),
    await pulledWrite({ ...follow, due: '2026-05-20' }),
  ];
  const conflict = makeConflict({ caseId: kase.id, recordId: follow.id, values: ['2026-05-15', '2026-05-20'] });
  const extra: LocalRow[] = [{ table: 'conflicts', row: await sealConflict(key(), conflict) }];
  return { caseId: kase.id, keyId, erase, writes, extra };
}

async function expectErased(caseId: string, keyId: string, writes: readonly PulledWrite[]): Promise<void> {
  expect(await db.records.where('caseId').equals(caseId).count()).toBe(0);
  // Crypto-shredding: the case's wrapped key is gone as after an erasure here.
  expect(await db.caseKeys.get(keyId)).toBeUndefined();
  await expect(caseKeyById(key(), keyId)).rejects.toBeInstanceOf(CaseKeyMissingError);
  expect(await db.records.get(caseId)).toBeUndefined();
  expect(await db.conflicts.where('caseId').equals(caseId).count()).toBe(0);
  const memory = indexInMemory();
  expect(memory).not.toBeNull();
  if (memory) expect(new Map(entriesOf(memory)).has(caseId)).toBe(false);
  // The sealed index on disk says the same.
  dropIndexMemory();
  const disk = await ensureIndex(key());
  expect(disk).not.toBeNull();
  if (disk) {
    expect(new Map(entriesOf(disk)).has(caseId)).toBe(false);
    expect(disk.rows).toBe(await db.records.count());
  }
  // The dropped writes are left as deletions to push, as after an erasure in an earlier batch.
  for (const w of writes) expect((await db.sync.get(w.id))?.pending).toBe(1);
}

describe('a pulled batch that erases a case and writes to it', () => {
  it('ends erased when the writes come before the erasure', async () => {
    const { caseId, keyId, erase, writes, extra } = await setUp();
    await applyPulled(key(), [...writes, erase], extra);
    await expectErased(caseId, keyId, writes);
  });

  it('ends erased when the writes come after the erasure', async () => {
    const { caseId, keyId, erase, writes, extra } = await setUp();
    await applyPulled(key(), [erase, ...writes], extra);
    await expectErased(caseId, keyId, writes);
  });

  it('ends erased when the writes come in a later batch than the erasure', async () => {
    const { caseId, keyId, erase, writes, extra } = await setUp();
    await applyPulled(key(), [erase]);
    // Decided before the erasure was applied, as a later batch of the same round would be.
    const later = await Promise.all(
      writes.map(async (w) => ({ ...w, expectGen: (await db.sync.get(w.id))?.gen ?? 0 })),
    );
    expect(await applyPulled(key(), later, extra)).toEqual({ dropped: 3, unsentErased: 0 });
    await expectErased(caseId, keyId, writes);
  });

  it('ends erased when the case was erased on this device and the writes come later', async () => {
    const { caseId, keyId, writes, extra } = await setUp();
    await eraseCase(caseId);
    const later = await Promise.all(
      writes.map(async (w) => ({ ...w, expectGen: (await db.sync.get(w.id))?.gen ?? 0 })),
    );
    expect(await applyPulled(key(), later, extra)).toEqual({ dropped: 3, unsentErased: 0 });
    await expectErased(caseId, keyId, writes);
  });
});
