// Issue 18, "stolen profile" (unit level): after a short journey, read the raw
// IndexedDB rows and the keyring without the passphrase, as someone with a
// copy of the browser profile would, and check what they get.
import { describe, expect, it } from 'vitest';

import { makeCase, makeNote, makeParty } from '../../schema/factories';
import { ARGON2ID_CURRENT, deriveKek, kdfLabel, unwrapDataKey } from './crypto';
import type { Argon2idParams } from './crypto';
import { parseKeyring } from './keyring';
import { appendAudit, saveRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { changePassphrase, createVault, lock, unlock } from './vault';

describe('a copy of the profile, without the passphrase', () => {
  it('holds an Argon2id keyring (at least 46 MiB, t = 2) and no case text', async () => {
    await resetDatabase();
    const next = 'een heel andere lange zin voor later';
    await createVault(TEST_PASSPHRASE, { recoveryCode: true });
    const kase = makeCase({ description: 'MARKER-STOLEN-beschrijving' });
    await saveRecords([
      kase,
      makeParty({ caseId: kase.id, realName: 'MARKER-STOLEN-Vandenberghe' }),
      makeNote({ caseId: kase.id, text: 'MARKER-STOLEN-notitie' }),
    ]);
    await appendAudit({ action: 'case.created', caseId: kase.id });
    await changePassphrase(TEST_PASSPHRASE, next);
    lock();
    await unlock(next);
    lock();

    const raw = await dumpRawDatabase();
    const text = raw.map((r) => rawText(r.value)).join('\n');
    expect(text).not.toContain('MARKER');

    const keyringRow = raw.find((r) => r.store === 'meta' && (r.value as { key?: unknown }).key === 'keyring');
    const keyring = parseKeyring((keyringRow?.value as { value?: unknown } | undefined)?.value);
    for (const slot of [keyring.passphrase, keyring.recovery]) {
      if (!slot) throw new Error('slot missing');
      expect(slot.kdf.name).toBe('Argon2id');
      const kdf = slot.kdf as Argon2idParams;
      expect(kdf.memoryKiB).toBeGreaterThanOrEqual(ARGON2ID_CURRENT.memoryKiB);
      expect(kdf.iterations).toBeGreaterThanOrEqual(ARGON2ID_CURRENT.iterations);
      expect(kdf.parallelism).toBe(1);
      expect(kdf.salt.byteLength).toBeGreaterThanOrEqual(16);
    }
    // The wrapped key opens only with the passphrase: a guess costs one full Argon2id run.
    const aad = (secretSlot: typeof keyring.passphrase) =>
      `baken/v1|wrap|passphrase|${kdfLabel(secretSlot.kdf)}|${Array.from(secretSlot.kdf.salt, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const guess = await deriveKek(new TextEncoder().encode(TEST_PASSPHRASE), keyring.passphrase.kdf);
    await expect(unwrapDataKey(keyring.passphrase.wrapped, guess, aad(keyring.passphrase), false)).rejects.toThrow();
    const right = await deriveKek(new TextEncoder().encode(next), keyring.passphrase.kdf);
    await expect(unwrapDataKey(keyring.passphrase.wrapped, right, aad(keyring.passphrase), false)).resolves.toBeDefined();
  });
});
