// Issue 18 item 3: existing logbooks (records under the vault key) move to
// per-case keys; a kill at any write leaves every record readable and the
// next run finishes the job.
import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeDraft, makeNote, makeParty } from '../../schema/factories';
import type { StoredRecord } from '../../schema/records';
import { migrateToCaseKeys } from './case-key-migration';
import type { CaseKeyMigrationProgress } from './case-key-migration';
import { db } from './db';
import { openRecordRow, sealRecord } from './records-io';
import { setDataKey } from './session';
import { getRecord, saveRecords } from './store';
import { resetDatabase } from './test-utils';

let key: CryptoKey;

/** A logbook as the build before per-case keys wrote it: every row under the vault key, no `k`. */
async function seedLegacy(): Promise<StoredRecord[]> {
  const a = makeCase({ description: 'één rij' });
  const b = makeCase();
  const c = makeCase();
  const records: StoredRecord[] = [
    a,
    b,
    ...Array.from({ length: 4 }, (_, i) => makeNote({ caseId: b.id, text: `notitie b ${i}` })),
    c,
    ...Array.from({ length: 6 }, (_, i) => makeParty({ caseId: c.id, realName: `Naam ${i}` })),
    ...Array.from({ length: 5 }, (_, i) => makeNote({ caseId: c.id, text: `notitie c ${i}` })),
    makeDraft({ id: 'los-concept' }),
  ];
  for (const record of records) {
    const sealed = await sealRecord(key, record);
    if (sealed.table === 'records') await db.records.put(sealed.row);
  }
  return records;
}

/** Every record reads back exactly as written. */
async function expectAllReadable(records: readonly StoredRecord[]): Promise<void> {
  for (const record of records) {
    const result = await getRecord(record.id);
    expect(result, record.id).toEqual({ ok: true, record });
  }
}

async function expectFullyMigrated(records: readonly StoredRecord[]): Promise<void> {
  const rows = await db.records.toArray();
  const keysByCase = new Map<string, Set<string | undefined>>();
  for (const row of rows) {
    if (row.caseId === undefined) {
      expect(row.k).toBeUndefined();
      continue;
    }
    const set = keysByCase.get(row.caseId) ?? new Set();
    set.add(row.k);
    keysByCase.set(row.caseId, set);
  }
  const keyIds = new Set<string>();
  for (const set of keysByCase.values()) {
    expect(set.size).toBe(1);
    const [k] = [...set];
    expect(k).toBeTypeOf('string');
    keyIds.add(k as string);
  }
  // One wrapped key per case, no orphans.
  expect(new Set((await db.caseKeys.toArray()).map((r) => r.id))).toEqual(keyIds);
  await expectAllReadable(records);
}

/** What a killed tab and a new unlock amount to: the session forgets everything it held. */
function relaunch(): void {
  setDataKey(null);
  setDataKey(key);
}

beforeEach(async () => {
  await resetDatabase();
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  setDataKey(key);
});

describe('migration to per-case keys', () => {
  it('re-keys every record of every case in batches, reports progress per case and is idempotent', async () => {
    const records = await seedLegacy();
    await expectAllReadable(records);
    const progress: CaseKeyMigrationProgress[] = [];
    const writes: number[] = [];
    const result = await migrateToCaseKeys({
      batchSize: 4,
      onProgress: (p) => progress.push(p),
      onWrite: (n, where) => {
        if (where === 'before') writes.push(n);
      },
    });
    expect(result).toEqual({ cases: 3, rows: 18, complete: true });
    // 1 + 2 (5 rows) + 3 (12 rows) batches.
    expect(writes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(progress).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    await expectFullyMigrated(records);
    relaunch();
    expect(await migrateToCaseKeys({ batchSize: 4 })).toEqual({ cases: 0, rows: 0, complete: true });
    await expectFullyMigrated(records);
  });

  for (const where of ['before', 'inside'] as const) {
    it(`survives a kill at every write (${where === 'before' ? 'between batches' : 'inside a batch transaction'})`, async () => {
      for (let kill = 0; kill < 6; kill++) {
        await resetDatabase();
        setDataKey(key);
        const records = await seedLegacy();
        await expect(
          migrateToCaseKeys({
            batchSize: 4,
            onWrite: (n, at) => {
              if (n === kill && at === where) throw new Error('killed');
            },
          }),
        ).rejects.toThrow('killed');
        relaunch();
        // Every record readable right after the kill, under the old key or the new one.
        await expectAllReadable(records);
        const resumed = await migrateToCaseKeys({ batchSize: 4 });
        expect(resumed.complete).toBe(true);
        await expectFullyMigrated(records);
      }
    });
  }

  it('leaves a damaged row as it was and a row saved meanwhile to the next run', async () => {
    const records = await seedLegacy();
    const c = records[6] as StoredRecord;
    const row = await db.records.get(records[7]?.id as string);
    if (!row) throw new Error('seed missing');
    await db.records.put({ ...row, data: new Uint8Array(row.data.byteLength) });
    await migrateToCaseKeys({ batchSize: 4 });
    const after = await db.records.get(row.id);
    expect(after?.k).toBeUndefined();
    expect((await openRecordRow(key, after ?? row)).ok).toBe(false);
    // New records of a migrated case use its key.
    const note = makeNote({ caseId: c.id, text: 'na migratie' });
    await saveRecords([note]);
    expect((await db.records.get(note.id))?.k).toBe((await db.records.get(c.id))?.k);
  });

  it('stops when the vault locks and continues at the next unlock', async () => {
    const records = await seedLegacy();
    const result = await migrateToCaseKeys({
      batchSize: 4,
      onProgress: ({ done }) => {
        if (done === 1) setDataKey(null);
      },
    });
    expect(result.complete).toBe(false);
    setDataKey(key);
    expect((await migrateToCaseKeys({ batchSize: 4 })).complete).toBe(true);
    await expectFullyMigrated(records);
  });
});
