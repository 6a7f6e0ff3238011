import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { textErrors } from './errors';
import { DEFAULT_TEXT_MAX, containsImageData, findImageData, safeText } from './safe-text';

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

const bytes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const u32le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** File headers that the guard must recognise, each with its random parts. */
const imageHeader: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.constant([0x89, ...bytes('PNG\r\n\x1a\n')]),
  fc.constantFrom(0xdb, 0xe0, 0xe1, 0xee, 0xc0, 0xc4, 0xfe).map((m) => [0xff, 0xd8, 0xff, m]),
  fc.constantFrom('GIF87a', 'GIF89a').map(bytes),
  fc.nat({ max: 0xffffffff }).map((size) => [...bytes('RIFF'), ...u32le(size), ...bytes('WEBP')]),
  // BMP: "BM", file size, 4 reserved zero bytes, pixel offset, DIB header size.
  fc
    .tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.constantFrom(12, 40, 56, 108, 124))
    .map(([size, offset, dib]) => [...bytes('BM'), ...u32le(size), 0, 0, 0, 0, ...u32le(offset), ...u32le(dib)]),
  fc.integer({ min: 8, max: 1 << 20 }).map((ifd) => [...bytes('II*\0'), ...u32le(ifd)]),
  fc.integer({ min: 8, max: 1 << 20 }).map((ifd) => [...bytes('MM\0*'), ...u32le(ifd).reverse()]),
  fc
    .constantFrom('heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis')
    .map((brand) => [0, 0, 0, 0x18, ...bytes('ftyp'), ...bytes(brand)]),
);

const imageBytes = fc
  .tuple(imageHeader, fc.uint8Array({ minLength: 16, maxLength: 300 }))
  .map(([header, tail]) => Uint8Array.from([...header, ...tail]));

const dutchWords = [
  'de',
  'het',
  'een',
  'jongere',
  'leerling',
  'klasgenoot',
  'school',
  'gesprek',
  'afspraak',
  'ouders',
  'toestemming',
  'één',
  'ideeën',
  'geïnformeerd',
  'reünie',
  'coördinator',
  'zorgcoördinator',
  'ĳs',
  'ĳverig',
  'België',
  'café',
  'privé',
  "zo'n",
  'naïef',
  'geëvalueerd',
  'overleg',
  'volgende',
  'week',
  'terugkomen',
  'beroepsgeheim',
  'vertrouwen',
  'foto',
  'doorgestuurd',
  'zonder',
  'Snapchat',
  'WhatsApp',
  'Instagram',
  'politie',
  'Child',
  'Focus',
  'melding',
  'rustig',
  'besproken',
  'vlaggensysteem',
  'geel',
  'rood',
  'groen',
  'zwart',
  'Jongere',
  'A',
  'B',
  'klas',
  '3B',
  '5ASO',
  'maandag',
  'dinsdag',
  'data',
  'Qpido',
  'Quinten',
  'QR-code',
  'Qatar',
  'Bram',
  'Mohammed',
  'Ayşe',
  'Zoë',
  'Noël',
  'Chloë',
];
const numberish = [
  '14',
  '2026',
  '12/03/2026',
  '2026-03-12',
  '10u30',
  '14:30',
  '0470 12 34 56',
  '+32 470 12 34 56',
  '116 000',
  '06 - 29 33 80 64',
  '€ 25,50',
  '3 %',
  '1712',
  '102',
  'nr. 7',
  '2026-014',
];
const emoji = ['🙂', '👍', '⚠️', '❤️', '🏫', '📱', '🇧🇪'];
const punctuation = ['.', ',', '!', '?', ':', ';', ' –', ' (', ')', '"', '…', '/'];

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...dutchWords) },
  { weight: 2, arbitrary: fc.constantFrom(...numberish) },
  { weight: 1, arbitrary: fc.constantFrom(...emoji) },
);
const sentence = fc
  .tuple(fc.array(token, { minLength: 1, maxLength: 18 }), fc.constantFrom(...punctuation))
  .map(([words, end]) => `${words.join(' ')}${end}`);
const prose = fc
  .array(fc.tuple(sentence, fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 8 })
  .map((parts) => parts.map(([text, gap]) => `${text}${gap}`).join(''));

const toBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** Inserts whitespace breaks at random positions, like wrapped or hand-split base64. */
const withBreaks = (s: string): fc.Arbitrary<string> =>
  fc.uniqueArray(fc.nat({ max: Math.max(0, s.length - 1) }), { maxLength: 12 }).chain((cuts) =>
    fc
      .array(fc.constantFrom('\n', '\r\n', ' ', '\t', '\n  '), { minLength: cuts.length, maxLength: cuts.length })
      .map((seps) => {
        const sorted = [...cuts].sort((a, b) => b - a);
        let out = s;
        sorted.forEach((cut, k) => {
          out = `${out.slice(0, cut)}${seps[k] ?? '\n'}${out.slice(cut)}`;
        });
        return out;
      }),
  );

const encoded = fc
  .tuple(imageBytes, fc.constantFrom('standard', 'url-safe', 'unpadded'))
  .map(([b, variant]) => {
    const std = toBase64(b);
    if (variant === 'standard') return std;
    const unpadded = std.replace(/=+$/, '');
    return variant === 'url-safe' ? unpadded.replace(/\+/g, '-').replace(/\//g, '_') : unpadded;
  })
  .chain(withBreaks);

const separator = fc.constantFrom('', ' ', '\n', ': ', ' (', '"');

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('containsImageData', () => {
  it('refuses every text that embeds an image signature as base64, wherever it sits', () => {
    fc.assert(
      fc.property(prose, separator, encoded, separator, prose, (before, sep1, b64, sep2, after) => {
        expect(containsImageData(`${before}${sep1}${b64}${sep2}${after}`)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('refuses base64 glued to the end of a word at every character alignment', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{0,7}$/), imageBytes, (glue, b) => {
        expect(containsImageData(`Zie bijlage${glue}${toBase64(b)}`)).toBe(true);
      }),
    );
  });

  it('refuses every data: URL, whatever its media type, case or payload', () => {
    const scheme = fc.constantFrom(
      'data:',
      'DATA:',
      'Data:',
      'data%3A',
      'data%253a',
      'data&#58;',
      'da\nta:',
      'data\t:',
      'ｄａｔａ：',
    );
    const mediaType = fc.constantFrom(
      'image/png;base64,',
      'image/jpeg;base64,',
      'image/svg+xml,',
      'image/svg+xml;utf8,',
      'text/plain,',
      'text/html;charset=utf-8,',
      'application/octet-stream;base64,',
      ';base64,',
      ',',
      ' image/png ; base64 ,',
      'IMAGE/WEBP;BASE64,',
      'video/mp4;base64,',
      'x-custom/thing,',
    );
    fc.assert(
      fc.property(prose, scheme, mediaType, fc.string({ maxLength: 40 }), prose, (before, s, m, payload, after) => {
        expect(containsImageData(`${before} ${s}${m}${payload} ${after}`)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('accepts ordinary Dutch prose with diacritics, numbers, dates, phone numbers and emoji', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(containsImageData(text)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts Dutch prose whose words run together without spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...dutchWords), { minLength: 4, maxLength: 400 }), (words) => {
        expect(containsImageData(words.join(''))).toBe(false);
        expect(containsImageData(words.join('\n'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('containsImageData examples', () => {
  const pixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('refuses a one-pixel PNG as bare base64 and as data: URL', () => {
    expect(containsImageData(pixelPng)).toBe(true);
    expect(containsImageData(`kijk: data:image/png;base64,${pixelPng}`)).toBe(true);
  });

  it('refuses raw image bytes pasted as text, also percent-encoded', () => {
    expect(containsImageData('\x89PNG\r\n\x1a\n\0\0\0\rIHDR')).toBe(true);
    expect(containsImageData('%89PNG%0D%0A%1A%0A%00%00%00%0DIHDR')).toBe(true);
    expect(containsImageData('prefix \xff\xd8\xff\xe0\0\x10JFIF')).toBe(true);
  });

  it('accepts the Dutch word "data" followed by a colon', () => {
    expect(containsImageData('Belangrijke data: 3 mei en 5 juni.')).toBe(false);
    expect(containsImageData('Data: 12/03, 14/03 en 21/03 (telkens 10u).')).toBe(false);
    expect(containsImageData('Metadata: onbekend')).toBe(false);
  });

  it('accepts words and short base64 that start with "Qk" unless they form a real BMP header', () => {
    expect(containsImageData('Qkwerty en Qkabcdefghijklmnopqrstuv zijn geen beelden')).toBe(false);
    // "BM" followed by arbitrary bytes is not enough (reserved bytes not zero).
    expect(
      containsImageData(
        toBase64(Uint8Array.from([...bytes('BM'), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])),
      ),
    ).toBe(false);
    const header = [...bytes('BM'), ...u32le(70), 0, 0, 0, 0, ...u32le(54), ...u32le(40), 1, 0, 0, 0];
    expect(containsImageData(toBase64(Uint8Array.from(header)))).toBe(true);
  });

  it('accepts an image signature too short to be a file', () => {
    // "/9j/4AAQ" alone (6 bytes) is not an image; a real JPEG is far longer.
    expect(containsImageData('code /9j/4AAQ')).toBe(false);
  });

  it('accepts UUIDs, case references and URLs', () => {
    expect(containsImageData('Dossier 2026-014, zie 3f0c2a5e-8d1b-4c7a-9e2f-1a2b3c4d5e6f')).toBe(false);
    expect(containsImageData('Info op https://www.childfocus.be/nl-be/ en https://sexting.be')).toBe(false);
  });

  it('scans a 10,000-character text quickly, also pathological ones', () => {
    const inputs = [
      'A'.repeat(10_000),
      'data'.repeat(2_500),
      'data: '.repeat(1_666),
      '%'.repeat(10_000),
      '%25'.repeat(3_333),
      'ab '.repeat(3_333),
      'é'.repeat(10_000),
    ];
    for (const input of inputs) {
      const start = performance.now();
      containsImageData(input);
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});

describe('findImageData', () => {
  it('returns the path of the first string holding image data', () => {
    const value = {
      cases: [{ description: 'ok' }, { description: 'ok', notes: ['fine', 'data:image/gif;base64,R0lGODlh'] }],
    };
    expect(findImageData(value)).toBe('$.cases[1].notes[1]');
  });

  it('checks object keys without echoing them in the path', () => {
    expect(findImageData({ a: { ok: 1, 'data:image/png;base64,xyz': 2 } })).toBe('$.a[key 1]');
  });

  it('returns null for clean values, numbers, booleans and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'Jongere A', age: 14, ok: true, none: null };
    cyclic['self'] = cyclic;
    expect(findImageData(cyclic)).toBeNull();
  });
});

describe('safeText', () => {
  const codesOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it('accepts ordinary text up to the default maximum', () => {
    expect(safeText().safeParse('x'.repeat(DEFAULT_TEXT_MAX)).success).toBe(true);
  });

  it('refuses text over the maximum with a stable code', () => {
    expect(codesOf(safeText({ max: 5 }).safeParse('zeslet'))).toEqual([textErrors.tooLong]);
  });

  it('refuses blank text in a required field', () => {
    expect(codesOf(safeText({ min: 1 }).safeParse('   '))).toEqual([textErrors.required]);
    expect(codesOf(safeText({ min: 3 }).safeParse('ab'))).toEqual([textErrors.tooShort]);
    expect(safeText().safeParse('').success).toBe(true);
  });

  it('refuses image data with the imageData code in message and params', () => {
    const result = safeText().safeParse('data:image/png;base64,iVBORw0KGgoAAAANSUhEUg');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toBe(textErrors.imageData);
    expect(issue && 'params' in issue ? issue.params : undefined).toEqual({ code: textErrors.imageData });
  });
});

describe('the no-link rule (issue 15)', () => {
  const noLinks = safeText({ min: 1, max: 120, noLinks: true });
  it('refuses a link, a www address or a domain with a path', () => {
    for (const text of ['https://voorbeeld.test/x', 'zie www.voorbeeld.be', 'instagram.com/iemand', 'ftp://a.b']) {
      expect(noLinks.safeParse(text).error?.issues.map((i) => i.message)).toEqual([textErrors.link]);
    }
  });
  it('accepts an ordinary school or CLB name, and only applies where asked', () => {
    expect(noLinks.safeParse('Sint-Jozefscollege Aalst').success).toBe(true);
    expect(noLinks.safeParse('CLB GO! Antwerpen').success).toBe(true);
    expect(safeText().safeParse('https://voorbeeld.test/x').success).toBe(true);
  });
});
