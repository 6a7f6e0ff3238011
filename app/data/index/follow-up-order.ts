// The open follow-ups of the case index in Opvolging's order (due date, then
// id), sorted once per index generation (issue 19): a visit to Opvolging
// scans only the groups before "later" and takes one page of each. Pure: no Dexie.
import { followUpGroupOf, followUpGroups } from '../../../schema/follow-up';
import type { FollowUpBounds, FollowUpGroup } from '../../../schema/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import type { IndexMemory } from './case-index';
import type { CaseEntry } from './entries';
import { openFollowUpsOfEntry } from './index-reads';

/** An open follow-up with the index entry of its case. */
export interface OpenFollowUp {
  readonly followUp: FollowUp;
  readonly entry: CaseEntry;
}

export function byDueThenId(a: FollowUp, b: FollowUp): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const inOrder = (a: OpenFollowUp, b: OpenFollowUp): number => byDueThenId(a.followUp, b.followUp);

const perIndex = new WeakMap<IndexMemory, readonly OpenFollowUp[]>();

/** Every open follow-up of the index, earliest due first (ties by id). */
export function openFollowUpsInOrder(index: IndexMemory): readonly OpenFollowUp[] {
  let all = perIndex.get(index);
  if (!all) {
    const out: OpenFollowUp[] = [];
    for (const shard of index.shards)
      for (const entry of shard.values())
        for (const followUp of openFollowUpsOfEntry(entry)) out.push({ followUp, entry });
    perIndex.set(index, (all = out.sort(inOrder)));
  }
  return all;
}

/**
 * Where each group starts and ends in `ordered` (sorted by due date): the
 * groups follow each other in due order, so one scan up to the last group.
 */
export function groupRanges(
  ordered: readonly OpenFollowUp[],
  bounds: FollowUpBounds,
): Record<FollowUpGroup, [number, number]> {
  const out = {} as Record<FollowUpGroup, [number, number]>;
  let i = 0;
  for (const g of followUpGroups) {
    const from = i;
    if (g === 'later') i = ordered.length;
    else while (i < ordered.length && followUpGroupOf(ordered[i]!.followUp.due, bounds) === g) i++;
    out[g] = [from, i];
  }
  return out;
}
