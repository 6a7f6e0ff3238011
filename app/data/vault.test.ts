import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as KdfModule from './kdf';

// The real Argon2id, wrapped in a spy so a test can prove it did not run.
vi.mock('./kdf', async (importOriginal) => {
  const real = await importOriginal<typeof KdfModule>();
  return { ...real, argon2idBytes: vi.fn(real.argon2idBytes) };
});

import { makeCase, makeNote } from '../../schema/factories';
import { db } from './db';
import { argon2idBytes } from './kdf';
import {
  KdfDowngradeError,
  NoRecoveryCodeError,
  NoVaultError,
  PassphraseTooShortError,
  ThrottledError,
  VaultExistsError,
  VaultLockedError,
  WrongPassphraseError,
  WrongRecoveryCodeError,
} from './errors';
import { listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import {
  changePassphrase,
  createVault,
  getVaultSnapshot,
  hasVault,
  isUnlocked,
  lock,
  subscribeVault,
  throttleDelayMs,
  unlock,
  unlockWithRecoveryCode,
} from './vault';

beforeEach(async () => {
  await resetDatabase();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function storedKeyring(): Promise<Record<string, unknown>> {
  const row = await db.meta.get('keyring');
  return row?.value as Record<string, unknown>;
}

describe('vault', () => {
  it('starts without a vault and refuses to unlock one that does not exist', async () => {
    expect(await hasVault()).toBe(false);
    expect(getVaultSnapshot().status).toBe('none');
    await expect(unlock(TEST_PASSPHRASE)).rejects.toThrow(NoVaultError);
  });

  it('creates a vault that is unlocked at once, and refuses a second one', async () => {
    const result = await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    expect(result).toEqual({});
    expect(isUnlocked()).toBe(true);
    expect(await hasVault()).toBe(true);
    await expect(createVault(TEST_PASSPHRASE, { recoveryCode: false })).rejects.toThrow(VaultExistsError);
  });

  it('refuses a passphrase shorter than 12 characters', async () => {
    await expect(createVault('elf tekens.', { recoveryCode: false })).rejects.toThrow(PassphraseTooShortError);
    expect(await hasVault()).toBe(false);
  });

  // Issue 18: new vaults use Argon2id (was PBKDF2-SHA256 600,000).
  it('stores the Argon2id parameters (46 MiB, t = 2, p = 1) and a wrapped key, never the key itself', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    const keyring = await storedKeyring();
    expect(keyring).toMatchObject({
      version: 1,
      passphrase: { kdf: { name: 'Argon2id', memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 } },
    });
    expect(keyring['recovery']).toBeUndefined();
  });

  it('locks at once and tells every listener, so decrypted values can be cleared', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    const listener = vi.fn();
    const unsubscribe = subscribeVault(listener);
    lock();
    unsubscribe();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(isUnlocked()).toBe(false);
    expect(getVaultSnapshot().status).toBe('locked');
    await expect(listRecords({ kind: 'case' })).rejects.toThrow(VaultLockedError);
  });

  it('unlocks with the right passphrase and fails with a wrong one', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    lock();
    await expect(unlock('helemaal verkeerd wachtwoord')).rejects.toThrow(WrongPassphraseError);
    expect(isUnlocked()).toBe(false);
    await unlock(TEST_PASSPHRASE);
    expect(isUnlocked()).toBe(true);
  });

  it('records an audit event for creating and unlocking, without content', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    lock();
    await unlock(TEST_PASSPHRASE);
    const events = await listRecords({ kind: 'audit' });
    expect(events.map((e) => e.ok && e.record.action)).toEqual(['vault.created', 'vault.unlocked']);
  });

  it('keeps every record when the passphrase changes', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note]);
    const next = 'een heel nieuwe zin van mij';

    await expect(changePassphrase('niet de huidige zin', next)).rejects.toThrow(WrongPassphraseError);
    await changePassphrase(TEST_PASSPHRASE, next);
    lock();

    await expect(unlock(TEST_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    await unlock(next);
    expect(await listRecords({ kind: 'case' })).toEqual([{ ok: true, record: kase }]);
    expect(await listRecords({ kind: 'note', caseId: kase.id })).toEqual([{ ok: true, record: note }]);
  });

  it('unlocks with the recovery code and sets a new passphrase', async () => {
    const { recoveryCode } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    expect(recoveryCode).toBeDefined();
    const kase = makeCase();
    await saveRecords([kase]);
    lock();

    const typed = ` ${(recoveryCode ?? '').toLowerCase().replace(/-/g, ' ')} `;
    const next = 'nieuwe zin na het vergeten';
    await unlockWithRecoveryCode(typed, next);
    expect(isUnlocked()).toBe(true);
    expect(await listRecords({ kind: 'case' })).toEqual([{ ok: true, record: kase }]);

    lock();
    await expect(unlock(TEST_PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    await unlock(next);
    expect(isUnlocked()).toBe(true);
  });

  it('refuses recovery when the vault has no recovery code', async () => {
    const other = await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    expect(other.recoveryCode).toBeUndefined();
    lock();
    // A well-formed code from another keyring.
    const { createKeyring } = await import('./keyring');
    const { recoveryCode = '' } = await createKeyring(TEST_PASSPHRASE, true);
    await expect(unlockWithRecoveryCode(recoveryCode, 'nieuwe zin na het vergeten')).rejects.toThrow(
      NoRecoveryCodeError,
    );
  });

  it('refuses a recovery code of another vault as a counted failure', async () => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    lock();
    const { createKeyring } = await import('./keyring');
    const { recoveryCode = '' } = await createKeyring(TEST_PASSPHRASE, true);
    await expect(unlockWithRecoveryCode(recoveryCode, 'nieuwe zin na het vergeten')).rejects.toThrow(
      WrongRecoveryCodeError,
    );
    expect((await db.meta.get('throttle'))?.value).toMatchObject({ failures: 1 });
  });

  it.each([
    ['one Argon2id pass', (k: Record<string, unknown>) => setKdf(k, { iterations: 1 })],
    ['less than 19 MiB', (k: Record<string, unknown>) => setKdf(k, { memoryKiB: 16 * 1024 })],
    ['more than the memory ceiling', (k: Record<string, unknown>) => setKdf(k, { memoryKiB: 4 * 1024 * 1024 })],
    ['more than the pass ceiling', (k: Record<string, unknown>) => setKdf(k, { iterations: 1_000_000 })],
    ['a short salt', (k: Record<string, unknown>) => setKdf(k, { salt: new Uint8Array(8) })],
    ['PBKDF2 with another hash', (k: Record<string, unknown>) => setKdf(k, legacy({ hash: 'SHA-1' }))],
    ['PBKDF2 with lowered iterations', (k: Record<string, unknown>) => setKdf(k, legacy({ iterations: 100_000 }))],
    ['PBKDF2 above the ceiling', (k: Record<string, unknown>) => setKdf(k, legacy({ iterations: 50_000_000 }))],
  ])('refuses a KDF outside the floor and ceiling (%s) without deriving a key', async (_name, tamper) => {
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    lock();
    const keyring = await storedKeyring();
    tamper(keyring);
    await db.meta.put({ key: 'keyring', value: keyring });
    vi.mocked(argon2idBytes).mockClear();
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    await expect(unlock(TEST_PASSPHRASE)).rejects.toThrow(KdfDowngradeError);
    expect(argon2idBytes).not.toHaveBeenCalled();
    expect(derive).not.toHaveBeenCalled();
    expect(isUnlocked()).toBe(false);
  });
});

