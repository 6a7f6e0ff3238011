// The anonymised figures for an auditor (DOMAIN.md, "What the auditor may
// see"). Pure. Every figure is about the cohort of cases that became known
// (`knownOn`) in one quarter. Only counts and derived numbers leave this file:
// never names, pseudonyms, schools, exact dates or free text.
//
// Disclosure control, per table (each table partitions one set, and shows its total):
// - when the cohort or the table's total is from 1 to k-1, the table shows
//   only "less than k" (no total, no cells): published zeros would otherwise
//   tell the attribute of every case in it;
// - a total of 0 is published as 0, every cell 0 (a quarter without cases, or
//   no shares among k or more cases): it tells nothing about a small group;
// - true zeros are published ("0 te laat" is the answer an auditor wants);
// - every count from 1 to k-1 is suppressed (primary suppression);
// - complementary suppression: while a table has exactly one suppressed cell,
//   or its suppressed cells add up to less than k, the smallest published
//   non-zero cell is suppressed too; also while they add up to no more than
//   their number (they would all be 1). Since zeros are published, a reader
//   knows every suppressed cell is at least 1; with two or more suppressed
//   cells adding up to at least k and more than their number, none of them is
//   pinned to one value. When no non-zero cell is left to hide, every cell is
//   hidden (zeros too) and only the total is published.
// - A percentage is published only when the cells it is derived from are
//   published. Median and p90 need at least k values behind them.
// Periods are quarters only: a month and its quarter could be subtracted
// from each other (the re-identification test shows how), and quarters do
// not overlap. Known limit: two exports of the same quarter made on
// different days can differ by cases recorded in between.
import { z } from 'zod';

import { latestFlag } from './latest-flag';
import type { Flag, FlagAssessment } from './records/assessment';
import type { Case } from './records/case';
import { caseTypeSchema } from './records/case';
import type { ConsentBasis, ConsentGiven, ShareWithoutConsent } from './records/consent';
import type { FollowUp } from './records/follow-up';
import type { Party } from './records/party';
import { latestTakedowns, takedownStepSchema } from './records/takedown';
import type { Takedown, TakedownStep } from './records/takedown';
import type { Police } from './records/police';
import type { Conversation } from './records/conversation';

export const AGGREGATES_TYPE = 'baken-auditor-aggregates';
// Version 3 (issue 15): tables complaints, otherSchools, firstConversation and stat medianDaysToFirstConversation.
export const AGGREGATES_VERSION = 3;
export const SUPPRESSION_K = 5;

const yearSchema = z.int().min(2000).max(2100);
/** Quarters only (see the header): a month is refused. */
export const auditPeriodSchema = z.strictObject({
  kind: z.literal('quarter'),
  year: yearSchema,
  quarter: z.int().min(1).max(4),
});
export type AuditPeriod = z.infer<typeof auditPeriodSchema>;

/** `2026-Q1`: never a day. */
export function periodLabel(p: AuditPeriod): string {
  return `${p.year}-Q${p.quarter}`;
}

