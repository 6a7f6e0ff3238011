// The coordination loop's life cycle (issue 21): it starts when the device is
// unlocked and in a team — at unlock, or the moment it creates or joins a team
// while unlocked — and stops at lock and when the device leaves the team.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { generateDataKey } from '../crypto';
import { db } from '../db';
import { setDataKey } from '../session';
import { autostartSync } from '../sync/autostart';
import { isCoordRunning, stopCoord } from './coord-autostart';
import { TEAM_CONFIG_KEY } from './has-team';

const rounds = vi.hoisted(() => ({ count: 0, refuse: false }));
vi.mock('./coord-sync', async () => {
  const { SyncError } = await import('../sync/remote');
  return {
    runCoordRound: async () => {
      rounds.count++;
      if (rounds.refuse) throw new SyncError('sync.lockedOut', 403);
      return undefined;
    },
  };
});

// The joined device's view of its admission (join-watch.ts), switched by the tests.
const admission = vi.hoisted(() => ({ state: 'admitted' as 'admitted' | 'waiting' | 'out', asked: 0 }));
vi.mock('./join-watch', () => ({
  pickUpJoinRequests: async () => 0,
  refreshNoteAuthor: async () => undefined,
  ownAdmission: async (askServer: boolean) => {
    if (askServer) admission.asked++;
    return admission.state;
  },
}));

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(() => {
  // Node has no window: the loop listens for "online" on it.
  if (typeof window === 'undefined') vi.stubGlobal('window', new EventTarget());
});

afterEach(async () => {
  stopCoord();
  setDataKey(null);
  await db.meta.clear();
});

describe('the coordination loop', () => {
  it('does not run while unlocked outside a team', async () => {
    setDataKey(await generateDataKey());
    await autostartSync();
    await new Promise((r) => setTimeout(r, 200));
    expect(isCoordRunning()).toBe(false);
  });

  it('starts when the device joins or creates a team while unlocked, and stops when it leaves', async () => {
    setDataKey(await generateDataKey());
    await autostartSync();
    expect(isCoordRunning()).toBe(false);
    // Creating or joining a team stores the (sealed) team configuration row.
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    await until(isCoordRunning);
    await db.meta.delete(TEAM_CONFIG_KEY);
    await until(() => !isCoordRunning());
  });

  it('starts at unlock in a team, runs a round, and stops at lock', async () => {
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    setDataKey(await generateDataKey());
    const { autostartCoord } = await import('./coord-autostart');
    const before = rounds.count;
    await autostartCoord({ debounceMs: 10 });
    expect(isCoordRunning()).toBe(true);
    await until(() => rounds.count > before);
    setDataKey(null);
    expect(isCoordRunning()).toBe(false);
  });

  it('runs no round while the team account is known refused, and notes a refusal it meets', async () => {
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    setDataKey(await generateDataKey());
    const { autostartCoord } = await import('./coord-autostart');
    const { teamRefusal } = await import('./account-refusal');
    rounds.refuse = true;
    try {
      const before = rounds.count;
      await autostartCoord({ debounceMs: 10 });
      await until(() => !isCoordRunning());
      expect(teamRefusal()).toBe('lockout');
      expect(rounds.count).toBe(before + 1);
      // Still noted (here by the first loop; it may be the share loop or a team screen): a new loop sends nothing.
      await autostartCoord({ debounceMs: 10 });
      await new Promise((r) => setTimeout(r, 100));
      expect(rounds.count).toBe(before + 1);
      expect(isCoordRunning()).toBe(false);
    } finally {
      rounds.refuse = false;
    }
  });

  it("stops on CouchDB's lockout instead of retrying into it", async () => {
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    setDataKey(await generateDataKey());
    const { autostartCoord } = await import('./coord-autostart');
    rounds.refuse = true;
    try {
      const before = rounds.count;
      await autostartCoord({ debounceMs: 10 });
      await until(() => rounds.count > before);
      await until(() => !isCoordRunning());
      expect(rounds.count).toBe(before + 1);
    } finally {
      rounds.refuse = false;
    }
  });

  it('runs the first round at once when the device finds itself admitted', async () => {
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    setDataKey(await generateDataKey());
    const { autostartCoord } = await import('./coord-autostart');
    admission.state = 'waiting';
    try {
      // The debounced round would come only after a minute: any round before is the admission's.
      await autostartCoord({ debounceMs: 60_000, joinEveryMs: 30 });
      const before = rounds.count;
      const asked = admission.asked;
      await until(() => admission.asked > asked + 1);
      expect(rounds.count).toBe(before);
      admission.state = 'admitted';
      await until(() => rounds.count > before);
      // Once admitted, the server's list is no longer asked for this.
      const after = admission.asked;
      await new Promise((r) => setTimeout(r, 150));
      expect(admission.asked).toBe(after);
    } finally {
      admission.state = 'admitted';
    }
  });

  it('runs a round at once when asked (the lead just admitted someone)', async () => {
    await db.meta.put({ key: TEAM_CONFIG_KEY, value: { sealed: true } });
    setDataKey(await generateDataKey());
    const { autostartCoord, runCoordNow } = await import('./coord-autostart');
    await autostartCoord({ debounceMs: 60_000 });
    const before = rounds.count;
    runCoordNow();
    await until(() => rounds.count > before);
  });
});
