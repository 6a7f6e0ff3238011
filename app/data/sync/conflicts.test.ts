import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeConflict, makeFollowUp } from '../../../schema/factories';
import type { Case } from '../../../schema/records/case';
import { db } from '../db';
import { getDataKey } from '../session';
import { getRecord, saveRecords } from '../store';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { resolveConflict } from './conflicts';
import { openConflictRow, sealConflict } from './local';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

describe('choosing in a tegenstrijdige wijziging', () => {
  it('writes the chosen value into the record, closes the item and marks both for the next push', async () => {
    const kase = makeCase();
    const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-15' });
    await saveRecords([kase, follow]);
    const key = getDataKey();
    if (!key) throw new Error('locked');
    const conflict = makeConflict({ caseId: kase.id, recordId: follow.id, values: ['2026-05-15', '2026-05-08'] });
    await db.conflicts.put(await sealConflict(key, conflict));
    await db.sync.clear();
    await resolveConflict(conflict.id, 1, 'Niet gekozen');
    const after = await getRecord(follow.id, 'followup');
    expect(after?.ok && after.record.due).toBe('2026-05-08');
    const row = await db.conflicts.get(conflict.id);
    const closed = row ? await openConflictRow(key, row) : null;
    expect(closed?.resolvedAt).toBeDefined();
    const pending = await db.sync.where('pending').equals(1).primaryKeys();
    expect(pending).toEqual(expect.arrayContaining([follow.id, conflict.id]));
  });

  /** Stores the case and an item about its facts, chooses `choice`, and reads the case back. */
  async function chooseFacts(kase: Case, values: string[], choice: number, reason: string): Promise<Case> {
    await saveRecords([kase]);
    const key = getDataKey();
    if (!key) throw new Error('locked');
    const fields = { caseId: kase.id, recordId: kase.id, recordKind: 'case', field: 'description' } as const;
    const conflict = makeConflict({ ...fields, values });
    await db.conflicts.put(await sealConflict(key, conflict));
    await resolveConflict(conflict.id, choice, reason);
    const after = await getRecord(kase.id, 'case');
    if (!after?.ok) throw new Error('case not readable');
    return after.record;
  }

  it('keeps the facts not chosen under the earlier versions, once, so no text a worker saved is lost', async () => {
    const original = { text: 'Eerst genoteerd.', replacedAt: '2026-05-01T10:00:00.000Z', reason: 'Aangevuld' };
    const kase = makeCase({ description: 'Versie van toestel A.', factsHistory: [original] });
    const reason = 'Niet gekozen bij een tegenstrijdige wijziging';
    const after = await chooseFacts(kase, ['Versie van toestel A.', 'Versie van toestel B.'], 1, reason);
    expect(after.description).toBe('Versie van toestel B.');
    expect(after.factsHistory?.map((v) => [v.text, v.reason])).toEqual([
      ['Eerst genoteerd.', 'Aangevuld'],
      ['Versie van toestel A.', reason],
    ]);
  });

  it('also keeps the text on the case when it is none of the values (merged by hand after the item came)', async () => {
    const kase = makeCase({ description: 'Beide versies samengevoegd.', factsHistory: [] });
    const after = await chooseFacts(kase, ['Versie A.', 'Versie B.'], 0, 'Niet gekozen');
    expect(after.description).toBe('Versie A.');
    expect(after.factsHistory?.map((v) => v.text)).toEqual(['Versie B.', 'Beide versies samengevoegd.']);
  });
});
