// The open follow-ups of the case index in Opvolging's order (due date, then
// id), sorted once per index generation (issue 19): a visit to Opvolging
// scans only the groups before "later" and takes one page of each. Pure: no Dexie.
import { followUpGroupOf, followUpGroups } from '../../../schema/follow-up';
import type { FollowUpBounds, FollowUpGroup } from '../../../schema/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import type { IndexMemory } from './case-index';
import { openFollowUpsOf } from './index-reads';

export function byDueThenId(a: FollowUp, b: FollowUp): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const perIndex = new WeakMap<IndexMemory, readonly FollowUp[]>();

/** Every open follow-up of the index, earliest due first (ties by id). */
export function openFollowUpsInOrder(index: IndexMemory): readonly FollowUp[] {
  let all = perIndex.get(index);
  if (!all) perIndex.set(index, (all = openFollowUpsOf(index).sort(byDueThenId)));
  return all;
}

/**
 * Where each group starts and ends in `ordered` (sorted by due date): the
 * groups follow each other in due order, so one scan up to the last group.
 */
export function groupRanges(
  ordered: readonly FollowUp[],
  bounds: FollowUpBounds,
): Record<FollowUpGroup, [number, number]> {
  const out = {} as Record<FollowUpGroup, [number, number]>;
  let i = 0;
  for (const g of followUpGroups) {
    const from = i;
    if (g === 'later') i = ordered.length;
    else while (i < ordered.length && followUpGroupOf(ordered[i]!.due, bounds) === g) i++;
    out[g] = [from, i];
  }
  return out;
}
