import { describe, expect, it } from 'vitest';

import { InvalidRecoveryCodeError, PassphraseTooShortError, VaultCorruptError } from './errors';
import { assertPassphrase, createKeyring, parseKeyring, parseRecoveryCode } from './keyring';

describe('keyring', () => {
  it('creates a non-extractable data key and a readable recovery code', async () => {
    const { keyring, dataKey, recoveryCode } = await createKeyring('correct paard batterij nietje', true);
    expect(dataKey.extractable).toBe(false);
    expect(keyring.recovery).toBeDefined();
    expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    const secret = await parseRecoveryCode(recoveryCode ?? '');
    expect(secret).toHaveLength(20);
    // Case, spaces, dashes and look-alikes do not matter.
    const sloppy = (recoveryCode ?? '').toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    await expect(parseRecoveryCode(sloppy)).resolves.toEqual(secret);
  });

  it('catches a typo in the recovery code before any key derivation', async () => {
    const { recoveryCode = '' } = await createKeyring('correct paard batterij nietje', true);
    const last = recoveryCode.at(-1) === 'A' ? 'B' : 'A';
    await expect(parseRecoveryCode(`${recoveryCode.slice(0, -1)}${last}`)).rejects.toThrow(InvalidRecoveryCodeError);
    await expect(parseRecoveryCode('ABCD-EFGH')).rejects.toThrow(InvalidRecoveryCodeError);
    await expect(parseRecoveryCode(`${recoveryCode.slice(0, -1)}U`)).rejects.toThrow(InvalidRecoveryCodeError);
  });

  it('requires passphrases of at least 12 characters, counted as characters', () => {
    expect(() => assertPassphrase('kort')).toThrow(PassphraseTooShortError);
    expect(() => assertPassphrase('ééééééééééé')).toThrow(PassphraseTooShortError);
    expect(() => assertPassphrase('twaalf tekens')).not.toThrow();
  });

  it('refuses key material of the wrong shape', () => {
    expect(() => parseKeyring({ version: 1 })).toThrow(VaultCorruptError);
    expect(() => parseKeyring('x')).toThrow(VaultCorruptError);
  });
});
