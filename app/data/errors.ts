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

export class NoVaultError extends DataError {
  readonly code = 'vault.missing';
  constructor() {
    super('No vault has been created on this device.');
  }
}

export class VaultExistsError extends DataError {
  readonly code = 'vault.exists';
  constructor() {
    super('A vault already exists on this device.');
  }
}

export class VaultLockedError extends DataError {
  readonly code = 'vault.locked';
  constructor() {
    super('The vault is locked.');
  }
}

/** The stored key material does not have the expected shape. */
export class VaultCorruptError extends DataError {
  readonly code = 'vault.corrupt';
  constructor(detail: string) {
    super(`Stored key material is unreadable: ${detail}`);
  }
}

export class PassphraseTooShortError extends DataError {
  readonly code = 'vault.passphraseTooShort';
  constructor(readonly minLength: number) {
    super(`The passphrase must have at least ${minLength} characters.`);
  }
}

/** `retryAt` is set when this failure started a waiting time. */
export class WrongPassphraseError extends DataError {
  readonly code = 'vault.wrongPassphrase';
  constructor(readonly retryAt?: Date) {
    super('The passphrase is not correct.');
  }
}

/** `retryAt` is set when this failure started a waiting time. */
export class WrongRecoveryCodeError extends DataError {
  readonly code = 'vault.wrongRecoveryCode';
  constructor(readonly retryAt?: Date) {
    super('The recovery code does not open this vault.');
  }
}

/** The code is not well-formed (typo); checked before any key derivation. */
export class InvalidRecoveryCodeError extends DataError {
  readonly code = 'vault.recoveryCodeInvalid';
  constructor() {
    super('The recovery code is not well-formed.');
  }
}

export class NoRecoveryCodeError extends DataError {
  readonly code = 'vault.noRecoveryCode';
  constructor() {
    super('This vault was created without a recovery code.');
  }
}

/** Too many wrong attempts; try again at `retryAt`. The KDF did not run. */
export class ThrottledError extends DataError {
  readonly code = 'vault.throttled';
  constructor(readonly retryAt: Date) {
    super(`Too many attempts; retry at ${retryAt.toISOString()}.`);
  }
}

/** Stored KDF parameters are weaker than the minimum; refused, never used. */
export class KdfDowngradeError extends DataError {
  readonly code = 'vault.kdfDowngrade';
  constructor(detail: string) {
    super(`Key derivation parameters below the minimum: ${detail}`);
  }
}

export class RecordDamagedError extends DataError {
  readonly code = 'record.damaged';
  constructor(readonly id: string) {
    super(`Record ${id} cannot be decrypted or validated.`);
  }
}

/** The record an operation works on does not exist (or is of another kind). */
export class RecordNotFoundError extends DataError {
  readonly code = 'record.notFound';
  constructor(readonly id: string) {
    super(`Record ${id} does not exist.`);
  }
}

/** A record failed validation before writing; `issues` carry the schema codes. */
export class InvalidRecordError extends DataError {
  readonly code = 'record.invalid';
  constructor(
    readonly id: string | undefined,
    readonly issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  ) {
    super(`Record ${id ?? '(no id)'} is invalid: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
}

/** Notes and audit events can only be added, never overwritten. */
export class AppendOnlyError extends DataError {
  readonly code = 'record.appendOnly';
  constructor(readonly id: string) {
    super(`Record ${id} is append-only and already exists.`);
  }
}

/** The id is taken by a record of another kind, or repeated in one write. */
export class RecordConflictError extends DataError {
  readonly code = 'record.conflict';
  constructor(readonly id: string) {
    super(`Record id ${id} conflicts with another record.`);
  }
}

/** The browser refused to store more; nothing of the write was stored. */
export class StorageFullError extends DataError {
  readonly code = 'storage.full';
  constructor(cause?: unknown) {
    super('Device storage is full; nothing was saved.', { cause });
  }
}

/** Any other storage failure; nothing of the write was stored. */
export class StorageFailedError extends DataError {
  readonly code = 'storage.failed';
  constructor(cause?: unknown) {
    super('Saving failed; nothing was saved.', { cause });
  }
}

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
