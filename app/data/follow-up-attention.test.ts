import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AuditEvent } from '../../schema/records/audit';
import { db } from './db';
import { readFollowUpAttention } from './follow-up-attention';
import { readAppBadgeCount } from './follow-up-overview';
import { runOperation } from './operations';
import { updateSettings } from './settings';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault, lock } from './vault';

const TODAY = '2026-03-11';
const MARK = 'MRK-attention-k4';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-11T09:00:00.000Z'));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

async function newCase(knownOn: string, schools: string[] = [MARK]) {
  return runOperation('createCase', { knownOn, knownVia: 'klasgenoot', types: ['sexting'], schools, description: MARK });
}

function references(items: ReadonlyArray<{ reference: string }> | undefined): string[] {
  return (items ?? []).map((i) => i.reference);
}

describe('readFollowUpAttention', () => {
  it('puts cases that are not closed and have no open follow-up in "Zonder opvolgdatum"', async () => {
    const noDate = await newCase('2026-03-02');
    const withDate = await newCase('2026-03-01');
    await runOperation('scheduleFollowUp', { caseId: withDate.id, due: '2026-03-20', purpose: MARK });
    const allDone = await newCase('2026-02-20');
    const done = await runOperation('scheduleFollowUp', { caseId: allDone.id, due: '2026-03-12', purpose: MARK });
    await runOperation('completeFollowUp', { id: done.id, doneOn: '2026-03-11' });
    const closed = await newCase('2026-02-01');
    await runOperation('closeCase', { id: closed.id, retentionUntil: '2031-02-01' });
    await runOperation('addParty', { caseId: noDate.id, role: 'afgebeelde-jongere', age: 15 });

    const attention = await readFollowUpAttention();
    // Oldest case first.
    expect(references(attention?.['zonder-opvolgdatum'])).toEqual([allDone.reference, noDate.reference]);
    expect(attention?.['zonder-opvolgdatum'].find((i) => i.caseId === noDate.id)?.pseudonyms).toEqual(['Jongere A']);
    expect(attention?.['stappen-met-herinnering']).toEqual([]);
  });

  it('lists cases with open steps marked for Opvolging, and drops a step once it is done or unmarked', async () => {
    const kase = await newCase('2026-03-02');
    await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-20', purpose: MARK });
    const step = { caseId: kase.id, planId: 'sexting-vlaanderen', doneOn: null };
    await runOperation('setStepCheck', { ...step, stepId: 'stap-3', remind: true });
    await runOperation('setStepCheck', { ...step, stepId: 'stap-4', remind: true });
    let attention = await readFollowUpAttention();
    expect(attention?.['stappen-met-herinnering'].map((i) => [i.reference, i.reminderSteps])).toEqual([[kase.reference, 2]]);
    expect(attention?.['zonder-opvolgdatum']).toEqual([]);

    await runOperation('setStepCheck', { ...step, stepId: 'stap-3', doneOn: '2026-03-10' });
    await runOperation('setStepCheck', { ...step, stepId: 'stap-4', remind: false });
    attention = await readFollowUpAttention();
    expect(attention?.['stappen-met-herinnering']).toEqual([]);
  });

  it('keeps the mark when a step is saved again without saying, and audits it without free text', async () => {
    const kase = await newCase('2026-03-02');
    const marked = await runOperation('setStepCheck', { caseId: kase.id, planId: 'grooming-nl', stepId: 'stap-2', doneOn: null, remind: true });
    expect(marked.remind).toBe(true);
    const again = await runOperation('setStepCheck', { caseId: kase.id, planId: 'grooming-nl', stepId: 'stap-2', doneOn: null, note: MARK });
    expect(again.remind).toBe(true);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : [])) as AuditEvent[];
    expect(events.filter((e) => e.action === 'step.unchecked')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(MARK);
  });

  it('applies the school filter of the date groups', async () => {
    const a = await newCase('2026-03-02', ['Atheneum Noord']);
    await newCase('2026-03-03', ['Sint-Jan']);
    const attention = await readFollowUpAttention({ school: 'atheneum' });
    expect(references(attention?.['zonder-opvolgdatum'])).toEqual([a.reference]);
  });

  it('is undefined while locked', async () => {
    await newCase('2026-03-02');
    lock();
    expect(await readFollowUpAttention()).toBeUndefined();
  });
});

describe('app badge with the attention groups', () => {
  it('adds the cases without a date and with marked steps to the overdue count', async () => {
    const late = await newCase('2026-02-01');
    await runOperation('scheduleFollowUp', { caseId: late.id, due: '2026-03-20', purpose: MARK }); // overdue on 1 April: 1
    await newCase('2026-03-02'); // zonder opvolgdatum: 1
    await runOperation('setStepCheck', { caseId: late.id, planId: 'sexting-vlaanderen', stepId: 'stap-5', doneOn: null, remind: true }); // 1
    expect(await readAppBadgeCount('2026-04-01')).toBe(3);
    expect(await readAppBadgeCount(TODAY)).toBe(2);
    await updateSettings({ appBadge: false });
    expect(await readAppBadgeCount('2026-04-01')).toBe(0);
  });
});
