import ICAL from 'ical.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { makeAssessment, makeCase, makeFollowUp, makeParty } from '../../schema/factories';
import type { StoredRecord } from '../../schema/records';
import type { Flag } from '../../schema/records/assessment';
import type { CaseType } from '../../schema/records/case';
import { addCalendarDays, brusselsToday } from '../../schema/follow-up';
import { runOperation } from './operations';
import { db } from './db';
import { VaultLockedError } from './errors';
import {
  FOLLOW_UP_PAGE_SIZE,
  exportFollowUpCalendar,
  observeFollowUpOverview,
  overviewFromMemory,
  overviewKey,
  readAppBadgeCount,
  readFollowUpOverview,
  readOverdueFollowUpCount,
  type FollowUpOverview,
  type FollowUpOverviewItem,
} from './follow-up-overview';
import { openAuditRow } from './records-io';
import { requireDataKey } from './session';
import { updateSettings } from './settings';
import { saveRecords } from './store';
import { TEST_PASSPHRASE, forgetCaseIndex, resetDatabase } from './test-utils';
import { readCaseList } from './case-reads';
import { createVault, lock, unlock } from './vault';

// Wednesday 11 March 2026: te laat < 11th, vandaag = 11th, deze week 12–15th, later ≥ 16th.
const TODAY = '2026-03-11';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

/** A case with one party, an assessment and follow-ups on the given dates. */
function caseWith(
  reference: string,
  dues: string[],
  overrides: { schools?: string[]; types?: CaseType[]; flag?: Flag; pseudonym?: string } = {},
) {
  const c = makeCase({
    reference,
    ...(overrides.schools ? { schools: overrides.schools } : {}),
    ...(overrides.types ? { types: overrides.types } : {}),
  });
  const party = makeParty({ caseId: c.id, pseudonym: overrides.pseudonym ?? `Jongere ${reference}` });
  const assessment = overrides.flag ? [makeAssessment({ caseId: c.id, flag: overrides.flag })] : [];
  const followUps = dues.map((due) => makeFollowUp({ caseId: c.id, due, purpose: `Opvolgen ${reference} ${due}` }));
  return { c, followUps, records: [c, party, ...assessment, ...followUps] as StoredRecord[] };
}

function okItems(items: FollowUpOverviewItem[]) {
  return items.flatMap((i) => (i.ok ? [i] : []));
}

function dues(overview: FollowUpOverview | undefined, group: keyof FollowUpOverview['groups']): string[] {
  return okItems(overview?.groups[group].items ?? []).map((i) => i.followUp.due);
}

