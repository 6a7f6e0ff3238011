// The anonymised figures for an auditor (DOMAIN.md, "What the auditor may
// see"). Pure. Every figure is about the cohort of cases that became known
// (`knownOn`) in the period. Only counts and derived numbers leave this file:
// never names, pseudonyms, schools, exact dates or free text.
//
// Disclosure control, per table (each table partitions one set, and shows its total):
// - total < k: the whole table, total included, is suppressed;
// - every cell < k (0 included) is suppressed (primary suppression);
// - complementary suppression: while a table has exactly one suppressed cell,
//   or its suppressed cells add up to less than k (so the published total
//   would pin them down, e.g. to 0), the smallest published cell is
//   suppressed too. No suppressed cell can then be recomputed from the total.
// - A percentage is published only when the cells it is derived from are
//   published, so it cannot reveal a suppressed cell. Median and p90 of the
//   days to the first follow-up need at least k values behind them.
// Tables share the cohort total but are separate one-way partitions, so
// combining them gives nothing a single table does not. Known limit: figures
// for overlapping periods (a quarter and its months) can be subtracted from
// each other; auditors get either months or quarters, not both.
import { z } from 'zod';

import { latestFlag } from './latest-flag';
import type { Flag, FlagAssessment } from './records/assessment';
import type { Case, CaseType } from './records/case';
import type { ConsentRecord } from './records/consent';
import type { FollowUp } from './records/follow-up';
import type { Party } from './records/party';

export const AGGREGATES_TYPE = 'baken-auditor-aggregates';
export const AGGREGATES_VERSION = 1;
export const SUPPRESSION_K = 5;

const yearSchema = z.int().min(2000).max(2100);
export const auditPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), year: yearSchema, month: z.int().min(1).max(12) }),
  z.strictObject({ kind: z.literal('quarter'), year: yearSchema, quarter: z.int().min(1).max(4) }),
]);
export type AuditPeriod = z.infer<typeof auditPeriodSchema>;

/** `2026-03` or `2026-Q1`: never a day. */
export function periodLabel(p: AuditPeriod): string {
  return p.kind === 'month' ? `${p.year}-${String(p.month).padStart(2, '0')}` : `${p.year}-Q${p.quarter}`;
}

