import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { filterCaseList, sortByNextFollowUp } from '../../schema/case-list';
import type { CaseListItem } from '../../schema/case-list';
import type { Case } from '../../schema/records/case';
import { readCaseDetail, readCaseDetailLive, readCaseList, readCaseListLive } from './case-reads';
import { makeStepCheck } from '../../schema/factories';
import { runOperation } from './operations';
import { saveRecords } from './store';
import { db } from './db';
import { VaultLockedError } from './errors';
import { TEST_PASSPHRASE, forgetCaseIndex, resetDatabase } from './test-utils';
import { createVault, lock, unlock } from './vault';

const ANSWERS = {
  'wederzijdse-toestemming': 'onbekend',
  vrijwilligheid: 'onbekend',
  gelijkwaardigheid: 'onbekend',
  'ontwikkelings-of-functioneringsniveau': 'onbekend',
  context: 'onbekend',
  impact: 'onbekend',
} as const;

function tick(ms = 1000): void {
  vi.setSystemTime(Date.now() + ms);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.useRealTimers();
});

async function newCase(schools: string[] = ['Sint-Jozefscollege']): Promise<Case> {
  tick();
  return runOperation('createCase', {
    knownOn: '2026-03-11',
    knownVia: 'leerkracht',
    types: ['sextortion'],
    schools,
    description: 'Feiten',
  });
}

/** Breaks a stored row's ciphertext, as a tampered or corrupted disk would. */
async function damage(id: string): Promise<void> {
  const row = await db.records.get(id);
  if (!row) throw new Error('no row');
  const data = new Uint8Array(row.data);
  data[0] = (data[0] ?? 0) ^ 0xff;
  await db.records.update(id, { data });
}

