// Passphrase rules: a minimum length and nothing else (no composition rules,
// NIST SP 800-63B). The strength hint is an estimate to nudge, never to block.

export const minPassphraseLength = 12;

export type PassphraseStrength = 'weak' | 'fair' | 'strong' | 'veryStrong';

export interface PassphraseAssessment {
  /** Characters still missing to reach the minimum (0 when long enough). */
  missing: number;
  strength: PassphraseStrength;
  /** Looks like a well-known password or a trivial pattern. */
  common: boolean;
  /** Rough entropy estimate in bits. */
  bits: number;
}

const commonFragments = [
  'wachtwoord',
  'password',
  'paswoord',
  'welkom',
  'qwerty',
  'azerty',
  'letmein',
  'baken',
  'iloveyou',
  'admin',
  'geheim',
];

function countCodePoints(value: string): number {
  return Array.from(value).length;
}

function poolSize(value: string): number {
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^a-zA-Z0-9\s]/.test(value)) pool += 33;
  if (/\s/.test(value)) pool += 1;
  return Math.max(pool, 1);
}

function isTrivialPattern(value: string): boolean {
  const chars = Array.from(value.toLowerCase());
  if (new Set(chars).size <= 3) return true;
  let sequential = 0;
  for (let i = 1; i < chars.length; i++) {
    const diff = (chars[i]?.codePointAt(0) ?? 0) - (chars[i - 1]?.codePointAt(0) ?? 0);
    if (diff === 1 || diff === -1) sequential++;
  }
  return sequential >= chars.length - 2;
}

/** Estimates the strength of a passphrase for the hint under the field. */
export function assessPassphrase(value: string): PassphraseAssessment {
  const length = countCodePoints(value);
  const lower = value.toLowerCase();
  const common = isTrivialPattern(value) || commonFragments.some((fragment) => lower.includes(fragment) && length < 20);
  // Repeated characters add little: count distinct characters more than repeats.
  const distinct = new Set(Array.from(value)).size;
  const effectiveLength = Math.min(length, distinct + (length - distinct) / 3);
  let bits = effectiveLength * Math.log2(poolSize(value));
  if (common) bits = Math.min(bits, 20);
  const strength: PassphraseStrength = bits < 50 ? 'weak' : bits < 70 ? 'fair' : bits < 95 ? 'strong' : 'veryStrong';
  return { missing: Math.max(0, minPassphraseLength - length), strength, common, bits: Math.round(bits) };
}
