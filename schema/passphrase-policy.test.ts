import { describe, expect, it } from 'vitest';

import { dictionary as en } from '@zxcvbn-ts/language-en';
import { dictionary as nlBe } from '@zxcvbn-ts/language-nl-be';

import { buildPassphraseDictionary } from '../scripts/passphrase-dictionary';
import { placeNames } from '../scripts/passphrase-extra-words';
import { suggestionBlockStems, suggestionBlockWords } from '../scripts/passphrase-suggestions';
import { createPassphrasePolicy, suggestionWordCount } from './passphrase-policy';

const dictionary = buildPassphraseDictionary();
const policy = createPassphrasePolicy(dictionary);

/** Uniform random integers from WebCrypto, as the app uses. */
function randomInt(below: number): number {
  const limit = Math.floor(0x1_0000_0000 / below) * below;
  for (;;) {
    const [x = 0] = crypto.getRandomValues(new Uint32Array(1));
    if (x < limit) return x % below;
  }
}

describe('the passphrase policy', () => {
  // The 1,000 most common passwords, straight from zxcvbn-ts's own list (ordered by frequency).
  const top1000 = dictionary.dictionary['passwords']?.slice(0, 1000) ?? [];

  it('takes the 1,000 most common passwords from the package data', () => {
    expect(top1000).toHaveLength(1000);
    expect(top1000.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });

  it.each(['', '123', '2026', '!'])('refuses each of the 1,000 most common passwords with "%s" appended', (suffix) => {
    const verdicts = top1000.map((p) => ({ p: p + suffix, verdict: policy.check(p + suffix) }));
    expect(verdicts.filter(({ verdict }) => verdict.ok).map(({ p }) => p)).toEqual([]);
    // Those long enough are refused on their estimated strength, not on length.
    for (const { p, verdict } of verdicts) {
      if ([...p].length >= 12) expect(verdict, p).toMatchObject({ ok: false, reason: 'guessable' });
    }
  });

  it('refuses known words and years also when spaces or hyphens separate them (a review found these accepted)', () => {
    for (const p of [
      'lotte peeters 2010',
      'Welkom-Baken-2026!',
      'overdracht clb 2026',
      'baken-clb-sexting',
      'Lotte_Peeters.2010',
    ]) {
      expect(policy.check(p), p).toMatchObject({ ok: false, reason: 'guessable' });
    }
    // The reason is named (zxcvbn itself says nothing from 10^8 guesses on): Baken's own words, or names.
    expect(policy.check('baken-clb-sexting')).toMatchObject({ warning: 'userInputs' });
    expect(policy.check('lotte peeters 2010')).toMatchObject({ warning: 'commonNames' });
    // Random words with separators stay strong.
    for (const p of ['paars kompas regenjas fluit', 'paars-kompas-regenjas-fluit-77']) {
      expect(policy.check(p).ok, p).toBe(true);
    }
  });

  it('refuses Dutch first names with years', () => {
    const names = (dictionary.dictionary['nlFirstnames'] ?? []).slice(0, 150);
    expect(names.length).toBe(150);
    const tried: string[] = [];
    for (const [i, name] of names.entries()) {
      const year = 1970 + (i % 57);
      const capital = name.charAt(0).toUpperCase() + name.slice(1);
      tried.push(`${capital}${year}`, `${name}${year}!`, `${capital}${year}${year}`, `${capital}${capital}${year}`);
    }
    const long = tried.filter((p) => p.length >= 12);
    expect(long.length).toBeGreaterThan(250);
    expect(tried.filter((p) => policy.check(p).ok)).toEqual([]);
  });

  it('refuses the guessable passphrases from the security review and Baken context words', () => {
    for (const p of [
      'Voetbal12345',
      'Welkom123456',
      'Baken2026!!!',
      'sextingclb2026',
      'Januari2026!',
      'wachtwoord123',
    ]) {
      expect(policy.check(p).ok, p).toBe(false);
    }
  });

  it('refuses well-known phrases and place names with years (a new-user review found these "Sterk genoeg"), and says why', () => {
    const phrases = ['oost west thuis best', 'Alle begin is moeilijk!', 'wie dit leest is gek', 'de kat zit op de mat'];
    for (const p of [...phrases, 'Antwerpen2026!', 'ik hou van jou schat']) {
      expect(policy.check(p).ok, p).toBe(false);
    }
    expect(policy.check('oost-west, thuis best')).toMatchObject({ ok: false, warning: 'commonPhrases' });
    expect(policy.check('Antwerpen2026!')).toMatchObject({ ok: false, warning: 'placeNames' });
  });

  it('says why, as zxcvbn feedback keys the interface translates', () => {
    const verdict = policy.check('password2026');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.warning ?? verdict.suggestions[0]).toBeTruthy();
    expect(policy.check('kort')).toMatchObject({ ok: false, reason: 'tooShort', missing: 8 });
  });

  it('accepts a passphrase of four random words, and suggests such passphrases', () => {
    expect(policy.check('correct paard batterij nietje').ok).toBe(true);
    const words = new Set(dictionary.suggestions);
    for (let i = 0; i < 200; i++) {
      const suggestion = policy.suggest(randomInt);
      expect(suggestion.split(' ')).toHaveLength(suggestionWordCount);
      for (const word of suggestion.split(' ')) expect(words.has(word), word).toBe(true);
      expect(policy.check(suggestion), suggestion).toMatchObject({ ok: true });
    }
  });
});

describe('the suggestion words', () => {
  const suggestions = dictionary.suggestions ?? [];

  it('keep enough words for the four-word suggestion to stay strong', () => {
    expect(new Set(suggestions).size).toBe(suggestions.length);
    // 4 words from >= 2,500: >= 45 bits, far past the policy's 10^10 (33 bits).
    expect(suggestions.length).toBeGreaterThanOrEqual(2500);
    expect(suggestionWordCount * Math.log2(suggestions.length)).toBeGreaterThan(45);
    expect(suggestions.every((w) => /^[a-z]{4,9}$/.test(w))).toBe(true);
  });

  it('hold no word that contains a blocked stem or is a blocked word', () => {
    expect(suggestions.filter((w) => suggestionBlockStems.some((stem) => w.includes(stem)))).toEqual([]);
    expect(suggestions.filter((w) => suggestionBlockWords.has(w))).toEqual([]);
  });

  it('hold no place name, which the policy counts as an early guess', () => {
    expect(suggestions.filter((w) => placeNames.includes(w))).toEqual([]);
  });

  it('hold no English common word and no English, Dutch or Belgian first name', () => {
    const english = new Set(en.commonWords);
    const names = new Set([...en.firstnames, ...nlBe.boysFirstnames, ...nlBe.girlsFirstnames]);
    expect(suggestions.filter((w) => english.has(w))).toEqual([]);
    expect(suggestions.filter((w) => names.has(w))).toEqual([]);
  });

  it('hold none of the words the UX review found, nor their inflections', () => {
    const found = [
      'neuken',
      'neukt',
      'porno',
      'dader',
      'daders',
      'zelfmoord',
      'misbruik',
      'misbruikt',
      'vermoorde',
      'verkracht',
      'naakt',
      'hoer',
      'geweer',
      'kogels',
      'drugs',
      'wiet',
      'sukkel',
      'slet',
      'kanker',
      'borsten',
    ];
    expect(found.filter((w) => suggestions.includes(w))).toEqual([]);
    // The stems do the work: each of these is blocked, not merely absent from the candidates.
    for (const w of found) {
      expect(suggestionBlockWords.has(w) || suggestionBlockStems.some((stem) => w.includes(stem)), w).toBe(true);
    }
  });
});
