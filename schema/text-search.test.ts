import { describe, it, expect } from 'vitest';
import { matchesQuery, normalizeForSearch, queryTokens } from './text-search';

describe('normalizeForSearch', () => {
  it('lowercases text', () => {
    expect(normalizeForSearch('CLB Antwerpen')).toBe('clb antwerpen');
  });

  it('strips diacritics', () => {
    expect(normalizeForSearch('privéinformatie, reëel, crème, Ångström, façade')).toBe(
      'priveinformatie, reeel, creme, angstrom, facade',
    );
  });

  it('handles precomposed and decomposed forms the same way', () => {
    expect(normalizeForSearch('e\u0301')).toBe(normalizeForSearch('\u00e9'));
  });

  it('turns a dotted capital I into a plain i', () => {
    expect(normalizeForSearch('İ')).toBe('i');
  });

  it('leaves digits, spaces and punctuation alone', () => {
    expect(normalizeForSearch('116 000 (24/7)')).toBe('116 000 (24/7)');
  });
});

describe('queryTokens', () => {
  it('splits on any whitespace and drops empty tokens', () => {
    expect(queryTokens('  Child\tFocus \n 116 ')).toEqual(['child', 'focus', '116']);
  });
});

describe('matchesQuery', () => {
  const entry = ['Child Focus', 'Hulplijn bij sexting, sextortion en grooming.', '116 000'];

  it('matches everything when the query is empty or only whitespace', () => {
    expect(matchesQuery(entry, '')).toBe(true);
    expect(matchesQuery(entry, '   ')).toBe(true);
    expect(matchesQuery([], '')).toBe(true);
  });

  it('matches regardless of case and accents on either side', () => {
    expect(matchesQuery(['Privéinformatie'], 'PRIVEINFO')).toBe(true);
    expect(matchesQuery(['priveinformatie'], 'privé')).toBe(true);
  });

  it('requires every token to be found', () => {
    expect(matchesQuery(entry, 'focus grooming')).toBe(true);
    expect(matchesQuery(entry, 'focus qpido')).toBe(false);
  });

  it('accepts tokens found in different haystacks', () => {
    expect(matchesQuery(entry, 'child 116')).toBe(true);
  });

  it('matches substrings inside words', () => {
    expect(matchesQuery(entry, 'extort')).toBe(true);
  });

  it('does not match when there is nothing to search in', () => {
    expect(matchesQuery([], 'sexting')).toBe(false);
  });
});
