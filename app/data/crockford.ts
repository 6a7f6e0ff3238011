// Crockford base32 for the pairing code people type: no I, L, O or U, so
// typed input forgives case, spaces, dashes, O for 0 and I/L for 1. Codes are
// shown in groups of four. Used by the recovery code (keyring.ts) and the
// pairing code; small enough to sit on the lock screen's critical path.
import type { Bytes } from './crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bytes as a string of bits, eight a byte. */
export function bytesToBits(bytes: Bytes): string {
  return Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('');
}

/** The first `count` bytes of a string of bits. */
export function bitsToBytes(bits: string, count: number): Bytes {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = Number.parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return out;
}

/** Bits (a multiple of five) as a code: groups of four characters joined by dashes. */
export function encodeCode(bits: string): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[Number.parseInt(bits.slice(i, i + 5), 2)] ?? '';
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** Typed code → its bits; null when it is not `length` characters of the alphabet (a typo). */
export function decodeCode(input: string, length: number): string | null {
  const chars = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·–—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== length) return null;
  let bits = '';
  for (const c of chars) {
    const value = ALPHABET.indexOf(c);
    if (value < 0) return null;
    bits += value.toString(2).padStart(5, '0');
  }
  return bits;
}
