// The open follow-ups of the case index in Opvolging's order (due date, then
// id), kept per shard and per index generation (issue 19): a write re-sorts
// only the shards it changed, and a visit to Opvolging costs a binary search
// per group and one page, not a pass over every case. Pure: no Dexie.
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

// Shards are replaced, never mutated, on a write (planIndexChange copies them), so identity marks a change.
const perShard = new WeakMap<ReadonlyMap<string, CaseEntry>, OpenFollowUp[]>();
const perIndex = new WeakMap<IndexMemory, readonly OpenFollowUp[]>();

function ofShard(shard: ReadonlyMap<string, CaseEntry>): OpenFollowUp[] {
  let out = perShard.get(shard);
  if (out) return out;
  out = [];
  for (const entry of shard.values()) for (const followUp of openFollowUpsOfEntry(entry)) out.push({ followUp, entry });
  out.sort(inOrder);
  perShard.set(shard, out);
  return out;
}

/** Every open follow-up of the index, earliest due first (ties by id). */
export function openFollowUpsInOrder(index: IndexMemory): readonly OpenFollowUp[] {
  let all = perIndex.get(index);
  if (all) return all;
  // Sorted runs, concatenated: the engine's TimSort merges them.
  const merged = index.shards.flatMap(ofShard).sort(inOrder);
  perIndex.set(index, merged);
  all = merged;
  return all;
}

/**
 * Where each group starts and ends in `ordered` (sorted by due date). The
 * groups follow each other in due order, so each bound is a binary search.
 */
export function groupRanges(
  ordered: readonly OpenFollowUp[],
  bounds: FollowUpBounds,
): Record<FollowUpGroup, [number, number]> {
  const rank = (i: number): number => followUpGroups.indexOf(followUpGroupOf(ordered[i]!.followUp.due, bounds));
  // First position whose group comes at or after group number `g`.
  const startOf = (g: number): number => {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rank(mid) < g) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = {} as Record<FollowUpGroup, [number, number]>;
  followUpGroups.forEach((group, g) => {
    out[group] = [startOf(g), g + 1 < followUpGroups.length ? startOf(g + 1) : ordered.length];
  });
  return out;
}
