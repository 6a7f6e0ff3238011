// The vault: creating, unlocking and locking the logbook on this device.
// Stored in the `meta` table (db.ts):
// - "keyring":  the wrapped data key and KDF parameters (keyring.ts);
// - "throttle": { failures, notBefore } — failed attempts and the earliest
//               time (epoch ms) the next attempt may run. Not sensitive, so
//               plaintext; it survives reloads. There is no wipe.
// - "recoveryUnconfirmed": true while a recovery code was made (at setup or
//               in the settings) but the worker has not yet confirmed storing
//               it; written with the keyring, so closing the app on the code
//               screen leaves it set. Not secret: nothing about the code.
// The unwrapped data key lives only in memory (session.ts). Everything here
// works offline; nothing ever leaves the device.
// Upgrade path: a vault whose passphrase slot uses an outdated KDF (PBKDF2
// from before Argon2id, or weaker Argon2id parameters) is re-wrapped with the
// current parameters right after a successful unlock, in one atomic meta write
// that only replaces the slot it opened; a kill before it leaves the old,
// still working keyring.
// This module is on the lock screen's critical path: it reads and writes the
// meta table through meta-store.ts (raw IndexedDB, no Dexie, no zod) and loads
// Dexie only to create a vault.
import {
  NoVaultError,
  ThrottledError,
  toStorageError,
  VaultExistsError,
  WrongPassphraseError,
  WrongRecoveryCodeError,
} from './errors';
import {
  assertPassphrase,
  changeKeyringPassphrase,
  createKeyring,
  createKeyringForDataKey,
  exportKeyringDataKey,
  openAndUpgrade,
  parseKeyring,
  parseRecoveryCode,
  recoverKeyring,
  replaceKeyringRecoveryCode,
  revokeKeyringRecoveryCode,
} from './keyring';
import type { Keyring } from './keyring';
import { metaGet, metaPut, metaUpdate } from './meta-store';
import { getDataKey, getVaultSnapshot, requireDataKey, setDataKey, setVaultPresence } from './session';
import type { AuditInput } from './store';

export { getVaultSnapshot, subscribeVault } from './session';
export type { VaultSnapshot, VaultStatus } from './session';
export { PASSPHRASE_MIN_LENGTH } from './keyring';

const KEYRING = 'keyring';
const THROTTLE = 'throttle';
/** Meta key of the "recovery code made but not yet confirmed" flag (value `true`). */
export const RECOVERY_UNCONFIRMED = 'recoveryUnconfirmed';
const unconfirmedRow = { key: RECOVERY_UNCONFIRMED, value: true };
const FREE_ATTEMPTS = 3;
export const MAX_THROTTLE_MS = 5 * 60_000;

/** Waiting time after `failures` wrong attempts: none for 3, then 2, 4, 8 … s, at most 5 min. */
export function throttleDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS) * 1000, MAX_THROTTLE_MS);
}

interface Throttle {
  failures: number;
  notBefore: number;
}

/** Stored throttle state; anything unreadable counts as no failures. */
function restoreThrottle(value: unknown): Throttle {
  if (typeof value === 'object' && value !== null) {
    const { failures, notBefore } = value as Partial<Record<keyof Throttle, unknown>>;
    if (
      typeof failures === 'number' &&
      Number.isInteger(failures) &&
      failures >= 0 &&
      typeof notBefore === 'number' &&
      Number.isFinite(notBefore)
    ) {
      return { failures, notBefore };
    }
  }
  return { failures: 0, notBefore: 0 };
}

// One vault operation at a time, so two attempts cannot both pass the throttle: in this page (the
// queue) and across the origin's tabs (a Web Lock, where the browser has them). Without the lock, N tabs
// submitting at once each ran a key derivation in the same throttle window.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(operation: () => Promise<T>): Promise<T> {
  const locked = (): Promise<T> =>
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request('baken-vault', operation)
      : operation();
  const run = queue.then(locked, locked);
  queue = run.catch(() => undefined);
  return run;
}

async function readThrottle(): Promise<Throttle> {
  return restoreThrottle(await metaGet(THROTTLE));
}

/** Rejects with ThrottledError while waiting; repairs a clock that moved back. */
async function assertNotThrottled(): Promise<void> {
  const now = Date.now();
  const throttle = await readThrottle();
  if (throttle.notBefore - now > MAX_THROTTLE_MS) {
    throttle.notBefore = now + MAX_THROTTLE_MS;
    await metaPut(THROTTLE, throttle);
  }
  if (now < throttle.notBefore) throw new ThrottledError(new Date(throttle.notBefore));
}

