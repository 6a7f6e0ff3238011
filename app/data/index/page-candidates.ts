// What the sealed first page (first-page.ts) is computed from, per shard
// (issue 19: a note save re-sealed the page from all 10,000 list items).
// A shard's Map is never mutated once it is in an IndexMemory or a plan
// (planIndexChange copies the shards it changes), so each shard's own first
// CASE_LIST_PAGE_SIZE cases in list order and in retention order are cached
// per Map; after a write only the changed shards are derived again, and the
// page is the first CASE_LIST_PAGE_SIZE of the shards' candidates merged in
// shard order. That is exactly a stable sort of every item in shard order:
// a case among the first n overall is among the first n of its own shard, and
// merging keeps equal cases in shard order, then in shard insertion order.
// Decrypted values: the cache is dropped when the vault locks.
import { CASE_LIST_PAGE_SIZE, compareByNextFollowUp } from '../../../schema/case-list';
import type { CaseListItem } from '../../../schema/case-list';
import { getDataKey, subscribeVault } from '../session';
import type { CaseEntry } from './entries';
import { itemsOfShard } from './list-items';

export type Found = readonly [CaseListItem, CaseEntry];

interface Candidates {
  /** Every case of the shard (damaged ones included). */
  readonly total: number;
  /** The shard's first cases in list order, sorted, equal ones in insertion order. */
  readonly first: readonly Found[];
  /** The shard's closed cases with a retention date, earliest first, equal ones in insertion order. */
  readonly due: readonly Found[];
}

let cache = new WeakMap<object, Candidates>();

subscribeVault(() => {
  if (getDataKey() === null) cache = new WeakMap();
});

const byList = (a: Found, b: Found): number => compareByNextFollowUp(a[0], b[0]);
const retention = ([item]: Found): string => (item.ok ? (item.retentionUntil ?? '') : '');
const byRetention = (a: Found, b: Found): number => retention(a).localeCompare(retention(b));

/**
 * The first `n` in `compare` order of the runs taken one after the other, equal
 * to a stable sort's first `n` (no full sort). Each run must already be in
 * `compare` order (equal items in their original order): the rest of a run is
 * skipped at its first item that cannot enter.
 */
export function firstOfRuns<T>(runs: Iterable<readonly T[]>, n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const run of runs) {
    for (const item of run) {
      if (top.length === n && compare(item, top[n - 1] as T) >= 0) break;
      // Inserted after its equals: stable.
      let i = top.length;
      while (i > 0 && compare(top[i - 1] as T, item) > 0) i--;
      top.splice(i, 0, item);
      if (top.length > n) top.length = n;
    }
  }
  return top;
}

function candidatesOf(shard: ReadonlyMap<string, CaseEntry>): Candidates {
  let found = cache.get(shard);
  if (found) return found;
  const items = itemsOfShard(shard);
  const all: Found[] = items.map((item) => [item, shard.get(item.id) as CaseEntry]);
  const closed = all.filter(([item]) => item.ok && item.status === 'afgesloten' && item.retentionUntil !== undefined);
  // A stable sort of one shard (≈ 40–160 cases), so its runs are in order for the merge.
  found = {
    total: items.length,
    first: [...all].sort(byList).slice(0, CASE_LIST_PAGE_SIZE),
    due: closed.sort(byRetention).slice(0, CASE_LIST_PAGE_SIZE),
  };
  cache.set(shard, found);
  return found;
}

/** Test seam: whether a shard's candidates are cached. */
export function hasCachedCandidates(shard: ReadonlyMap<string, CaseEntry>): boolean {
  return cache.has(shard);
}

/** What the sealed first page holds: the number of cases and the page's cases (first screen, then due for erasure). */
export interface PageContent {
  readonly total: number;
  readonly cases: ReadonlyMap<string, CaseEntry>;
  /** The two merged lists the cases come from, in order (for pageAfterChange). */
  readonly first: readonly Found[];
  readonly due: readonly Found[];
}

/** The cases of the first page of an index (its shards in shard order, as caseListOf lists them), and the total. */
export function firstPageOf(shards: ReadonlyArray<ReadonlyMap<string, CaseEntry>>): PageContent {
  const candidates = shards.map(candidatesOf);
  let total = 0;
  for (const c of candidates) total += c.total;
  const first = firstOfRuns(
    candidates.map((c) => c.first),
    CASE_LIST_PAGE_SIZE,
    byList,
  );
  const due = firstOfRuns(
    candidates.map((c) => c.due),
    CASE_LIST_PAGE_SIZE,
    byRetention,
  );
  return { total, cases: new Map([...first, ...due].map(([item, entry]) => [item.id, entry])), first, due };
}

/** Whether a run cannot change a full page's list: every item sorts strictly after its last one. */
function staysOut(page: readonly Found[], run: readonly Found[], compare: (a: Found, b: Found) => number): boolean {
  const last = page[CASE_LIST_PAGE_SIZE - 1];
  const head = run[0];
  return head === undefined || (last !== undefined && compare(head, last) > 0);
}

/**
 * Issue 19: the first page after some shards changed, without merging every
 * shard's candidates again, when it provably did not change: `before` (the page
 * of `base`) itself. That holds when the number of cases is the same, no case of
 * a changed shard was on the page (by id: a case lives in one shard), and each
 * changed shard's new candidates all sort strictly after a full page's last
 * case, in both lists (strictly: an equal case of an earlier shard would come
 * first in the stable merge). Null when that is not shown; then the caller
 * computes the page with firstPageOf.
 */
export function pageAfterChange(
  before: PageContent,
  base: ReadonlyArray<ReadonlyMap<string, CaseEntry>>,
  changed: ReadonlyMap<number, ReadonlyMap<string, CaseEntry>>,
): PageContent | null {
  let total = before.total;
  for (const [i, shard] of changed) {
    const old = base[i];
    if (old === undefined) return null;
    for (const id of old.keys()) if (before.cases.has(id)) return null;
    const next = candidatesOf(shard);
    total += next.total - candidatesOf(old).total;
    if (!staysOut(before.first, next.first, byList) || !staysOut(before.due, next.due, byRetention)) return null;
  }
  return total === before.total ? before : null;
}

/**
 * Whether two pages would be sealed alike: the same total and the same cases in
 * the same order with the same entries (entries are replaced, never mutated, so
 * an unchanged case keeps its entry object).
 */
export function samePage(a: PageContent, b: PageContent): boolean {
  if (a.total !== b.total || a.cases.size !== b.cases.size) return false;
  const other = b.cases.entries();
  for (const [id, entry] of a.cases) {
    const next = other.next();
    if (next.done === true || next.value[0] !== id || next.value[1] !== entry) return false;
  }
  return true;
}
