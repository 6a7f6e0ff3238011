// The notices above the content (the backup and recovery-code reminders,
// unlocked-extras.tsx) load in their own chunk and read IndexedDB. Right after
// an unlock they used to appear a moment after the screen below them, moving
// what a worker (or a test) was about to tap. A screen behind the lock now
// waits until the notices have decided whether to show, in the same frame,
// for at most NOTICE_WAIT_MS, once per unlock (the vault epoch).
import { useEffect, useSyncExternalStore } from 'react';

/** Never longer than this: a notice that cannot decide (a failing read) must not hold the logbook. */
export const NOTICE_WAIT_MS = 400;

let settledEpoch = -1;
const listeners = new Set<() => void>();

/** The notices of this unlock (epoch) have decided; called from a layout effect so it lands before paint. */
export function settleNotices(epoch: number): void {
  if (settledEpoch === epoch) return;
  settledEpoch = epoch;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the screen of this unlock may show; settles by itself after NOTICE_WAIT_MS. */
export function useNoticesSettled(epoch: number, waiting: boolean): boolean {
  const settled = useSyncExternalStore(
    subscribe,
    () => settledEpoch === epoch,
    () => true,
  );
  useEffect(() => {
    if (!waiting || settled) return;
    const timer = setTimeout(() => settleNotices(epoch), NOTICE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [epoch, settled, waiting]);
  return settled || !waiting;
}
