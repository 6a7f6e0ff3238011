import { describe, expect, it } from 'vitest';
import { minPassphraseLength, missingCharacters } from './passphrase';

// The estimator policy (issue 18) is tested in passphrase-policy.test.ts.
describe('the minimum length', () => {
  it('counts the characters still missing below the minimum of 12', () => {
    expect(minPassphraseLength).toBe(12);
    expect(missingCharacters('kort')).toBe(8);
    expect(missingCharacters('twaalf teken')).toBe(0);
  });

  it('counts emoji and accented letters as one character each', () => {
    expect(missingCharacters('één 🐝 café')).toBe(minPassphraseLength - 10);
  });
});
