// Team coordination (issue 21): what a coordinator may see of the team's open
// cases, and the pick-up requests a coordinator sends. Pure: no Dexie, no DOM.
// A coordination record holds the case number, who it is assigned to, the next
// follow-up date, status, latest flag and whether a follow-up is overdue: never
// a name, pseudonym, school or fact. Both kinds travel encrypted under the team
// coordination key (app/data/team/coord-*.ts); they are validated here after
// every decrypt and before every encrypt.
import { z } from 'zod';

import { boundsForToday, followUpGroupOf } from './follow-up';
import type { FollowUpGroup } from './follow-up';
import { flagSchema } from './records/assessment';
import { caseReferenceSchema, caseStatusSchema } from './records/case';
import { isoDateSchema } from './records/base';
import { memberIdSchema } from './team';

/** Server document ids: `coord-<random per case>`, `pickup-<random>`, `counts-<member id>`. */
export const coordDocIdSchema = z.string().regex(/^coord-[A-Za-z0-9_-]{16,64}$/);
export const pickupDocIdSchema = z.string().regex(/^pickup-[A-Za-z0-9_-]{16,64}$/);

export const coordRecordSchema = z.strictObject({
  /** The case number (caseReference), the only handle a coordinator gets. */
  reference: caseReferenceSchema,
  assignee: memberIdSchema,
  status: caseStatusSchema,
  /** The earliest open follow-up; absent when the case has none. */
  nextDue: isoDateSchema.optional(),
  flag: flagSchema.optional(),
  /** Whether any open follow-up was overdue on `asOf`. */
  overdue: z.boolean(),
  /** The day (Brussels) the worker's device computed it. */
  asOf: isoDateSchema,
});
export type CoordRecord = z.infer<typeof coordRecordSchema>;

export const pickupRequestSchema = z.strictObject({
  /** The coordination record it is about. */
  coordId: coordDocIdSchema,
  reference: caseReferenceSchema,
  to: memberIdSchema,
  from: memberIdSchema,
  askedOn: isoDateSchema,
});
export type PickupRequest = z.infer<typeof pickupRequestSchema>;

/** Urgency groups of the team view: the four date groups plus cases without a follow-up date. */
export const teamUrgencies = ['te-laat', 'vandaag', 'deze-week', 'later', 'zonder-datum'] as const;
export type TeamUrgency = (typeof teamUrgencies)[number];

export function urgencyOf(record: Pick<CoordRecord, 'nextDue'>, today: string): TeamUrgency {
  if (record.nextDue === undefined) return 'zonder-datum';
  const group: FollowUpGroup = followUpGroupOf(record.nextDue, boundsForToday(today));
  return group;
}

export interface TeamWorkerGroup<T> {
  assignee: string;
  /** Records per urgency, each by next date then case number. */
  urgencies: Record<TeamUrgency, T[]>;
  total: number;
  overdue: number;
  /** The newest day (Brussels) on which the worker's device computed one of these records. */
  asOf: string;
}

function byDueThenReference(a: CoordRecord, b: CoordRecord): number {
  const da = a.nextDue ?? '9999-12-31';
  const db = b.nextDue ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/**
 * Groups the team's coordination records by worker, then by urgency
 * (grouped relative to `today`, not to the day each record was computed).
 * Workers with an overdue follow-up come first, then by the given order.
 */
export function groupTeamFollowUps<T extends { record: CoordRecord }>(
  items: readonly T[],
  today: string,
  workerOrder: readonly string[] = [],
): Array<TeamWorkerGroup<T>> {
  const byWorker = new Map<string, TeamWorkerGroup<T>>();
  const sorted = [...items].sort((a, b) => byDueThenReference(a.record, b.record));
  for (const item of sorted) {
    let group = byWorker.get(item.record.assignee);
    if (!group) {
      group = {
        assignee: item.record.assignee,
        urgencies: { 'te-laat': [], vandaag: [], 'deze-week': [], later: [], 'zonder-datum': [] },
        total: 0,
        overdue: 0,
        asOf: item.record.asOf,
      };
      byWorker.set(item.record.assignee, group);
    }
    const urgency = urgencyOf(item.record, today);
    group.urgencies[urgency].push(item);
    group.total++;
    if (urgency === 'te-laat') group.overdue++;
    if (item.record.asOf > group.asOf) group.asOf = item.record.asOf;
  }
  const rank = (id: string): number => {
    const i = workerOrder.indexOf(id);
    return i === -1 ? workerOrder.length : i;
  };
  return [...byWorker.values()].sort(
    (a, b) =>
      Number(b.overdue > 0) - Number(a.overdue > 0) ||
      rank(a.assignee) - rank(b.assignee) ||
      (a.assignee < b.assignee ? -1 : 1),
  );
}

/**
 * The team's medewerkers and coordinators (`workers`, in list order) that have
 * no group in `groups`, so the team view can name each of them: `reported` is
 * true when their counts arrived (they have no open case), false when nothing
 * of theirs arrived yet (just admitted, or their device has not run a round).
 */
export function workersWithoutRecords(
  groups: ReadonlyArray<{ assignee: string }>,
  workers: readonly string[],
  reported: readonly string[],
): Array<{ id: string; reported: boolean }> {
  const grouped = new Set(groups.map((g) => g.assignee));
  const counted = new Set(reported);
  return workers.filter((id) => !grouped.has(id)).map((id) => ({ id, reported: counted.has(id) }));
}
