import { describe, expect, it } from 'vitest';

import { coordRecordSchema, groupTeamFollowUps, urgencyOf, workersWithoutRecords } from './team-coord';
import type { CoordRecord } from './team-coord';

// Wednesday 2026-03-11: this week runs to Sunday 2026-03-15.
const TODAY = '2026-03-11';

function rec(reference: string, assignee: string, nextDue?: string): { record: CoordRecord } {
  return {
    record: {
      reference,
      assignee,
      status: 'open',
      ...(nextDue === undefined ? {} : { nextDue }),
      overdue: nextDue !== undefined && nextDue < TODAY,
      asOf: TODAY,
    },
  };
}

describe('coordination records', () => {
  it('sorts a follow-up date into te laat, vandaag, deze week, later or zonder datum', () => {
    expect(
      [undefined, '2026-03-10', '2026-03-11', '2026-03-15', '2026-03-16'].map((nextDue) =>
        urgencyOf(nextDue === undefined ? {} : { nextDue }, TODAY),
      ),
    ).toEqual(['zonder-datum', 'te-laat', 'vandaag', 'deze-week', 'later']);
  });

  it('groups by worker, the workers with an overdue follow-up first, each urgency by date', () => {
    const groups = groupTeamFollowUps(
      [
        rec('2026-003', 'worker-aaaa-aaaa-aaaa', '2026-04-01'),
        rec('2026-001', 'worker-aaaa-aaaa-aaaa', '2026-03-12'),
        rec('2026-002', 'worker-bbbb-bbbb-bbbb', '2026-03-01'),
        rec('2026-004', 'worker-bbbb-bbbb-bbbb'),
        rec('2026-005', 'worker-bbbb-bbbb-bbbb', '2026-02-01'),
      ],
      TODAY,
      ['worker-aaaa-aaaa-aaaa', 'worker-bbbb-bbbb-bbbb'],
    );
    expect(groups.map((g) => [g.assignee, g.total, g.overdue])).toEqual([
      ['worker-bbbb-bbbb-bbbb', 3, 2],
      ['worker-aaaa-aaaa-aaaa', 2, 0],
    ]);
    const [b, a] = groups;
    expect(b?.urgencies['te-laat'].map((i) => i.record.reference)).toEqual(['2026-005', '2026-002']);
    expect(b?.urgencies['zonder-datum'].map((i) => i.record.reference)).toEqual(['2026-004']);
    expect(a?.urgencies['deze-week'].map((i) => i.record.reference)).toEqual(['2026-001']);
    expect(a?.urgencies.later.map((i) => i.record.reference)).toEqual(['2026-003']);
  });

  it("gives each worker's group the newest day their device computed a record", () => {
    const old = (r: { record: CoordRecord }, asOf: string) => ({ record: { ...r.record, asOf } });
    const groups = groupTeamFollowUps(
      [
        old(rec('2026-001', 'worker-aaaa-aaaa-aaaa', '2026-03-12'), '2026-03-05'),
        old(rec('2026-002', 'worker-aaaa-aaaa-aaaa', '2026-03-20'), '2026-03-07'),
        rec('2026-003', 'worker-bbbb-bbbb-bbbb', '2026-03-20'),
      ],
      TODAY,
    );
    expect(groups.map((g) => [g.assignee, g.asOf])).toEqual([
      ['worker-aaaa-aaaa-aaaa', '2026-03-07'],
      ['worker-bbbb-bbbb-bbbb', TODAY],
    ]);
  });

  it('refuses a record that carries anything beyond the coordination fields', () => {
    const ok = rec('2026-001', 'worker-aaaa-aaaa-aaaa', '2026-03-12').record;
    expect(coordRecordSchema.safeParse(ok).success).toBe(true);
    expect(coordRecordSchema.safeParse({ ...ok, pseudonyms: ['Jongere A'] }).success).toBe(false);
    expect(coordRecordSchema.safeParse({ ...ok, schools: ['Sint-Jan'] }).success).toBe(false);
    expect(coordRecordSchema.safeParse({ ...ok, reference: 'Jongere A' }).success).toBe(false);
  });
});

describe('workersWithoutRecords', () => {
  it('names every medewerker and coordinator without a group, and whether their counts arrived', () => {
    const groups = [{ assignee: 'anna' }];
    expect(workersWithoutRecords(groups, ['anna', 'bram', 'dirk'], ['anna', 'dirk'])).toEqual([
      { id: 'bram', reported: false },
      { id: 'dirk', reported: true },
    ]);
    expect(workersWithoutRecords([], [], [])).toEqual([]);
    expect(workersWithoutRecords(groups, ['anna'], [])).toEqual([]);
  });
});
