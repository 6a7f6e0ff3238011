// The never-images guard for strings (DOMAIN.md, "The hard rule: never images").
// Every free-text field is built with `safeText()`, and every import is walked
// with `findImageData()`. It refuses exactly the encodings listed below; it is
// a filter for the ways an image realistically gets pasted or imported, not a
// proof that no string can carry picture bytes (an encoding it does not know,
// e.g. base32 or a private cipher, passes).
//
// Detection choices (documented because they trade recall against false alarms
// on ordinary Dutch prose):
// - data: URLs: after undoing percent-encoding, HTML character references
//   (numeric &#100; / &#x64; and &colon; &sol; &comma; &semi; &lt; &gt;), NFKC
//   look-alikes (full-width letters), tabs/newlines and zero-width characters,
//   `data:` followed by a media type (`image/png;`, `text/plain,` …), by `;`
//   or by `,` is refused.
//   Plain prose such as "Belangrijke data: 3 mei" is allowed: the word "data"
//   ("dates") is common Dutch, so the scheme alone is not enough.
// - base64: runs of base64 characters (standard and URL-safe alphabets) are
//   collected with whitespace treated as transparent (line-wrapped base64), then
//   decoded from each of the 4 character alignments and searched for image
//   signatures at every byte offset. Together that covers a signature starting
//   at any character position, even glued to preceding words.
// - Only runs of >= 16 base64 characters (12 bytes) are decoded, and at least
//   12 decoded bytes must follow a signature: a real image is never that small
//   (the smallest GIF is 26 bytes), and it keeps short words out.
// - Short signatures get a header check: JPEG needs a marker byte after FF D8 FF;
//   GIF needs the full "GIF87a"/"GIF89a"; BMP ("BM", 2 bytes — "Qk…" starts many
//   base64 strings) needs 18 bytes whose reserved field (bytes 6–9) is zero and
//   whose DIB header size (bytes 14–17) is a known one (12, 16, 40, 52, 56, 64,
//   108, 124); TIFF needs its 4-byte signature and a first-IFD offset >= 8.
// - The same base64 scan runs again on the NFKC form (full-width base64 such as
//   "ｉＶＢＯＲｗ０ＫＧｇｏ…") and on a form where the separators - . _ | : ; , * ~
//   and every other ASCII punctuation mark that is not a base64 character
//   (# " ' ( ) = …) are transparent too (base64 broken up as "iVBO-Rw0K-GgoA…" or
//   "iVBO#Rw0K#…"), and once more with quoted pieces joined by "+" undone
//   ("iVBO"+"Rw0K"…). Zero-width and other invisible characters are transparent
//   in every base64 and hex scan, like whitespace.
// - hex: runs of hex digits, with whitespace, # : , - and the prefixes 0x and \x
//   transparent, are decoded at both nibble alignments and searched for the
//   same signatures (>= 24 hex digits, >= 12 bytes after the signature).
// - Raw (non-base64) signatures in the string itself, e.g. binary pasted into a
//   field or percent-encoded bytes, are refused too.
// - SVG markup: an `<svg` tag (also entity-encoded, full-width, with a namespace
//   prefix, or followed by a tab or line break) is refused, since SVG is an image
//   written as text.
// All scans are linear in the input; no backtracking regular expressions.

const MIN_RUN_CHARS = 16;
const MIN_IMAGE_BYTES = 12;

// base64 value per char code, -1 = not base64. Standard and URL-safe alphabets.
const BASE64_VALUES = new Int8Array(128).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) BASE64_VALUES[alphabet.charCodeAt(i)] = i;
  BASE64_VALUES['-'.charCodeAt(0)] = 62;
  BASE64_VALUES['_'.charCodeAt(0)] = 63;
}