describe('readCaseList', () => {
  it('gives each case its pseudonyms, latest flag and next open follow-up', async () => {
    const a = await newCase(['Sint-Jozefscollege', 'Atheneum Zoërsel']);
    const b = await newCase(['Lyceum']);
    await runOperation('addParty', { caseId: a.id, role: 'afgebeelde-jongere' });
    await runOperation('addParty', { caseId: a.id, role: 'jongere-die-doorstuurde', pseudonym: 'Zoë' });
    await runOperation('addParty', { caseId: b.id, role: 'melder' });
    const base = { criteriaVersion: '2021', answers: ANSWERS, reasoning: 'r' } as const;
    await runOperation('assessFlags', { ...base, caseId: a.id, flag: 'geel', assessedOn: '2026-03-12' });
    tick();
    // Recorded later, but about an earlier date: not the latest.
    await runOperation('assessFlags', { ...base, caseId: a.id, flag: 'zwart', assessedOn: '2026-03-11' });
    const done = await runOperation('scheduleFollowUp', { caseId: a.id, due: '2026-03-13', purpose: 'Eerst' });
    await runOperation('scheduleFollowUp', { caseId: a.id, due: '2026-03-30', purpose: 'Later' });
    await runOperation('scheduleFollowUp', { caseId: a.id, due: '2026-03-20', purpose: 'Dan' });
    await runOperation('completeFollowUp', { id: done.id, doneOn: '2026-03-12' });

    const list = await readCaseList();
    const itemA = list.find((i) => i.id === a.id);
    expect(itemA).toEqual({
      ok: true,
      id: a.id,
      reference: a.reference,
      status: 'in-rust',
      types: ['sextortion'],
      schools: ['Sint-Jozefscollege', 'Atheneum Zoërsel'],
      pseudonyms: ['Jongere A', 'Zoë'],
      latestFlag: 'geel',
      nextFollowUp: '2026-03-20',
      knownOn: '2026-03-11',
      updatedAt: new Date().toISOString(),
    });
    const itemB = list.find((i) => i.id === b.id);
    // Issue 15: a melder is offered "Melder A", not "Jongere A" (default pseudonyms by role).
    expect(itemB).toMatchObject({ ok: true, pseudonyms: ['Melder A'], status: 'open' });
    expect(itemB).not.toHaveProperty('latestFlag');
    expect(itemB).not.toHaveProperty('nextFollowUp');

    expect(filterCaseList(list, { query: 'zoe' }).map((i) => i.id)).toEqual([a.id]);
    expect(filterCaseList(list, { query: 'sint jozef' }).map((i) => i.id)).toEqual([a.id]);
    expect(sortByNextFollowUp(list).map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it('reports a damaged case on its own and keeps the others readable', async () => {
    const good = await newCase();
    const bad = await newCase();
    const party = await runOperation('addParty', { caseId: good.id, role: 'melder' });
    await runOperation('addParty', { caseId: good.id, role: 'melder' });
    await damage(bad.id);
    await damage(party.id);
    // The list reads the case index; damage shows when it is rebuilt from the records.
    await forgetCaseIndex();
    const list = await readCaseList();
    expect(list).toHaveLength(2);
    expect(list.find((i) => i.id === bad.id)).toEqual({ ok: false, id: bad.id, problem: 'beschadigd' });
    expect(list.find((i) => i.id === good.id)).toMatchObject({ ok: true, pseudonyms: ['Melder B'] });
  });

  it('refuses while locked, and the live reader gives undefined', async () => {
    await newCase();
    lock();
    await expect(readCaseList()).rejects.toThrow(VaultLockedError);
    await expect(readCaseDetail(crypto.randomUUID())).rejects.toThrow(VaultLockedError);
    expect(await readCaseListLive()).toBeUndefined();
    expect(await readCaseDetailLive(crypto.randomUUID())).toBeUndefined();
  });
});

describe('readCaseDetail', () => {
  it('returns every part of the case in reading order, and damaged parts separately', async () => {
    const kase = await newCase();
    const other = await newCase();
    const p1 = await runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere' });
    tick();
    const p2 = await runOperation('addParty', { caseId: kase.id, role: 'melder' });
    await runOperation('addParty', { caseId: other.id, role: 'melder' });
    const late = await runOperation('appendNote', {
      caseId: kase.id,
      noteKind: 'overleg',
      text: 'Later',
      at: '2026-03-12T08:00:00.000Z',
    });
    const early = await runOperation('appendNote', {
      caseId: kase.id,
      noteKind: 'gesprek',
      text: 'Eerder',
      at: '2026-03-11T08:00:00.000Z',
    });
    const fix = await runOperation('correctNote', {
      supersedes: early.id,
      text: 'Eerder, verbeterd',
      reason: 'Typfout',
    });
    const referral = await runOperation('recordReferral', {
      caseId: kase.id,
      organisationId: 'child-focus',
      organisationName: 'Child Focus',
      referredOn: '2026-03-12',
      byInitials: 'AV',
    });
    const step = await runOperation('setStepCheck', {
      caseId: kase.id,
      planId: 'sexting-18',
      stepId: 'op-gemak',
      doneOn: '2026-03-12',
    });
    const broken = await runOperation('appendNote', { caseId: kase.id, noteKind: 'melding', text: 'Wordt beschadigd' });
    await damage(broken.id);

    const detail = await readCaseDetail(kase.id);
    expect(detail?.case.id).toBe(kase.id);
    expect(detail?.parties.map((p) => p.id)).toEqual([p1.id, p2.id]);
    expect(detail?.notes.map((n) => n.id)).toEqual([early.id, fix.id, late.id]);
    expect(detail?.referrals).toEqual([referral]);
    expect(detail?.steps).toEqual([step]);
    expect(detail?.consents).toEqual([]);
    expect(detail?.damaged).toEqual([{ id: broken.id, kind: 'note' }]);
  });

  it("shows another device's note of the same step until the step's note is saved, which takes it in", async () => {
    const kase = await newCase();
    const where = { caseId: kase.id, planId: 'sexting-18', stepId: 'op-gemak' };
    const before = new Date().toISOString();
    tick();
    const ours = await runOperation('setStepCheck', {
      ...where,
      doneOn: '2026-03-12',
      note: 'Ouders gebeld (toestel 1).',
    });
    // Device 2 checked the same step first too, offline: its record of its own arrives by replication.
    const theirs = makeStepCheck({ ...where, note: 'Directie ingelicht (toestel 2).', updatedAt: before });
    await saveRecords([theirs]);
    expect(ours.id).not.toBe(theirs.id);
    let detail = await readCaseDetail(kase.id);
    expect(detail?.steps.map((s) => s.note)).toEqual(['Ouders gebeld (toestel 1).']);
    expect(detail?.stepOthers.map((s) => s.note)).toEqual(['Directie ingelicht (toestel 2).']);
    // A tap on the box changes the step, not the other note.
    tick();
    await runOperation('setStepCheck', { ...where, doneOn: null });
    expect((await readCaseDetail(kase.id))?.stepOthers.map((s) => s.note)).toEqual(['Directie ingelicht (toestel 2).']);
    // The note saved from the form (which offered both) takes the other one in.
    tick();
    await runOperation('setStepCheck', {
      ...where,
      doneOn: '2026-03-12',
      note: 'Ouders gebeld (toestel 1). / Directie ingelicht (toestel 2).',
    });
    detail = await readCaseDetail(kase.id);
    expect(detail?.steps.map((s) => s.note)).toEqual(['Ouders gebeld (toestel 1). / Directie ingelicht (toestel 2).']);
    expect(detail?.stepOthers).toEqual([]);
  });

  it('gives null for an unknown id, a non-case id and a case whose own record is damaged', async () => {
    const kase = await newCase();
    const party = await runOperation('addParty', { caseId: kase.id, role: 'melder' });
    expect(await readCaseDetail(crypto.randomUUID())).toBeNull();
    expect(await readCaseDetail(party.id)).toBeNull();
    await damage(kase.id);
    expect(await readCaseDetail(kase.id)).toBeNull();
  });
});

describe('live reads', () => {
  it('re-emit the list after a write and forget it on lock', async () => {
    await newCase();
    const emissions: Array<CaseListItem[] | undefined> = [];
    const waiters: Array<() => void> = [];
    const subscription = liveQuery(readCaseListLive).subscribe({
      next: (value) => {
        emissions.push(value);
        waiters.splice(0).forEach((w) => w());
      },
    });
    const next = async (test: (e: CaseListItem[] | undefined) => boolean) => {
      while (!emissions.some(test)) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    try {
      await next((e) => e?.length === 1);
      const added = await newCase(['Nieuwe school']);
      await next((e) => e?.some((i) => i.id === added.id) === true);
      await runOperation('addParty', { caseId: added.id, role: 'melder', pseudonym: 'Noor' });
      await next((e) => e?.some((i) => i.ok && i.pseudonyms.includes('Noor')) === true);
      lock();
      await unlock(TEST_PASSPHRASE);
      const detail = await readCaseDetailLive(added.id);
      expect(detail?.parties.map((p) => p.pseudonym)).toEqual(['Noor']);
    } finally {
      subscription.unsubscribe();
    }
  });
});
