// Backup, import and storage failures on the settings screen, through the one
// error table (app/i18n/error-text.ts). Settings keep their own wording for a
// full device; codes the settings do not expect get the generic text.
import { errorCode } from '../../data/errors';
import { codeText } from '../../i18n/error-text';
import { nl } from '../../i18n/catalogue';

/** A backup, import or storage failure as one calm Dutch sentence. */
export function backupErrorText(error: unknown): string {
  const code = errorCode(error);
  if (code === 'vault.passphraseTooShort') return nl.lock.tooShort(12);
  if (code === 'storage.full') return nl.settings.errors['storage.full'];
  if (code !== null && (code.startsWith('backup.') || code === 'vault.locked')) return codeText(code);
  return nl.settings.errors.generic;
}
