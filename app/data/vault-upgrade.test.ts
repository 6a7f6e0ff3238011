// Issue 18: vaults from before Argon2id (PBKDF2-SHA256, written by the build
// at commit fcd049d; see __fixtures__) still open, are re-wrapped with
// Argon2id right after unlocking, and a kill at any write leaves a vault that
// opens. Also: the recovery code can be replaced and revoked.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as KdfModule from './kdf';

const hooks = vi.hoisted(() => ({ beforeArgon2: null as null | (() => Promise<void>) }));
vi.mock('./kdf', async (importOriginal) => {
  const real = await importOriginal<typeof KdfModule>();
  return {
    ...real,
    argon2idBytes: async (...args: Parameters<typeof real.argon2idBytes>) => {
      const hook = hooks.beforeArgon2;
      hooks.beforeArgon2 = null;
      await hook?.();
      return real.argon2idBytes(...args);
    },
  };
});

import { db } from './db';
import { WrongPassphraseError, WrongRecoveryCodeError, NoRecoveryCodeError } from './errors';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import {
  createVault,
  hasRecoveryCode,
  isUnlocked,
  lock,
  replaceRecoveryCode,
  revokeRecoveryCode,
  unlock,
  unlockWithRecoveryCode,
} from './vault';

interface Fixture {
  rows: Array<{ store: string; value: unknown }>;
  caseId: string;
  noteId: string;
}

/** Turns the fixture's { $bytes } back into Uint8Arrays, as IndexedDB stored them. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const bytes = (value as { $bytes?: unknown }).$bytes;
    if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/pbkdf2-vault-v1.json', import.meta.url), 'utf8'),
) as Fixture;

async function loadLegacyVault(): Promise<void> {
  for (const row of fixture.rows) await db.table(row.store).put(decode(row.value));
  lock();
}

async function storedKdf(): Promise<Record<string, unknown>> {
  const row = await db.meta.get('keyring');
  return (row?.value as { passphrase: { kdf: Record<string, unknown> } }).passphrase.kdf;
}

beforeEach(async () => {
  await resetDatabase();
});

describe('a PBKDF2 vault from the pre-Argon2id build', () => {
  it('opens with its passphrase, is re-wrapped with Argon2id at once, and keeps its records', async () => {
    await loadLegacyVault();
    expect(await storedKdf()).toMatchObject({ name: 'PBKDF2', iterations: 600_000 });

    await unlock(TEST_PASSPHRASE);
    expect(isUnlocked()).toBe(true);
    expect(await storedKdf()).toMatchObject({ name: 'Argon2id', memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 });
    const cases = await listRecords({ kind: 'case' });
    expect(cases.map((r) => r.ok && r.record.id)).toEqual([fixture.caseId]);
    const notes = await listRecords({ kind: 'note', caseId: fixture.caseId });
    expect(notes.map((r) => r.ok && r.record.id)).toEqual([fixture.noteId]);

    lock();
    await expect(unlock('een verkeerde wachtwoordzin')).rejects.toThrow(WrongPassphraseError);
    await unlock(TEST_PASSPHRASE);
    expect(await storedKdf()).toMatchObject({ name: 'Argon2id' });
  });

  it('survives a kill at every write of the upgrade: each state the disk can hold opens', async () => {
    await loadLegacyVault();
    const before = (await db.meta.get('keyring'))?.value;
    await unlock(TEST_PASSPHRASE);
    const after = (await db.meta.get('keyring'))?.value;
    lock();
    // The upgrade is one atomic meta put (the throttle reset and the audit
    // event are separate writes that do not touch the key): a kill leaves
    // either the old keyring or the new one. Both must open the same data.
    for (const state of [before, after]) {
      await db.meta.put({ key: 'keyring', value: state });
      await unlock(TEST_PASSPHRASE);
      const notes = await listRecords({ kind: 'note', caseId: fixture.caseId });
      expect(notes).toHaveLength(1);
      expect(notes[0]?.ok).toBe(true);
      expect(await storedKdf()).toMatchObject({ name: 'Argon2id' });
      lock();
    }
  });

  it('does not overwrite a passphrase another tab changed in between', async () => {
    await loadLegacyVault();
    const { createKeyring } = await import('./keyring');
    const otherTab = (await createKeyring('de zin van het andere tabblad', false)).keyring;
    // Runs while this tab derives the new Argon2id slot, after it read the keyring.
    hooks.beforeArgon2 = async () => {
      await db.meta.put({ key: 'keyring', value: otherTab });
    };
    await unlock(TEST_PASSPHRASE);
    expect(isUnlocked()).toBe(true);
    const stored = (await db.meta.get('keyring'))?.value as typeof otherTab;
    expect(stored.passphrase.wrapped.data).toEqual(otherTab.passphrase.wrapped.data);
  });
});

describe('the recovery code', () => {
  it('can be replaced: the old code stops working, the new one works', async () => {
    const { recoveryCode: first = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    await expect(replaceRecoveryCode('niet de huidige zin hoor')).rejects.toThrow(WrongPassphraseError);
    const { recoveryCode: second } = await replaceRecoveryCode(TEST_PASSPHRASE);
    expect(second).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(second).not.toBe(first);
    lock();

    await expect(unlockWithRecoveryCode(first, 'een nieuwe lange zin hier')).rejects.toThrow(WrongRecoveryCodeError);
    await unlockWithRecoveryCode(second, 'een nieuwe lange zin hier');
    expect(isUnlocked()).toBe(true);
  });

  it('can be revoked: afterwards only the passphrase opens the vault', async () => {
    const { recoveryCode = '' } = await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    expect(await hasRecoveryCode()).toBe(true);
    await expect(revokeRecoveryCode('niet de huidige zin hoor')).rejects.toThrow(WrongPassphraseError);
    expect(await hasRecoveryCode()).toBe(true);
    await revokeRecoveryCode(TEST_PASSPHRASE);
    expect(await hasRecoveryCode()).toBe(false);
    const row = await db.meta.get('keyring');
    expect((row?.value as Record<string, unknown>)['recovery']).toBeUndefined();
    lock();

    await expect(unlockWithRecoveryCode(recoveryCode, 'een nieuwe lange zin hier')).rejects.toThrow(
      NoRecoveryCodeError,
    );
    await unlock(TEST_PASSPHRASE);
    const actions = (await listRecords({ kind: 'audit' })).map((r) => r.ok && r.record.action);
    expect(actions).toContain('vault.recovery-code-revoked');
  });
});
