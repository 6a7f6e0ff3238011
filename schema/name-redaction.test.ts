import { describe, expect, it } from 'vitest';

import { findNames, foldForMatch, realNameWarnings, replaceNames, withPseudonyms } from './name-redaction';
import type { NameOwner } from './name-redaction';

const lotte: NameOwner = {
  id: 'a',
  role: 'afgebeelde-jongere',
  pseudonym: 'Jongere A',
  realName: 'Lotte Peeters',
  age: 15,
};
const jens: NameOwner = {
  id: 'b',
  role: 'jongere-die-doorstuurde',
  pseudonym: 'Jongere B',
  realName: 'Jens Van den Broeck',
  age: 16,
};
const label = (o: NameOwner): string => `[${o.role} (${String(o.age)})]`;

describe('foldForMatch', () => {
  it('drops accents, case, spacing and punctuation, and maps back to the original', () => {
    const { folded, map } = foldForMatch('É  l-é');
    expect(folded).toBe('ele');
    expect(map).toEqual([0, 3, 5]);
  });
});

describe('replaceNames', () => {
  it.each([
    ['Lotte Peeters kreeg de foto.', '[afgebeelde-jongere (15)] kreeg de foto.'],
    ['LOTTE   PEETERS kreeg de foto.', '[afgebeelde-jongere (15)] kreeg de foto.'],
    ['lotte péeters kreeg de foto.', '[afgebeelde-jongere (15)] kreeg de foto.'],
    ['LottePeeters kreeg de foto.', '[afgebeelde-jongere (15)] kreeg de foto.'],
    ['Lotte\u00a0Peeters kreeg de foto.', '[afgebeelde-jongere (15)] kreeg de foto.'],
    ['Gesprek met Lotte.', 'Gesprek met [afgebeelde-jongere (15)].'],
    ['Gesprek met LÖTTE!', 'Gesprek met [afgebeelde-jongere (15)]!'],
    [
      'jongere a zegt dat Jens het doorstuurde',
      '[afgebeelde-jongere (15)] zegt dat [jongere-die-doorstuurde (16)] het doorstuurde',
    ],
    ['Jongere-A en jongereB', '[afgebeelde-jongere (15)] en [jongere-die-doorstuurde (16)]'],
    [
      'Jens van den broeck, Broeck en Van den Broeck',
      '[jongere-die-doorstuurde (16)], [jongere-die-doorstuurde (16)] en [jongere-die-doorstuurde (16)]',
    ],
  ])('%j → %j', (text, expected) => {
    expect(replaceNames(text, [lotte, jens], label)).toBe(expected);
  });

  it.each([
    'Annemie en Lottes vriendin', // other words that contain a name
    'De jongeren van de klas', // particles and a pseudonym part alone
    'Jongere Alfa',
  ])('leaves %j alone', (text) => {
    expect(replaceNames(text, [lotte, jens], label)).toBe(text);
  });

  it('keeps the text around a name intact, including characters outside the basic plane', () => {
    expect(replaceNames('😀Lotte😀', [lotte], label)).toBe('😀[afgebeelde-jongere (15)]😀');
  });
});

describe('realNameWarnings and withPseudonyms', () => {
  it('warns once per person for a real name typed in any spelling, and suggests the pseudonym', () => {
    const text = 'lotte zag dat JENS de foto van Lotte Péeters doorstuurde';
    expect(realNameWarnings(text, [lotte, jens])).toEqual([
      { ownerId: 'a', found: 'lotte', pseudonym: 'Jongere A' },
      { ownerId: 'b', found: 'JENS', pseudonym: 'Jongere B' },
    ]);
    expect(withPseudonyms(text, [lotte, jens])).toBe('Jongere A zag dat Jongere B de foto van Jongere A doorstuurde');
  });

  it('does not warn about pseudonyms or people without a real name', () => {
    expect(realNameWarnings('Jongere A en Jongere B', [lotte, jens])).toEqual([]);
    expect(realNameWarnings('Lotte', [{ ...lotte, realName: undefined }])).toEqual([]);
  });

  it('reports positions that point at the name as typed', () => {
    const text = 'Met  LOTTE   peeters gesproken';
    const [hit] = findNames(text, [lotte]);
    expect(hit && text.slice(hit.start, hit.end)).toBe('LOTTE   peeters');
  });
});