/** First day (inclusive) and the day after the last (exclusive), as YYYY-MM-DD. */
export function periodRange(p: AuditPeriod): { from: string; until: string } {
  const startMonth = (p.quarter - 1) * 3 + 1;
  const iso = (y: number, m: number): string =>
    `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  return { from: iso(p.year, startMonth), until: iso(p.year, startMonth + 3) };
}

/**
 * A need-to-know summary that was made (from its `export.summary` audit
 * event). `basis` is what the summary rested on: `toestemming` when every
 * part rested on consent; undefined for events written before it was recorded.
 */
export interface SummaryMade {
  basis: ConsentBasis | undefined;
  /** UTC day of the event. */
  day: string;
  /** To whom (events before it was recorded have none). */
  recipient?: string | undefined;
}

/**
 * One case with the parts the figures need, and only the fields they read
 * (so the export can be made from the case index, issue 19); the logbook's
 * CaseDetail fits it.
 */
export interface AggregateInput {
  case: Pick<Case, 'id' | 'knownOn' | 'types'>;
  parties: ReadonlyArray<Pick<Party, 'role' | 'age'>>;
  consents: ReadonlyArray<Pick<ConsentGiven, 'basis'> | Pick<ShareWithoutConsent, 'basis' | 'sharedOn'>>;
  assessments: ReadonlyArray<Pick<FlagAssessment, 'flag' | 'assessedOn' | 'createdAt'>>;
  followUps: ReadonlyArray<Pick<FollowUp, 'due' | 'doneOn'>>;
  summaries: readonly SummaryMade[];
  /** Steps to take the material offline (issue 15); none when absent. */
  takedowns?: ReadonlyArray<Pick<Takedown, 'step' | 'status' | 'on' | 'createdAt'>> | undefined;
  /** Police complaint records (issue 15); none when absent. */
  police?: ReadonlyArray<Pick<Police, 'stage'>> | undefined;
  /** Other schools and CLBs informed (issue 15); only how many. None when absent. */
  informed?: readonly unknown[] | undefined;
  /** Conversations held (issue 15); none when absent. */
  conversations?: ReadonlyArray<Pick<Conversation, 'on'>> | undefined;
}

export const ageBands = ['tot-11', '12-13', '14-15', '16-17', '18-plus', 'onbekend'] as const;
export type AgeBand = (typeof ageBands)[number];

const caseTypes = caseTypeSchema.options;
const flagKeys = ['groen', 'geel', 'rood', 'zwart', 'geen'] as const satisfies ReadonlyArray<Flag | 'geen'>;
const shareKeys = ['toestemming', 'noodtoestand', 'art-458bis'] as const satisfies readonly ConsentBasis[];

/**
 * One table per step: of the cases, how many have the step done (its latest status), how many not.
 * Contacting Helpwanted.nl (a case in the Netherlands) counts in the Child Focus table, as the same step
 * there: the tables stay the ones other versions of Baken read (team figures check their ids).
 */
const takedownTableSteps = takedownStepSchema.options.filter((s) => s !== 'helpwanted');
export type TakedownTableId = `takedown-${Exclude<TakedownStep, 'helpwanted'>}`;
export const takedownTableIds = takedownTableSteps.map((step): TakedownTableId => `takedown-${step}`);
/** The steps a takedown table counts. */
const countedSteps = (step: Exclude<TakedownStep, 'helpwanted'>): readonly TakedownStep[] =>
  step === 'child-focus' ? ['child-focus', 'helpwanted'] : [step];
export const aggregateTableIds = [
  'types',
  'ageBands',
  'flags',
  'firstFollowUp',
  'followUps',
  'shares',
  ...takedownTableIds,
  'complaints',
  'otherSchools',
  'firstConversation',
] as const;
export type AggregateTableId =
  | 'types'
  | 'ageBands'
  | 'flags'
  | 'firstFollowUp'
  | 'followUps'
  | 'shares'
  | TakedownTableId
  // Issue 15: cases with a complaint made, with another school or CLB informed, with a conversation.
  | 'complaints'
  | 'otherSchools'
  | 'firstConversation';

/** A published count, or null when suppressed. */
export type Cell = number | null;

export type AggregateTable =
  | { id: AggregateTableId; lessThanK: false; total: number; cells: Array<{ key: string; value: Cell }> }
  /** Total below k: only "minder dan k" is shown, no total and no cells. */
  | { id: AggregateTableId; lessThanK: true; total: null; cells: [] };

export interface AggregateStats {
  medianDaysToFirstFollowUp: number | null;
  p90DaysToFirstFollowUp: number | null;
  pctFollowUpsOverdue: number | null;
  pctSharesWithConsent: number | null;
  /** Issue 15: days from intake (knownOn) to the first conversation, over cases that had one. */
  medianDaysToFirstConversation: number | null;
}

export interface AuditAggregates {
  type: typeof AGGREGATES_TYPE;
  version: typeof AGGREGATES_VERSION;
  generatedOn: string;
  period: string;
  k: number;
  tables: AggregateTable[];
  stats: AggregateStats;
}

export function ageBand(age: number | undefined): AgeBand {
  if (age === undefined) return 'onbekend';
  if (age <= 11) return 'tot-11';
  if (age <= 13) return '12-13';
  if (age <= 15) return '14-15';
  if (age <= 17) return '16-17';
  return '18-plus';
}

/** The depicted young person's age (the youngest, when several are depicted); nobody else's. */
export function depictedAge(parties: ReadonlyArray<Pick<Party, 'role' | 'age'>>): number | undefined {
  let youngest: number | undefined;
  for (const p of parties) {
    if (p.role === 'afgebeelde-jongere' && p.age !== undefined && (youngest === undefined || p.age < youngest))
      youngest = p.age;
  }
  return youngest;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Nearest-rank percentile of sorted integers (always one of the values). */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** What a summary rested on, from the bases of its parts: consent only if every part rested on consent. */
export function summaryBasis(parts: ReadonlyArray<{ basis: ConsentBasis }>): ConsentBasis {
  return parts.find((p) => p.basis !== 'toestemming')?.basis ?? 'toestemming';
}

/**
 * The actual shares of one case, by basis. A summary that rested only on
 * consent is a share with consent. A share without consent is counted once,
 * by its own record (the justification the worker documented); a summary
 * made under that noodtoestand is how it was carried out, not a second share.
 * A summary event without a basis (older events) rested on consent when the
 * case had no share without consent on or before that day: a summary can
 * rest on nothing else. The same summary made again for the same recipient on
 * the same day (a second look, a copy after a print) is one share, not more (a
 * review: each "Samenvatting maken" counted, and shares with consent grew
 * against the ones without).
 */
export function caseShares(c: Pick<AggregateInput, 'consents' | 'summaries'>): ConsentBasis[] {
  const emergencies = c.consents.flatMap((r) => (r.basis === 'toestemming' ? [] : [r]));
  const out: ConsentBasis[] = emergencies.map((r) => r.basis);
  const counted = new Set<string>();
  for (const s of c.summaries) {
    const basis = s.basis ?? (emergencies.some((r) => r.sharedOn <= s.day) ? undefined : 'toestemming');
    const once = `${s.day}|${s.recipient ?? ''}`;
    if (basis === 'toestemming' && !counted.has(once)) {
      counted.add(once);
      out.push('toestemming');
    }
  }
  return out;
}

/** Applies the "less than k" rule, primary and complementary suppression to one table. */
export function suppressTable(
  id: AggregateTableId,
  counts: ReadonlyArray<{ key: string; value: number }>,
  k: number = SUPPRESSION_K,
): AggregateTable {
  const total = counts.reduce((sum, c) => sum + c.value, 0);
  // A true zero, also of the whole table: nothing to hide (an empty quarter, or none among k or more cases).
  if (total === 0) return { id, lessThanK: false, total: 0, cells: counts.map((c) => ({ key: c.key, value: 0 })) };
  if (total < k) return { id, lessThanK: true, total: null, cells: [] };
  const hidden = new Set<number>();
  counts.forEach((c, i) => {
    if (c.value > 0 && c.value < k) hidden.add(i);
  });
  const hiddenSum = (): number => [...hidden].reduce((sum, i) => sum + (counts[i]?.value ?? 0), 0);
  // Every hidden cell is at least 1 (zeros are published), so n hidden cells
  // adding up to exactly n would all be 1: the sum must also exceed n.
  while (hidden.size > 0 && (hidden.size < 2 || hiddenSum() < k || hiddenSum() <= hidden.size)) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (!hidden.has(i) && c.value > 0 && (pick === -1 || c.value < (counts[pick]?.value ?? Infinity))) pick = i;
    });
    if (pick === -1) {
      // No non-zero cell left to hide (e.g. five types of 1 each): hide every
      // cell, zeros too, and publish the total only.
      return { id, lessThanK: false, total, cells: counts.map((c) => ({ key: c.key, value: null })) };
    }
    hidden.add(pick);
  }
  return {
    id,
    lessThanK: false,
    total,
    cells: counts.map((c, i) => ({ key: c.key, value: hidden.has(i) ? null : c.value })),
  };
}

function countBy<K extends string>(keys: readonly K[], values: Iterable<K>): Array<{ key: K; value: number }> {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return keys.map((key) => ({ key, value: counts.get(key) ?? 0 }));
}

function cell(table: AggregateTable, key: string): Cell {
  return table.cells.find((c) => c.key === key)?.value ?? null;
}

/** `part` as a percentage of all `cells`, only when every one of them is published. */
function pct(table: AggregateTable, part: string): number | null {
  if (table.lessThanK || table.total === 0) return null;
  if (table.cells.some((c) => c.value === null)) return null;
  const value = cell(table, part);
  return value === null ? null : Math.round((value / table.total) * 1000) / 10;
}

/**
 * The raw, unsuppressed counts behind the figures of one period: what a
 * device contributes to team figures (issue 21). Counts only, and the sorted
 * day differences the median and p90 need: no case, name or date.
 */
export const aggregateCountsSchema = z.strictObject({
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  cohort: z.int().min(0),
  tables: z
    .array(
      z.strictObject({
        id: z.enum(aggregateTableIds),
        counts: z.array(z.strictObject({ key: z.string().min(1).max(40), value: z.int().min(0) })).max(20),
      }),
    )
    .max(40),
  firstFollowUpDays: z.array(z.int().min(0)).max(100_000),
  conversationDays: z.array(z.int().min(0)).max(100_000),
});
export type AggregateCounts = z.infer<typeof aggregateCountsSchema>;

/**
 * Counts the cases that became known in `period`, before any suppression.
 * `generatedOn` (YYYY-MM-DD) decides which open follow-ups are overdue.
 */
export function countAggregates(
  cases: readonly AggregateInput[],
  period: AuditPeriod,
  generatedOn: string,
): AggregateCounts {
  const { from, until } = periodRange(period);
  const cohort = cases.filter((c) => c.case.knownOn >= from && c.case.knownOn < until);
  const tables: AggregateCounts['tables'] = [];
  const table = (id: AggregateTableId, counts: Array<{ key: string; value: number }>): void => {
    tables.push({ id, counts });
  };

  table(
    'types',
    countBy(
      caseTypes,
      cohort.map((c) => c.case.types[0] ?? 'anders'),
    ),
  );
  table(
    'ageBands',
    countBy(
      ageBands,
      cohort.map((c) => ageBand(depictedAge(c.parties))),
    ),
  );
  table(
    'flags',
    countBy(
      flagKeys,
      cohort.map((c) => latestFlag(c.assessments) ?? 'geen'),
    ),
  );

  const days: number[] = [];
  for (const c of cohort) {
    let first: string | undefined;
    for (const f of c.followUps)
      if (f.doneOn !== undefined && (first === undefined || f.doneOn < first)) first = f.doneOn;
    if (first !== undefined) days.push(Math.max(0, daysBetween(c.case.knownOn, first)));
  }
  days.sort((a, b) => a - b);
  table('firstFollowUp', [
    { key: 'afgerond', value: days.length },
    { key: 'nog-niet', value: cohort.length - days.length },
  ]);

  const followUps = cohort.flatMap((c) => c.followUps);
  const overdue = followUps.filter((f) => (f.doneOn === undefined ? f.due < generatedOn : f.doneOn > f.due)).length;
  table('followUps', [
    { key: 'niet-te-laat', value: followUps.length - overdue },
    { key: 'te-laat', value: overdue },
  ]);

  table('shares', countBy(shareKeys, cohort.flatMap(caseShares)));

  for (const step of takedownTableSteps) {
    const done = cohort.filter((c) => {
      const latest = latestTakedowns(c.takedowns ?? []);
      return countedSteps(step).some((s) => latest.get(s)?.status === 'gedaan');
    }).length;
    table(`takedown-${step}`, [
      { key: 'gedaan', value: done },
      { key: 'niet-gedaan', value: cohort.length - done },
    ]);
  }

  // Issue 15: a complaint made (any record of stage "neergelegd"), another
  // school or CLB informed, and a conversation held, each as cases with / without.
  const withOrWithout = (id: AggregateTableId, has: (c: AggregateInput) => boolean): void => {
    const n = cohort.filter(has).length;
    table(id, [
      { key: 'ja', value: n },
      { key: 'nee', value: cohort.length - n },
    ]);
  };
  withOrWithout('complaints', (c) => (c.police ?? []).some((r) => r.stage === 'neergelegd'));
  withOrWithout('otherSchools', (c) => (c.informed ?? []).length > 0);
  const conversationDays: number[] = [];
  for (const c of cohort) {
    const first = (c.conversations ?? []).reduce<string | undefined>(
      (min, r) => (min === undefined || r.on < min ? r.on : min),
      undefined,
    );
    if (first !== undefined) conversationDays.push(Math.max(0, daysBetween(c.case.knownOn, first)));
  }
  conversationDays.sort((a, b) => a - b);
  withOrWithout('firstConversation', (c) => (c.conversations ?? []).length > 0);

  return {
    period: periodLabel(period),
    cohort: cohort.length,
    tables,
    firstFollowUpDays: days,
    conversationDays,
  };
}

/** Suppresses raw counts (one device's, or a team's sum) into the published figures. */
export function aggregatesFromCounts(
  counts: AggregateCounts,
  generatedOn: string,
  k: number = SUPPRESSION_K,
): AuditAggregates {
  // A cohort of 1 to k-1: every table (also those that count follow-ups or
  // shares, which can add up to k or more) says only "less than k". A cohort
  // of 0 (no case became known in the quarter) is published as the zeros it is.
  const small = counts.cohort > 0 && counts.cohort < k;
  const tables = counts.tables.map((t): AggregateTable =>
    small ? { id: t.id, lessThanK: true, total: null, cells: [] } : suppressTable(t.id, t.counts, k),
  );
  const byId = (id: AggregateTableId): AggregateTable =>
    tables.find((t) => t.id === id) ?? { id, lessThanK: true, total: null, cells: [] };
  const days = counts.firstFollowUpDays;
  const conversationDays = counts.conversationDays;
  // A median or p90 does not reveal how many values it came from, so it only
  // needs k values behind it, not a published count.
  const daysPublished = counts.cohort >= k && days.length >= k;
  const conversationDaysPublished = counts.cohort >= k && conversationDays.length >= k;

  return {
    type: AGGREGATES_TYPE,
    version: AGGREGATES_VERSION,
    generatedOn,
    period: counts.period,
    k,
    tables,
    stats: {
      medianDaysToFirstFollowUp: daysPublished ? percentile(days, 50) : null,
      p90DaysToFirstFollowUp: daysPublished ? percentile(days, 90) : null,
      pctFollowUpsOverdue: pct(byId('followUps'), 'te-laat'),
      pctSharesWithConsent: pct(byId('shares'), 'toestemming'),
      medianDaysToFirstConversation: conversationDaysPublished ? percentile(conversationDays, 50) : null,
    },
  };
}

/**
 * The figures that are null because there was nothing to count (a base of 0: no case in the
 * quarter, no follow-up, no share), not because they are hidden. Read from the published tables.
 */
export function nothingToCount(a: Pick<AuditAggregates, 'tables'>): ReadonlySet<keyof AggregateStats> {
  const total = (id: AggregateTableId): number | null => {
    const table = a.tables.find((t) => t.id === id);
    return table && !table.lessThanK ? table.total : null;
  };
  // A published 0 in the base cell (no follow-up completed, no conversation held) is as good as no case:
  // a day figure over nothing is "niets te tellen", never "verborgen", which would suggest 1 to k-1.
  const published = (id: AggregateTableId, key: string): Cell => {
    const table = a.tables.find((t) => t.id === id);
    return table ? cell(table, key) : null;
  };
  const none = new Set<keyof AggregateStats>();
  const noCase = total('types') === 0;
  if (noCase || published('firstFollowUp', 'afgerond') === 0) {
    none.add('medianDaysToFirstFollowUp');
    none.add('p90DaysToFirstFollowUp');
  }
  if (noCase || published('firstConversation', 'ja') === 0) none.add('medianDaysToFirstConversation');
  if (total('followUps') === 0) none.add('pctFollowUpsOverdue');
  if (total('shares') === 0) none.add('pctSharesWithConsent');
  return none;
}

/** The figures for `period`, over the cases that became known in it (see countAggregates). */
export function buildAuditAggregates(
  cases: readonly AggregateInput[],
  period: AuditPeriod,
  generatedOn: string,
  k: number = SUPPRESSION_K,
): AuditAggregates {
  return aggregatesFromCounts(countAggregates(cases, period, generatedOn), generatedOn, k);
}
