import { useCallback, useEffect, useRef, useState } from 'react';
import { lock } from '../../data/vault';
import { useSettings } from '../../data/settings';

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
/** The warning shows at least this long before the idle lock. */
export const idleWarningMs = 30_000;

export interface AutoLockState {
  warning: boolean;
  secondsLeft: number;
  stay: () => void;
}

/**
 * Locks after the configured idle time (warning first), and when the app has
 * been hidden for longer than the grace period.
 */
export function useAutoLock(active: boolean): AutoLockState {
  const settings = useSettings();
  const idleMs = settings.autoLockMinutes * 60_000;
  const graceMs = settings.hiddenGraceSeconds * 1000;
  const lastActivity = useRef(Date.now());
  const hiddenAt = useRef<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });

    const tick = () => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= idleMs) {
        setSecondsLeft(null);
        lock();
      } else if (idle >= idleMs - idleWarningMs) {
        setSecondsLeft(Math.ceil((idleMs - idle) / 1000));
      } else {
        setSecondsLeft(null);
      }
    };
    const timer = window.setInterval(tick, 1000);

    let hiddenTimer: number | undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt.current = Date.now();
        hiddenTimer = window.setTimeout(() => lock(), graceMs);
      } else {
        window.clearTimeout(hiddenTimer);
        if (hiddenAt.current !== null && Date.now() - hiddenAt.current >= graceMs) lock();
        hiddenAt.current = null;
        tick();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);

    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
      window.clearTimeout(hiddenTimer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, idleMs, graceMs]);

  return { warning: active && secondsLeft !== null, secondsLeft: secondsLeft ?? 0, stay };
}
