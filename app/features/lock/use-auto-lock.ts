import { useCallback, useEffect, useRef, useState } from 'react';
import { useSettings } from '../../data/settings';
import { lockAndFocus, setHiddenGraceMs } from './hidden-lock';

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
/** The warning shows at least this long before the idle lock. */
export const idleWarningMs = 30_000;

export interface AutoLockState {
  warning: boolean;
  secondsLeft: number;
  stay: () => void;
}

/**
 * Locks after the configured idle time (warning first). The hidden-app lock
 * lives in hidden-lock.ts; this hook hands it the configured grace period.
 */
export function useAutoLock(active: boolean): AutoLockState {
  const settings = useSettings();
  const idleMs = settings.autoLockMinutes * 60_000;
  const graceMs = settings.hiddenGraceSeconds * 1000;
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    setHiddenGraceMs(graceMs);
  }, [graceMs]);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const onActivity = (event: Event) => {
      lastActivity.current = Date.now();
      // The warning goes at once, not at the next tick (React skips the update when none is shown); not
      // on a tap on the warning itself, whose click would then land on what lies under it.
      if (!(event.target instanceof Element && event.target.closest('.idle-warning'))) setSecondsLeft(null);
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });

    const tick = () => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= idleMs) {
        setSecondsLeft(null);
        lockAndFocus();
      } else if (idle >= idleMs - idleWarningMs) {
        setSecondsLeft(Math.ceil((idleMs - idle) / 1000));
      } else {
        setSecondsLeft(null);
      }
    };
    const timer = window.setInterval(tick, 1000);

    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, idleMs]);

  return { warning: active && secondsLeft !== null, secondsLeft: secondsLeft ?? 0, stay };
}
