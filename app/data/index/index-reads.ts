// Derived views of the in-memory case index: the case list and what the
// Opvolging screens need. Pure functions of an IndexMemory (no Dexie, no
// WebCrypto); results are cached per index generation.
import { buildSearchIndex } from '../../../schema/case-list';
import type { CaseListItem } from '../../../schema/case-list';
import { latestAssessment } from '../../../schema/latest-flag';
import type { Flag } from '../../../schema/records/assessment';
import type { FollowUp } from '../../../schema/records/follow-up';
import { SHARDS, entriesOf } from './case-index';
import type { IndexMemory } from './case-index';
import { shardOf } from './entries';
import type { CaseEntry, CaseProjection } from './entries';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// One collator for every case (localeCompare with a locale builds one per call: slow at 10,000 cases).
const byName = new Intl.Collator('nl', { numeric: true }).compare;

/** Pseudonyms in the order the parties were added; same millisecond: "Jongere A" before "Jongere B". */
export function pseudonymsOf(entry: CaseEntry): string[] {
  return Object.values(entry.p)
    .sort((a, b) => byText(a.createdAt, b.createdAt) || byName(a.pseudonym, b.pseudonym))
    .map((p) => p.pseudonym);
}

export function flagOf(entry: CaseEntry): Flag | undefined {
  return latestAssessment(Object.values(entry.a))?.flag;
}

export function openFollowUpsOfEntry(entry: CaseEntry): FollowUp[] {
  const out: FollowUp[] = [];
  for (const f of Object.values(entry.f)) if (!Array.isArray(f)) out.push(f);
  return out;
}

/** Open step checks marked for Opvolging. */
export function reminderStepsOf(entry: CaseEntry): number {
  let n = 0;
  for (const s of Object.values(entry.s)) n += s;
  return n;
}

export function caseOf(entry: CaseEntry): CaseProjection | undefined {
  return entry.c === 0 ? undefined : entry.c;
}

// Per shard and per index generation: shards are replaced, never mutated, on a write (planIndexChange
// copies them), so after a write only the changed shards' items are derived again.
const shardCache = new WeakMap<ReadonlyMap<string, CaseEntry>, CaseListItem[]>();
const listCache = new WeakMap<IndexMemory, CaseListItem[]>();

function listItemOf(id: string, entry: CaseEntry): CaseListItem | undefined {
  if (entry.c === undefined) return undefined;
  if (entry.c === 0) return { ok: false, id, problem: 'beschadigd' };
  const c = entry.c;
  const flag = flagOf(entry);
  let next: string | undefined;
  for (const f of openFollowUpsOfEntry(entry)) if (next === undefined || f.due < next) next = f.due;
  return {
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
  };
}

function itemsOfShard(shard: ReadonlyMap<string, CaseEntry>): CaseListItem[] {
  let items = shardCache.get(shard);
  if (items) return items;
  items = [];
  for (const [id, entry] of shard) {
    const item = listItemOf(id, entry);
    if (item) items.push(item);
  }
  // Normalise the search text now, so the first keystroke is as cheap as the next.
  buildSearchIndex(items);
  shardCache.set(shard, items);
  return items;
}

/** Every case as a list item (unordered), as readCaseList always returned it. */
export function caseListOf(index: IndexMemory): CaseListItem[] {
  const cached = listCache.get(index);
  if (cached) return cached;
  const items = index.shards.flatMap(itemsOfShard);
  listCache.set(index, items);
  return items;
}

/** Every open follow-up of every case. */
export function openFollowUpsOf(index: IndexMemory): FollowUp[] {
  const out: FollowUp[] = [];
  for (const [, entry] of entriesOf(index)) out.push(...openFollowUpsOfEntry(entry));
  return out;
}

/** The entry of one case, if indexed. */
export function entryOf(index: IndexMemory, caseId: string): CaseEntry | undefined {
  return index.shards[shardOf(caseId, SHARDS)]?.get(caseId);
}
