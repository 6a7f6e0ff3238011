// Dutch text for the stable error codes of the backup (app/data/backup.ts).
import { nl } from '../../i18n/catalogue';
import { errorCode } from '../../ui/vault-errors';

const t = nl.settings;

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
