// The worker's device list (issue 20): one document `baken-devices` in the
// worker's database, shaped like every other synced document
// ({ _id, _rev, k, iv, ct, v }) and encrypted with the vault data key, AAD
// binding the id. The replicator skips it (not a row id); this module reads
// and writes it directly, retrying on 409.
//
// Removing a device marks its entry `removedAt`. Every device checks its own
// entry (checkDeviceStatus) when the sync settings open and before every
// replication round, before it stores or sends anything; a removed device stops syncing and forgets its sync
// settings (credentials included). A device that never comes online again, or
// whose code was changed, is not stopped by this: the real cut-off is changing
// the account's password on the server (changeAccountPassword below, or the
// server admin where the server refuses that), after which a removed device
// gets 401 for every request. SECURITY.md states what a
// removed device still holds.
import { deviceListSchema, type DeviceEntry, type DeviceList } from '../../../schema/sync-config';
import { decryptRecord, encryptRecord } from '../crypto';
import { db } from '../db';
import { VaultLockedError } from '../errors';
import { requireDataKey } from '../session';
import { clearSyncConfig, refusedPassword, saveSyncConfig, type SyncConfig } from './config';
import { checkAccess, couchRequest, fromBase64, SyncError, toBase64, type SyncCredentials } from './remote';
import { startReplication, stopReplication } from './runtime';
import { publishSyncStatus } from './status';

export const DEVICES_DOC_ID = 'baken-devices';
const HEADER = { kind: 'sync-devices', id: DEVICES_DOC_ID, schemaVersion: 1 } as const;
const MAX_ATTEMPTS = 8;

/** A document this module and pairing write directly: sealed JSON, like every synced document. */
export interface SealedDoc {
  _id: string;
  _rev?: string;
  k: string;
  iv: string;
  ct: string;
  v: number;
}

export type { DeviceEntry } from '../../../schema/sync-config';

/**
 * A password the server refused is not sent again until the worker enters one (config.ts,
 * noteRefusedPassword): each try would count towards CouchDB's lockout of the account. The same
 * error as the server's, without a request.
 */
async function notRefused(creds: SyncCredentials): Promise<void> {
  if (await refusedPassword(creds)) throw new SyncError('sync.unauthorized', 401);
}

async function read(creds: SyncCredentials): Promise<{ list: DeviceList; rev?: string }> {
  await notRefused(creds);
  let doc: SealedDoc;
  try {
    doc = await couchRequest<SealedDoc>(creds, 'GET', DEVICES_DOC_ID);
  } catch (error) {
    if (error instanceof SyncError && error.code === 'sync.notFound') return { list: { devices: [] } };
    throw error;
  }
  let plain: unknown;
  try {
    plain = await decryptRecord(requireDataKey(), HEADER, { iv: fromBase64(doc.iv), data: fromBase64(doc.ct) });
  } catch (error) {
    // Sealed under another data key: the database belongs to another logbook (connected
    // with "Dit toestel verbinden" where "Koppel dit toestel" was meant). Locked: as it was.
    if (error instanceof VaultLockedError) throw error;
    throw new SyncError('sync.otherLogbook');
  }
  return { list: deviceListSchema.parse(plain), ...(doc._rev ? { rev: doc._rev } : {}) };
}

async function update(creds: SyncCredentials, change: (list: DeviceList) => DeviceList): Promise<DeviceList> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { list, rev } = await read(creds);
    const next = deviceListSchema.parse(change(list));
    const sealed = await encryptRecord(requireDataKey(), HEADER, next);
    const doc: SealedDoc = {
      _id: DEVICES_DOC_ID,
      ...(rev ? { _rev: rev } : {}),
      k: 'vault',
      iv: toBase64(sealed.iv),
      ct: toBase64(sealed.data),
      v: 1,
    };
    try {
      await couchRequest(creds, 'PUT', DEVICES_DOC_ID, doc);
      return next;
    } catch (error) {
      // Another device wrote in between: read again and re-apply.
      if (!(error instanceof SyncError && error.code === 'sync.conflict')) throw error;
    }
  }
  throw new SyncError('sync.conflict');
}

/** The device list (removed devices included, with `removedAt`). */
export async function listDevices(creds: SyncCredentials): Promise<DeviceEntry[]> {
  return (await read(creds)).list.devices;
}

/** Adds this device to the list (once). */
export async function registerDevice(config: SyncConfig): Promise<void> {
  await update(config, (list) =>
    list.devices.some((d) => d.id === config.deviceId)
      ? list
      : {
          devices: [
            ...list.devices,
            { id: config.deviceId, name: config.deviceName, addedAt: new Date().toISOString() },
          ],
        },
  );
}

/**
 * Connects this device's own logbook to a database: checks the account, adds
 * this device to the device list, then saves the settings and starts syncing.
 * Nothing is saved, and nothing but the list read is sent, when the database
 * belongs to another logbook ('sync.otherLogbook': its device list does not
 * open with this data key) or the account or list fails; when starting fails,
 * the saved settings are forgotten again.
 */