/**
 * Invisible and blank characters, as inclusive code ranges: the one list both the base64/hex scans
 * (isTransparentWhitespace) and the data:-URL check (INVISIBLE) use. Next line and no-break space, soft
 * hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Ogham space, Khmer inherent
 * vowels, Mongolian variation selectors and vowel separator, the typographic spaces, zero-width and
 * direction marks, line and paragraph separators, bidi embeddings and isolates, word joiner and
 * invisible operators, braille blank, ideographic space, variation selectors, BOM. The tag characters
 * and supplementary variation selectors (U+E0000–E01EF, surrogate pairs) are handled apart.
 */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x1680, 0x1680],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x2800, 0x2800],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function isTransparentWhitespace(code: number): boolean {
  // space, \t, \n, \v, \f, \r, and the invisible characters (a plain loop: this runs per character)
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0x0085) return false;
  // U+E0000–E01EF are \uDB40 plus a low surrogate; a low surrogate alone never starts a run (what
  // precedes it, a high surrogate, already ended the run unless it was \uDB40).
  if (code === 0xdb40 || (code >= 0xdc00 && code <= 0xdfff)) return true;
  for (const [from, to] of INVISIBLE_RANGES) if (code >= from && code <= to) return true;
  return false;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);
const BMP_DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function ascii(bytes: ArrayLike<number>, at: number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += String.fromCharCode(bytes[at + k] ?? 0);
  return s;
}

