// Filtering of the referral directory: region, topic and free text. Pinned
// entries (112) are kept apart and always shown, whatever the filters.
import type { ReferralEntry, Topic } from '../../../schema/content';
import { matchesQuery } from '../../../schema/text-search';

export type RegionFilter = 'alle' | 'vlaanderen' | 'nederland';
export type TopicFilter = 'alle' | Topic;

export interface ReferralFilter {
  region: RegionFilter;
  topic: TopicFilter;
  query: string;
}

export const emptyReferralFilter: ReferralFilter = { region: 'alle', topic: 'alle', query: '' };

export interface FilteredReferrals {
  /** Always shown, at the top, outside the count. */
  pinned: ReferralEntry[];
  /** The entries that match every filter, in file order. */
  results: ReferralEntry[];
}

/** True when the filter differs from "show everything". */
export function isFiltered(filter: ReferralFilter): boolean {
  return filter.region !== 'alle' || filter.topic !== 'alle' || filter.query.trim() !== '';
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
    matchesQuery(searchableTexts(entry, topicLabels), filter.query)
  );
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
