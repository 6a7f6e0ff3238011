// The case list items of one index shard, and the per-case derivations they
// share with Opvolging. Split from index-reads.ts so the index writer
// (case-index.ts, for the sealed first page) can derive items without an
// import cycle. Pure: no Dexie, no WebCrypto.
import { buildSearchIndex } from '../../../schema/case-list';
import type { CaseListItem } from '../../../schema/case-list';
import { latestAssessment } from '../../../schema/latest-flag';
import type { Flag } from '../../../schema/records/assessment';
import type { FollowUp } from '../../../schema/records/follow-up';
import type { CaseEntry } from './entries';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// One collator for every case (localeCompare with a locale builds one per call: slow at 10,000 cases).
const byName = new Intl.Collator('nl', { numeric: true }).compare;

/** Pseudonyms in the order the parties were added; same millisecond: "Jongere A" before "Jongere B". */
export function pseudonymsOf(entry: CaseEntry): string[] {
  return [...entry.p]
    .sort((a, b) => byText(a.createdAt, b.createdAt) || byName(a.pseudonym, b.pseudonym))
    .map((p) => p.pseudonym);
}

export function flagOf(entry: CaseEntry): Flag | undefined {
  return latestAssessment(entry.a)?.flag;
}

export function openFollowUpsOfEntry(entry: CaseEntry): FollowUp[] {
  const out: FollowUp[] = [];
  for (const f of entry.f) if (!Array.isArray(f)) out.push(f);
  return out;
}

// Per shard: shards are replaced, never mutated, on a
// write (planIndexChange copies them), so after a write only the changed shards' items are derived again.
const listCache = new WeakMap<object, CaseListItem[]>();

export function itemsOfShard(shard: ReadonlyMap<string, CaseEntry>): CaseListItem[] {
  let items = listCache.get(shard);
  if (items) return items;
  items = [];
  for (const [id, entry] of shard) {
    const c = entry.c;
    if (c === undefined) continue;
    if (c === 0) {
      items.push({ ok: false, id, problem: 'beschadigd' });
      continue;
    }
    const flag = flagOf(entry);
    let next: string | undefined;
    for (const f of openFollowUpsOfEntry(entry)) if (next === undefined || f.due < next) next = f.due;
    items.push({
      ok: true,
      id,
      reference: c.reference,
      status: c.status,
      types: c.types,
      schools: c.schools,
      pseudonyms: pseudonymsOf(entry),
      ...(flag === undefined ? {} : { latestFlag: flag }),
      ...(next === undefined ? {} : { nextFollowUp: next }),
      knownOn: c.knownOn,
      updatedAt: c.updatedAt,
      ...(c.retentionUntil === undefined ? {} : { retentionUntil: c.retentionUntil }),
    });
  }
  // Normalise the search text now, so the first keystroke is as cheap as the next.
  buildSearchIndex(items);
  listCache.set(shard, items);
  return items;
}