/** Counts a failure; returns when the next attempt may run, if there is a wait. */
async function recordFailure(): Promise<Date | undefined> {
  const written = await metaUpdate(THROTTLE, (current): Throttle => {
    const failures = restoreThrottle(current).failures + 1;
    return { failures, notBefore: Date.now() + throttleDelayMs(failures) };
  });
  return throttleDelayMs(written.failures) > 0 ? new Date(written.notBefore) : undefined;
}

async function resetThrottle(): Promise<void> {
  await metaPut(THROTTLE, { failures: 0, notBefore: 0 } satisfies Throttle);
}

async function loadKeyring(): Promise<Keyring> {
  const value = await metaGet(KEYRING);
  if (value === undefined) {
    setVaultPresence(false);
    throw new NoVaultError();
  }
  return parseKeyring(value);
}

/** Dexie, loaded on demand: the lock screen reads and writes through meta-store.ts. */
async function loadDexie() {
  return (await import('./db')).db;
}

/** Audit of vault events is best effort: a full disk must not keep anyone out. */
async function auditQuietly(input: AuditInput): Promise<void> {
  try {
    // Loaded on demand: the store (and the record schemas) are not needed to show the lock screen.
    const { appendAudit } = await import('./store');
    await appendAudit(input);
  } catch {
    // The unlock itself succeeded; the missing event is the lesser harm.
  }
}

let persistenceRequested = false;
function requestPersistence(): void {
  if (persistenceRequested) return;
  persistenceRequested = true;
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const persist = storage && typeof storage.persist === 'function' ? storage.persist.bind(storage) : undefined;
  persist?.().catch(() => undefined);
}

async function openSession(key: CryptoKey, action: AuditInput['action']): Promise<void> {
  try {
    await resetThrottle();
  } catch {
    // A full disk must not keep anyone out; the old count only shortens the
    // next free attempts until a later unlock can reset it.
  }
  setDataKey(key);
  await auditQuietly({ action });
  requestPersistence();
}

/**
 * Whether a vault exists on this device (also updates useVaultState()).
 * Offline: works. Rejects only if IndexedDB itself is unavailable.
 */
export async function hasVault(): Promise<boolean> {
  const present = (await metaGet(KEYRING)) !== undefined;
  setVaultPresence(present);
  return present;
}

/**
 * Creates the vault with a passphrase (min. 12 characters) and unlocks it.
 * With `recoveryCode: true` the result holds a recovery code to show once;
 * it is not stored anywhere, but the "not yet confirmed" flag is stored with
 * the keyring (confirmRecoveryCode() clears it). Offline: works. Fails with
 * PassphraseTooShortError, VaultExistsError or a storage error; then nothing
 * was stored.
 */
export function createVault(
  passphrase: string,
  options: { recoveryCode: boolean },
): Promise<{ recoveryCode?: string }> {
  return serial(async () => {
    const created = await storeNewVault(
      passphrase,
      () => createKeyring(passphrase, options.recoveryCode),
      options.recoveryCode ? async () => [unconfirmedRow] : undefined,
    );
    return created.recoveryCode === undefined ? {} : { recoveryCode: created.recoveryCode };
  });
}

/**
 * Makes a keyring for a new vault, stores it and unlocks. Refuses with
 * VaultExistsError when a vault exists, also one stored meanwhile by another tab.
 */
async function storeNewVault<T extends { keyring: Keyring; dataKey: CryptoKey }>(
  passphrase: string,
  make: () => Promise<T>,
  alongside?: (dataKey: CryptoKey) => Promise<Array<{ key: string; value: unknown }>>,
): Promise<T> {
  assertPassphrase(passphrase);
  if ((await metaGet(KEYRING)) !== undefined) throw new VaultExistsError();
  const created = await make();
  // Rows sealed under the new data key that must exist the moment the vault
  // does (a paired device's sync settings): sealed first, since a Dexie
  // transaction cannot wait on WebCrypto, then written in the keyring's transaction.
  const extra = alongside ? await alongside(created.dataKey) : [];
  // Dexie creates the database and its tables; only first run needs it here.
  const db = await loadDexie();
  try {
    await db.transaction('rw', db.meta, async () => {
      if (await db.meta.get(KEYRING)) throw new VaultExistsError();
      await db.meta.put({ key: KEYRING, value: created.keyring });
      for (const row of extra) await db.meta.put(row);
    });
  } catch (e) {
    if (e instanceof VaultExistsError) throw e;
    // A full device gets StorageFullError ('storage.full'), so the first-run screen can say so.
    throw toStorageError(e);
  }
  await openSession(created.dataKey, 'vault.created');
  setupEpoch = getVaultSnapshot().epoch;
  return created;
}

