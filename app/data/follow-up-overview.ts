// Reads for the follow-up overview ("Opvolging"), the app badge and the
// calendar export. Built to scale to 10,000 cases: open follow-ups are found
// through the plaintext `due` index (set only while a follow-up is open), the
// group counts come from that index alone, and only what the screen shows is
// decrypted (the first page of each group, plus the case, parties and
// assessments of those items). A filter on school, type or flag needs case
// content, so then every case with an open follow-up is decrypted once.
// Pattern as in live.ts: Dexie reads first, decryption inside Dexie.waitFor.
import { Dexie, liveQuery } from 'dexie';
import type { Observable } from 'dexie';

import {
  boundsForToday,
  followUpGroupOf,
  followUpGroups,
  type FollowUpBounds,
  type FollowUpGroup,
} from '../../schema/follow-up';
import { buildFollowUpCalendar, type CalendarFollowUp } from '../../schema/ics';
import { groupBy } from '../../schema/group-by';
import { latestFlag } from '../../schema/latest-flag';
import type { Flag, FlagAssessment } from '../../schema/records/assessment';
import type { Case, CaseType } from '../../schema/records/case';
import type { FollowUp } from '../../schema/records/follow-up';
import type { Party } from '../../schema/records/party';
import { matchesQuery } from '../../schema/text-search';
import { db } from './db';
import { readAttentionCount } from './follow-up-attention';
import type { RecordRow } from './db';
import { openRows } from './records-io';
import type { RecordResult } from './records-io';
import { getSettings } from './settings';
import { getDataKey, requireDataKey } from './session';
import { makeAuditEvent, saveRecords } from './store';
import { useVaultQuery } from './use-vault-query';

/** Items shown per group before "Toon meer". */
export const FOLLOW_UP_PAGE_SIZE = 10;

export interface FollowUpFilter {
  /** Part of a school name; accents and case do not matter. Empty: all schools. */
  school?: string | undefined;
  type?: CaseType | undefined;
  /** The case's latest Vlaggensysteem flag. */
  flag?: Flag | undefined;
}

export interface FollowUpOverviewOptions {
  /** Today in Brussels (YYYY-MM-DD); see schema/follow-up.ts brusselsToday(). */
  today: string;
  filter?: FollowUpFilter | undefined;
  /** How many items to decrypt and return per group; FOLLOW_UP_PAGE_SIZE when absent. */
  limits?: Partial<Record<FollowUpGroup, number>> | undefined;
}

/** The case context the overview shows next to a follow-up. */
export interface FollowUpCaseInfo {
  reference: string;
  pseudonyms: string[];
  schools: string[];
  types: CaseType[];
  /** Latest assessment's flag; undefined when never assessed. */
  flag: Flag | undefined;
}

export type FollowUpOverviewItem =
  | {
      ok: true;
      followUp: FollowUp;
      /** Undefined when the case record is missing or cannot be read. */
      caseInfo: FollowUpCaseInfo | undefined;
    }
  | { ok: false; id: string; caseId: string | undefined; due: string | undefined; problem: 'beschadigd' };

export interface FollowUpGroupView {
  group: FollowUpGroup;
  /** All open follow-ups in this group (after the filter). */
  total: number;
  /** The first `limit` of them, earliest first. */
  items: FollowUpOverviewItem[];
}

export interface FollowUpOverview {
  /** Identifies the options this result was computed for, so the UI can tell a stale result. */
  key: string;
  bounds: FollowUpBounds;
  filtered: boolean;
  groups: Record<FollowUpGroup, FollowUpGroupView>;
  /** Open follow-ups in all groups together (after the filter). */
  total: number;
}

/** A stable key for a set of options (what the result was computed for). */
export function overviewKey(options: FollowUpOverviewOptions): string {
  const f = options.filter ?? {};
  const school = f.school?.trim() ?? '';
  const limits = followUpGroups.map((g) => options.limits?.[g] ?? FOLLOW_UP_PAGE_SIZE);
  return JSON.stringify([options.today, school, f.type ?? '', f.flag ?? '', limits]);
}

