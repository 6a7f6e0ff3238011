import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeCase, makeDraft, makeNote } from '../../../schema/factories';
import { db } from '../db';
import { eraseCase, makeAuditEvent, saveRecords } from '../store';
import { newDeviceId, saveSyncConfig } from './config';
import { markChanged } from './track';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
  await db.sync.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pending-push marks', () => {
  it('marks every written record and audit event, never a draft, and bumps the generation per write', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const draft = makeDraft({ caseId: kase.id });
    await saveRecords([kase, note, draft]);
    expect(await db.sync.get(kase.id)).toEqual({ id: kase.id, pending: 1, gen: 1 });
    expect(await db.sync.get(note.id)).toEqual({ id: note.id, pending: 1, gen: 1 });
    expect(await db.sync.get(draft.id)).toBeUndefined();
    await db.sync.update(kase.id, { pending: 0, rev: '1-a' });
    await saveRecords([{ ...kase, description: 'anders' }]);
    expect(await db.sync.get(kase.id)).toEqual({ id: kase.id, pending: 1, gen: 2, rev: '1-a' });
  });

  it('writes no mark when the write itself fails (same transaction)', async () => {
    const kase = makeCase();
    vi.spyOn(db.records, 'bulkPut').mockImplementation(() =>
      Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')),
    );
    await expect(saveRecords([kase])).rejects.toThrow();
    expect(await db.sync.count()).toBe(0);
  });

  it('marks every erased row and the erasure audit event', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note]);
    await db.sync.toCollection().modify({ pending: 0 });
    await eraseCase(kase.id);
    const pending = await db.sync.where('pending').equals(1).primaryKeys();
    expect(pending).toContain(kase.id);
    expect(pending).toContain(note.id);
    expect(pending).toHaveLength(3);
  });
});

describe('fresh marks (issue 19: a new id is added without reading first)', () => {
  it('adds first marks, and bumps a fresh id that had a mark after all, in the same transaction as the write', async () => {
    await db.sync.put({ id: 'old', pending: 0, gen: 4, rev: '4-a' });
    await db.transaction('rw', db.sync, db.meta, async () => {
      await markChanged(['new', 'old', 'other'], new Set(['new', 'old']));
      // The caught failed add (of 'old') did not abort the transaction: later work still commits.
      await db.meta.put({ key: 'after', value: 1 });
    });
    expect(await db.sync.get('new')).toEqual({ id: 'new', pending: 1, gen: 1 });
    expect(await db.sync.get('old')).toEqual({ id: 'old', pending: 1, gen: 5, rev: '4-a' });
    expect(await db.sync.get('other')).toEqual({ id: 'other', pending: 1, gen: 1 });
    expect((await db.meta.get('after'))?.value).toBe(1);
  });

  it('gives the same marks as without the hint when an id repeats', async () => {
    await markChanged(['x', 'x'], new Set(['x']));
    expect(await db.sync.get('x')).toEqual({ id: 'x', pending: 1, gen: 1 });
  });

  it('a note save bumps an existing mark of its new note id instead of replacing it', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    const note = makeNote({ caseId: kase.id });
    await db.sync.put({ id: note.id, pending: 0, gen: 7, rev: '7-a' });
    await saveRecords([note, { ...kase, description: 'anders' }]);
    expect(await db.sync.get(note.id)).toEqual({ id: note.id, pending: 1, gen: 8, rev: '7-a' });
    expect((await db.sync.get(kase.id))?.gen).toBe(2);
  });
});

describe('bulk marks (issue 19: a small sync table is read whole)', () => {
  const full = (id: string, gen: number) => ({
    id,
    pending: 0 as const,
    gen,
    rev: '2-b',
    revs: ['b', 'a'],
    planned: { rev: '3-c', gen },
    losers: ['2-x'],
    base: { iv: 'iv', ct: 'ct', k: 'k' },
  });
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it.each([
    ['an empty table', 0],
    ['a table read whole', 100],
    ['a table read by id', 600],
  ])('keeps every field of an existing row and bumps its generation, on %s', async (_, others) => {
    const held = ids('held-', 128);
    const fresh = ids('new-', 128);
    await db.sync.bulkPut([...ids('other-', others).map((id) => full(id, 9)), ...held.map((id) => full(id, 4))]);
    if (others === 0) await db.sync.bulkDelete(held);
    const whole = vi.spyOn(db.sync, 'toArray');
    const byId = vi.spyOn(db.sync, 'bulkGet');
    await db.transaction('rw', db.sync, () => markChanged([...held, ...fresh]));
    expect([whole.mock.calls.length, byId.mock.calls.length]).toEqual(
      others === 0 ? [0, 0] : others === 100 ? [1, 0] : [0, 1],
    );
    vi.restoreAllMocks();
    const rows = await db.sync.bulkGet([...held, ...fresh]);
    held.forEach((id, i) =>
      expect(rows[i]).toEqual(others === 0 ? { id, pending: 1, gen: 1 } : { ...full(id, 4), pending: 1, gen: 5 }),
    );
    fresh.forEach((id, i) => expect(rows[held.length + i]).toEqual({ id, pending: 1, gen: 1 }));
    // Rows not marked are untouched.
    expect(await db.sync.get('other-0')).toEqual(others === 0 ? undefined : full('other-0', 9));
    expect(await db.sync.count()).toBe(others + held.length + fresh.length);
  });
});

describe('a restore before sync is set up (issue 19, bulk write)', () => {
  const config = {
    db: 'baken-anna',
    account: 'anna',
    password: 'geheim-wachtwoord',
    deviceId: newDeviceId(),
    deviceName: 'Telefoon',
  };

  it('adds no marks; the first configuration marks every record but drafts and every audit event, once', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const draft = makeDraft({ caseId: kase.id });
    const event = makeAuditEvent({ action: 'backup.imported', details: { count: 3 } });
    await saveRecords([kase, note, draft, event], { newIds: true });
    expect(await db.sync.bulkGet([kase.id, note.id, draft.id, event.id])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);

    await saveSyncConfig(config);

    for (const id of [kase.id, note.id, event.id]) expect(await db.sync.get(id)).toEqual({ id, pending: 1, gen: 1 });
    expect(await db.sync.get(draft.id)).toBeUndefined();
    // Changing the configuration later marks nothing again.
    await db.sync.toCollection().modify({ pending: 0 });
    await saveSyncConfig({ ...config, deviceName: 'Laptop' });
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
  });

  it('marks a restore as before on a device with replication state left from an earlier sync', async () => {
    // An erased case whose deletion was pushed keeps a sync row saying so; restoring it must push it again.
    const kase = makeCase();
    await db.sync.put({ id: kase.id, pending: 0, gen: 3, rev: '2-b' });
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note], { newIds: true });
    expect(await db.sync.get(kase.id)).toEqual({ id: kase.id, pending: 1, gen: 4, rev: '2-b' });
    expect(await db.sync.get(note.id)).toEqual({ id: note.id, pending: 1, gen: 1 });
  });

  it('marks a restore as every other write once sync is set up', async () => {
    await saveSyncConfig(config);
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note], { newIds: true });
    for (const id of [kase.id, note.id]) expect(await db.sync.get(id)).toEqual({ id, pending: 1, gen: 1 });
  });
});
