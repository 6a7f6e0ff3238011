import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeCase, makeDraft, makeNote } from '../../../schema/factories';
import { db } from '../db';
import { eraseCase, saveRecords } from '../store';
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
