import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeCase, makeFollowUp, makeNote, makeParty } from '../../../schema/factories';
import type { CaseListItem } from '../../../schema/case-list';
import { readCaseList } from '../case-reads';
import { db } from '../db';
import type { RecordRow } from '../db';
import { sealRecord } from '../records-io';
import { getDataKey } from '../session';
import { eraseCase, listFollowUpsDue, saveRecords } from '../store';
import { TEST_PASSPHRASE, dumpRawDatabase, forgetCaseIndex, rawText, resetDatabase } from '../test-utils';
import { createVault, lock, unlock } from '../vault';
import {
  SHARDS,
  commitIndexPlan,
  dropIndexMemory,
  ensureIndex,
  indexInMemory,
  invalidateIndex,
  planIndexChange,
} from './case-index';
import { shardOf } from './entries';
import { caseListOf } from './index-reads';
import { subscribeRebuildProgress, getRebuildProgress } from './progress';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const byId = (a: CaseListItem, b: CaseListItem): number => (a.id < b.id ? -1 : 1);

/** The list from the stored index, and the list a rebuild from the records gives. */
async function storedAndRebuilt(): Promise<[CaseListItem[], CaseListItem[]]> {
  dropIndexMemory();
  const stored = [...(await readCaseList())].sort(byId);
  await forgetCaseIndex();
  const rebuilt = [...(await readCaseList())].sort(byId);
  return [stored, rebuilt];
}

async function seedCases(n: number) {
  const cases = Array.from({ length: n }, (_, i) => makeCase({ reference: `2026-${String(i + 1).padStart(3, '0')}` }));
  const parts = cases.flatMap((c) => [makeParty({ caseId: c.id }), makeFollowUp({ caseId: c.id, due: '2026-05-01' })]);
  await saveRecords([...cases, ...parts]);
  return cases;
}

