// Typed errors of the data layer. Each has a stable `code`; the UI translates
// codes to Dutch and never shows `message` (English, for developers).

export type DataErrorCode =
  | 'vault.missing'
  | 'vault.exists'
  | 'vault.locked'
  | 'vault.corrupt'
  | 'vault.passphraseTooShort'
  | 'vault.wrongPassphrase'
  | 'vault.wrongRecoveryCode'
  | 'vault.recoveryCodeInvalid'
  | 'vault.noRecoveryCode'
  | 'vault.throttled'
  | 'vault.kdfDowngrade'
  | 'record.damaged'
  | 'record.notFound'
  | 'record.invalid'
  | 'record.appendOnly'
  | 'record.conflict'
  | 'storage.full'
  | 'storage.failed';

export abstract class DataError extends Error {
  abstract readonly code: DataErrorCode;
}

/**
 * One error class per code: `build` turns the constructor's arguments into
 * the (English) message, an optional `cause`, and the fields the class keeps
 * (e.g. `id`, `retryAt`). `instanceof` works per class as with hand-written ones.
 */
function dataError<const C extends DataErrorCode, A extends unknown[], F extends object>(
  code: C,
  build: (...args: A) => { message: string; cause?: unknown } & F,
) {
  class CodedError extends DataError {
    readonly code: C = code;
    constructor(...args: A) {
      const fields = build(...args);
      // Error takes `cause` from the options only when the key is there (the storage errors).
      super(fields.message, fields);
      Object.assign(this, fields);
    }
  }
  return CodedError as unknown as new (...args: A) => CodedError & Readonly<Omit<F, 'message' | 'cause'>>;
}

export class NoVaultError extends dataError('vault.missing', () => ({
  message: 'No vault has been created on this device.',
})) {}

export class VaultExistsError extends dataError('vault.exists', () => ({
  message: 'A vault already exists on this device.',
})) {}

export class VaultLockedError extends dataError('vault.locked', () => ({ message: 'The vault is locked.' })) {}

/** The stored key material does not have the expected shape. */
export class VaultCorruptError extends dataError('vault.corrupt', (detail: string) => ({
  message: `Stored key material is unreadable: ${detail}`,
})) {}

export class PassphraseTooShortError extends dataError('vault.passphraseTooShort', (minLength: number) => ({
  minLength,
  message: `The passphrase must have at least ${minLength} characters.`,
})) {}

/** `retryAt` is set when this failure started a waiting time. */
export class WrongPassphraseError extends dataError('vault.wrongPassphrase', (retryAt?: Date) => ({
  retryAt,
  message: 'The passphrase is not correct.',
})) {}

/** `retryAt` is set when this failure started a waiting time. */
export class WrongRecoveryCodeError extends dataError('vault.wrongRecoveryCode', (retryAt?: Date) => ({
  retryAt,
  message: 'The recovery code does not open this vault.',
})) {}

/** The code is not well-formed (typo); checked before any key derivation. */
export class InvalidRecoveryCodeError extends dataError('vault.recoveryCodeInvalid', () => ({
  message: 'The recovery code is not well-formed.',
})) {}

export class NoRecoveryCodeError extends dataError('vault.noRecoveryCode', () => ({
  message: 'This vault was created without a recovery code.',
})) {}

/** Too many wrong attempts; try again at `retryAt`. The KDF did not run. */
export class ThrottledError extends dataError('vault.throttled', (retryAt: Date) => ({
  retryAt,
  message: `Too many attempts; retry at ${retryAt.toISOString()}.`,
})) {}

/** Stored KDF parameters are weaker than the minimum; refused, never used. */
export class KdfDowngradeError extends dataError('vault.kdfDowngrade', (detail: string) => ({
  message: `Key derivation parameters below the minimum: ${detail}`,
})) {}

export class RecordDamagedError extends dataError('record.damaged', (id: string) => ({
  id,
  message: `Record ${id} cannot be decrypted or validated.`,
})) {}

/** The record an operation works on does not exist (or is of another kind). */
export class RecordNotFoundError extends dataError('record.notFound', (id: string) => ({
  id,
  message: `Record ${id} does not exist.`,
})) {}

/** A record failed validation before writing; `issues` carry the schema codes. */
export class InvalidRecordError extends dataError(
  'record.invalid',
  (id: string | undefined, issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) => ({
    id,
    issues,
    message: `Record ${id ?? '(no id)'} is invalid: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
  }),
) {}

/** Notes and audit events can only be added, never overwritten. */
export class AppendOnlyError extends dataError('record.appendOnly', (id: string) => ({
  id,
  message: `Record ${id} is append-only and already exists.`,
})) {}

/** The id is taken by a record of another kind, or repeated in one write. */
export class RecordConflictError extends dataError('record.conflict', (id: string) => ({
  id,
  message: `Record id ${id} conflicts with another record.`,
})) {}

/** The browser refused to store more; nothing of the write was stored. */
export class StorageFullError extends dataError('storage.full', (cause?: unknown) => ({
  cause,
  message: 'Device storage is full; nothing was saved.',
})) {}

/** Any other storage failure; nothing of the write was stored. */
export class StorageFailedError extends dataError('storage.failed', (cause?: unknown) => ({
  cause,
  message: 'Saving failed; nothing was saved.',
})) {}

export function isDataError(e: unknown): e is DataError {
  return e instanceof DataError;
}

/** True for a quota error as thrown by IndexedDB, or wrapped by Dexie (also inside an AbortError). */
export function isQuotaError(e: unknown): boolean {
  for (let current = e, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { name, code, inner } = current as { name?: unknown; code?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (code === 22) return true;
    current = inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Maps a storage failure to a typed error; passes data errors through. */
export function toStorageError(e: unknown): DataError {
  if (e instanceof DataError) return e;
  return isQuotaError(e) ? new StorageFullError(e) : new StorageFailedError(e);
}

/** The stable code of a data, backup or vault error; null for anything else. */
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
