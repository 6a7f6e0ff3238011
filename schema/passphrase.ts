// Passphrase rules: a minimum length (no composition rules, NIST SP 800-63B),
// enforced everywhere including the data layer. The forms that set a
// passphrase also apply the estimator policy in ./passphrase-policy.ts
// (refuses fewer than 10^10 estimated guesses); it loads lazily, so the lock
// screen does not carry it.

export const minPassphraseLength = 12;

/** Characters still missing to reach the minimum; code points, so an emoji or "é" counts once. */
export function missingCharacters(value: string): number {
  return Math.max(0, minPassphraseLength - Array.from(value).length);
}
