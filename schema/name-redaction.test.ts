import { describe, expect, it } from 'vitest';

import {
  findNames,
  foldForMatch,
  realNameWarnings,
  replaceNames,
  sameNameWords,
  withoutClasses,
  withPseudonyms,
} from './name-redaction';
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
    // Initials of the person's own name go with it; another initial, or an abbreviation, stays.
    ['L. Peeters belt morgen.', '[afgebeelde-jongere (15)] belt morgen.'],
    ['Gesprek met J.V.D. Broeck.', 'Gesprek met [jongere-die-doorstuurde (16)].'],
    ['Dhr. K. Peeters belt.', 'Dhr. K. [afgebeelde-jongere (15)] belt.'],
    ['Gemeld aan het CLB. Peeters belde.', 'Gemeld aan het CLB. [afgebeelde-jongere (15)] belde.'],
  ])('%j → %j', (text, expected) => {
    expect(replaceNames(text, [lotte, jens], label)).toBe(expected);
  });

  const bo: NameOwner = { id: 'c', role: 'afgebeelde-jongere', pseudonym: 'Jongere C', realName: 'Bo Claes', age: 14 };
  const emma: NameOwner = {
    id: 'd',
    role: 'ontvanger-omstander',
    pseudonym: 'Jongere D',
    realName: 'Emma-Lou De Smet',
    age: 13,
  };
  const tim: NameOwner = {
    id: 'e',
    role: 'afgebeelde-jongere',
    pseudonym: 'Jongere E',
    realName: 'Tim Goossens',
    age: 14,
  };
  it.each([
    // Possessives are the name (DOMAIN.md: names typed into free text are still names).
    ['Lottes klasgenoten zagen het.', "[afgebeelde-jongere (15)]'s klasgenoten zagen het."],
    ["Lotte's ouders en Lotte’s broer.", "[afgebeelde-jongere (15)]'s ouders en [afgebeelde-jongere (15)]’s broer."],
    ["Jens' moeder belde.", "[jongere-die-doorstuurde (16)]'s moeder belde."],
    ['Tims thuissituatie is onveilig.', "[afgebeelde-jongere (14)]'s thuissituatie is onveilig."],
    // A two-letter first name, as typed with a capital.
    [
      "Bo kreeg de foto terug. Bo's moeder weet het.",
      "[afgebeelde-jongere (14)] kreeg de foto terug. [afgebeelde-jongere (14)]'s moeder weet het.",
    ],
    ['Gesprek met BO en Claes.', 'Gesprek met [afgebeelde-jongere (14)] en [afgebeelde-jongere (14)].'],
    // A hyphenated first name is one name, not two replacements joined by a hyphen.
    ['Emma-Lou keek mee, net als De Smet.', '[ontvanger-omstander (13)] keek mee, net als [ontvanger-omstander (13)].'],
  ])('%j → %j', (text, expected) => {
    expect(replaceNames(text, [lotte, jens, bo, emma, tim], label)).toBe(expected);
  });

  it.each([
    'bo en an zijn geen namen in kleine letters', // two-letter parts only with a capital
    'De leerkracht zag de foto', // a two-letter particle of "Emma-Lou De Smet"
  ])('leaves %j alone', (text) => {
    expect(replaceNames(text, [bo, emma], label)).toBe(text);
  });

  it.each([
    'Annemie en Lottesvriendin', // other words that contain a name
    'De jongeren van de klas', // particles and a pseudonym part alone
    'Jongere Alfa',
  ])('leaves %j alone', (text) => {
    expect(replaceNames(text, [lotte, jens], label)).toBe(text);
  });

  const noor: NameOwner = {
    id: 'f',
    role: 'ontvanger-omstander',
    pseudonym: 'Jongere F',
    realName: 'Noor El Amrani',
    age: 13,
  };
  const jan: NameOwner = { id: 'g', role: 'ouder-voogd', pseudonym: 'Ouder G', realName: 'Jan Ann' };
  it.each([
    // Account names and nicknames: a name joined to digits or to a capital is still the name (a review
    // found "@sanne_bakker2013" and "SanneB" in a summary to the school).
    ['Account @lotte_peeters2013 stuurde het.', 'Account @[afgebeelde-jongere (15)]2013 stuurde het.'],
    [
      'Mail van lotte123@mail.be en 2013lotte.',
      'Mail van [afgebeelde-jongere (15)]123@mail.be en 2013[afgebeelde-jongere (15)].',
    ],
    ['LotteP en JensV op Insta.', '[afgebeelde-jongere (15)]P en [jongere-die-doorstuurde (16)]V op Insta.'],
    // Two parts of one name side by side are one replacement, not two.
    ['Noor Amrani zag het.', '[ontvanger-omstander (13)] zag het.'],
    ['Amrani-Noor zag het.', '[ontvanger-omstander (13)] zag het.'],
  ])('%j → %j', (text, expected) => {
    expect(replaceNames(text, [lotte, jens, noor], label)).toBe(expected);
  });

  it.each([
    'Sinds januari in de klas van mevrouw JANSSENS', // a lower-case letter after "Jan" is another word
    'ANNEMIE en JANA schreven het', // a capital after a capital too
  ])('leaves %j alone', (text) => {
    expect(replaceNames(text, [jan], label)).toBe(text);
  });

  it('keeps the text around a name intact, including characters outside the basic plane', () => {
    expect(replaceNames('😀Lotte😀', [lotte], label)).toBe('😀[afgebeelde-jongere (15)]😀');
  });
});

