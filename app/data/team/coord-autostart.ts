// Keeps this device's coordination records and counts current (issue 21):
// when a team is set up, a round runs after unlock, a few seconds after each
// change of the case index (debounced), when the device comes back online and
// every few minutes. Stops at lock. The round's code is a lazy chunk, loaded
// only when a team configuration exists.
import { liveQuery } from 'dexie';

import { db } from '../db';
import { getDataKey, subscribeVault } from '../session';

const DEBOUNCE_MS = 5_000;
const EVERY_MS = 5 * 60_000;

let running: { key: CryptoKey; stop: () => void } | null = null;

/** Starts the loop when the vault is unlocked and a team is set up; a no-op otherwise or when already running. */
export async function autostartCoord(): Promise<void> {
  const key = getDataKey();
  if (!key || running?.key === key) return;
  if ((await db.meta.get('teamConfig')) === undefined) return;
  if (getDataKey() !== key || running?.key === key) return;
  running?.stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let again = false;
  const round = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const { runCoordRound } = await import('./coord-sync');
      if (getDataKey() === key) await runCoordRound();
    } catch {
      // Offline or the server refused: the next trigger tries again.
    } finally {
      busy = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void round(), DEBOUNCE_MS);
  };
  const subscription = liveQuery(() => db.caseIndex.get('head')).subscribe({ next: schedule, error: () => undefined });
  const interval = setInterval(() => void round(), EVERY_MS);
  const online = (): void => schedule();
  window.addEventListener('online', online);
  const unsubscribe = subscribeVault(() => {
    if (getDataKey() !== key) running?.stop();
  });
  running = {
    key,
    stop: () => {
      clearTimeout(timer);
      clearInterval(interval);
      subscription.unsubscribe();
      window.removeEventListener('online', online);
      unsubscribe();
      running = null;
    },
  };
}
