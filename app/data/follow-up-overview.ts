// Reads for the follow-up overview ("Opvolging"), the app badge and the
// calendar export, all from the encrypted case index (index/), which holds
// every open follow-up with its case's reference, pseudonyms, schools, types
// and latest flag: nothing is decrypted per visit, and no follow-up date is
// stored in plaintext. A damaged follow-up is not in the index (its date is
// unknown); the case page lists it as damaged.
import { liveQuery } from 'dexie';
import type { Observable } from 'dexie';

import { boundsForToday, followUpGroups, type FollowUpBounds, type FollowUpGroup } from '../../schema/follow-up';
import { buildFollowUpCalendar, type CalendarFollowUp } from '../../schema/ics';
import type { Flag } from '../../schema/records/assessment';
import type { CaseType } from '../../schema/records/case';
import type { FollowUp } from '../../schema/records/follow-up';
import { VaultLockedError } from './errors';
import { readAttentionCount } from './follow-up-attention';
import { ensureIndex, indexInMemory, readIndexLive } from './index/case-index';
import type { IndexMemory } from './index/case-index';
import type { CaseEntry } from './index/entries';
import { groupRanges, openFollowUpsInOrder } from './index/follow-up-order';
import {
  caseOf,
  entryOf,
  flagOf,
  isCaseFilterSet,
  matchesCaseFilter,
  openFollowUpsOf,
  pseudonymsOf,
} from './index/index-reads';
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

function caseInfoOf(entry: CaseEntry | undefined): FollowUpCaseInfo | undefined {
  const c = entry ? caseOf(entry) : undefined;
  if (!entry || !c) return undefined;
  return {
    reference: c.reference,
    pseudonyms: pseudonymsOf(entry),
    schools: c.schools,
    types: c.types,
    flag: flagOf(entry),
  };
}

/**
 * The overview computed from the in-memory case index (no decryption), the
 * same object for the same index generation and options (treat it as read-only). The
 * follow-ups are kept in order per index generation (index/follow-up-order.ts):
 * a visit takes a page of each group, with no sort; a filter is one pass.
 */
export function overviewOf(index: IndexMemory, options: FollowUpOverviewOptions): FollowUpOverview {
  // Per index generation and options: a re-read that finds the index unchanged
  // gives the same object, so the screen does not render its cards again.
  const key = overviewKey(options);
  let memo = memoOf.get(index);
  if (!memo) memoOf.set(index, (memo = new Map()));
  let overview = memo.get(key);
  if (!overview) {
    if (memo.size >= MEMO_PER_INDEX) memo.clear();
    memo.set(key, (overview = deriveOverview(index, options, key)));
  }
  return overview;
}

// A few option sets per index (today, filters, limits); typing a school filter makes new keys.
const MEMO_PER_INDEX = 8;
const memoOf = new WeakMap<IndexMemory, Map<string, FollowUpOverview>>();

function deriveOverview(index: IndexMemory, options: FollowUpOverviewOptions, key: string): FollowUpOverview {
  const bounds = boundsForToday(options.today);
  const filter = options.filter ?? {};
  const filtered = isCaseFilterSet(filter);
  const limitOf = (g: FollowUpGroup) => Math.max(0, options.limits?.[g] ?? FOLLOW_UP_PAGE_SIZE);
  let ordered = openFollowUpsInOrder(index);
  if (filtered)
    ordered = ordered.filter((f) => {
      const entry = entryOf(index, f.caseId);
      return entry !== undefined && matchesCaseFilter(filter, entry);
    });
  const ranges = groupRanges(ordered, bounds);
  const groups = {} as Record<FollowUpGroup, FollowUpGroupView>;
  for (const g of followUpGroups) {
    const [from, to] = ranges[g];
    const items: FollowUpOverviewItem[] = ordered
      .slice(from, Math.min(to, from + limitOf(g)))
      .map((followUp) => ({ ok: true, followUp, caseInfo: caseInfoOf(entryOf(index, followUp.caseId)) }));
    groups[g] = { group: g, total: to - from, items };
  }
  const total = followUpGroups.reduce((sum, g) => sum + groups[g].total, 0);
  return { key, bounds, filtered, groups, total };
}

/**
 * Querier for the overview: counts per group, and the first page of each
 * group with its case context, from the encrypted case index. Undefined while
 * locked (or when the vault locks while it runs) and while the index is
 * rebuilt. Offline: works.
 */
export async function readFollowUpOverview(options: FollowUpOverviewOptions): Promise<FollowUpOverview | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const index = await readIndexLive(key);
  if (!index || getDataKey() !== key) return undefined;
  return overviewOf(index, options);
}

/** Querier: how many open follow-ups are overdue (from the case index). Undefined while locked. */
export async function readOverdueFollowUpCount(today: string): Promise<number | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const index = await readIndexLive(key);
  if (!index || getDataKey() !== key) return undefined;
  let count = 0;
  for (const f of openFollowUpsOf(index)) if (f.due < today) count++;
  return count;
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
  // Issue 19: a visit after unlock renders its first cards from the index in
  // memory at once; the live query re-reads the index head right after (another
  // tab may have written) and gives the same object when nothing changed.
  return useVaultQuery(
    async () => readFollowUpOverview(options),
    [key],
    () => overviewFromMemory(options),
  );
}

/**
 * The overview from the case index already in memory (no read at all), or
 * undefined when it is not (locked, or not read since unlock). For a first render only.
 */
export function overviewFromMemory(options: FollowUpOverviewOptions): FollowUpOverview | undefined {
  const index = indexInMemory();
  return index ? overviewOf(index, options) : undefined;
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
  const index = await ensureIndex(requireDataKey());
  if (!index) throw new VaultLockedError();
  const open = openFollowUpsOf(index);
  const items: CalendarFollowUp[] = [];
  for (const f of open) {
    const entry = entryOf(index, f.caseId);
    const c = entry ? caseOf(entry) : undefined;
    if (c) items.push({ icsUid: f.icsUid, sequence: f.sequence, due: f.due, reference: c.reference });
  }
  const text = buildFollowUpCalendar(items, now);
  await saveRecords([
    makeAuditEvent({ action: 'export.calendar', details: { count: items.length, recordKind: 'followup' } }, now),
  ]);
  return { text, count: items.length, skipped: open.length - items.length };
}
