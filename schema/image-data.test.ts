// Issue 18: the encodings the image guard missed before.
import { describe, expect, it } from 'vitest';

import { containsImageData } from './image-data';

const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];

const base64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));
const hex = (bytes: number[], sep = ''): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join(sep);
/** ASCII to full-width forms (U+FF01..U+FF5E). */
const fullWidth = (s: string): string =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const entities = (s: string): string => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('');

describe('the image guard catches', () => {
  it.each([
    ['hex', `Bijlage: ${hex(PNG)}`],
    ['upper-case hex with spaces', `zie ${hex(JPEG, ' ').toUpperCase()} einde`],
    ['hex with 0x prefixes', PNG.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(', ')],
    ['hex with \\x escapes', PNG.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')],
    ['full-width base64', `beeld ${fullWidth(base64(PNG))}`],
    ['entity-encoded data: URL', `${entities('data:image/png;base64,')}AAAA`],
    ['hex entity-encoded data: URL', '&#x64;&#x61;&#x74;&#x61;&#x3a;text/html,hallo'],
    ['full-width data: URL', `${fullWidth('data:image/gif;base64,')}R0lG`],
    [
      'base64 broken by dashes',
      base64(PNG)
        .match(/.{1,4}/g)
        ?.join('-') ?? '',
    ],
    [
      'base64 broken by dots and pipes',
      base64(JPEG)
        .match(/.{1,3}/g)
        ?.join('.|') ?? '',
    ],
    // Session 21 (a security review typed these into a note and pushed one over sync).
    ['base64 with a zero-width space between every character', [...base64(PNG)].join('\u200b')],
    ['base64 with soft hyphens and word joiners', [...base64(JPEG)].join('\u00ad\u2060')],
    [
      'base64 in groups of four split by #',
      base64(PNG)
        .match(/.{1,4}/g)
        ?.join('#') ?? '',
    ],
    [
      'base64 as quoted pieces joined with +',
      (base64(PNG).match(/.{1,5}/g) ?? []).map((piece) => `"${piece}"`).join(' + '),
    ],
    ['hex with a zero-width space between the bytes', hex(PNG, '\u200b')],
    ['hex as #-prefixed groups', (hex(JPEG).match(/.{1,6}/g) ?? []).map((g) => `#${g}`).join(' ')],
    ['raw SVG markup', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'],
    ['entity-encoded SVG markup', '&lt;svg viewBox="0 0 1 1"&gt;&lt;/svg&gt;'],
    ['upper-case SVG markup with a space', '< SVG>'],
    // Session 25 (a security review stored these in a note).
    ['SVG markup with a tab after the tag name', '<svg\twidth="1"/>'],
    ['SVG markup with a line break after the tag name', '<svg\nxmlns="http://www.w3.org/2000/svg">'],
    ['namespaced SVG markup', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:rect width="1"/></s:svg>'],
    ...[
      ['a variation selector', '\ufe0f'],
      ['a combining grapheme joiner', '\u034f'],
      ['a Hangul filler', '\u3164'],
      ['a braille blank', '\u2800'],
      ['a line separator', '\u2028'],
      ['a next-line character', '\u0085'],
      ['an Ogham space', '\u1680'],
      ['a no-break space', '\u00a0'],
      ['a tag character', '\udb40\udc20'],
    ].map(([what, mark]): [string, string] => [
      `base64 with ${what} every 8 characters`,
      (base64(PNG).match(/.{1,8}/g) ?? []).join(mark),
    ]),
  ])('%s', (_name, text) => {
    expect(containsImageData(text)).toBe(true);
  });
});

describe('the image guard still lets ordinary text through', () => {
  it.each([
    'Belangrijke data: 3 mei, 5 juni.',
    'De jongere stuurde een foto (svg-bestand volgens de leerling) via Snapchat.',
    'Afspraak om 10:30 in lokaal B-204; bel 0x niet, wel de CLB-medewerker.',
    'Kleurcode #ff00aa en serienummer 0xDEADBEEF stonden in het bericht.',
    'cafe deed face bed fee dab — a-b-c-d-e-f — 12-34-56-78-90',
    'Verslag: leerling A, B en C; opvolging op 12/03, 19/03 en 26/03.',
    'Hij zei: "Stuur!" (en daarna) #help #snapchat = "nee" + "stop" — zo\u200bveel zero\u00adwidth tekst.',
    'https://www.childfocus.be/nl-be/hulp?vraag=sexting&stap=2#contact',
    'Klas 3\u00a0B kreeg uitleg\u2028over svg-bestanden en <svgs> in de les; 👍🏽 en 🏴󠁧󠁢󠁳󠁣󠁴󠁿 als reactie.',
    'Namespaces zoals <xs:element> en <s:sv> zijn geen beeld.',
  ])('%s', (text) => {
    expect(containsImageData(text)).toBe(false);
  });
});
