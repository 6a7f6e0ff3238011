// Issue 19: the screens that name cases wait for "who shared it" (useSharedFrom). The last
// result is kept for the next screen's first render, but only while it is as new as the rows
// it came from: any change to a `meta` row, and any lock, forgets it.
import { beforeEach, describe, expect, it } from 'vitest';

import { db } from '../db';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { runOperation } from '../operations';
import { createVault, lock, unlock } from '../vault';
import { makeTeam } from './coord-test-utils';
import { cacheOwnList } from './members';
import { readSharedFromLive, sharedFromInMemory } from './presence';
import { updateSharedCases } from './share';

const KEY_A = '6f1c2f7e-0c55-4b43-9d0b-3f7f6f0c1a01';
const FROM_ANNA = '0b7e8a52-3c1d-4e5f-8a9b-000000000001';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

describe('who shared a received case, remembered for the next screen', () => {
  it('gives the last read until a row it comes from changes', async () => {
    expect(sharedFromInMemory()).toBeUndefined();
    const none = await readSharedFromLive();
    expect(none.size).toBe(0);
    expect(sharedFromInMemory()).toBe(none);

    const { list } = await makeTeam([
      ['coordinator', 'Anna Coördinator'],
      ['medewerker', 'Bram Medewerker'],
    ]);
    await cacheOwnList(list, 'c2ln', []);
    // The member list is a meta row: what was remembered is forgotten.
    expect(sharedFromInMemory()).toBeUndefined();

    await readSharedFromLive();
    expect(sharedFromInMemory()?.size).toBe(0);
    await updateSharedCases(() => ({ [FROM_ANNA]: { keys: [KEY_A], owner: list.members[0]!.id } }));
    expect(sharedFromInMemory()).toBeUndefined();

    const from = await readSharedFromLive();
    expect([...from.entries()]).toEqual([[FROM_ANNA, 'Anna Coördinator']]);
    expect(sharedFromInMemory()).toBe(from);

    // Another meta row (every save writes the audit chain head there) leaves it.
    await db.meta.put({ key: 'presence-test', value: 1 } as never);
    expect(sharedFromInMemory()).toBe(from);
    // Deleting a row it comes from forgets it.
    await db.meta.delete('teamMembers');
    expect(sharedFromInMemory()).toBeUndefined();
  });

  it('keeps it across a save, which writes the audit chain head', async () => {
    const from = await readSharedFromLive();
    await runOperation('createCase', {
      knownOn: '2026-03-02',
      knownVia: 'klasgenoot',
      types: ['ongewenste-sexting'],
      schools: [],
      description: 'Gemeld.',
    });
    expect(sharedFromInMemory()).toBe(from);
  });

  it('gives nothing after a lock, and a new unlock starts without it', async () => {
    await readSharedFromLive();
    expect(sharedFromInMemory()).toBeDefined();
    lock();
    expect(sharedFromInMemory()).toBeUndefined();
    await unlock(TEST_PASSPHRASE);
    expect(sharedFromInMemory()).toBeUndefined();
  });
});
