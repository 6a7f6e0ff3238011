import { describe, expect, it } from 'vitest';
import { assessPassphrase, minPassphraseLength } from './passphrase';

describe('assessPassphrase', () => {
  it('counts the characters still missing below the minimum of 12', () => {
    expect(minPassphraseLength).toBe(12);
    expect(assessPassphrase('kort').missing).toBe(8);
    expect(assessPassphrase('twaalf teken').missing).toBe(0);
  });

  it('counts emoji and accented letters as one character each', () => {
    expect(assessPassphrase('één 🐝 café').missing).toBe(minPassphraseLength - 10);
  });

  it('imposes no composition rules: a long lowercase sentence is strong', () => {
    const result = assessPassphrase('de fiets staat achter het oude station');
    expect(result.common).toBe(false);
    expect(['strong', 'veryStrong']).toContain(result.strength);
  });

  it('flags well-known passwords and trivial patterns as common and weak', () => {
    for (const value of ['Wachtwoord123', 'aaaaaaaaaaaaaa', 'abcdefghijklmn', 'qwerty123456']) {
      const result = assessPassphrase(value);
      expect(result.common, value).toBe(true);
      expect(result.strength, value).toBe('weak');
    }
  });

  it('rates longer passphrases at least as strong as shorter ones of the same kind', () => {
    const order = ['weak', 'fair', 'strong', 'veryStrong'];
    const short = assessPassphrase('zon en zee op');
    const long = assessPassphrase('zon en zee op een koude dinsdag in mei');
    expect(order.indexOf(long.strength)).toBeGreaterThanOrEqual(order.indexOf(short.strength));
  });
});