describe('realNameWarnings and withPseudonyms', () => {
  it('warns about every way a real name was written (once each), and suggests the pseudonym', () => {
    const text = 'lotte zag dat JENS de foto van Lotte Péeters doorstuurde; Lotte wist het';
    expect(realNameWarnings(text, [lotte, jens])).toEqual([
      { ownerId: 'a', found: 'lotte', pseudonym: 'Jongere A' },
      { ownerId: 'b', found: 'JENS', pseudonym: 'Jongere B' },
      { ownerId: 'a', found: 'Lotte Péeters', pseudonym: 'Jongere A' },
    ]);
    expect(withPseudonyms(text, [lotte, jens])).toBe(
      'Jongere A zag dat Jongere B de foto van Jongere A doorstuurde; Jongere A wist het',
    );
  });

  it('does not warn about pseudonyms or people without a real name', () => {
    expect(realNameWarnings('Jongere A en Jongere B', [lotte, jens])).toEqual([]);
    expect(realNameWarnings('Lotte', [{ ...lotte, realName: undefined }])).toEqual([]);
  });

  it('does not warn about a word that is the pseudonym too (pseudonym "Noor" of Noor Vermeulen)', () => {
    const noor = { id: 'n', role: 'afgebeelde-jongere' as const, pseudonym: 'Noor', realName: 'Noor Vermeulen' };
    expect(realNameWarnings('Leerling Noor kreeg dreigberichten.', [noor])).toEqual([]);
    // The word is another person's real first name too: it still warns, whichever is listed first.
    const other = { id: 'o', role: 'melder' as const, pseudonym: 'Melder A', realName: 'Noor Jansen' };
    for (const parties of [
      [noor, other],
      [other, noor],
    ])
      expect(realNameWarnings('Noor stuurde de foto door.', parties)).toHaveLength(1);
    expect(realNameWarnings('Noor Vermeulen en noor.', [noor])).toEqual([
      { ownerId: 'n', found: 'Noor Vermeulen', pseudonym: 'Noor' },
    ]);
  });

  it('reports positions that point at the name as typed', () => {
    const text = 'Met  LOTTE   peeters gesproken';
    const [hit] = findNames(text, [lotte]);
    expect(hit && text.slice(hit.start, hit.end)).toBe('LOTTE   peeters');
  });
});

describe('withoutClasses', () => {
  it('replaces a recorded class as a whole word, however spaced or cased', () => {
    expect(withoutClasses('In 4B, of 4 b of 4-B; niet in 14B of 4Ba.', [{ className: '4B' }], '[klas]')).toBe(
      'In [klas], of [klas] of [klas]; niet in 14B of 4Ba.',
    );
  });

  it('matches a one-letter class only as typed, so a lower-case word stays', () => {
    expect(withoutClasses('Klas A of a?', [{ className: 'A' }], '[klas]')).toBe('Klas [klas] of a?');
    expect(withoutClasses('Niets', [{}, { className: undefined }], '[klas]')).toBe('Niets');
    // Recorded with the word "klas", typed without it.
    expect(withoutClasses('Blijft in 4B.', [{ className: 'klas 4B' }], '[klas]')).toBe('Blijft in [klas].');
  });
});

describe('sameNameWords', () => {
  it('matches a name whatever its case, accents, spacing or word order, and never an empty one', () => {
    expect(sameNameWords('Janssens, Emma', 'emma  JANSSÉNS')).toBe(true);
    expect(sameNameWords('Emma', 'Emma Janssens')).toBe(false);
    expect(sameNameWords('', '')).toBe(false);
  });
});
