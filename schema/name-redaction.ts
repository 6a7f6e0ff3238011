// Names typed into free text are still names (DOMAIN.md, "Whose information").
// Pure helpers to find betrokkenen's real names and pseudonyms inside free
// text, robust to case, accents and spacing ("LOTTE  peeters", "Lotte
// Péeters", "LottePeeters"), and to replace them (summaries) or warn about
// them (forms, issue 14).
//
// What counts as a name: the full pseudonym, the full real name, a hyphenated
// part ("Emma-Lou") whole, and each part of a real name that is not a name
// particle ("van", "de", …) — a first name on its own is still that person's
// name. A two-letter part ("Bo", "An") is matched only as typed with a capital,
// so a lower-case word such as "bo" or "an" never counts as the name. A name with a possessive
// ending ("Lottes", "Bo's", "Jens'") is that name too. Matching more than
// needed only hides a word too many; matching less would leak.
import type { Party } from './records/party';

export type NameOwner = Pick<Party, 'id' | 'role' | 'pseudonym' | 'realName'> & { age?: number | undefined };

export interface NameHit {
  start: number;
  end: number;
  ownerId: string;
  kind: 'pseudoniem' | 'naam' | 'naamdeel';
  /** A possessive ending typed after the name ("s", "'s", "’s", "'"), part of the hit. */
  possessive?: string;
  /** Other owners with a name on exactly these words ("Peeters" for two Peeters), in owner order. */
  sharedWith?: string[];
}

// Dutch, French and German name particles; never matched on their own.
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'des',
  'del',
  'della',
  'les',
  'vande',
  'vander',
  'vanden',
  // Two-letter particles (the others are too short to be matched on their own anyway).
  'de',
  'da',
  'di',
  'do',
  'du',
  'le',
  'la',
  'lo',
  'te',
  'el',
]);
/** Parts shorter than this are matched only as typed with a capital (CASED_PART). */
const MIN_PART = 3;
const CASED_PART = 2;

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\p{N}/u.test(ch);
const isLower = (ch: string | undefined): boolean => ch !== undefined && /\p{Ll}/u.test(ch);
const isUpper = (ch: string | undefined): boolean => ch !== undefined && /\p{Lu}/u.test(ch);

/**
 * Whether the name ending before `end` is joined to what follows the way account names and nicknames are
 * ("lotte123", "sanne_bakker2013", "SanneB", "DaanV"): a digit, or a capital right after a lower-case
 * letter. A lower-case letter still means another word ("Jan" is not in "januari"), and so does a capital
 * after a capital ("ANNEMIE" is not "Ann").
 */
const joinedAfter = (text: string, end: number): boolean =>
  isDigit(text[end]) || (isUpper(text[end]) && isLower(text[end - 1]));
/** As joinedAfter, before a name: "2013lotte", "mijnLotte". */
const joinedBefore = (text: string, start: number): boolean =>
  isDigit(text[start - 1]) || (isLower(text[start - 1]) && isUpper(text[start]));

/**
 * Letters and digits only, without accents, lower case; `map[i]` is the index
 * in `text` of normalised character i (whitespace and punctuation dropped, so
 * spacing never hides a name).
 */
export function foldForMatch(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const b of base) {
      if (isWordChar(b)) {
        folded += b;
        map.push(i);
      }
    }
    i += ch.length;
  }
  return { folded, map };
}

interface Needle {
  needle: string;
  kind: NameHit['kind'];
  /** Matched only where the text has a capital at its first letter. */
  capital: boolean;
}