/** First day (inclusive) and the day after the last (exclusive), as YYYY-MM-DD. */
export function periodRange(p: AuditPeriod): { from: string; until: string } {
  const startMonth = p.kind === 'month' ? p.month : (p.quarter - 1) * 3 + 1;
  const months = p.kind === 'month' ? 1 : 3;
  const iso = (y: number, m: number): string =>
    `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  return { from: iso(p.year, startMonth), until: iso(p.year, startMonth + months) };
}

/** One case with the parts the figures need; the logbook's CaseDetail fits it. */
export interface AggregateInput {
  case: Case;
  parties: readonly Party[];
  consents: readonly ConsentRecord[];
  assessments: readonly FlagAssessment[];
  followUps: readonly FollowUp[];
}

export const ageBands = ['tot-11', '12-13', '14-15', '16-17', '18-plus', 'onbekend'] as const;
export type AgeBand = (typeof ageBands)[number];

const caseTypes = [
  'sexting',
  'ongewenste-sexting',
  'shame-sexting',
  'sextortion',
  'grooming',
  'exposing',
  'doxing',
  'anders',
] as const satisfies readonly CaseType[];
const flagKeys = ['groen', 'geel', 'rood', 'zwart', 'geen'] as const satisfies ReadonlyArray<Flag | 'geen'>;

export const aggregateTableIds = ['types', 'ageBands', 'flags', 'firstFollowUp', 'followUps', 'shares'] as const;
export type AggregateTableId = (typeof aggregateTableIds)[number];

/** A published count, or null when suppressed. */
export type Cell = number | null;

export interface AggregateTable {
  id: AggregateTableId;
  total: Cell;
  cells: Array<{ key: string; value: Cell }>;
}

export interface AggregateStats {
  medianDaysToFirstFollowUp: number | null;
  p90DaysToFirstFollowUp: number | null;
  pctFollowUpsOverdue: number | null;
  pctSharesWithConsent: number | null;
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

/** The depicted young person's age; else the youngest known age of anyone involved. */
function caseAge(parties: readonly Party[]): number | undefined {
  const depicted = parties.find((p) => p.role === 'afgebeelde-jongere' && p.age !== undefined);
  if (depicted) return depicted.age;
  let youngest: number | undefined;
  for (const p of parties) if (p.age !== undefined && (youngest === undefined || p.age < youngest)) youngest = p.age;
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

/** Applies primary and complementary suppression to one table. */
export function suppressTable(
  id: AggregateTableId,
  counts: ReadonlyArray<{ key: string; value: number }>,
  k: number = SUPPRESSION_K,
): AggregateTable {
  const total = counts.reduce((sum, c) => sum + c.value, 0);
  if (total < k) return { id, total: null, cells: counts.map((c) => ({ key: c.key, value: null })) };
  const hidden = new Set<number>();
  counts.forEach((c, i) => {
    if (c.value < k) hidden.add(i);
  });
  const hiddenSum = (): number => [...hidden].reduce((sum, i) => sum + (counts[i]?.value ?? 0), 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenSum() < k) && hidden.size < counts.length) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (!hidden.has(i) && (pick === -1 || c.value < (counts[pick]?.value ?? Infinity))) pick = i;
    });
    hidden.add(pick);
  }
  return { id, total, cells: counts.map((c, i) => ({ key: c.key, value: hidden.has(i) ? null : c.value })) };
}

function countBy<K extends string>(keys: readonly K[], values: Iterable<K>): Array<{ key: K; value: number }> {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return keys.map((key) => ({ key, value: counts.get(key) ?? 0 }));
}

function cell(table: AggregateTable, key: string): Cell {
  return table.cells.find((c) => c.key === key)?.value ?? null;
}

function pct(part: Cell, other: Cell): number | null {
  if (part === null || other === null || part + other === 0) return null;
  return Math.round((part / (part + other)) * 1000) / 10;
}

/**
 * The figures for `period`, over the cases that became known in it.
 * `generatedOn` (YYYY-MM-DD) decides which open follow-ups are overdue.
 */
export function buildAuditAggregates(
  cases: readonly AggregateInput[],
  period: AuditPeriod,
  generatedOn: string,
  k: number = SUPPRESSION_K,
): AuditAggregates {
  const { from, until } = periodRange(period);
  const cohort = cases.filter((c) => c.case.knownOn >= from && c.case.knownOn < until);

  const types = suppressTable(
    'types',
    countBy(
      caseTypes,
      cohort.map((c) => c.case.types[0] ?? 'anders'),
    ),
    k,
  );
  const ages = suppressTable(
    'ageBands',
    countBy(
      ageBands,
      cohort.map((c) => ageBand(caseAge(c.parties))),
    ),
    k,
  );
  const flags = suppressTable(
    'flags',
    countBy(
      flagKeys,
      cohort.map((c) => latestFlag(c.assessments) ?? 'geen'),
    ),
    k,
  );

  const days: number[] = [];
  for (const c of cohort) {
    let first: string | undefined;
    for (const f of c.followUps)
      if (f.doneOn !== undefined && (first === undefined || f.doneOn < first)) first = f.doneOn;
    if (first !== undefined) days.push(Math.max(0, daysBetween(c.case.knownOn, first)));
  }
  days.sort((a, b) => a - b);
  const firstFollowUp = suppressTable(
    'firstFollowUp',
    [
      { key: 'afgerond', value: days.length },
      { key: 'nog-niet', value: cohort.length - days.length },
    ],
    k,
  );

  const followUps = cohort.flatMap((c) => c.followUps);
  const overdue = followUps.filter((f) => (f.doneOn === undefined ? f.due < generatedOn : f.doneOn > f.due)).length;
  const followUpTable = suppressTable(
    'followUps',
    [
      { key: 'niet-te-laat', value: followUps.length - overdue },
      { key: 'te-laat', value: overdue },
    ],
    k,
  );

  const shares = suppressTable(
    'shares',
    countBy(
      ['toestemming', 'noodtoestand', 'art-458bis'] as const,
      cohort.flatMap((c) => c.consents.map((r) => r.basis)),
    ),
    k,
  );

  // A median or p90 does not reveal how many values it came from, so it only
  // needs k values behind it, not a published count.
  const daysPublished = days.length >= k;
  const withConsent = cell(shares, 'toestemming');
  const without = (() => {
    const a = cell(shares, 'noodtoestand');
    const b = cell(shares, 'art-458bis');
    return a === null || b === null ? null : a + b;
  })();

  return {
    type: AGGREGATES_TYPE,
    version: AGGREGATES_VERSION,
    generatedOn,
    period: periodLabel(period),
    k,
    tables: [types, ages, flags, firstFollowUp, followUpTable, shares],
    stats: {
      medianDaysToFirstFollowUp: daysPublished ? percentile(days, 50) : null,
      p90DaysToFirstFollowUp: daysPublished ? percentile(days, 90) : null,
      pctFollowUpsOverdue: pct(cell(followUpTable, 'te-laat'), cell(followUpTable, 'niet-te-laat')),
      pctSharesWithConsent: pct(withConsent, without),
    },
  };
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV: the envelope (header + one row), a blank line, then one row per
 * figure: table, cell, value, suppressed (1 = suppressed, value empty).
 */
export function aggregatesToCsv(a: AuditAggregates): string {
  const rows: Array<Array<string | number | null>> = [
    ['type', 'version', 'generatedOn', 'period', 'k'],
    [a.type, a.version, a.generatedOn, a.period, a.k],
    [],
    ['table', 'cell', 'value', 'suppressed'],
  ];
  for (const t of a.tables) {
    for (const c of t.cells) rows.push([t.id, c.key, c.value, c.value === null ? 1 : 0]);
    rows.push([t.id, 'total', t.total, t.total === null ? 1 : 0]);
  }
  for (const [key, value] of Object.entries(a.stats)) rows.push(['stats', key, value, value === null ? 1 : 0]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function aggregatesToJson(a: AuditAggregates): string {
  return `${JSON.stringify(a, null, 2)}\n`;
}
