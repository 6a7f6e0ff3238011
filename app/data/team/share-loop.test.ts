// The share loop (share-sync.ts) retries on trouble, but never into a refused password or a lockout,
// which it notes for the team screens (account-refusal.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SyncHttpError } from '../sync/http';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { teamRefusal } from './account-refusal';
import { startShareSync, stopShareSync } from './share-sync';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => stopShareSync());

async function roundsWhile(error: Error): Promise<number> {
  let rounds = 0;
  startShareSync(() => {
    rounds++;
    return Promise.reject(error);
  }, 10);
  await new Promise((resolve) => setTimeout(resolve, 300));
  stopShareSync();
  return rounds;
}

describe('the share loop', () => {
  it('tries again when offline', async () => {
    expect(await roundsWhile(new SyncHttpError('network'))).toBeGreaterThan(2);
  });

  it.each(['auth', 'lockedOut'] as const)('stops after %s instead of retrying into it', async (kind) => {
    expect(await roundsWhile(new SyncHttpError(kind, kind === 'auth' ? 401 : 403))).toBe(1);
  });

  it.each([
    ['auth', 'password'],
    ['lockedOut', 'lockout'],
  ] as const)('notes a refusal (%s) as %s, so the team screens can say what to do', async (kind, refusal) => {
    expect(teamRefusal()).toBeNull();
    await roundsWhile(new SyncHttpError(kind, kind === 'auth' ? 401 : 403));
    expect(teamRefusal()).toBe(refusal);
  });

  it('notes nothing when offline', async () => {
    await roundsWhile(new SyncHttpError('network'));
    expect(teamRefusal()).toBeNull();
  });
});
