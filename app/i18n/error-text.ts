// The one way from a failure to Dutch text: data, vault and backup codes via
// nl.dataErrors, schema codes via nl.errors, anything else the generic text.
// `message` of an error (English, for developers) is never shown.
import { isSchemaErrorCode } from '../../schema/errors';
import { InvalidRecordError, errorCode, retryAtOf } from '../data/errors';
import { errors } from './nl/errors';
import { dataErrors, genericError } from './nl/data-errors';
import type { AppErrorCode } from './nl/data-errors';
import { lock } from './nl/lock';

function isAppErrorCode(code: string): code is AppErrorCode {
  return Object.hasOwn(dataErrors, code);
}

/** Dutch text for one stable code (data, vault, backup or schema); the generic text for an unknown one. */
export function codeText(code: string): string {
  if (isAppErrorCode(code)) return dataErrors[code];
  if (isSchemaErrorCode(code)) return errors[code];
  return genericError;
}

/**
 * One Dutch sentence for a failed operation: an invalid record gives the text
 * of its first issue's code, a throttled attempt says how many seconds to
 * wait, every other error the text of its code.
 */
export function errorText(error: unknown, now: number = Date.now()): string {
  if (error instanceof InvalidRecordError) {
    const first = error.issues[0]?.message;
    return first !== undefined && isSchemaErrorCode(first) ? errors[first] : dataErrors['record.invalid'];
  }
  const code = errorCode(error);
  const retryAt = retryAtOf(error);
  if (code === 'vault.throttled' && retryAt !== null) {
    return lock.throttled(Math.max(1, Math.ceil((retryAt - now) / 1000)));
  }
  return code === null ? genericError : codeText(code);
}