function needlesOf(owner: NameOwner): Needle[] {
  const out: Needle[] = [];
  const add = (raw: string, kind: NameHit['kind'], capital = false): void => {
    const needle = foldForMatch(raw).folded;
    if (needle.length > 0 && !out.some((n) => n.needle === needle)) out.push({ needle, kind, capital });
  };
  add(owner.pseudonym, 'pseudoniem');
  if (owner.realName !== undefined) {
    add(owner.realName, 'naam');
    // A hyphenated first name or surname ("Emma-Lou") whole, before its parts.
    for (const word of owner.realName.split(/\s+/u)) if (/[-'’]/u.test(word)) add(word, 'naamdeel');
    const words = owner.realName.split(/[\s\-'’.]+/u).filter((w) => w !== '');
    // A surname with its particles ("Van den Broeck") before its parts alone.
    for (let i = 1; i < words.length - 1; i++) add(words.slice(i).join(' '), 'naamdeel');
    for (const part of words) {
      const folded = foldForMatch(part).folded;
      if (PARTICLES.has(folded)) continue;
      if (folded.length >= MIN_PART) add(part, 'naamdeel');
      else if (folded.length >= CASED_PART) add(part, 'naamdeel', true);
    }
  }
  return out;
}

/** The parts of a real name that point at its person: the words of at least MIN_PART letters, no particles. */
function nameParts(realName: string | undefined): Set<string> {
  const parts = new Set<string>();
  for (const word of (realName ?? '').split(/[\s\-'’.]+/u)) {
    const folded = foldForMatch(word).folded;
    if (folded.length >= MIN_PART && !PARTICLES.has(folded)) parts.add(folded);
  }
  return parts;
}

/**
 * Whether one of `shown` (whose names go out whole) has a name part in common with one of `hidden`
 * (whose names may not go out), such as a surname: whoever reads the one may recognise the other
 * ("Nora El Amrani" beside an unnamed "Yasmine El Amrani").
 */
export function namesSharePart(shown: readonly NameOwner[], hidden: readonly NameOwner[]): boolean {
  const hiddenParts = hidden.flatMap((o) => [...nameParts(o.realName)]);
  return shown.some((o) => hiddenParts.some((part) => nameParts(o.realName).has(part)));
}

const POSSESSIVE = /^(?:['’]s|s|['’])(?![\p{L}\p{N}])/u;

/** The possessive ending right after a name, if any: "Lottes", "Bo's", "Jens'" (the bare apostrophe after s, x or z). */
function possessiveAfter(text: string, end: number, needle: string): string | undefined {
  const ending = POSSESSIVE.exec(text.slice(end, end + 3))?.[0];
  if (ending === undefined) return undefined;
  if ((ending === "'" || ending === '’') && !/[sxz]$/u.test(needle)) return undefined;
  return ending;
}

const startsWithCapital = (text: string, at: number): boolean => {
  const ch = String.fromCodePoint(text.codePointAt(at) ?? 32);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

/** Every name of `owners` in `text`, longest first where they overlap, in text order. */
export function findNames(text: string, owners: readonly NameOwner[]): NameHit[] {
  const { folded, map } = foldForMatch(text);
  const candidates: NameHit[] = [];
  for (const owner of owners) {
    for (const { needle, kind, capital } of needlesOf(owner)) {
      for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
        const start = map[at] ?? 0;
        const lastIndex = map[at + needle.length - 1] ?? start;
        const lastChar = String.fromCodePoint(text.codePointAt(lastIndex) ?? 32);
        let end = lastIndex + lastChar.length;
        if ((isWordChar(text[start - 1]) && !joinedBefore(text, start)) || (capital && !startsWithCapital(text, start)))
          continue;
        // Whole words only: "Ann" is not a name inside "Annemie" or "kANNen"; "Lottes" is "Lotte". A name
        // joined to digits or a capital is still the name (an account name: "@lotte_peeters08", "LotteP").
        const possessive = possessiveAfter(text, end, needle);
        if (possessive !== undefined) end += possessive.length;
        else if (isWordChar(text[end]) && !joinedAfter(text, end)) continue;
        candidates.push({ start, end, ownerId: owner.id, kind, ...(possessive !== undefined && { possessive }) });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: NameHit[] = [];
  for (const hit of candidates) {
    const previous = hits[hits.length - 1];
    if (previous && hit.start < previous.end) {
      if (hit.start === previous.start && hit.end === previous.end && hit.ownerId !== previous.ownerId)
        previous.sharedWith = [...(previous.sharedWith ?? []), hit.ownerId];
      continue;
    }
    hits.push(hit);
  }
  return hits;
}

/**
 * `text` with every name of `owners` replaced by `replacement(owner)`. A longer name of `kept` stays as
 * typed where it overlaps: "Lotte Peeters" of a kept person stays whole when an owner is also called
 * Peeters. A word both have ("Peeters" alone, a shared first name) is still replaced: it may mean the owner.
 * A word several owners share ("Peeters" of a pupil and a parent, both replaced) goes to `shared` with
 * all of them when given (it cannot tell whom the word meant), else to the first owner's replacement.
 */
export function replaceNames(
  text: string,
  owners: readonly NameOwner[],
  replacement: (owner: NameOwner) => string,
  kept: readonly NameOwner[] = [],
  shared?: (owners: readonly NameOwner[]) => string,
): string {
  const byId = new Map(owners.map((o) => [o.id, o]));
  const keptIds = new Set(kept.map((o) => o.id));
  let out = '';
  let from = 0;
  let previous: NameHit | undefined;
  // Owners first: of two hits on the same words, findNames keeps the first (a stable sort), so an
  // ambiguous word is replaced; a longer kept name still wins its words.
  for (const hit of findNames(text, [...owners, ...kept])) {
    const owner = byId.get(hit.ownerId);
    if (!owner || keptIds.has(hit.ownerId)) continue;
    // A possessive stays one: "Lottes vriendin" → "Jongere A's vriendin".
    const ending = hit.possessive === undefined ? '' : hit.possessive.startsWith('’') ? '’s' : "'s";
    // Two parts of one person's name typed side by side ("Noor Amrani" for Noor El Amrani) are one name.
    const sameName =
      previous?.ownerId === hit.ownerId &&
      previous.possessive === undefined &&
      /^[\s-]*$/u.test(text.slice(from, hit.start));
    let lead = text.slice(from, hit.start);
    // Initials typed before a replaced name go with it ("Y. El Amrani", "Y.E. Amrani"): an initial of the
    // person's own name words would still point at them (a review).
    if (!sameName) {
      const initials = /(?<![\p{L}\p{N}])((?:\p{Lu}\.\s?)+)\s*$/u.exec(lead);
      const first = new Set(
        (owner.realName ?? '').split(/[\s-]+/u).flatMap((w) => (w ? [w.charAt(0).toLocaleUpperCase('nl')] : [])),
      );
      if (initials?.[1] && [...initials[1].replace(/[.\s]/gu, '')].every((c) => first.has(c))) {
        lead = lead.slice(0, initials.index);
      }
    }
    // A role put in at the start of a sentence starts with a capital ("Jongere die doorstuurde stuurde…").
    const startsSentence = /(^|[.!?:]\s+|\n\s*)$/u.test(out + lead);
    const others = (hit.sharedWith ?? []).flatMap((id) => {
      const other = keptIds.has(id) ? undefined : byId.get(id);
      return other ? [other] : [];
    });
    const put = shared && others.length > 0 ? shared([owner, ...others]) : replacement(owner);
    const said = startsSentence ? put.charAt(0).toLocaleUpperCase('nl') + put.slice(1) : put;
    out += sameName ? ending : lead + said + ending;
    from = hit.end;
    previous = hit;
  }
  return out + text.slice(from);
}

/**
 * Whether two names have the same words, whatever their case, accents, spacing or order ("Janssens,
 * Emma" and "emma janssens"): a pseudonym that is the real name (a review; the form warns).
 */
export function sameNameWords(a: string, b: string): boolean {
  const words = (name: string): string =>
    name
      .split(/[\s\-'’.,]+/u)
      .map((word) => foldForMatch(word).folded)
      .filter((word) => word !== '')
      .sort()
      .join(' ');
  const first = words(a);
  return first !== '' && first === words(b);
}

/**
 * `text` with the recorded class of each of `owners` replaced by `replacement` (a review: "blijft in
 * klas 4B" told a school which depicted pupil it was, though her name, which includes her school and
 * class, was not released). Matched as whole words, robust to case and spacing ("4b", "4 B"); a class
 * of one letter or digit only as typed. Matching more than needed only hides a word too many.
 */
export function withoutClasses(
  text: string,
  owners: ReadonlyArray<Pick<Party, 'className'>>,
  replacement: string,
): string {
  const { folded, map } = foldForMatch(text);
  const ranges: Array<[number, number]> = [];
  for (const { className } of owners) {
    // Recorded as "klas 4B", typed as "4B": the word "klas" is no part of what names it.
    const recorded = (className ?? '').replace(/^\s*klas\s+/iu, '').trim();
    const needle = foldForMatch(recorded).folded;
    if (needle === '') continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const start = map[at] ?? 0;
      const lastIndex = map[at + needle.length - 1] ?? start;
      const end = lastIndex + String.fromCodePoint(text.codePointAt(lastIndex) ?? 32).length;
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
      if (needle.length < CASED_PART && text.slice(start, end) !== recorded) continue;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    if (start < from) continue;
    out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
}

export interface NameWarning {
  ownerId: string;
  /** The text as typed. */
  found: string;
  /** What to write instead. */
  pseudonym: string;
}

/**
 * Real names typed into a free-text field, one warning per way each was written, so a form
 * can warn at once and suggest the pseudonym. Pseudonyms are fine in the
 * dossier: the summary replaces them where names may not be shared.
 */
export function realNameWarnings(text: string, parties: readonly NameOwner[]): NameWarning[] {
  const withName = parties.map((p) => ({ ...p, pseudonym: p.realName ?? p.pseudonym }));
  const warnings: NameWarning[] = [];
  for (const hit of findNames(
    text,
    withName.filter((p) => p.realName !== undefined),
  )) {
    const party = parties.find((p) => p.id === hit.ownerId);
    const found = text.slice(hit.start, hit.end);
    // Every way a name was written is listed (a review: with one per person, a worker who fixed the
    // listed word by hand left "lotte" and "Van Damme" in a note that can never be changed).
    const same = (w: NameWarning) =>
      w.ownerId === party?.id && foldForMatch(w.found).folded === foldForMatch(found).folded;
    if (!party || warnings.some(same)) continue;
    // A word that is the person's pseudonym as well ("Noor" of Noor Vermeulen, pseudonym "Noor") is what
    // the worker should write: no warning that says to write it instead of itself (a security review).
    // A word another person's real name has too still warns (as theirs).
    if ((hit.sharedWith ?? []).length === 0 && foldForMatch(found).folded === foldForMatch(party.pseudonym).folded)
      continue;
    warnings.push({ ownerId: party.id, found, pseudonym: party.pseudonym });
  }
  return warnings;
}

/** `text` with every real name replaced by that person's pseudonym (the form's "use pseudonym" button). */
export function withPseudonyms(text: string, parties: readonly NameOwner[]): string {
  const withName = parties
    .filter((p) => p.realName !== undefined)
    .map((p) => ({ ...p, pseudonym: p.realName ?? p.pseudonym }));
  return replaceNames(text, withName, (owner) => parties.find((p) => p.id === owner.id)?.pseudonym ?? owner.pseudonym);
}
