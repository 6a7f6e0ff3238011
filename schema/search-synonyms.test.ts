import { describe, expect, it } from 'vitest';
import { knowledgeSynonyms, synonymTable } from './search-synonyms';
import { matchesQuery } from './text-search';

describe('knowledge search synonyms', () => {
  it.each([
    ['chantage', 'sextortion'],
    ['afpersing', 'sextortion'],
    ['naaktfoto', 'sexting'],
    ['nudes', 'sexting'],
    ['doorsturen', 'ongewenste sexting'],
  ])('finds "%s" in a text that only says "%s"', (query, text) => {
    expect(matchesQuery([text], query, knowledgeSynonyms)).toBe(true);
  });

  it('ignores case and accents in the query', () => {
    expect(matchesQuery(['sextortion'], 'Chantagé', knowledgeSynonyms)).toBe(true);
  });

  it('still needs every token to match', () => {
    expect(matchesQuery(['sextortion'], 'chantage qpido', knowledgeSynonyms)).toBe(false);
  });

  it('does not widen a search without a table', () => {
    expect(matchesQuery(['sextortion'], 'chantage')).toBe(false);
  });

  it('maps each word of a group to the others, both ways', () => {
    const table = synonymTable([['a', 'B']]);
    expect(table.get('a')).toEqual(['b']);
    expect(table.get('b')).toEqual(['a']);
  });
});