describe('readFollowUpOverview', () => {
  it('groups open follow-ups into te laat, vandaag, deze week and later, with counts', async () => {
    const a = caseWith('2026-001', ['2026-03-02', '2026-03-10', '2026-03-11']);
    const b = caseWith('2026-002', ['2026-03-12', '2026-03-15', '2026-03-16', '2026-05-01']);
    await saveRecords([...a.records, ...b.records]);

    const overview = await readFollowUpOverview({ today: TODAY });
    expect(overview?.bounds).toEqual({ today: TODAY, weekEnd: '2026-03-15' });
    expect(overview?.total).toBe(7);
    expect(overview?.filtered).toBe(false);
    expect(dues(overview, 'te-laat')).toEqual(['2026-03-02', '2026-03-10']);
    expect(dues(overview, 'vandaag')).toEqual(['2026-03-11']);
    expect(dues(overview, 'deze-week')).toEqual(['2026-03-12', '2026-03-15']);
    expect(dues(overview, 'later')).toEqual(['2026-03-16', '2026-05-01']);
    expect(overview?.groups['te-laat'].total).toBe(2);
  });

  it('has an empty "deze week" on a Sunday, when the week ends today', async () => {
    await saveRecords(caseWith('2026-019', ['2026-03-14', '2026-03-15', '2026-03-16']).records);
    const overview = await readFollowUpOverview({ today: '2026-03-15' });
    expect(dues(overview, 'te-laat')).toEqual(['2026-03-14']);
    expect(dues(overview, 'vandaag')).toEqual(['2026-03-15']);
    expect(overview?.groups['deze-week'].total).toBe(0);
    expect(dues(overview, 'later')).toEqual(['2026-03-16']);
  });

  it('shows the case reference, pseudonyms, schools, types and latest flag with each item', async () => {
    const a = caseWith('2026-021', ['2026-03-10'], {
      schools: ['Sint-Jozefscollege'],
      types: ['sextortion'],
      pseudonym: 'Jongere K',
    });
    const older = makeAssessment({ caseId: a.c.id, flag: 'geel', assessedOn: '2026-03-01' });
    const newer = makeAssessment({ caseId: a.c.id, flag: 'rood', assessedOn: '2026-03-09' });
    await saveRecords([...a.records, older, newer]);

    const overview = await readFollowUpOverview({ today: TODAY });
    const [item] = okItems(overview?.groups['te-laat'].items ?? []);
    expect(item?.caseInfo).toEqual({
      reference: '2026-021',
      pseudonyms: ['Jongere K'],
      schools: ['Sint-Jozefscollege'],
      types: ['sextortion'],
      flag: 'rood',
    });
    expect(item?.followUp.purpose).toBe('Opvolgen 2026-021 2026-03-10');
  });

  it('leaves out done follow-ups, since only open ones are in the due index', async () => {
    const a = caseWith('2026-003', ['2026-03-10']);
    const done = makeFollowUp({ caseId: a.c.id, due: '2026-03-09', doneOn: '2026-03-09' });
    await saveRecords([...a.records, done]);
    const overview = await readFollowUpOverview({ today: TODAY });
    expect(overview?.total).toBe(1);
    expect(dues(overview, 'te-laat')).toEqual(['2026-03-10']);
  });

  it('decrypts nothing per visit (the case index is in memory) and counts all', async () => {
    const many = Array.from({ length: 25 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
    const a = caseWith('2026-004', many);
    await saveRecords(a.records);

    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const first = await readFollowUpOverview({ today: TODAY });
    // Issue 19: the overview reads the decrypted case index, not the records.
    expect(decrypt).toHaveBeenCalledTimes(0);
    decrypt.mockRestore();
    expect(first?.groups['te-laat'].total).toBe(25);
    expect(first?.groups['te-laat'].items).toHaveLength(FOLLOW_UP_PAGE_SIZE);
    expect(dues(first, 'te-laat')[0]).toBe('2026-02-01');

    const more = await readFollowUpOverview({ today: TODAY, limits: { 'te-laat': 40 } });
    expect(more?.groups['te-laat'].items).toHaveLength(25);
  });

  it('filters by school (accents and case do not matter), type and latest flag, with exact counts', async () => {
    const a = caseWith('2026-010', ['2026-03-10', '2026-03-20'], {
      schools: ['Atheneum Brugge'],
      types: ['grooming'],
      flag: 'rood',
    });
    const b = caseWith('2026-011', ['2026-03-10'], {
      schools: ['Sint-Lodewijkscollège'],
      types: ['sexting'],
      flag: 'geel',
    });
    const c = caseWith('2026-012', ['2026-03-12'], { schools: ['Atheneum Gent'], types: ['sexting'] });
    await saveRecords([...a.records, ...b.records, ...c.records]);

    const bySchool = await readFollowUpOverview({ today: TODAY, filter: { school: 'atheneum' } });
    expect(bySchool?.filtered).toBe(true);
    expect(bySchool?.total).toBe(3);
    expect(dues(bySchool, 'te-laat')).toEqual(['2026-03-10']);

    const accent = await readFollowUpOverview({ today: TODAY, filter: { school: 'lodewijkscollege' } });
    expect(okItems(accent?.groups['te-laat'].items ?? []).map((i) => i.caseInfo?.reference)).toEqual(['2026-011']);

    const byType = await readFollowUpOverview({ today: TODAY, filter: { type: 'sexting' } });
    expect(byType?.total).toBe(2);
    expect(byType?.groups['deze-week'].total).toBe(1);

    const byFlag = await readFollowUpOverview({ today: TODAY, filter: { flag: 'rood' } });
    expect(byFlag?.total).toBe(2);
    expect(dues(byFlag, 'later')).toEqual(['2026-03-20']);

    const none = await readFollowUpOverview({ today: TODAY, filter: { type: 'doxing' } });
    expect(none?.total).toBe(0);
  });

  it('leaves a damaged follow-up out (its date is only in the ciphertext) without hiding the others', async () => {
    const a = caseWith('2026-005', ['2026-03-05', '2026-03-06']);
    await saveRecords(a.records);
    const broken = a.followUps[0]!;
    const row = await db.records.get(broken.id);
    await db.records.update(broken.id, { data: new Uint8Array(row!.data.length) });
    // Damage is seen when the index is built from the records (issue 19: no plaintext due column).
    await forgetCaseIndex();
    await readCaseList();

    const overview = await readFollowUpOverview({ today: TODAY });
    const items = overview?.groups['te-laat'].items ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ ok: true, followUp: { id: a.followUps[1]!.id } });
  });

  it('returns undefined while the vault is locked', async () => {
    await saveRecords(caseWith('2026-006', ['2026-03-10']).records);
    lock();
    expect(await readFollowUpOverview({ today: TODAY })).toBeUndefined();
    expect(await readOverdueFollowUpCount(TODAY)).toBeUndefined();
  });

  it('re-reads live when a follow-up is added', async () => {
    const a = caseWith('2026-007', ['2026-03-10']);
    await saveRecords(a.records);
    const seen: Array<number | undefined> = [];
    const sub = observeFollowUpOverview({ today: TODAY }).subscribe((o) => seen.push(o?.total));
    await expect.poll(() => seen.at(-1)).toBe(1);
    await saveRecords([makeFollowUp({ caseId: a.c.id, due: '2026-03-13' })]);
    await expect.poll(() => seen.at(-1)).toBe(2);
    sub.unsubscribe();
  });

  it('re-reads live in a filtered view when a party of a shown case is added', async () => {
    const a = caseWith('2026-017', ['2026-03-10'], { types: ['grooming'], pseudonym: 'Jongere P' });
    await saveRecords(a.records);
    const seen: Array<string[] | undefined> = [];
    const sub = observeFollowUpOverview({ today: TODAY, filter: { type: 'grooming' } }).subscribe((o) => {
      const [item] = okItems(o?.groups['te-laat'].items ?? []);
      seen.push(item?.caseInfo?.pseudonyms);
    });
    await expect.poll(() => seen.at(-1)).toEqual(['Jongere P']);
    await saveRecords([makeParty({ caseId: a.c.id, pseudonym: 'Jongere Q', createdAt: '2026-03-13T00:00:00.000Z' })]);
    await expect.poll(() => seen.at(-1)).toEqual(['Jongere P', 'Jongere Q']);
    sub.unsubscribe();
  });

  it('gives options a key that changes with every option', () => {
    const base = overviewKey({ today: TODAY });
    expect(overviewKey({ today: TODAY, filter: { school: '  ' } })).toBe(base);
    expect(overviewKey({ today: '2026-03-12' })).not.toBe(base);
    expect(overviewKey({ today: TODAY, filter: { flag: 'rood' } })).not.toBe(base);
    expect(overviewKey({ today: TODAY, limits: { later: 40 } })).not.toBe(base);
  });
});

