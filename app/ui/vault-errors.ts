// The waiting time of a throttled unlock or passphrase change, as the lock
// screen and the settings say it (codes and retry times: app/data/errors.ts).
import { nl } from '../i18n/catalogue';

/** "Wait N seconds" for a retry time (epoch ms), at least one second. */
export function throttledText(at: number, now: number = Date.now()): string {
  return nl.lock.throttled(Math.max(1, Math.ceil((at - now) / 1000)));
}
