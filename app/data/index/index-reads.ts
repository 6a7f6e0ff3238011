// Derived views of the in-memory case index: the case list and what the
// Opvolging screens need. Pure functions of an IndexMemory (no Dexie, no
// WebCrypto); results are cached per index generation.
import { buildSearchIndex } from '../../../schema/case-list';
import type { CaseListItem } from '../../../schema/case-list';
import { latestAssessment } from '../../../schema/latest-flag';
import type { Flag } from '../../../schema/records/assessment';
import type { CaseType } from '../../../schema/records/case';
import { matchesQuery } from '../../../schema/text-search';
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

/** Opvolging's filter on a case: part of a school name (accents and case ignored), type, latest flag. */
export interface CaseFilter {
  school?: string | undefined;
  type?: CaseType | undefined;
  flag?: Flag | undefined;
}

/** True when the filter narrows anything (a school text of only spaces does not). */
export function isCaseFilterSet(filter: CaseFilter | undefined): filter is CaseFilter {
  return Boolean(filter && ((filter.school?.trim() ?? '') !== '' || filter.type || filter.flag));
}

/** Whether a case passes the filter; a case without a readable case record never does. */
export function matchesCaseFilter(filter: CaseFilter, entry: CaseEntry): boolean {
  const c = caseOf(entry);
  if (!c) return false;
  const school = filter.school?.trim() ?? '';
  if (school !== '' && !matchesQuery(c.schools, school)) return false;
  if (filter.type && !c.types.includes(filter.type)) return false;
  return !filter.flag || flagOf(entry) === filter.flag;
}

// Per shard and per index generation (one WeakMap for both): shards are replaced, never mutated, on a
// write (planIndexChange copies them), so after a write only the changed shards' items are derived again.
const listCache = new WeakMap<object, CaseListItem[]>();

function itemsOfShard(shard: ReadonlyMap<string, CaseEntry>): CaseListItem[] {
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

/** Every case as a list item (unordered), as readCaseList always returned it. */
export function caseListOf(index: IndexMemory): CaseListItem[] {
  let items = listCache.get(index);
  if (!items) listCache.set(index, (items = index.shards.flatMap(itemsOfShard)));
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
