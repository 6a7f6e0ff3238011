// Derived views of the in-memory case index: the case list and what the
// Opvolging screens need. Pure functions of an IndexMemory (no Dexie, no
// WebCrypto); results are cached per index generation.
import type { CaseListItem } from '../../../schema/case-list';
import type { Flag } from '../../../schema/records/assessment';
import type { CaseType } from '../../../schema/records/case';
import { matchesQuery } from '../../../schema/text-search';
import type { FollowUp } from '../../../schema/records/follow-up';
import { SHARDS, entriesOf } from './case-index';
import type { IndexMemory } from './case-index';
import { shardOf } from './entries';
import type { CaseEntry, CaseProjection } from './entries';
import { flagOf, itemsOfShard, openFollowUpsOfEntry } from './list-items';

export { flagOf, openFollowUpsOfEntry, pseudonymsOf } from './list-items';

/** Open step checks marked for Opvolging. */
export function reminderStepsOf(entry: CaseEntry): number {
  let n = 0;
  for (const s of entry.s) n += s;
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

// The whole list, per index generation.
const listOfIndex = new WeakMap<IndexMemory, CaseListItem[]>();

/** Every case as a list item (unordered), as readCaseList always returned it. */
export function caseListOf(index: IndexMemory): CaseListItem[] {
  let items = listOfIndex.get(index);
  if (!items) listOfIndex.set(index, (items = index.shards.flatMap(itemsOfShard)));
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
