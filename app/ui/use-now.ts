// The clock for screens that move on with time (overdue groups, opening hours).
import { useEffect, useState } from 'react';
import { brusselsToday } from '../../schema/follow-up';

/**
 * `read()`, re-read every `intervalMs` and when the page becomes visible
 * again (timers are throttled while a phone sleeps). An equal primitive
 * value does not re-render.
 */
export function useTicking<T>(read: () => T, intervalMs = 60_000): T {
  const [value, setValue] = useState(read);
  const latestRead = useRefLatest(read);
  useEffect(() => {
    const tick = () => setValue(latestRead.current());
    const id = window.setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs, latestRead]);
  return value;
}

function useRefLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}

/** The current time, refreshed every minute (or `intervalMs`). */
export function useNow(intervalMs = 60_000): Date {
  return useTicking(() => new Date(), intervalMs);
}

/** Today's date in Brussels (YYYY-MM-DD): groups move on at midnight, also on a phone that slept. */
export function useBrusselsToday(intervalMs = 60_000): string {
  return useTicking(() => brusselsToday(new Date()), intervalMs);
}