let setupEpoch = -1;
/** Whether the current session is the one that created the vault (not opened by an unlock). */
export function isSetupSession(): boolean {
  return setupEpoch === getVaultSnapshot().epoch;
}

/**
 * Unlocks with the passphrase. Offline: works (~0.4–1.5 s of Argon2id in a
 * worker; an outdated vault also derives once more to re-wrap).
 * Fails with NoVaultError; ThrottledError (no derivation ran) while a wait
 * from earlier failures lasts; KdfDowngradeError or VaultCorruptError when
 * the stored key material was tampered with; WrongPassphraseError, which
 * counts towards the wait (its `retryAt` says when one starts).
 */
export function unlock(passphrase: string): Promise<void> {
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    let opened: { dataKey: CryptoKey; upgraded?: Keyring };
    try {
      opened = await openAndUpgrade(keyring, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new WrongPassphraseError(await recordFailure());
      throw e;
    }
    if (opened.upgraded) await storeUpgrade(keyring, opened.upgraded);
    await openSession(opened.dataKey, 'vault.unlocked');
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
}

/**
 * Stores a re-wrapped keyring, but only if the stored passphrase slot is still
 * the one that was opened (another tab may have changed the passphrase).
 * Best effort: on a full disk the old keyring keeps working and the next
 * unlock tries again.
 */
async function storeUpgrade(opened: Keyring, upgraded: Keyring): Promise<void> {
  try {
    await metaUpdate(KEYRING, (current) => {
      let stored: Keyring;
      try {
        stored = parseKeyring(current);
      } catch {
        return current;
      }
      if (!sameBytes(stored.passphrase.wrapped.data, opened.passphrase.wrapped.data)) return current;
      return { ...stored, passphrase: upgraded.passphrase };
    });
  } catch {
    // The unlock itself succeeded; the upgrade is retried at the next unlock.
  }
}

/**
 * Unlocks with the recovery code and sets a new passphrase; the recovery
 * code keeps working and counts as confirmed (no reminder). Input may use any case, spaces and dashes. Offline:
 * works. Fails with PassphraseTooShortError or InvalidRecoveryCodeError (a
 * typo; not counted) before anything else; then like unlock(), with
 * NoRecoveryCodeError and WrongRecoveryCodeError (counted).
 */
export async function unlockWithRecoveryCode(code: string, newPassphrase: string): Promise<void> {
  assertPassphrase(newPassphrase);
  const secret = await parseRecoveryCode(code);
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    let recovered: { keyring: Keyring; dataKey: CryptoKey };
    try {
      recovered = await recoverKeyring(keyring, secret, newPassphrase);
    } catch (e) {
      if (e instanceof WrongRecoveryCodeError) throw new WrongRecoveryCodeError(await recordFailure());
      throw e;
    }
    await metaPut(KEYRING, recovered.keyring);
    // The worker has just typed the code in: it was kept, so no reminder to confirm it.
    await confirmRecoveryCode();
    await openSession(recovered.dataKey, 'vault.unlocked-with-recovery-code');
  });
}

/**
 * Replaces the passphrase: only the wrapped data key is rewritten, the
 * records are untouched. Needs an unlocked vault. Offline: works. Fails with
 * VaultLockedError, PassphraseTooShortError, ThrottledError or
 * WrongPassphraseError (counted); then the old passphrase still works.
 */
export async function changePassphrase(current: string, next: string): Promise<void> {
  requireDataKey();
  assertPassphrase(next);
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    let changed: Keyring;
    try {
      changed = await changeKeyringPassphrase(keyring, current, next);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new WrongPassphraseError(await recordFailure());
      throw e;
    }
    await metaPut(KEYRING, changed);
    await resetThrottle();
    await auditQuietly({ action: 'vault.passphrase-changed' });
  });
}

/**
 * Makes a new recovery code and returns it to show once; the earlier code, if
 * any, stops working. Sets the "not yet confirmed" flag with the new keyring. Needs an unlocked vault and the current passphrase.
 * Offline: works. Fails with VaultLockedError, ThrottledError or
 * WrongPassphraseError (counted); then the old code still works.
 */
