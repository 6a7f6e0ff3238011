import { useEffect, useState } from 'react';
import { brusselsToday } from '../../../schema/follow-up';

/**
 * Today's date in Brussels (YYYY-MM-DD). Re-checked every minute and when
 * the page becomes visible again, so groups move on at midnight even on a
 * phone that slept (timers are throttled in the background).
 */
export function useBrusselsToday(intervalMs = 60_000): string {
  const [today, setToday] = useState(() => brusselsToday(new Date()));
  useEffect(() => {
    const tick = () => setToday(brusselsToday(new Date()));
    const id = window.setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return today;
}
