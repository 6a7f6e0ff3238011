// Dutch text for what can go wrong in the sync section (codes from app/data/sync).
import { errorCode, retryAtOf } from '../../data/errors';
// The sync strings are their own module (not in the catalogue object), so they load with the sync chunk.
import { sync } from '../../i18n/nl/sync';
import { throttledText } from '../../ui/vault-errors';

const t = sync.errors;

export function syncErrorText(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : errorCode(error);
  if (code && code in t) return t[code as keyof typeof t];
  const at = retryAtOf(error);
  if (code === 'vault.throttled' && at !== null) return throttledText(at);
  if (code === 'vault.wrongPassphrase')
    return at !== null && at > Date.now() ? `${t.wrongPassphrase} ${throttledText(at)}` : t.wrongPassphrase;
  return t.generic;
}