function setKdf(keyring: Record<string, unknown>, change: Record<string, unknown>): void {
  const slot = keyring['passphrase'] as { kdf: Record<string, unknown> };
  Object.assign(slot.kdf, change);
}

/** PBKDF2 parameters in place of the Argon2id ones (same salt). */
function legacy(change: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: 600_000,
    memoryKiB: undefined,
    parallelism: undefined,
    ...change,
  };
}

describe('throttling', () => {
  it('waits 0, 0, 0, then 2, 4, 8 … seconds, at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 11, 12, 50].map(throttleDelayMs)).toEqual([
      0, 0, 0, 2000, 4000, 8000, 256_000, 300_000, 300_000,
    ]);
  });

  it('grows the wait after wrong passphrases and keeps it across a reload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    lock();
    const wrong = 'dit is niet de zin';

    for (let i = 0; i < 3; i++) {
      const error: unknown = await unlock(wrong).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongPassphraseError);
      expect((error as WrongPassphraseError).retryAt).toBeUndefined();
    }
    const fourth: unknown = await unlock(wrong).catch((e: unknown) => e);
    expect((fourth as WrongPassphraseError).retryAt?.toISOString()).toBe('2026-03-12T09:00:02.000Z');

    // While waiting, even the right passphrase is refused without running the KDF.
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    const throttled: unknown = await unlock(TEST_PASSPHRASE).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(ThrottledError);
    expect((throttled as ThrottledError).retryAt.toISOString()).toBe('2026-03-12T09:00:02.000Z');
    expect(derive).not.toHaveBeenCalled();
    derive.mockRestore();

    vi.setSystemTime(new Date('2026-03-12T09:00:02.000Z'));
    const fifth: unknown = await unlock(wrong).catch((e: unknown) => e);
    expect((fifth as WrongPassphraseError).retryAt?.toISOString()).toBe('2026-03-12T09:00:06.000Z');

    // A fresh module and database connection (a reload) still sees the wait.
    vi.resetModules();
    const fresh = await import('./vault');
    // (A fresh module graph has its own error classes, so compare the code.)
    await expect(fresh.unlock(TEST_PASSPHRASE)).rejects.toMatchObject({ code: 'vault.throttled' });

    vi.setSystemTime(new Date('2026-03-12T09:00:06.000Z'));
    await fresh.unlock(TEST_PASSPHRASE);
    expect(fresh.isUnlocked()).toBe(true);
    fresh.lock();
    // Success resets the count.
    expect((await db.meta.get('throttle'))?.value).toEqual({ failures: 0, notBefore: 0 });
  });

  it('does not let a clock set back keep the vault closed for longer than 5 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    lock();
    await db.meta.put({ key: 'throttle', value: { failures: 20, notBefore: Date.parse('2027-01-01T00:00:00.000Z') } });
    const error: unknown = await unlock(TEST_PASSPHRASE).catch((e: unknown) => e);
    expect((error as ThrottledError).retryAt.toISOString()).toBe('2026-03-12T09:05:00.000Z');
  });
});