describe('readOverdueFollowUpCount', () => {
  it('counts open follow-ups due before today', async () => {
    await saveRecords(caseWith('2026-008', ['2026-03-01', '2026-03-10', '2026-03-11', '2026-03-20']).records);
    expect(await readOverdueFollowUpCount(TODAY)).toBe(2);
  });
});

describe('readAppBadgeCount', () => {
  it('is the overdue count while the setting is on, 0 when it is off, undefined while locked', async () => {
    await saveRecords(caseWith('2026-018', ['2026-03-01', '2026-03-02', '2026-03-20']).records);
    expect(await readAppBadgeCount(TODAY)).toBe(2);
    await updateSettings({ appBadge: false });
    expect(await readAppBadgeCount(TODAY)).toBe(0);
    await updateSettings({ appBadge: true });
    lock();
    expect(await readAppBadgeCount(TODAY)).toBeUndefined();
  });
});

describe('exportFollowUpCalendar', () => {
  it('writes only the reference, date, UID and SEQUENCE of every open follow-up, and audits the export', async () => {
    const a = caseWith('2026-009', ['2026-03-10', '2026-04-02'], {
      schools: ['Zoltar-School-71'],
      pseudonym: 'Zoltar-Marker-71',
    });
    await saveRecords(a.records);

    const result = await exportFollowUpCalendar(new Date('2026-03-11T08:00:00Z'));
    expect(result.count).toBe(2);
    expect(result.skipped).toBe(0);
    expect(result.text).not.toMatch(/Zoltar|Opvolgen|Jongere|sexting/);
    const events = new ICAL.Component(ICAL.parse(result.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.uid])).toEqual([
      ['Baken opvolging 2026-009', '2026-03-10', a.followUps[0]!.icsUid],
      ['Baken opvolging 2026-009', '2026-04-02', a.followUps[1]!.icsUid],
    ]);

    const audit = await Promise.all((await db.audit.toArray()).map((row) => openAuditRow(requireDataKey(), row)));
    expect(audit.map((r) => (r.ok ? [r.record.action, r.record.details?.count] : null))).toEqual([
      ['export.calendar', 2],
    ]);
  });

  it('keeps the UID and raises SEQUENCE after a reschedule through the logbook operations', async () => {
    const today = brusselsToday(new Date());
    const kase = await runOperation('createCase', {
      knownOn: today,
      knownVia: 'klasgenoot',
      types: ['sexting'],
      schools: ['Zoltar-School-71'],
      description: 'Feiten.',
    });
    await runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere', pseudonym: 'Zoltar-Marker-71' });
    const scheduled = await runOperation('scheduleFollowUp', {
      caseId: kase.id,
      due: addCalendarDays(today, 2),
      purpose: 'Nagaan',
    });
    const before = await exportFollowUpCalendar();
    await runOperation('rescheduleFollowUp', {
      id: scheduled.id,
      to: addCalendarDays(today, 9),
      reason: 'Jongere ziek',
    });
    const after = await exportFollowUpCalendar();

    const [old] = new ICAL.Component(ICAL.parse(before.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const [moved] = new ICAL.Component(ICAL.parse(after.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(moved?.uid).toBe(old?.uid);
    expect(old?.sequence).toBe(0);
    expect(moved?.sequence).toBe(1);
    expect(moved?.startDate.toString()).toBe(addCalendarDays(today, 9));
    expect(after.text).not.toMatch(/Zoltar|Nagaan|ziek/);

    const overview = await readFollowUpOverview({ today });
    const item = okItems(overview?.groups.later.items ?? []).concat(
      okItems(overview?.groups['deze-week'].items ?? []),
    )[0];
    expect(item?.followUp.history).toEqual([
      expect.objectContaining({
        from: addCalendarDays(today, 2),
        to: addCalendarDays(today, 9),
        reason: 'Jongere ziek',
      }),
    ]);

    await runOperation('completeFollowUp', { id: scheduled.id, doneOn: today });
    expect((await readFollowUpOverview({ today }))?.total).toBe(0);

    // "Klaar" by mistake, undone: the follow-up is back with its date and history, the case rests again.
    const reopened = await runOperation('undoFollowUpDone', { id: scheduled.id });
    expect(reopened.doneOn).toBeUndefined();
    const back = await readFollowUpOverview({ today });
    expect(back?.total).toBe(1);
    const again = okItems(back?.groups.later.items ?? []).concat(okItems(back?.groups['deze-week'].items ?? []))[0];
    expect(again?.followUp).toMatchObject({ id: scheduled.id, due: addCalendarDays(today, 9) });
    expect(again?.followUp.history).toHaveLength(1);
    // Only a done follow-up can be undone.
    await expect(runOperation('undoFollowUpDone', { id: scheduled.id })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: 'followup.notDone' })],
    });
  });

  it('refuses while locked', async () => {
    lock();
    await expect(exportFollowUpCalendar()).rejects.toBeInstanceOf(VaultLockedError);
  });
});

