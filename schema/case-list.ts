// The case list as the logbook shows it, and its pure search, filter and
// order. Search runs in memory over decrypted data (nothing searchable is
// stored in plaintext), so it must stay cheap per keystroke for 10,000 cases:
// each item's normalised search text is computed once and cached per item.
import type { Flag } from './records/assessment';
import type { Case, CaseStatus, CaseType } from './records/case';
import { normalizeForSearch, queryTokens } from './text-search';

export type CaseListItem =
  | {
      ok: true;
      id: string;
      reference: string;
      status: CaseStatus;
      types: Case['types'];
      schools: string[];
      /** Pseudonyms of the betrokkenen, in the order they were added. */
      pseudonyms: string[];
      /** The flag of the newest assessment (by date, then by time recorded). */
      latestFlag?: Flag;
      /** Soonest due date among the open follow-ups. */
      nextFollowUp?: string;
      knownOn: string;
      updatedAt: string;
      retentionUntil?: string;
    }
  | { ok: false; id: string; problem: 'beschadigd' };

export type OkCaseListItem = Extract<CaseListItem, { ok: true }>;

export interface CaseListFilters {
  /** Free text over reference, pseudonyms and schools; diacritics and case are ignored. */
  query?: string;
  status?: CaseStatus | undefined;
  type?: CaseType | undefined;
  flag?: Flag | undefined;
}

/** The haystacks `matchesQuery` would search for one item. */
export function searchFields(item: OkCaseListItem): string[] {
  return [item.reference, ...item.pseudonyms, ...item.schools];
}

// Normalised haystacks joined by "\n": query tokens never contain whitespace,
// so "token occurs in the joined text" equals "token occurs in one haystack",
// which is exactly matchesQuery's rule.
const searchKeys = new WeakMap<OkCaseListItem, string>();

function searchKey(item: OkCaseListItem): string {
  let key = searchKeys.get(item);
  if (key === undefined) {
    key = searchFields(item).map(normalizeForSearch).join('\n');
    searchKeys.set(item, key);
  }
  return key;
}

/**
 * Precomputes the search text of every item (otherwise done lazily on the
 * first search), e.g. right after the list is read.
 */
export function buildSearchIndex(items: readonly CaseListItem[]): void {
  for (const item of items) if (item.ok) searchKey(item);
}

/**
 * The items that match every given filter, in their original order. A
 * damaged case cannot be searched or filtered, so it is only listed when no
 * query and no filter is set (it must stay visible so it can be dealt with).
 */
export function filterCaseList(items: readonly CaseListItem[], filters: CaseListFilters): CaseListItem[] {
  const tokens = queryTokens(filters.query ?? '');
  const { status, type, flag } = filters;
  const unfiltered = tokens.length === 0 && status === undefined && type === undefined && flag === undefined;
  if (unfiltered) return [...items];
  return items.filter((item) => {
    if (!item.ok) return false;
    if (status !== undefined && item.status !== status) return false;
    if (type !== undefined && !item.types.includes(type)) return false;
    if (flag !== undefined && item.latestFlag !== flag) return false;
    if (tokens.length === 0) return true;
    const key = searchKey(item);
    return tokens.every((token) => key.includes(token));
  });
}

/**
 * Soonest next follow-up first; cases without an open follow-up after them;
 * within each group (and on equal dates) the most recently changed first.
 * Damaged cases go last. Returns a new array.
 */
export function sortByNextFollowUp(items: readonly CaseListItem[]): CaseListItem[] {
  return [...items].sort(compareByNextFollowUp);
}

/** The order of sortByNextFollowUp, for a partial selection of the first items. */
export function compareByNextFollowUp(a: CaseListItem, b: CaseListItem): number {
  if (!a.ok || !b.ok) return a.ok === b.ok ? a.id.localeCompare(b.id) : a.ok ? -1 : 1;
  const ad = a.nextFollowUp;
  const bd = b.nextFollowUp;
  if (ad !== bd) {
    if (ad === undefined) return 1;
    if (bd === undefined) return -1;
    return ad < bd ? -1 : 1;
  }
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/** Cases the list shows at once, and per "Toon meer"; also what the sealed first page holds. */
export const CASE_LIST_PAGE_SIZE = 50;
