// The recovery code after setup: making a new one, revoking it, and the
// "not yet confirmed" reminder flag, through the public vault functions.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { NoRecoveryCodeError, WrongPassphraseError, WrongRecoveryCodeError } from './errors';
import { isRecoveryCodeUnconfirmed } from './settings';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import {
  confirmRecoveryCode,
  createVault,
  hasRecoveryCode,
  isSetupSession,
  lock,
  replaceRecoveryCode,
  revokeRecoveryCode,
  unlock,
  unlockWithRecoveryCode,
} from './vault';

const NEXT = 'een heel nieuwe zin voor later';

beforeEach(async () => {
  await resetDatabase();
});

describe('recovery code reminder flag', () => {
  it('is set when setup makes a recovery code, and holds nothing of the code', async () => {
    const { recoveryCode = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    expect(await isRecoveryCodeUnconfirmed()).toBe(true);
    expect((await db.meta.get('recoveryUnconfirmed'))?.value).toBe(true);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain(recoveryCode.slice(0, 4));
  });

  it('is not set when setup makes no recovery code', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    expect(await isRecoveryCodeUnconfirmed()).toBe(false);
  });

  it('survives locking (closing the app before confirming) and is cleared by confirming', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    expect(isSetupSession()).toBe(true);
    lock();
    await unlock(TEST_PASSPHRASE);
    expect(isSetupSession()).toBe(false);
    expect(await isRecoveryCodeUnconfirmed()).toBe(true);
    await confirmRecoveryCode();
    expect(await isRecoveryCodeUnconfirmed()).toBe(false);
  });

  it('is set again by a new recovery code and cleared by revoking', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    await replaceRecoveryCode(TEST_PASSPHRASE);
    expect(await isRecoveryCodeUnconfirmed()).toBe(true);
    await revokeRecoveryCode(TEST_PASSPHRASE);
    expect(await isRecoveryCodeUnconfirmed()).toBe(false);
  });

  it('stays as it was when the passphrase is wrong', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    await confirmRecoveryCode();
    await expect(replaceRecoveryCode('niet de juiste wachtwoordzin')).rejects.toThrow(WrongPassphraseError);
    expect(await isRecoveryCodeUnconfirmed()).toBe(false);
  });
});

describe('replacing and revoking the recovery code', () => {
  it('adds a recovery code to a logbook made without one', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    expect(await hasRecoveryCode()).toBe(false);
    const { recoveryCode } = await replaceRecoveryCode(TEST_PASSPHRASE);
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(await hasRecoveryCode()).toBe(true);
    lock();
    await unlockWithRecoveryCode(recoveryCode, NEXT);
    lock();
    await unlock(NEXT);
  });

  it('counts a code used to unlock as confirmed', async () => {
    const { recoveryCode = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    expect(await isRecoveryCodeUnconfirmed()).toBe(true);
    lock();
    await unlockWithRecoveryCode(recoveryCode, NEXT);
    expect(await isRecoveryCodeUnconfirmed()).toBe(false);
  });

  it('makes the old code stop working and the new one work', async () => {
    const { recoveryCode: old = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    const { recoveryCode: fresh } = await replaceRecoveryCode(TEST_PASSPHRASE);
    expect(fresh).not.toBe(old);
    lock();
    await expect(unlockWithRecoveryCode(old, NEXT)).rejects.toThrow(WrongRecoveryCodeError);
    await unlockWithRecoveryCode(fresh, NEXT);
  });

  it('keeps the old code when the passphrase is wrong', async () => {
    const { recoveryCode: old = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    await expect(replaceRecoveryCode('niet de juiste wachtwoordzin')).rejects.toThrow(WrongPassphraseError);
    await expect(revokeRecoveryCode('niet de juiste wachtwoordzin')).rejects.toThrow(WrongPassphraseError);
    expect(await hasRecoveryCode()).toBe(true);
    lock();
    await unlockWithRecoveryCode(old, NEXT);
  });

  it('after revoking, only the passphrase opens the logbook', async () => {
    const { recoveryCode = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    await revokeRecoveryCode(TEST_PASSPHRASE);
    expect(await hasRecoveryCode()).toBe(false);
    lock();
    await expect(unlockWithRecoveryCode(recoveryCode, NEXT)).rejects.toThrow(NoRecoveryCodeError);
    await unlock(TEST_PASSPHRASE);
  });
});
