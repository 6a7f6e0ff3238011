import { describe, expect, it } from 'vitest';

import { makeFollowUp } from '../../../schema/factories';
import { boundsForToday, followUpGroupOf, followUpGroups } from '../../../schema/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import type { IndexMemory } from './case-index';
import { emptyEntry, shardOf, withRecord } from './entries';
import type { CaseEntry } from './entries';
import { byDueThenId, groupRanges, openFollowUpsInOrder } from './follow-up-order';

const SHARDS = 4;

function indexOf(followUps: readonly FollowUp[]): IndexMemory {
  const shards = Array.from({ length: SHARDS }, () => new Map<string, CaseEntry>());
  for (const f of followUps) {
    const shard = shards[shardOf(f.caseId, SHARDS)]!;
    shard.set(f.caseId, withRecord(shard.get(f.caseId) ?? emptyEntry(), f));
  }
  return { key: {} as CryptoKey, gen: 1, rows: followUps.length, shardGens: [1, 1, 1, 1], shards };
}

const dues = [
  '2026-03-20',
  '2026-03-25',
  '2026-03-26',
  '2026-03-26',
  '2026-03-27',
  '2026-03-29',
  '2026-03-30',
  '2026-05-01',
];

describe('open follow-ups in Opvolging order', () => {
  it('lists every open follow-up of every shard by due date, then id, and leaves done ones out', () => {
    const open = dues.map((due, i) => makeFollowUp({ due, caseId: `case-${i % 3}` }));
    const done = makeFollowUp({ due: '2026-03-01', doneOn: '2026-03-02', caseId: 'case-0' });
    const ordered = openFollowUpsInOrder(indexOf([...open, done]));
    expect(ordered.map((f) => f.id)).toEqual([...open].sort(byDueThenId).map((f) => f.id));
  });

  it('cuts the groups exactly where followUpGroupOf puts each due date', () => {
    const ordered = openFollowUpsInOrder(indexOf(dues.map((due) => makeFollowUp({ due }))));
    // 2026-03-26 is a Thursday: the week ends on Sunday 2026-03-29.
    const bounds = boundsForToday('2026-03-26');
    const ranges = groupRanges(ordered, bounds);
    for (const g of followUpGroups) {
      const [from, to] = ranges[g];
      const expected = ordered.filter((f) => followUpGroupOf(f.due, bounds) === g).map((f) => f.id);
      expect(ordered.slice(from, to).map((f) => f.id)).toEqual(expected);
    }
    expect(ranges.vandaag[1] - ranges.vandaag[0]).toBe(2);
  });

  it('gives empty groups for an index without open follow-ups', () => {
    const ranges = groupRanges(openFollowUpsInOrder(indexOf([])), boundsForToday('2026-03-26'));
    expect(Object.values(ranges)).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});
