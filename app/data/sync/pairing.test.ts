import { describe, expect, it } from 'vitest';
import { PairingError, parsePairingCode } from './pairing';

describe('pairing code parsing', () => {
  it('reads a code regardless of case, spaces and dashes, with O as 0 and I/L as 1', () => {
    const canonical = parsePairingCode('0123-4567-89AB-CDEF-GHJK-MNPQ');
    expect(canonical).toHaveLength(15);
    expect(parsePairingCode('o123 4567 89ab cdef ghjk mnpq')).toEqual(canonical);
    expect(parsePairingCode('0L23-4567-89AB-CDEF-GHJK-MNPQ')).toEqual(
      parsePairingCode('0123-4567-89AB-CDEF-GHJK-MNPQ'),
    );
  });

  it('refuses codes of the wrong length or with characters outside the alphabet', () => {
    expect(() => parsePairingCode('0123-4567')).toThrow(PairingError);
    expect(() => parsePairingCode('0123-4567-89AB-CDEF-GHJK-MNPU')).toThrow(PairingError);
  });
});
