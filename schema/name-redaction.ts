// Names typed into free text are still names (DOMAIN.md, "Whose information").
// Pure helpers to find betrokkenen's real names and pseudonyms inside free
// text, robust to case, accents and spacing ("LOTTE  peeters", "Lotte
// Péeters", "LottePeeters"), and to replace them (summaries) or warn about
// them (forms, issue 14).
//
// What counts as a name: the full pseudonym, the full real name, and each part
// of a real name of three letters or more that is not a name particle ("van",
// "de", …) — a first name on its own is still that person's name. Matching
// more than needed only hides a word too many; matching less would leak.
import type { Party } from './records/party';

export type NameOwner = Pick<Party, 'id' | 'role' | 'pseudonym' | 'realName'> & { age?: number | undefined };

export interface NameHit {
  start: number;
  end: number;
  ownerId: string;
  kind: 'pseudoniem' | 'naam' | 'naamdeel';
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
]);
const MIN_PART = 3;

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

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

function needlesOf(owner: NameOwner): Array<{ needle: string; kind: NameHit['kind'] }> {
  const out: Array<{ needle: string; kind: NameHit['kind'] }> = [];
  const add = (raw: string, kind: NameHit['kind']): void => {
    const needle = foldForMatch(raw).folded;
    if (needle.length > 0 && !out.some((n) => n.needle === needle)) out.push({ needle, kind });
  };
  add(owner.pseudonym, 'pseudoniem');
  if (owner.realName !== undefined) {
    add(owner.realName, 'naam');
    const words = owner.realName.split(/[\s\-'’.]+/u).filter((w) => w !== '');
    // A surname with its particles ("Van den Broeck") before its parts alone.
    for (let i = 1; i < words.length - 1; i++) add(words.slice(i).join(' '), 'naamdeel');
    for (const part of words) {
      const folded = foldForMatch(part).folded;
      if (folded.length >= MIN_PART && !PARTICLES.has(folded)) add(part, 'naamdeel');
    }
  }
  return out;
}

/** Every name of `owners` in `text`, longest first where they overlap, in text order. */
export function findNames(text: string, owners: readonly NameOwner[]): NameHit[] {
  const { folded, map } = foldForMatch(text);
  const candidates: NameHit[] = [];
  for (const owner of owners) {
    for (const { needle, kind } of needlesOf(owner)) {
      for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
        const start = map[at] ?? 0;
        const lastIndex = map[at + needle.length - 1] ?? start;
        const lastChar = String.fromCodePoint(text.codePointAt(lastIndex) ?? 32);
        const end = lastIndex + lastChar.length;
        // Whole words only: "Ann" is not a name inside "Annemie" or "kANNen".
        if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
        candidates.push({ start, end, ownerId: owner.id, kind });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: NameHit[] = [];
  for (const hit of candidates) {
    const previous = hits[hits.length - 1];
    if (previous && hit.start < previous.end) continue;
    hits.push(hit);
  }
  return hits;
}

/** `text` with every name of `owners` replaced by `replacement(owner)`. */
export function replaceNames(
  text: string,
  owners: readonly NameOwner[],
  replacement: (owner: NameOwner) => string,
): string {
  const byId = new Map(owners.map((o) => [o.id, o]));
  let out = '';
  let from = 0;
  for (const hit of findNames(text, owners)) {
    const owner = byId.get(hit.ownerId);
    if (!owner) continue;
    out += text.slice(from, hit.start) + replacement(owner);
    from = hit.end;
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
 * Real names typed into a free-text field, one warning per person, so a form
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
    if (!party || warnings.some((w) => w.ownerId === party.id)) continue;
    warnings.push({ ownerId: party.id, found: text.slice(hit.start, hit.end), pseudonym: party.pseudonym });
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
