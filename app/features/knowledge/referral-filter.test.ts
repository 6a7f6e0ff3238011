import { describe, expect, it } from 'vitest';
import verwijzingenJson from '../../../public/content/verwijzingen.json';
import { verwijzingenFileSchema, type ReferralEntry, type Term, type Topic } from '../../../schema/content';
import { nl } from '../../i18n/core';
import {
  emptyReferralFilter,
  filterReferrals,
  isFiltered,
  matchesRegion,
  matchingTerms,
  referralFilterFor,
  type ReferralFilter,
} from './referral-filter';

const topicLabels: Record<Topic, string> = nl.knowledge.verwijzingen.topics;

function makeEntry(overrides: Partial<ReferralEntry> = {}): ReferralEntry {
  return {
    id: 'voorbeeld',
    name: 'Voorbeeld',
    region: 'vlaanderen',
    topics: [],
    helpsWith: 'Helpt.',
    forWhom: 'Iedereen.',
    phones: [],
    hours: { kind: 'unknown' },
    source: 'publieke bron: test',
    lastChecked: '2026-11-21',
    ...overrides,
  };
}

const filter = (overrides: Partial<ReferralFilter>): ReferralFilter => ({ ...emptyReferralFilter, ...overrides });

const names = (entries: readonly ReferralEntry[]) => entries.map((e) => e.name);

describe('filterReferrals', () => {
  const emergency = makeEntry({ id: 'nood', name: 'Noodnummer 112', region: 'beide', pinned: true });
  const childFocus = makeEntry({ id: 'cf', name: 'Child Focus', topics: ['sextortion', 'beelden-verwijderen'] });
  const qpido = makeEntry({
    id: 'q',
    name: 'Qpido',
    region: 'nederland',
    topics: ['grooming'],
    website: 'https://www.qpido.nl',
  });
  const both = makeEntry({ id: 'b', name: 'Overal', region: 'beide', helpsWith: 'Hulp bij crèche-vragen.' });
  const entries = [emergency, childFocus, qpido, both];

  it('keeps pinned entries apart and always shows them, whatever the filters', () => {
    const result = filterReferrals(
      entries,
      filter({ region: 'nederland', topic: 'grooming', query: 'zzz' }),
      topicLabels,
    );
    expect(names(result.pinned)).toEqual(['Noodnummer 112']);
    expect(result.results).toEqual([]);
  });

  it('shows every unpinned entry, in file order, without filters', () => {
    expect(names(filterReferrals(entries, emptyReferralFilter, topicLabels).results)).toEqual([
      'Child Focus',
      'Qpido',
      'Overal',
    ]);
  });

  it('shows entries for both regions under either region', () => {
    expect(names(filterReferrals(entries, filter({ region: 'nederland' }), topicLabels).results)).toEqual([
      'Qpido',
      'Overal',
    ]);
    expect(names(filterReferrals(entries, filter({ region: 'vlaanderen' }), topicLabels).results)).toEqual([
      'Child Focus',
      'Overal',
    ]);
    expect(matchesRegion(both, 'vlaanderen') && matchesRegion(both, 'nederland')).toBe(true);
  });

  it('filters by topic', () => {
    expect(names(filterReferrals(entries, filter({ topic: 'beelden-verwijderen' }), topicLabels).results)).toEqual([
      'Child Focus',
    ]);
  });

  it('searches name, help text, topic labels and website, ignoring case and accents', () => {
    const find = (query: string) => names(filterReferrals(entries, filter({ query }), topicLabels).results);
    expect(find('CHILD')).toEqual(['Child Focus']);
    expect(find('creche')).toEqual(['Overal']);
    expect(find('laten verwijderen')).toEqual(['Child Focus']);
    expect(find('qpido.nl')).toEqual(['Qpido']);
    expect(find('  ')).toEqual(['Child Focus', 'Qpido', 'Overal']);
  });

  it('combines the filters', () => {
    expect(filterReferrals(entries, filter({ region: 'nederland', query: 'child' }), topicLabels).results).toEqual([]);
  });

  it('knows when a filter is active', () => {
    expect(isFiltered(emptyReferralFilter)).toBe(false);
    expect(isFiltered(filter({ query: ' ' }))).toBe(false);
    expect(isFiltered(filter({ topic: 'ouders' }))).toBe(true);
  });
});

describe('filterReferrals on the shipped directory', () => {
  const file = verwijzingenFileSchema.parse(verwijzingenJson);

  it('finds Child Focus for "sextortion" and keeps 112 pinned', () => {
    const result = filterReferrals(file.entries, filter({ query: 'Sextortion' }), topicLabels);
    expect(names(result.results)).toContain('Child Focus');
    expect(names(result.results)).not.toContain('Qpido');
    expect(names(result.pinned)).toEqual(['Noodnummer 112']);
  });

  it('hides Child Focus under Nederland and shows Qpido', () => {
    const result = names(filterReferrals(file.entries, filter({ region: 'nederland' }), topicLabels).results);
    expect(result).toContain('Qpido');
    expect(result).not.toContain('Child Focus');
  });
});

describe('synonyms, the Rechtsgebied and Begrippen', () => {
  it('finds a sextortion entry by "chantage" and "afpersing"', () => {
    const sextortion = makeEntry({ name: 'Hulplijn', topics: ['sextortion'] });
    for (const query of ['chantage', 'afpersing']) {
      expect(filterReferrals([sextortion], filter({ query }), topicLabels).results).toEqual([sextortion]);
    }
  });

  it('opens on the worker’s Rechtsgebied and counts that as not filtered', () => {
    const base = referralFilterFor('nederland');
    expect(base.region).toBe('nederland');
    expect(isFiltered(base, base)).toBe(false);
    expect(isFiltered({ ...base, region: 'vlaanderen' }, base)).toBe(true);
  });

  it('searches glossary terms by name, definition and synonym', () => {
    const terms: Term[] = [
      {
        id: 'sextortion',
        term: 'Sextortion',
        definition: 'Afpersen met beelden.',
        quote: true,
        source: 'publieke bron: test',
        lastChecked: '2026-12-01',
      },
      {
        id: 'doxing',
        term: 'Doxing',
        definition: 'Gegevens verspreiden.',
        quote: true,
        source: 'publieke bron: test',
        lastChecked: '2026-12-01',
      },
    ];
    expect(matchingTerms(terms, 'chantage').map((t) => t.id)).toEqual(['sextortion']);
    expect(matchingTerms(terms, 'doxing').map((t) => t.id)).toEqual(['doxing']);
    expect(matchingTerms(terms, '  ')).toEqual([]);
  });
});