export async function replaceRecoveryCode(passphrase: string): Promise<{ recoveryCode: string }> {
  requireDataKey();
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    let replaced: { keyring: Keyring; recoveryCode: string };
    try {
      replaced = await replaceKeyringRecoveryCode(keyring, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new WrongPassphraseError(await recordFailure());
      throw e;
    }
    await storeRecoveryChange(replaced.keyring, true);
    await resetThrottle();
    await auditQuietly({ action: 'vault.recovery-code-replaced' });
    return { recoveryCode: replaced.recoveryCode };
  });
}

/**
 * Removes the recovery code: afterwards only the passphrase opens the vault.
 * Clears the "not yet confirmed" flag with the new keyring.
 * Needs an unlocked vault and the current passphrase. Offline: works. Fails
 * like replaceRecoveryCode(); then the code still works.
 */
export async function revokeRecoveryCode(passphrase: string): Promise<void> {
  requireDataKey();
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    let revoked: Keyring;
    try {
      revoked = await revokeKeyringRecoveryCode(keyring, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new WrongPassphraseError(await recordFailure());
      throw e;
    }
    await storeRecoveryChange(revoked, false);
    await resetThrottle();
    await auditQuietly({ action: 'vault.recovery-code-revoked' });
  });
}

/**
 * Writes a keyring with a new or removed recovery slot and sets (new code) or
 * clears (revoked) the "not yet confirmed" flag in the same transaction.
 * Through Dexie, so live reads (the reminder) see the change.
 */
async function storeRecoveryChange(keyring: Keyring, unconfirmed: boolean): Promise<void> {
  const db = await loadDexie();
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: KEYRING, value: keyring });
    if (unconfirmed) await db.meta.put(unconfirmedRow);
    else await db.meta.delete(RECOVERY_UNCONFIRMED);
  });
}

/**
 * The worker confirmed "Ik heb de herstelcode veilig bewaard" (or says so
 * later): clears the reminder flag. Offline: works. Fails with a storage
 * error; then the reminder stays.
 */
export async function confirmRecoveryCode(): Promise<void> {
  const db = await loadDexie();
  await db.meta.delete(RECOVERY_UNCONFIRMED);
}

/** Whether the vault has a recovery code (none, or revoked). Offline: works. */
export async function hasRecoveryCode(): Promise<boolean> {
  return (await loadKeyring()).recovery !== undefined;
}

/**
 * When the next unlock attempt is allowed after earlier wrong attempts, or
 * null when it is allowed now. Lets the lock screen show the wait at once,
 * also after a reload. Offline: works. Never rejects for a missing vault.
 */
export async function getUnlockRetryAt(): Promise<Date | null> {
  const { notBefore } = await readThrottle();
  return notBefore > Date.now() ? new Date(notBefore) : null;
}

/** Drops the data key at once; listeners (hooks) clear every decrypted value. */
export function lock(): void {
  setDataKey(null);
}

export function isUnlocked(): boolean {
  return getDataKey() !== null;
}

/**
 * How much storage the origin uses and may use, and whether it is persistent.
 * Resolves null where the browser does not tell. Never rejects.
 */
export async function getStorageEstimate(): Promise<{ usage?: number; quota?: number; persisted?: boolean } | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : undefined;
    return {
      ...(usage === undefined ? {} : { usage }),
      ...(quota === undefined ? {} : { quota }),
      ...(persisted === undefined ? {} : { persisted }),
    };
  } catch {
    return null;
  }
}

/**
 * Pairing (issue 20): the raw data key for sealing under a pairing code, after
 * checking the passphrase (a wrong one counts towards the wait, like unlock).
 * The caller must wipe the returned bytes after use.
 */
export function exportDataKeyForPairing(passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  return serial(async () => {
    const keyring = await loadKeyring();
    await assertNotThrottled();
    try {
      return await exportKeyringDataKey(keyring, passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) throw new WrongPassphraseError(await recordFailure());
      throw e;
    }
  });
}

/**
 * Pairing (issue 20): creates this device's vault around a data key received
 * from another device, under this device's own passphrase, and unlocks it.
 * No recovery code (one can be made later in the settings).
 */
export function createVaultWithDataKey(
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
  alongside?: (dataKey: CryptoKey) => Promise<Array<{ key: string; value: unknown }>>,
): Promise<void> {
  return serial(async () => {
    await storeNewVault(passphrase, () => createKeyringForDataKey(raw, passphrase), alongside);
  });
}
