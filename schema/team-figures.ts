// Team figures for the auditor (issue 21). Pure. Each member's device counts
// its own cases per quarter, unsuppressed (countAggregates), and publishes
// the counts encrypted for coordinators. A coordinator's device sums them and
// applies the same disclosure control as the personal auditor export
// (aggregatesFromCounts: "less than k", primary and complementary
// suppression) to the TEAM totals, then signs and publishes the result for the
// auditor. Suppressing the sum, never summing suppressed parts, is what keeps
// the rules' guarantees: the auditor only ever sees the suppressed team table.
import { z } from 'zod';

import {
  AGGREGATES_TYPE,
  AGGREGATES_VERSION,
  aggregateCountsSchema,
  aggregateTableIds,
  aggregatesFromCounts,
  SUPPRESSION_K,
} from './audit-aggregates';
import type { AggregateCounts, AuditAggregates } from './audit-aggregates';
import { isoDateSchema, timestampSchema } from './records/base';
import { memberIdSchema, teamIdSchema } from './team';

/** Quarters a device publishes counts for: the current one and the three before it. */
export const COUNTED_QUARTERS = 4;

export const memberCountsSchema = z.strictObject({
  member: memberIdSchema,
  /** The day (Brussels) the counts were made; overdue follow-ups are as of this day. */
  countedOn: isoDateSchema,
  quarters: z.array(aggregateCountsSchema).max(COUNTED_QUARTERS),
});
export type MemberCounts = z.infer<typeof memberCountsSchema>;

/** Adds the counts of several members for one period (cells matched by table and key). */
export function sumAggregateCounts(period: string, parts: readonly AggregateCounts[]): AggregateCounts {
  const tables = new Map<AggregateCounts['tables'][number]['id'], Map<string, number>>();
  const sum: AggregateCounts = { period, cohort: 0, tables: [], firstFollowUpDays: [], conversationDays: [] };
  for (const part of parts) {
    if (part.period !== period) continue;
    sum.cohort += part.cohort;
    sum.firstFollowUpDays.push(...part.firstFollowUpDays);
    sum.conversationDays.push(...part.conversationDays);
    for (const t of part.tables) {
      let cells = tables.get(t.id);
      if (!cells) {
        cells = new Map();
        tables.set(t.id, cells);
      }
      for (const c of t.counts) cells.set(c.key, (cells.get(c.key) ?? 0) + c.value);
    }
  }
  // Keep the published table order, whatever order the parts came in.
  for (const id of aggregateTableIds) {
    const cells = tables.get(id);
    if (cells) sum.tables.push({ id, counts: [...cells].map(([key, value]) => ({ key, value })) });
  }
  sum.firstFollowUpDays.sort((a, b) => a - b);
  sum.conversationDays.sort((a, b) => a - b);
  return sum;
}

const cellSchema = z.strictObject({ key: z.string().min(1).max(40), value: z.int().min(0).nullable() });
const tableSchema = z.discriminatedUnion('lessThanK', [
  z.strictObject({
    id: z.enum(aggregateTableIds),
    lessThanK: z.literal(false),
    total: z.int().min(0),
    cells: z.array(cellSchema).max(20),
  }),
  z.strictObject({
    id: z.enum(aggregateTableIds),
    lessThanK: z.literal(true),
    total: z.null(),
    cells: z.tuple([]),
  }),
]);
const statSchema = z.number().min(0).nullable();

/** The suppressed figures as published (the personal export's shape). */
export const auditAggregatesSchema = z.strictObject({
  type: z.literal(AGGREGATES_TYPE),
  version: z.literal(AGGREGATES_VERSION),
  generatedOn: isoDateSchema,
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  k: z.int().min(2),
  tables: z.array(tableSchema).max(40),
  stats: z.strictObject({
    medianDaysToFirstFollowUp: statSchema,
    p90DaysToFirstFollowUp: statSchema,
    pctFollowUpsOverdue: statSchema,
    pctSharesWithConsent: statSchema,
    medianDaysToFirstConversation: statSchema,
  }),
}) satisfies z.ZodType<AuditAggregates>;

export const TEAM_FIGURES_TYPE = 'baken-team-figures';

/** What the coordinator signs: the team, the suppressed figures and where they came from. */
export const teamFiguresSchema = z.strictObject({
  type: z.literal(TEAM_FIGURES_TYPE),
  version: z.literal(1),
  team: teamIdSchema,
  /** How many members' counts were summed. */
  members: z.int().min(0),
  /** The oldest of those counts' days: figures are "as of" this day at the earliest. */
  countedFrom: isoDateSchema.optional(),
  aggregates: auditAggregatesSchema,
});
export type TeamFigures = z.infer<typeof teamFiguresSchema>;

/** The published document's content: the figures, who signed them and when, and the signature. */
export const signedTeamFiguresSchema = z.strictObject({
  figures: teamFiguresSchema,
  signer: memberIdSchema,
  signedAt: timestampSchema,
  /** ECDSA P-256/SHA-256 over canonicalJson({ figures, signer, signedAt }), base64. */
  sig: z.base64().max(200),
});
export type SignedTeamFigures = z.infer<typeof signedTeamFiguresSchema>;

/**
 * The team figures of one period from the members' counts: summed, then
 * suppressed as one table set. `generatedOn` is the coordinator's day.
 */
export function buildTeamFigures(
  team: string,
  period: string,
  counts: readonly MemberCounts[],
  generatedOn: string,
  k: number = SUPPRESSION_K,
): TeamFigures {
  const parts = counts.flatMap((m) => m.quarters.filter((q) => q.period === period));
  const contributing = counts.filter((m) => m.quarters.some((q) => q.period === period));
  const countedFrom = contributing.reduce<string | undefined>(
    (min, m) => (min === undefined || m.countedOn < min ? m.countedOn : min),
    undefined,
  );
  return {
    type: TEAM_FIGURES_TYPE,
    version: 1,
    team,
    members: contributing.length,
    ...(countedFrom === undefined ? {} : { countedFrom }),
    aggregates: aggregatesFromCounts(sumAggregateCounts(period, parts), generatedOn, k),
  };
}
