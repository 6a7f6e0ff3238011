// Dutch text for the stable error codes of app/data (backup and vault).
import { nl } from '../../i18n/catalogue';

const t = nl.settings;

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
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'number') return value;
  }
  return null;
}

function isKnown(code: string): code is keyof typeof t.errors {
  return Object.hasOwn(t.errors, code);
}

/** A backup, import or storage failure as one calm Dutch sentence. */
export function backupErrorText(error: unknown): string {
  const code = errorCode(error);
  if (code === 'vault.passphraseTooShort') return nl.lock.tooShort(12);
  if (code !== null && isKnown(code)) return t.errors[code];
  if (code === 'storage.failed') return t.errors.generic;
  return t.errors.generic;
}

/** Seconds until `at`, at least 1. */
export function secondsUntil(at: number, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}