describe('the overview kept per index generation (issue 19)', () => {
  it('is the same object while the index is unchanged, and a new one after a write', async () => {
    const a = caseWith('2026-001', ['2026-03-10']);
    await saveRecords(a.records);
    const first = await readFollowUpOverview({ today: TODAY });
    expect(await readFollowUpOverview({ today: TODAY })).toBe(first);
    expect(overviewFromMemory({ today: TODAY })).toBe(first);
    // Other options are another result.
    const filtered = await readFollowUpOverview({ today: TODAY, filter: { school: 'Atheneum' } });
    expect(filtered).not.toBe(first);

    const b = caseWith('2026-002', ['2026-03-12']);
    await saveRecords(b.records);
    const after = await readFollowUpOverview({ today: TODAY });
    expect(after).not.toBe(first);
    expect(dues(after, 'deze-week')).toEqual(['2026-03-12']);
    expect(dues(first, 'deze-week')).toEqual([]);
  });

  it('gives nothing from memory after the vault locks, until the index is read again after unlock', async () => {
    await saveRecords(caseWith('2026-001', ['2026-03-10']).records);
    expect(dues(await readFollowUpOverview({ today: TODAY }), 'te-laat')).toEqual(['2026-03-10']);
    expect(overviewFromMemory({ today: TODAY })).toBeDefined();
    lock();
    expect(overviewFromMemory({ today: TODAY })).toBeUndefined();
    await unlock(TEST_PASSPHRASE);
    expect(overviewFromMemory({ today: TODAY })).toBeUndefined();
    const reread = await readFollowUpOverview({ today: TODAY });
    expect(dues(reread, 'te-laat')).toEqual(['2026-03-10']);
    expect(overviewFromMemory({ today: TODAY })).toBe(reread);
  });
});