export async function connectDevice(config: SyncConfig): Promise<void> {
  await checkAccess(config);
  await registerDevice(config);
  await saveSyncConfig(config);
  try {
    await startReplication(config);
  } catch (error) {
    await stopReplication().catch(() => undefined);
    await clearSyncConfig();
    throw error;
  }
}

/** Marks a device removed; it stops syncing at its next check and forgets its sync settings. */
export async function removeDevice(creds: SyncCredentials, deviceId: string): Promise<void> {
  const at = new Date().toISOString();
  await update(creds, (list) => ({
    devices: list.devices.map((d) => (d.id === deviceId && !d.removedAt ? { ...d, removedAt: at } : d)),
  }));
}

// How long "Loskoppelen" waits for the server to take this device off the list.
const LEAVE_WAIT_MS = 5_000;

/**
 * Disconnects this device ("Dit toestel loskoppelen"): stops syncing, marks its own entry in the
 * device list removed, then forgets the sync settings (credentials included). Marked, the other
 * devices no longer list it as active, and an erasure no longer waits for its acknowledgement.
 * The mark needs the server: offline, refused or slower than LEAVE_WAIT_MS it is skipped
 * (`unlisted` false) and the settings go anyway; the other devices then list this one until it
 * is removed there. Reconnecting later adds this device again under a new id.
 */
export async function disconnectThisDevice(config: SyncConfig): Promise<{ unlisted: boolean }> {
  await stopReplication();
  let unlisted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      removeDevice(config, config.deviceId),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SyncError('sync.unreachable')), LEAVE_WAIT_MS);
      }),
    ]);
    unlisted = true;
  } catch {
    // Offline, refused (a changed password) or slow: this device stops all the same.
  } finally {
    clearTimeout(timer);
  }
  await clearSyncConfig();
  return { unlisted };
}

export type DeviceStatus = 'active' | 'removed' | 'unknown';

/** Records (not audit events) still waiting to be pushed. */
async function unsentChanges(): Promise<number> {
  const ids = await db.sync.where('pending').equals(1).primaryKeys();
  if (ids.length === 0) return 0;
  const audit = await db.audit.bulkGet(ids);
  return audit.filter((row) => row === undefined).length;
}

/**
 * Checks this device's own entry. When it was removed: stops replication and
 * forgets the sync settings on this device, then resolves 'removed'.
 * 'unknown' when the list cannot be read (offline, 401 after a password
 * change, …): nothing changes then.
 */
export async function checkDeviceStatus(config: SyncConfig): Promise<DeviceStatus> {
  let devices: DeviceEntry[];
  try {
    devices = await listDevices(config);
  } catch {
    return 'unknown';
  }
  const own = devices.find((d) => d.id === config.deviceId);
  if (own?.removedAt) {
    // Forget the settings first, so nothing can restart sync; the replicator may
    // itself be the caller, so its stop is not awaited here.
    // Said on every screen (<SyncTrouble>) for the rest of this session, also once sync has stopped;
    // Instellingen says it until the device is connected again.
    // The changes still waiting to be pushed now never leave this device: said with the removal, and
    // kept with it so Instellingen still says it after a reload. Audit events are not counted: each
    // change carries one, and a worker counts changes, not log lines.
    const removedUnsent = await unsentChanges();
    publishSyncStatus({ removed: true, removedUnsent });
    await clearSyncConfig({ removedAt: own.removedAt, unsent: removedUnsent });
    void stopReplication().catch(() => undefined);
    return 'removed';
  }
  return own ? 'active' : 'unknown';
}

/**
 * Changes the account's password on the server (the account updates its own
 * `_users` document) and stores the new one in this device's configuration.
 * Other devices then get 401 until the worker enters the new password there; a
 * removed device never learns it. CouchDB 3.x refuses this by default: its
 * `_users` database admits only server admins ("By default, the _security
 * settings of the _users database disallow users from accessing or modifying
 * documents", docs.couchdb.org intro/security), so the account gets 403 and
 * this fails with 'sync.passwordChangeRefused' (the server admin changes it).
 */
export async function changeAccountPassword(config: SyncConfig, next: string): Promise<SyncConfig> {
  // Signing in with a password the server already refused only adds a failed login.
  await notRefused(config);
  const users = { ...config, db: '_users' };
  const id = encodeURIComponent(`org.couchdb.user:${config.account}`);
  const refused = (error: unknown) =>
    error instanceof SyncError && error.code === 'sync.forbidden'
      ? new SyncError('sync.passwordChangeRefused', 403)
      : error;
  // CouchDB may rewrite the user document between the read and the write (its password hasher
  // upgrades a hash after a sign-in, asynchronously): a 409 then means "read it again", never "give up".
  for (let attempt = 1; ; attempt++) {
    const user = await couchRequest<Record<string, unknown>>(users, 'GET', id).catch((error: unknown) => {
      throw refused(error);
    });
    try {
      await couchRequest(users, 'PUT', id, { ...user, password: next });
      break;
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'sync.conflict') || attempt >= 3) throw refused(error);
    }
  }
  const updated = { ...config, password: next };
  await saveSyncConfig(updated);
  return updated;
}
