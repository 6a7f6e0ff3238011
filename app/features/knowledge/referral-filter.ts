// Filtering of the referral directory: region, topic and free text (with the
// synonyms workers use, e.g. "chantage" finds sextortion). Pinned entries (112)
// are kept apart and always shown, whatever the filters. The same free text
// also searches Begrippen.
import type { ReferralEntry, Term, Topic } from '../../../schema/content';
import { knowledgeSynonyms } from '../../../schema/search-synonyms';
import type { Jurisdiction } from '../../../schema/settings';
import { matchesQuery } from '../../../schema/text-search';

export type RegionFilter = 'alle' | 'vlaanderen' | 'nederland';
export type TopicFilter = 'alle' | Topic;

export interface ReferralFilter {
  region: RegionFilter;
  topic: TopicFilter;
  query: string;
}

export const emptyReferralFilter: ReferralFilter = { region: 'alle', topic: 'alle', query: '' };

/** Where the directory opens (and "Filters wissen" returns to): the worker's Rechtsgebied. */
export function referralFilterFor(jurisdiction: Jurisdiction): ReferralFilter {
  return { ...emptyReferralFilter, region: jurisdiction };
}

export interface FilteredReferrals {
  /** Always shown, at the top, outside the count. */
  pinned: ReferralEntry[];
  /** The entries that match every filter, in file order. */
  results: ReferralEntry[];
}

/** True when the filter differs from `base` (by default "show everything"). */
export function isFiltered(filter: ReferralFilter, base: ReferralFilter = emptyReferralFilter): boolean {
  return filter.region !== base.region || filter.topic !== base.topic || filter.query.trim() !== base.query.trim();
}

/** Entries for both regions ('beide') show under either region filter. */
export function matchesRegion(entry: ReferralEntry, region: RegionFilter): boolean {
  return region === 'alle' || entry.region === 'beide' || entry.region === region;
}

/** The texts free-text search looks in. */
export function searchableTexts(entry: ReferralEntry, topicLabels: Readonly<Record<Topic, string>>): string[] {
  return [
    entry.name,
    entry.helpsWith,
    entry.forWhom,
    ...entry.topics.map((topic) => topicLabels[topic]),
    ...(entry.website ? [entry.website] : []),
  ];
}

export function matchesFilter(
  entry: ReferralEntry,
  filter: ReferralFilter,
  topicLabels: Readonly<Record<Topic, string>>,
): boolean {
  return (
    matchesRegion(entry, filter.region) &&
    (filter.topic === 'alle' || entry.topics.includes(filter.topic)) &&
    matchesQuery(searchableTexts(entry, topicLabels), filter.query, knowledgeSynonyms)
  );
}

/**
 * Where the directory opens for a link to one entry (`/verwijzingen#qpido` from a step plan): the
 * worker's own filter, or the entry's region when that filter would hide it (a review: a link from the
 * other region's plan landed on an empty spot).
 */
export function filterForLinked(
  entries: readonly ReferralEntry[],
  base: ReferralFilter,
  linkedId: string,
): ReferralFilter {
  const linked = entries.find((entry) => entry.id === linkedId);
  if (linked === undefined || linked.pinned || matchesRegion(linked, base.region)) return base;
  return { ...base, region: linked.region === 'beide' ? 'alle' : linked.region };
}

export function filterReferrals(
  entries: readonly ReferralEntry[],
  filter: ReferralFilter,
  topicLabels: Readonly<Record<Topic, string>>,
): FilteredReferrals {
  const pinned: ReferralEntry[] = [];
  const results: ReferralEntry[] = [];
  for (const entry of entries) {
    if (entry.pinned) pinned.push(entry);
    else if (matchesFilter(entry, filter, topicLabels)) results.push(entry);
  }
  return { pinned, results };
}

/** Glossary terms whose name or definition matches the free text (none for an empty query). */
export function matchingTerms(terms: readonly Term[], query: string): Term[] {
  if (query.trim() === '') return [];
  return terms.filter((term) => matchesQuery([term.term, term.definition], query, knowledgeSynonyms));
}
