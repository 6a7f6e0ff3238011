// Reads the stable error codes that app/data attaches to its errors, and the
// waiting time of a throttled unlock or passphrase change.
import { nl } from '../i18n/catalogue';

export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** When a throttled attempt may be retried (epoch ms), if the error says so. */
export function retryAtOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'retryAt' in error) {
    const value = (error as { retryAt: unknown }).retryAt;
    if (typeof value === 'number') return value;
    if (value instanceof Date) return value.getTime();
  }
  return null;
}

/** Seconds until `at`, at least 1. */
export function secondsUntil(at: number, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** "Wait N seconds" for a retry time. */
export function throttledText(at: number, now: number = Date.now()): string {
  return nl.lock.throttled(secondsUntil(at, now));
}