function u32le(b: ArrayLike<number>, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

function u32be(b: ArrayLike<number>, at: number): number {
  return (b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
}

/**
 * True when an image signature starts at byte `i` of `b` (first `n` bytes valid).
 * `minTail` is the number of bytes that must be available from `i`.
 */
function imageSignatureAt(b: ArrayLike<number>, n: number, i: number, minTail: number): boolean {
  const left = n - i;
  if (left < Math.max(minTail, 4)) return false;
  const b0 = b[i];
  switch (b0) {
    case 0x89: // PNG
      return left >= 8 && ascii(b, i + 1, 7) === 'PNG\r\n\x1a\n';
    case 0xff: {
      // JPEG: FF D8 FF followed by a marker byte (C0–FE).
      const marker = b[i + 3] ?? 0;
      return b[i + 1] === 0xd8 && b[i + 2] === 0xff && marker >= 0xc0 && marker !== 0xff;
    }
    case 0x47: // GIF87a / GIF89a
      return left >= 6 && (ascii(b, i, 6) === 'GIF87a' || ascii(b, i, 6) === 'GIF89a');
    case 0x52: // RIFF....WEBP
      return left >= 12 && ascii(b, i, 4) === 'RIFF' && ascii(b, i + 8, 4) === 'WEBP';
    case 0x42: // BMP: "BM", size, 4 reserved zero bytes, pixel offset, DIB header size
      return left >= 18 && b[i + 1] === 0x4d && u32le(b, i + 6) === 0 && BMP_DIB_SIZES.has(u32le(b, i + 14));
    case 0x49: // TIFF little-endian: II*\0 + IFD offset
      return left >= 8 && b[i + 1] === 0x49 && b[i + 2] === 0x2a && b[i + 3] === 0 && u32le(b, i + 4) >= 8;
    case 0x4d: // TIFF big-endian: MM\0* + IFD offset
      return left >= 8 && b[i + 1] === 0x4d && b[i + 2] === 0 && b[i + 3] === 0x2a && u32be(b, i + 4) >= 8;
    case 0x66: // ISO-BMFF: "ftyp" + major brand (box size precedes it)
      return left >= 8 && ascii(b, i, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(b, i + 4, 4));
    default:
      return false;
  }
}

function containsSignature(b: ArrayLike<number>, n: number, minTail: number): boolean {
  for (let i = 0; i < n; i++) {
    if (imageSignatureAt(b, n, i, minTail)) return true;
  }
  return false;
}

/** Decodes base64 values from `start` (6 bits each) into `out`; returns the byte count. */
function decodeValues(values: Uint8Array, count: number, start: number, out: Uint8Array): number {
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let k = start; k < count; k++) {
    acc = ((acc << 6) | (values[k] ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return n;
}

function runHasImage(values: Uint8Array, count: number, scratch: Uint8Array): boolean {
  if (count < MIN_RUN_CHARS) return false;
  for (let alignment = 0; alignment < 4; alignment++) {
    const n = decodeValues(values, count, alignment, scratch);
    if (containsSignature(scratch, n, MIN_IMAGE_BYTES)) return true;
  }
  return false;
}

// Separators someone might put between groups of base64 or hex characters.
const SEPARATORS = new Set([...'-._|:;,*~'].map((c) => c.charCodeAt(0)));

/** Any ASCII punctuation that is not a base64 character ("#", quotes, brackets, "=", …). */
function isOtherPunctuation(code: number): boolean {
  return code >= 0x21 && code <= 0x7e && (BASE64_VALUES[code] ?? -1) < 0;
}

function containsBase64Image(s: string, separatorsTransparent = false): boolean {
  const values = new Uint8Array(s.length);
  const scratch = new Uint8Array(Math.ceil((s.length * 3) / 4) + 3);
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    const separator = separatorsTransparent && (SEPARATORS.has(code) || isOtherPunctuation(code));
    const value = code < 128 && !separator ? (BASE64_VALUES[code] ?? -1) : -1;
    if (value >= 0) {
      values[count++] = value;
    } else if (!isTransparentWhitespace(code) && !separator) {
      if (runHasImage(values, count, scratch)) return true;
      count = 0;
    }
  }
  return runHasImage(values, count, scratch);
}

const MIN_HEX_DIGITS = 24;

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

function hexRunHasImage(nibbles: Uint8Array, count: number, scratch: Uint8Array): boolean {
  if (count < MIN_HEX_DIGITS) return false;
  for (let alignment = 0; alignment < 2; alignment++) {
    let n = 0;
    for (let k = alignment; k + 1 < count; k += 2) scratch[n++] = ((nibbles[k] ?? 0) << 4) | (nibbles[k + 1] ?? 0);
    if (containsSignature(scratch, n, MIN_IMAGE_BYTES)) return true;
  }
  return false;
}

/** Hex-encoded image bytes: "89504e47…", "89 50 4E 47 …", "\\x89\\x50…", "0x89,0x50,…". */
function containsHexImage(s: string): boolean {
  const nibbles = new Uint8Array(s.length);
  const scratch = new Uint8Array(Math.ceil(s.length / 2) + 1);
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    // "0x" and "\x" prefixes: drop the x (the 0 before it is dropped below).
    if ((code === 0x78 || code === 0x58) && (s[k - 1] === '0' || s[k - 1] === '\\')) {
      if (s[k - 1] === '0' && count > 0) count--;
      continue;
    }
    const value = hexValue(code);
    if (value >= 0) nibbles[count++] = value;
    else if (code !== 0x5c && code !== 0x23 && !isTransparentWhitespace(code) && !SEPARATORS.has(code)) {
      if (hexRunHasImage(nibbles, count, scratch)) return true;
      count = 0;
    }
  }
  return hexRunHasImage(nibbles, count, scratch);
}

function containsRawSignature(s: string): boolean {
  const codes = new Uint16Array(s.length);
  for (let k = 0; k < s.length; k++) codes[k] = s.charCodeAt(k);
  // Only the long or non-prose signatures (PNG, JPEG, GIF, WebP, HEIF) are
  // checked raw, with no 12-byte tail: pasted binary is often cut short.
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0x89 || c === 0xff || c === 0x47 || c === 0x52 || c === 0x66) {
      if (imageSignatureAt(codes, codes.length, i, 4)) return true;
    }
  }
  return false;
}

