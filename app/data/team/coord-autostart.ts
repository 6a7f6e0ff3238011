// Keeps this device's coordination records and counts current (issue 21):
// while unlocked and in a team, a round runs a few seconds after the loop
// starts (at unlock, or the moment the device creates or joins a team), a few
// seconds after each change of the case index (debounced), when the device
// comes back online and every few minutes. On the lead's device, waiting join
// requests are picked up every half minute (join-watch.ts; never admitted).
// A device whose join request waits asks the server's member list every half
// minute too, and runs its first round the moment it finds itself admitted
// (or the moment the Team screen's check caches a list that names it); the
// lead's device runs one right after admitting someone (coord-hooks.ts).
// Stops at lock, when the device leaves the team and when the team server
// refuses the account (account-refusal.ts). The round's code is a
// lazy chunk, loaded only in a team. It also keeps the note author
// (../note-author.ts) set from the verified member list while it runs;
// leaving the team and lock clear it.
import { liveQuery } from 'dexie';

import { db } from '../db';
import { setNoteAuthor } from '../note-author';
import { getDataKey, subscribeVault } from '../session';
import { hasTeamConfig, TEAM_MEMBERS_KEY } from './has-team';
import { noteTeamRefusal, teamRefusal } from './account-refusal';

const DEBOUNCE_MS = 5_000;
const EVERY_MS = 5 * 60_000;
const JOIN_EVERY_MS = 30_000;

let running: { key: CryptoKey; stop: () => void; now: () => void } | null = null;

/** Whether the coordination loop runs now (tests, status). */
export function isCoordRunning(): boolean {
  return running !== null;
}

/** Starts the loop when the vault is unlocked and a team is set up; a no-op otherwise or when already running. */
export async function autostartCoord(options: { debounceMs?: number; joinEveryMs?: number } = {}): Promise<void> {
  const key = getDataKey();
  if (!key || running?.key === key) return;
  if (!(await hasTeamConfig())) return;
  if (getDataKey() !== key || running?.key === key) return;
  running?.stop();
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let again = false;
  let stopped = false;
  const round = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      // Refused already (by another team loop or screen): nothing is sent until the password is entered again.
      const { runCoordRound } = await import('./coord-sync');
      if (teamRefusal()) {
        loop.stop();
        return;
      }
      if (!stopped && getDataKey() === key) await runCoordRound();
    } catch (e) {
      // A refused password or a lockout: no retry into it; the loop starts again at the next unlock or
      // when the worker enters the team password again (account-reentry.ts).
      if (noteTeamRefusal(e)) loop.stop();
      // Otherwise offline or server trouble: the next trigger tries again.
    } finally {
      busy = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void round(), debounceMs);
  };
  const subscription = liveQuery(() => db.caseIndex.get('head')).subscribe({ next: schedule, error: () => undefined });
  // Leaving the team (the configuration row is deleted) stops the loop.
  const membership = liveQuery(hasTeamConfig).subscribe({
    next: (inTeam) => {
      if (inTeam) return;
      setNoteAuthor(null);
      loop.stop();
    },
    error: () => undefined,
  });
  const interval = setInterval(() => void round(), EVERY_MS);
  // Whether this device is in the verified member list: the first round after admission runs at once.
  let admission: 'admitted' | 'waiting' | 'out' | undefined;
  let checkingAdmission = false;
  const watchAdmission = async (askServer: boolean): Promise<void> => {
    if (admission === 'admitted' || admission === 'out' || checkingAdmission) return;
    checkingAdmission = true;
    try {
      const { ownAdmission } = await import('./join-watch');
      if (stopped || getDataKey() !== key) return;
      const now = await ownAdmission(askServer);
      if (now === 'admitted' && admission === 'waiting' && !stopped) void round();
      admission = now;
    } finally {
      checkingAdmission = false;
    }
  };
  // The note author (this member's name in the verified list) follows the cached list too.
  const admissionWatch = liveQuery(() => db.meta.get(TEAM_MEMBERS_KEY)).subscribe({
    next: () => {
      void watchAdmission(false).catch(() => undefined);
      void import('./join-watch').then((m) => (stopped ? undefined : m.refreshNoteAuthor())).catch(() => undefined);
    },
    error: () => undefined,
  });
  const pickUpJoins = async (): Promise<void> => {
    try {
      const { pickUpJoinRequests } = await import('./join-watch');
      // After the first await: `loop` is defined below this function's first (synchronous) call.
      if (teamRefusal()) {
        loop.stop();
        return;
      }
      if (!stopped && getDataKey() === key) await watchAdmission(true);
      if (!stopped && getDataKey() === key) await pickUpJoinRequests();
    } catch (e) {
      if (noteTeamRefusal(e)) loop.stop();
      // Offline: the count of the last pick-up stays.
    }
  };
  void pickUpJoins();
  const joins = setInterval(() => void pickUpJoins(), options.joinEveryMs ?? JOIN_EVERY_MS);
  const online = (): void => schedule();
  window.addEventListener('online', online);
  const unsubscribe = subscribeVault(() => {
    if (getDataKey() !== key) loop.stop();
  });
  const loop = {
    key,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(interval);
      clearInterval(joins);
      subscription.unsubscribe();
      membership.unsubscribe();
      admissionWatch.unsubscribe();
      window.removeEventListener('online', online);
      unsubscribe();
      if (running === loop) running = null;
    },
    now: () => {
      if (!stopped) void round();
    },
  };
  running = loop;
}

/** Runs a round now on the running loop (the lead just admitted someone); a no-op when none runs. */
export function runCoordNow(): void {
  running?.now();
}

/** Stops the loop (tests; lock and leaving stop it by themselves). */
export function stopCoord(): void {
  running?.stop();
}
