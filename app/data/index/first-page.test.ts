import { beforeEach, describe, expect, it } from 'vitest';

import { CASE_LIST_PAGE_SIZE, sortByNextFollowUp } from '../../../schema/case-list';
import { makeCase, makeFollowUp, makeParty } from '../../../schema/factories';
import { readCaseList } from '../case-reads';
import { db } from '../db';
import { getDataKey } from '../session';
import { eraseCase, saveRecords } from '../store';
import { TEST_PASSPHRASE, dumpRawDatabase, forgetCaseIndex, rawText, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { dropIndexMemory } from './case-index';
import { PAGE_ROW_ID } from './first-page';
import { readFirstPageNow } from './first-page-read';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

const key = (): CryptoKey => {
  const k = getDataKey();
  if (!k) throw new Error('locked');
  return k;
};

// More cases than one page, with due dates out of order, some without a follow-up, one closed past retention.
async function seed(n: number) {
  const cases = Array.from({ length: n }, (_, i) =>
    makeCase({
      reference: `2026-${String(i + 1).padStart(3, '0')}`,
      updatedAt: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
      ...(i === 7 ? { status: 'afgesloten' as const, retentionUntil: '2026-01-31' } : {}),
    }),
  );
  const parts = cases.flatMap((c, i) => [
    makeParty({ caseId: c.id, pseudonym: `Jongere ${i}` }),
    ...(i % 3 === 0 ? [] : [makeFollowUp({ caseId: c.id, due: `2026-${String((i * 7) % 12 + 1).padStart(2, '0')}-10` })]),
  ]);
  await saveRecords([...cases, ...parts]);
  return cases;
}

/** The page read from disk (the in-memory index forgotten, as after unlock) and what the full list shows first. */
async function pageAndList() {
  dropIndexMemory();
  const page = await readFirstPageNow(key());
  const list = sortByNextFollowUp(await readCaseList());
  return { page, list };
}

describe('the sealed first page of the case list', () => {
  it('holds the first screen of the default order and the number of cases, equal to the full list', async () => {
    await seed(CASE_LIST_PAGE_SIZE + 20);
    const { page, list } = await pageAndList();
    expect(page).not.toBeNull();
    expect(page?.total).toBe(list.length);
    expect(page?.items.slice(0, CASE_LIST_PAGE_SIZE)).toEqual(list.slice(0, CASE_LIST_PAGE_SIZE));
    // The closed case past its retention date is on the page too (the "due for erasure" callout), even if not first.
    expect(page?.items.filter((i) => i.ok && i.retentionUntil !== undefined).map((i) => i.ok && i.reference)).toEqual([
      '2026-008',
    ]);
    expect(page?.items.length).toBeLessThanOrEqual(CASE_LIST_PAGE_SIZE + 1);
    const head = await db.caseIndex.get('head');
    expect(page?.gen).toBe(head && 'gen' in head ? head.gen : -1);
  });

  it('follows every index change: an update, a new case, an erasure, and a rebuild', async () => {
    const cases = await seed(CASE_LIST_PAGE_SIZE + 5);
    await saveRecords([makeFollowUp({ caseId: cases[54]!.id, due: '2025-01-01' })]);
    await saveRecords([{ ...cases[1]!, status: 'in-rust', updatedAt: '2026-06-01T10:00:00.000Z' }]);
    await eraseCase(cases[2]!.id);
    await saveRecords([makeCase({ reference: '2026-900', updatedAt: '2026-07-01T10:00:00.000Z' })]);
    let { page, list } = await pageAndList();
    expect(page?.items[0]?.id).toBe(cases[54]!.id);
    expect(page?.items.slice(0, CASE_LIST_PAGE_SIZE)).toEqual(list.slice(0, CASE_LIST_PAGE_SIZE));
    expect(page?.total).toBe(CASE_LIST_PAGE_SIZE + 5);
    await forgetCaseIndex();
    await readCaseList();
    ({ page, list } = await pageAndList());
    expect(page?.items.slice(0, CASE_LIST_PAGE_SIZE)).toEqual(list.slice(0, CASE_LIST_PAGE_SIZE));
    expect(page?.total).toBe(list.length);
  });

  it('keeps its row when a save changes no case on it, and is still trusted and equal to the list', async () => {
    // 90 cases, 60 with a follow-up: the cases with the latest due dates are not on the page.
    const cases = await seed(CASE_LIST_PAGE_SIZE + 40);
    const before = await db.caseIndex.get(PAGE_ROW_ID);
    let { list } = await pageAndList();
    const last = list.filter((i) => i.ok && i.nextFollowUp !== undefined).at(-1);
    const kase = cases.find((c) => c.id === last?.id);
    if (!kase || !before) throw new Error('setup');
    await saveRecords([{ ...kase, status: 'in-rust', updatedAt: '2026-03-28T12:00:00.000Z' }]);
    const head = await db.caseIndex.get('head');
    const after = await db.caseIndex.get(PAGE_ROW_ID);
    expect(head && 'shards' in head ? [head.gen, head.page] : []).toEqual([before.gen + 1, before.gen]);
    expect(after).toEqual(before);
    let page;
    ({ page, list } = await pageAndList());
    expect(page?.gen).toBe(before.gen);
    expect(page?.items.slice(0, CASE_LIST_PAGE_SIZE)).toEqual(list.slice(0, CASE_LIST_PAGE_SIZE));
    // A save that does move a case onto the page writes the page with the new head.
    await saveRecords([makeFollowUp({ caseId: kase.id, due: '2025-01-01' })]);
    ({ page, list } = await pageAndList());
    const moved = await db.caseIndex.get('head');
    expect(page?.gen).toBe(moved && 'shards' in moved ? moved.gen : -1);
    expect(page?.items[0]?.id).toBe(kase.id);
    expect(page?.items.slice(0, CASE_LIST_PAGE_SIZE)).toEqual(list.slice(0, CASE_LIST_PAGE_SIZE));
  });

  it('is ciphertext on disk', async () => {
    await seed(3);
    const raw = (await dumpRawDatabase()).filter((r) => r.store === 'caseIndex');
    const row = raw.find((r) => (r.value as { id?: string }).id === PAGE_ROW_ID);
    expect(row).toBeDefined();
    const text = rawText(row?.value);
    expect(text).not.toContain('2026-001');
    expect(text).not.toContain('Jongere');
    expect(text).not.toContain('Sint-Jozefscollege');
  });

  it('is not trusted when its generation is not the head’s, nor when it was tampered with', async () => {
    await seed(3);
    const row = await db.caseIndex.get(PAGE_ROW_ID);
    if (!row || !('data' in row)) throw new Error('setup');
    // A page left from an older generation (as if the head moved without it).
    await db.caseIndex.put({ ...row, gen: row.gen - 1 });
    dropIndexMemory();
    expect(await readFirstPageNow(key())).toBeNull();
    // The right generation, but bytes changed.
    const data = new Uint8Array(row.data);
    data[0] = (data[0] ?? 0) ^ 1;
    await db.caseIndex.put({ ...row, data });
    expect(await readFirstPageNow(key())).toBeNull();
    // Whatever the page, the full list is still right.
    expect(await readCaseList()).toHaveLength(3);
  });

  it('is absent from trust once the head is gone (an index to rebuild)', async () => {
    await seed(3);
    await db.caseIndex.delete('head');
    dropIndexMemory();
    expect(await readFirstPageNow(key())).toBeNull();
  });
});