function percentDecode(s: string): string {
  let current = s;
  for (let round = 0; round < 3 && current.includes('%'); round++) {
    const next = current.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

const NAMED_ENTITIES: Record<string, string> = { colon: ':', sol: '/', comma: ',', semi: ';', lt: '<', gt: '>' };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(colon|sol|comma|semi|lt|gt));?/gi;

/** Undoes HTML character references (numeric, and the few named ones that matter here). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (match, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : -1;
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? match;
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}
const unicodeEscape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const INVISIBLE_CLASS = `[${INVISIBLE_RANGES.map(([from, to]) => (from === to ? unicodeEscape(from) : `${unicodeEscape(from)}-${unicodeEscape(to)}`)).join('')}]|\\uDB40[\\uDC00-\\uDDEF]`;
const INVISIBLE = new RegExp(`[\\t\\n\\r]|${INVISIBLE_CLASS}`, 'g');
// For the SVG check: tabs and line breaks stay (whitespace ends a tag name: "<svg\twidth=…").
const INVISIBLE_NOT_BREAKS = new RegExp(INVISIBLE_CLASS, 'g');
const DATA_URL =
  /data\s*:\s*(?:(?:application|audio|font|image|message|model|multipart|text|video|x-[a-z0-9.+-]+)\s*\/\s*[a-z0-9!#$&^_.+-]+\s*[;,]|[;,])/;

// An svg element, also with a namespace prefix ("<s:svg xmlns:s=…>").
const SVG_TAG = /<\s*(?:[a-z_][\w.-]*:)?svg[\s>/]/;
const QUOTED_JOIN = /["'`]\s*\+\s*["'`]/g;

function normalizedText(decoded: string, invisible = INVISIBLE): string {
  return decodeEntities(decoded).normalize('NFKC').replace(invisible, '').toLowerCase();
}

/**
 * True when `s` contains image data as listed at the top of this file: a
 * `data:` URL, SVG markup, base64 (also full-width or broken by separators)
 * or hex that decodes to the signature of a PNG, JPEG, GIF, WebP, BMP, TIFF or
 * HEIC/AVIF file, or such a signature as raw characters. Linear time; fine for
 * 10k-character fields.
 */
export function containsImageData(s: string): boolean {
  const decoded = percentDecode(s);
  if (DATA_URL.test(normalizedText(decoded)) || SVG_TAG.test(normalizedText(decoded, INVISIBLE_NOT_BREAKS)))
    return true;
  if (containsBase64Image(s)) return true;
  if (decoded !== s && containsBase64Image(decoded)) return true;
  const wide = decoded.normalize('NFKC');
  if (wide !== decoded && containsBase64Image(wide)) return true;
  if (containsBase64Image(wide, true)) return true;
  if (containsHexImage(wide)) return true;
  // Base64 or hex cut into quoted pieces joined with "+" ("iVBO" + "Rw0K" …): the "+" is a base64 character.
  const joined = wide.replace(QUOTED_JOIN, '');
  if (joined !== wide && (containsBase64Image(joined, true) || containsHexImage(joined))) return true;
  return containsRawSignature(decoded);
}

function pathKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? `.${key}`
    : `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

/**
 * Walks a JSON-like value (strings, arrays, plain objects — keys and values)
 * and returns the path of the first string holding image data, or null.
 * Paths look like `$.cases[2].description`; a hit in an object key is reported
 * as `$.cases[2][key 3]` (the 4th key) so the image data is never echoed.
 */
export function findImageData(value: unknown): string | null {
  const seen = new WeakSet<object>();
  const visit = (v: unknown, path: string): string | null => {
    if (typeof v === 'string') return containsImageData(v) ? path : null;
    if (v === null || typeof v !== 'object') return null;
    if (seen.has(v)) return null;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const hit = visit(v[i], `${path}[${i}]`);
        if (hit !== null) return hit;
      }
      return null;
    }
    const entries = Object.entries(v);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry === undefined) continue;
      const [key, child] = entry;
      if (containsImageData(key)) return `${path}[key ${i}]`;
      const hit = visit(child, `${path}${pathKey(key)}`);
      if (hit !== null) return hit;
    }
    return null;
  };
  return visit(value, '$');
}