describe('the encrypted case index', () => {
  it('is stored as ciphertext shards and a plaintext head with no content', async () => {
    await seedCases(3);
    const raw = (await dumpRawDatabase()).filter((r) => r.store === 'caseIndex');
    // The shards, the head and (issue 19) the sealed first page of the case list.
    expect(raw).toHaveLength(SHARDS + 2);
    const text = raw.map((r) => rawText(r.value)).join('\n');
    expect(text).not.toContain('2026-001');
    expect(text).not.toContain('2026-05-01');
    expect(text).not.toContain('Jongere');
  });

  it('stays equal to a rebuild from the records after writes, updates and erasure', async () => {
    const cases = await seedCases(5);
    await saveRecords([{ ...cases[0]!, status: 'in-rust' }]);
    await eraseCase(cases[1]!.id);
    await saveRecords([makeParty({ caseId: cases[2]!.id, pseudonym: 'Jongere Z' })]);
    const [stored, rebuilt] = await storedAndRebuilt();
    expect(stored).toHaveLength(4);
    expect(stored).toEqual(rebuilt);
  });

  it('keeps both of two concurrent writes (the second re-plans on a moved head)', async () => {
    const [a, b] = [makeCase(), makeCase()];
    const shared = makeCase();
    await saveRecords([shared]);
    await Promise.all([saveRecords([a]), saveRecords([b, makeParty({ caseId: shared.id })])]);
    const [stored, rebuilt] = await storedAndRebuilt();
    expect(stored.map((i) => i.id).sort()).toEqual([a.id, b.id, shared.id].sort());
    expect(stored).toEqual(rebuilt);
  });

  it('re-plans from disk when the index in memory is behind another tab’s write (a save plans from memory first)', async () => {
    const [a] = await seedCases(1);
    const before = indexInMemory();
    // Another tab: a new case and its index change committed without this tab's memory following.
    const other = makeCase({ reference: '2026-777' });
    const key = getDataKey()!;
    const plan = await planIndexChange(key, [other]);
    const sealed = await sealRecord(key, other);
    await db.transaction('rw', db.records, db.caseIndex, async () => {
      await db.records.put(sealed.row as RecordRow);
      await commitIndexPlan(plan!, 1);
    });
    expect(indexInMemory()).toBe(before);
    const mine = makeCase({ reference: '2026-778' });
    await saveRecords([mine]);
    expect(indexInMemory()?.gen).toBe(before!.gen + 2);
    const [stored, rebuilt] = await storedAndRebuilt();
    expect(stored.map((i) => i.id).sort()).toEqual([a!.id, other.id, mine.id].sort());
    expect(stored).toEqual(rebuilt);
  });

  it('leaves records and index both unchanged when a write fails inside its transaction (as a kill would)', async () => {
    const [kase] = await seedCases(1);
    const head = await db.caseIndex.get('head');
    vi.spyOn(db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('killed'));
    const extra = makeCase();
    await expect(
      saveRecords([
        extra,
        {
          kind: 'audit',
          schemaVersion: 1,
          id: crypto.randomUUID(),
          at: new Date().toISOString(),
          action: 'case.created',
          caseId: extra.id,
        },
      ]),
    ).rejects.toThrow();
    expect(await db.caseIndex.get('head')).toEqual(head);
    expect(await db.records.get(extra.id)).toBeUndefined();
    const [stored, rebuilt] = await storedAndRebuilt();
    expect(stored.map((i) => i.id)).toEqual([kase!.id]);
    expect(stored).toEqual(rebuilt);
  });

  it('is found stale when a row was written past it, and rebuilt with progress', async () => {
    await seedCases(2);
    const key = getDataKey();
    if (!key) throw new Error('setup');
    const sneaked = makeCase({ reference: '2026-900' });
    const sealed = await sealRecord(key, sneaked);
    if (sealed.table !== 'records') throw new Error('setup');
    await db.records.add(sealed.row);
    dropIndexMemory();
    const seen: Array<number | undefined> = [];
    const stop = subscribeRebuildProgress(() => seen.push(getRebuildProgress()?.total));
    const list = await readCaseList();
    stop();
    expect(list.map((i) => (i.ok ? i.reference : '')).sort()).toEqual(['2026-001', '2026-002', '2026-900']);
    // Two cases of three indexed records each, and the one written past the index.
    expect(seen).toContain(7);
    expect(getRebuildProgress()).toBeNull();
  });

  it('continues its generation after an invalidation, so an index still in memory is never taken for the rebuilt one', async () => {
    const [gone] = await seedCases(2);
    if (!gone) throw new Error('setup');
    // An index rebuilt from nothing, as on a new device: its generation is the lowest there is.
    await forgetCaseIndex();
    await readCaseList();
    const held = indexInMemory();
    if (!held) throw new Error('setup');
    // A replicated removal that no index plan describes (sync/local.ts applyPulled): rows removed, index invalidated.
    await db.transaction('rw', db.records, db.caseIndex, async () => {
      await db.records.where('caseId').equals(gone.id).delete();
      await invalidateIndex();
    });
    const list = await readCaseList();
    expect(list.map((i) => (i.ok ? i.reference : '')).sort()).toEqual(['2026-002']);
    // The rebuilt index has a generation of its own: a reader that still holds the old index (another
    // tab, or a live query that read the memory just before the rebuild replaced it) finds it changed.
    const rebuilt = indexInMemory();
    expect(rebuilt?.gen).toBeGreaterThan(held.gen);
    const [stored, fresh] = await storedAndRebuilt();
    expect(stored).toEqual(fresh);
  });

  it('is rebuilt when a shard was tampered with or belongs to another generation', async () => {
    await seedCases(4);
    const shard = (await db.caseIndex.toArray()).find((r) => r.id.startsWith('shard:') && 'data' in r);
    if (!shard || !('data' in shard)) throw new Error('setup');
    await db.caseIndex.put({ ...shard, data: new Uint8Array(shard.data.length) });
    dropIndexMemory();
    expect(await readCaseList()).toHaveLength(4);
    const after = await db.caseIndex.get(shard.id);
    expect(after && 'data' in after ? after.data : null).not.toEqual(new Uint8Array(shard.data.length));
  });

  it('detects a torn shard (ciphertext cut short) and rebuilds it equal to the records', async () => {
    await seedCases(6);
    const before = await db.caseIndex.get('head');
    const shard = (await db.caseIndex.toArray()).find((r) => r.id.startsWith('shard:') && 'data' in r && r.data.length > 32);
    if (!shard || !('data' in shard) || !before || !('gen' in before)) throw new Error('setup');
    await db.caseIndex.put({ ...shard, data: shard.data.slice(0, Math.floor(shard.data.length / 2)) });
    dropIndexMemory();
    const stored = [...(await readCaseList())].sort(byId);
    // Detected on open and rebuilt (a new generation), not read half.
    const after = await db.caseIndex.get('head');
    expect(after && 'gen' in after ? after.gen : 0).toBeGreaterThan(before.gen);
    await forgetCaseIndex();
    const rebuilt = [...(await readCaseList())].sort(byId);
    expect(stored).toHaveLength(6);
    expect(stored).toEqual(rebuilt);
  });

  it('is dropped from memory when the vault locks, and read again after unlock', async () => {
    await seedCases(2);
    expect(indexInMemory()).not.toBeNull();
    lock();
    expect(indexInMemory()).toBeNull();
    await unlock(TEST_PASSPHRASE);
    expect(await readCaseList()).toHaveLength(2);
    expect((await listFollowUpsDue('2026-12-31')).length).toBe(2);
  });

  it('derives the case list without decrypting any record', async () => {
    await seedCases(3);
    const index = await ensureIndex(getDataKey()!);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect(caseListOf(index!)).toHaveLength(3);
    expect(await readCaseList()).toHaveLength(3);
    expect(decrypt).not.toHaveBeenCalled();
  });
  it('after a write derives list items again only for the shard it changed', async () => {
    const cases = await seedCases(12);
    const before = new Map((await readCaseList()).map((item) => [item.id, item]));
    const changed = cases[0]!;
    await saveRecords([{ ...changed, status: 'in-rust' }]);
    const after = await readCaseList();
    const changedShard = shardOf(changed.id, SHARDS);
    for (const item of after) {
      if (shardOf(item.id, SHARDS) === changedShard) continue;
      expect(item).toBe(before.get(item.id));
    }
    const updated = after.find((item) => item.id === changed.id);
    expect(updated?.ok && updated.status).toBe('in-rust');
  });
  it('on open counts rows of other kinds out: a note written past the index leaves it fresh', async () => {
    const [kase] = await seedCases(2);
    const key = getDataKey();
    if (!key) throw new Error('setup');
    const sealed = await sealRecord(key, makeNote({ caseId: kase!.id }));
    if (sealed.table !== 'records') throw new Error('setup');
    await db.records.add(sealed.row);
    const head = await db.caseIndex.get('head');
    dropIndexMemory();
    expect(await readCaseList()).toHaveLength(2);
    expect(await db.caseIndex.get('head')).toEqual(head);
  });

  it('on open takes a row without a kind (tampered) for a change, rebuilds, and still lists every case', async () => {
    const [kase] = await seedCases(2);
    const row = await db.records.get(kase!.id);
    if (!row) throw new Error('setup');
    const { kind: _kind, ...kindless } = row;
    await db.records.put({ ...kindless, id: crypto.randomUUID() } as typeof row);
    const head = await db.caseIndex.get('head');
    dropIndexMemory();
    expect(await readCaseList()).toHaveLength(2);
    expect(await db.caseIndex.get('head')).not.toEqual(head);
  });
});
