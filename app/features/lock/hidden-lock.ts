// Locks when the app has been hidden for longer than the grace period. This
// runs from app start (not in the lazily loaded unlocked session), so there is
// no moment right after unlock in which hiding the app would not count. The
// grace period follows the setting once the unlocked session has read it.
import { useEffect } from 'react';
import { flushBeforeLock } from '../../data/session';
import { isUnlocked, lock } from '../../data/vault';
import { requestPageFocus } from '../../shell/router';

const defaultGraceMs = 60_000;
let graceMs = defaultGraceMs;

/** Called by the unlocked session with the user's setting. */
export function setHiddenGraceMs(ms: number): void {
  graceMs = ms;
}

/** At most this long a lock waits for a form's pending draft to be stored (usually a few ms). */
const LOCK_FLUSH_MAX_MS = 1000;

/**
 * Locks once pending drafts are stored (addLockFlush, at most LOCK_FLUSH_MAX_MS); the lock screen's
 * heading takes focus (it is read in the render that shows it), not the page body.
 */
export function lockAndFocus(): void {
  void flushBeforeLock(LOCK_FLUSH_MAX_MS).finally(() => {
    if (!isUnlocked()) return;
    requestPageFocus();
    lock();
  });
}

// "Vergrendelen" locks Baken in every tab of this browser: a second tab must not stay open on a case
// once the worker locked. The idle and hidden locks stay per tab, since another tab may be in use.
// Opened by useHiddenLock, never on import: the build imports this module in Node, where an open
// channel would keep the process alive.
let lockChannel: BroadcastChannel | null = null;

/** The lock button: this tab and every other open tab (each stores its pending drafts first). */
export function lockEverywhere(): void {
  lockChannel?.postMessage('lock');
  lockAndFocus();
}

export function useHiddenLock(): void {
  useEffect(() => {
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('baken-lock');
    lockChannel = channel;
    if (channel)
      channel.onmessage = (event: MessageEvent) => {
        if (event.data === 'lock' && isUnlocked()) lockAndFocus();
      };
    let hiddenAt: number | null = null;
    let timer: number | undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          if (isUnlocked()) lockAndFocus();
        }, graceMs);
      } else {
        window.clearTimeout(timer);
        if (hiddenAt !== null && Date.now() - hiddenAt >= graceMs && isUnlocked()) lockAndFocus();
        hiddenAt = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      channel?.close();
      if (lockChannel === channel) lockChannel = null;
    };
  }, []);
}
