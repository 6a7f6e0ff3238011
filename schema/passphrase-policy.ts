// The passphrase policy (issue 18): refuse passphrases an attacker would
// guess in fewer than 10^10 tries. The estimate is zxcvbn-ts's, with its
// common-password, Dutch (nl-BE) and English lists, and Baken's lists of place
// names and well-known phrases (scripts/passphrase-dictionary.ts)
// plus Baken's own context words, which an attacker who knows the app would try
// first. Pure: the caller loads the word lists (a lazy chunk and a JSON asset,
// only on screens that set a passphrase) and supplies randomness.
// Feedback comes back as zxcvbn's translation keys; app/i18n/nl/lock.ts says them in Dutch.
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import type { OptionsGraph } from '@zxcvbn-ts/core';

import { missingCharacters } from './passphrase';

/** At least this many estimated guesses (10^10) to be accepted. */
export const minPassphraseGuessesLog10 = 10;

export interface PassphraseDictionary {
  source: string;
  dictionary: Record<string, string[]>;
  graphs: OptionsGraph;
  /**
   * The words a suggestion is drawn from: common Dutch words curated at build
   * time (scripts/passphrase-suggestions.ts) so that none is sexual, violent,
   * insulting, a name or English. Not part of the estimate's dictionaries.
   */
  suggestions?: string[];
}

const monthsNl = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const monthsEn = ['january', 'february', 'march', 'june', 'july', 'august', 'october'];

/** Words an attacker who knows Baken tries first. */
export const contextWords: readonly string[] = [
  'baken',
  'clb',
  'sexting',
  'sextortion',
  'grooming',
  'leerlingbegeleiding',
  'zorgteam',
  'logboek',
  'dossier',
  'wachtwoord',
  'wachtwoordzin',
  'paswoord',
  'welkom',
  'geheim',
  ...monthsNl,
  ...monthsEn,
  ...Array.from({ length: 2040 - 1950 }, (_, i) => String(1950 + i)),
];

/**
 * zxcvbn gives no warning for an estimate of 10^8 and more (its score 3), which this policy still
 * refuses: then the reason is named from the words it found (Baken's own words first, then names).
 */
function guessedFrom(sequence: ReadonlyArray<{ pattern: string; dictionaryName?: string }>): string | null {
  const from = new Set(
    sequence.flatMap((m) => (m.pattern === 'dictionary' && m.dictionaryName ? [m.dictionaryName] : [])),
  );
  if (from.has('userInputs')) return 'userInputs';
  if (from.has('commonPhrases')) return 'commonPhrases';
  if (from.has('placeNames')) return 'placeNames';
  if ([...from].some((name) => /names$/i.test(name))) return 'commonNames';
  return null;
}

/** What people put between words: spaces, hyphens, dots, underscores and the like. */
const separators = /[\s\-_.,;:+/\\|]+/g;

export type PassphraseVerdict =
  | { ok: true; guessesLog10: number }
  | {
      ok: false;
      reason: 'tooShort' | 'guessable';
      /** Characters still missing to reach the minimum length (0 when long enough). */
      missing: number;
      /** zxcvbn's estimate; 0 when too short (then it is not run). */
      guessesLog10: number;
      /** zxcvbn's warning key (for example 'topHundred', 'commonNames'), or null. */
      warning: string | null;
      /** zxcvbn's suggestion keys. */
      suggestions: string[];
    };

export interface PassphrasePolicy {
  check(passphrase: string): PassphraseVerdict;
  /** A four-word passphrase from the curated Dutch suggestion list, for the suggestion under the field. */
  suggest(randomInt: (below: number) => number): string;
}

/** Words per suggestion: four from the curated list of ~3,000 give ~46 bits, well past 10^10 guesses. */
export const suggestionWordCount = 4;

function suggestionWords(dictionary: PassphraseDictionary | null): string[] {
  return (dictionary?.suggestions ?? []).filter((w) => /^[a-z]{4,9}$/.test(w));
}

/**
 * The policy over the given word lists. Without lists (the asset could not
 * be read) it still checks length, context words, patterns and dates, but a
 * common word then looks stronger than it is.
 */
export function createPassphrasePolicy(dictionary: PassphraseDictionary | null): PassphrasePolicy {
  zxcvbnOptions.setOptions({
    // Named userInputs: zxcvbn then says so ('userInputs': words linked to Baken or this work).
    dictionary: { ...(dictionary?.dictionary ?? {}), userInputs: [...contextWords] },
    graphs: dictionary?.graphs ?? {},
    useLevenshteinDistance: false,
  });
  const words = suggestionWords(dictionary);
  return {
    check(passphrase) {
      const missing = missingCharacters(passphrase);
      if (missing > 0) {
        return { ok: false, reason: 'tooShort', missing, guessesLog10: 0, warning: null, suggestions: [] };
      }
      // zxcvbn's cost grows with length; past 100 characters only the first 100 are estimated.
      const head = passphrase.slice(0, 100);
      // zxcvbn scores a known word with a space or hyphen after it ("lotte ", "Baken-") as random
      // characters, so "Welkom-Baken-2026!" looked strong. Scored without separators too, the weaker counts.
      const joined = head.replace(separators, '');
      const results = [zxcvbn(head), ...(joined !== head && joined.length > 0 ? [zxcvbn(joined)] : [])];
      const result = results.reduce((a, b) => (b.guessesLog10 < a.guessesLog10 ? b : a));
      const guessesLog10 = result.guessesLog10;
      if (guessesLog10 >= minPassphraseGuessesLog10) return { ok: true, guessesLog10 };
      return {
        ok: false,
        reason: 'guessable',
        missing: 0,
        guessesLog10,
        warning: result.feedback.warning || guessedFrom(result.sequence),
        suggestions: result.feedback.suggestions,
      };
    },
    suggest(randomInt) {
      if (words.length < 100) return 'fiets lantaarn tegel rivier';
      return Array.from({ length: suggestionWordCount }, () => words[randomInt(words.length)] ?? '').join(' ');
    },
  };
}