function isFiltered(filter: FollowUpFilter | undefined): boolean {
  return Boolean(filter && ((filter.school?.trim() ?? '') !== '' || filter.type || filter.flag));
}

/** The `due` index range of a group. Strings compare like the dates they hold. */
function groupCollection(group: FollowUpGroup, bounds: FollowUpBounds) {
  const due = db.records.where('due');
  switch (group) {
    case 'te-laat':
      return due.below(bounds.today);
    case 'vandaag':
      return due.equals(bounds.today);
    case 'deze-week':
      return due.between(bounds.today, bounds.weekEnd, false, true);
    case 'later':
      return due.above(bounds.weekEnd);
  }
}

function byDueThenId(a: RecordRow, b: RecordRow): number {
  const ad = a.due ?? '';
  const bd = b.due ?? '';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

function okRecords<T>(results: ReadonlyArray<{ ok: true; record: T } | { ok: false }>): T[] {
  const out: T[] = [];
  for (const r of results) if (r.ok) out.push(r.record);
  return out;
}

/**
 * Rows of one kind for some cases. Parallel `equals` lookups on the compound
 * index are several times faster in Chromium than one `anyOf` over the list.
 */
async function rowsOfKind(caseIds: readonly string[], kind: RecordRow['kind']): Promise<RecordRow[]> {
  const lists = await Promise.all(caseIds.map((id) => db.records.where('[caseId+kind]').equals([id, kind]).toArray()));
  return lists.flat();
}

/** Raw rows of the cases, parties and assessments of some cases (Dexie only). */
async function readCaseRows(caseIds: readonly string[], withParties: boolean) {
  const [caseRows, partyRows, assessmentRows] = await Promise.all([
    db.records.bulkGet([...caseIds]),
    withParties ? rowsOfKind(caseIds, 'party') : Promise.resolve([]),
    rowsOfKind(caseIds, 'assessment'),
  ]);
  return {
    caseRows: caseRows.filter((row): row is RecordRow => row !== undefined && row.kind === 'case'),
    partyRows,
    assessmentRows,
  };
}

interface DecryptedCases {
  cases: Map<string, Case>;
  parties: Map<string, Party[]>;
  assessments: Map<string, FlagAssessment[]>;
}

/** Decrypts case rows (WebCrypto only, no Dexie). */
async function openCaseRows(key: CryptoKey, rows: Awaited<ReturnType<typeof readCaseRows>>): Promise<DecryptedCases> {
  const [cases, parties, assessments] = await Promise.all([
    openRows(key, 'case', { table: 'records', rows: rows.caseRows }),
    openRows(key, 'party', { table: 'records', rows: rows.partyRows }),
    openRows(key, 'assessment', { table: 'records', rows: rows.assessmentRows }),
  ]);
  return {
    cases: new Map(okRecords(cases).map((c) => [c.id, c])),
    parties: groupBy(okRecords(parties), (p) => p.caseId),
    assessments: groupBy(okRecords(assessments), (a) => a.caseId),
  };
}

function caseInfoOf(data: DecryptedCases, caseId: string): FollowUpCaseInfo | undefined {
  const c = data.cases.get(caseId);
  if (!c) return undefined;
  const parties = [...(data.parties.get(caseId) ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return {
    reference: c.reference,
    pseudonyms: parties.map((p) => p.pseudonym),
    schools: c.schools,
    types: c.types,
    flag: latestFlag(data.assessments.get(caseId) ?? []),
  };
}

function matchesFilter(filter: FollowUpFilter, c: Case | undefined, flag: Flag | undefined): boolean {
  if (!c) return false;
  const school = filter.school?.trim() ?? '';
  if (school !== '' && !matchesQuery(c.schools, school)) return false;
  if (filter.type && !c.types.includes(filter.type)) return false;
  if (filter.flag && flag !== filter.flag) return false;
  return true;
}

/**
 * Querier for the overview: counts per group, and the first page of each
 * group decrypted with its case context. Undefined while locked (or when the
 * vault locks while it runs). Offline: works. Never throws for a damaged
 * record; it is returned as `{ ok: false }` in its group.
 */
export async function readFollowUpOverview(options: FollowUpOverviewOptions): Promise<FollowUpOverview | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const bounds = boundsForToday(options.today);
  const filter = options.filter ?? {};
  const filtered = isFiltered(filter);
  const limitOf = (g: FollowUpGroup) => Math.max(0, options.limits?.[g] ?? FOLLOW_UP_PAGE_SIZE);

  const totals = {} as Record<FollowUpGroup, number>;
  const shownRows = {} as Record<FollowUpGroup, RecordRow[]>;

  if (!filtered) {
    // Index only: counts and the first page of each range, in due order.
    await Promise.all(
      followUpGroups.map(async (g) => {
        const [count, rows] = await Promise.all([
          groupCollection(g, bounds).count(),
          groupCollection(g, bounds).limit(limitOf(g)).toArray(),
        ]);
        totals[g] = count;
        shownRows[g] = rows.sort(byDueThenId);
      }),
    );
  } else {
    // The filter needs case content: decrypt every case with an open follow-up.
    const allRows = (await db.records.where('due').aboveOrEqual('').toArray()).filter((r) => r.kind === 'followup');
    const caseIds = unique(allRows.map((r) => r.caseId));
    const rawCases = await readCaseRows(caseIds, false);
    const data = await Dexie.waitFor(openCaseRows(key, rawCases));
    if (getDataKey() !== key) return undefined;
    const keep = new Map<string, boolean>();
    for (const id of caseIds)
      keep.set(id, matchesFilter(filter, data.cases.get(id), latestFlag(data.assessments.get(id) ?? [])));
    const matching = allRows.filter((r) => r.caseId !== undefined && keep.get(r.caseId) === true).sort(byDueThenId);
    for (const g of followUpGroups) {
      const inGroup = matching.filter((r) => r.due !== undefined && followUpGroupOf(r.due, bounds) === g);
      totals[g] = inGroup.length;
      shownRows[g] = inGroup.slice(0, limitOf(g));
    }
  }

  // Only what is shown is decrypted, together with its case context.
  const shown = followUpGroups.flatMap((g) => shownRows[g]).filter((r) => r.kind === 'followup');
  const shownCaseIds = unique(shown.map((r) => r.caseId));
  const rawContext = await readCaseRows(shownCaseIds, true);
  const [followUps, context] = await Dexie.waitFor(
    Promise.all([openRows(key, 'followup', { table: 'records', rows: shown }), openCaseRows(key, rawContext)]),
  );
  if (getDataKey() !== key) return undefined;

  const byId = new Map<string, RecordResult<FollowUp>>();
  shown.forEach((row, i) => {
    const result = followUps[i];
    if (result) byId.set(row.id, result);
  });

  const groups = {} as Record<FollowUpGroup, FollowUpGroupView>;
  for (const g of followUpGroups) {
    const items: FollowUpOverviewItem[] = shownRows[g].map((row) => {
      const result = byId.get(row.id);
      if (!result || !result.ok) {
        return { ok: false, id: row.id, caseId: row.caseId, due: row.due, problem: 'beschadigd' };
      }
      return { ok: true, followUp: result.record, caseInfo: caseInfoOf(context, result.record.caseId) };
    });
    groups[g] = { group: g, total: totals[g], items };
  }
  const total = followUpGroups.reduce((sum, g) => sum + totals[g], 0);
  return { key: overviewKey(options), bounds, filtered, groups, total };
}

/** Querier: how many open follow-ups are overdue (index only, nothing decrypted). Undefined while locked. */
export async function readOverdueFollowUpCount(today: string): Promise<number | undefined> {
  if (!getDataKey()) return undefined;
  const count = await db.records.where('due').below(today).count();
  return getDataKey() ? count : undefined;
}

/**
 * Querier for the app badge: when the `appBadge` setting is on, the overdue
 * count plus the sizes of the groups "Zonder opvolgdatum" and "Stappen met
 * herinnering" (follow-up-attention.ts, which decrypts cases and steps); 0
 * when it is off, undefined while locked.
 */
export async function readAppBadgeCount(today: string): Promise<number | undefined> {
  if (!getDataKey()) return undefined;
  const settings = await getSettings();
  if (!settings.appBadge) return getDataKey() ? 0 : undefined;
  const [overdue, attention] = await Promise.all([readOverdueFollowUpCount(today), readAttentionCount()]);
  return overdue === undefined || attention === undefined ? undefined : overdue + attention;
}

/**
 * The follow-up overview, live: re-reads when follow-ups, cases, parties or
 * assessments change. Undefined while loading and while locked. While a new
 * result for changed options is computed, the previous one stays; compare
 * `result.key` with `overviewKey(options)` to show a "bezig" state.
 */
export function useFollowUpOverview(options: FollowUpOverviewOptions): FollowUpOverview | undefined {
  const key = overviewKey(options);
  // `key` captures every option, so the querier re-runs exactly when they change.
  return useVaultQuery(async () => readFollowUpOverview(options), [key]);
}

/** Overdue count for the app badge; undefined while locked. */
export function useOverdueFollowUpCount(today: string): number | undefined {
  return useVaultQuery(async () => readOverdueFollowUpCount(today), [today]);
}

/**
 * What the app icon badge should show: see readAppBadgeCount; 0 when the setting
 * is off, undefined while loading or locked (then: no badge).
 */
export function useAppBadgeCount(today: string): number | undefined {
  return useVaultQuery(async () => readAppBadgeCount(today), [today]);
}

/** Observable overview, for code outside React (tests, bench). */
export function observeFollowUpOverview(options: FollowUpOverviewOptions): Observable<FollowUpOverview | undefined> {
  return liveQuery(async () => readFollowUpOverview(options));
}

export interface FollowUpCalendarExport {
  /** The .ics text (RFC 5545, CRLF). */
  text: string;
  /** Events in the file. */
  count: number;
  /** Open follow-ups left out because they or their case could not be read. */
  skipped: number;
}

/**
 * Builds the calendar file of every open follow-up: only the case reference,
 * date, UID and SEQUENCE go in (schema/ics.ts). Records one `export.calendar`
 * audit event with the count; if that fails, no file is returned. Offline:
 * works. Fails with VaultLockedError, StorageFullError or StorageFailedError.
 */
export async function exportFollowUpCalendar(now: Date = new Date()): Promise<FollowUpCalendarExport> {
  const key = requireDataKey();
  const rows = (await db.records.where('due').aboveOrEqual('').toArray()).filter((r) => r.kind === 'followup');
  const caseIds = unique(rows.map((r) => r.caseId));
  const caseRows = (await db.records.bulkGet(caseIds)).filter(
    (row): row is RecordRow => row !== undefined && row.kind === 'case',
  );
  const [followUps, cases] = await Promise.all([
    openRows(key, 'followup', { table: 'records', rows }),
    openRows(key, 'case', { table: 'records', rows: caseRows }),
  ]);
  const references = new Map(okRecords(cases).map((c) => [c.id, c.reference]));
  const items: CalendarFollowUp[] = [];
  for (const f of okRecords(followUps)) {
    const reference = references.get(f.caseId);
    if (reference !== undefined && f.doneOn === undefined) {
      items.push({ icsUid: f.icsUid, sequence: f.sequence, due: f.due, reference });
    }
  }
  const text = buildFollowUpCalendar(items, now);
  await saveRecords([
    makeAuditEvent({ action: 'export.calendar', details: { count: items.length, recordKind: 'followup' } }, now),
  ]);
  return { text, count: items.length, skipped: rows.length - items.length };
}
