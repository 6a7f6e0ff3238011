// The sync configuration (issue 20): which CouchDB database, the account and
// its password, and this device's id and name. Stored in the `meta` table under
// "syncConfig", encrypted with the vault's data key (AAD kind "sync-config"),
// so the credentials are as safe as the case data at rest and unreadable while
// locked. It is device-local: never replicated, never in a backup file.
import {
  syncConfigSchema,
  syncRefusedSchema,
  syncRemovedSchema,
  type SyncConfig,
  type SyncRemoval,
} from '../../../schema/sync-config';
import { decryptRecord, encryptRecord, randomBytes } from '../crypto';
import type { Bytes, Sealed } from '../crypto';
import { db } from '../db';
import { toStorageError } from '../errors';
import { requireDataKey } from '../session';
import type { SyncRow } from '../db';
import { SYNC_CONFIG_KEY } from './track';

export type { SyncConfig } from '../../../schema/sync-config';
export { defaultSyncDbName } from '../../../schema/sync-config';

const CONFIG_KEY = SYNC_CONFIG_KEY;
const CONFIG_HEADER = { kind: 'sync-config', id: CONFIG_KEY, schemaVersion: 1 } as const;
const REMOVED_KEY = 'syncRemoved';
const REMOVED_HEADER = { kind: 'sync-removed', id: REMOVED_KEY, schemaVersion: 1 } as const;
const REFUSED_KEY = 'syncRefused';
const REFUSED_HEADER = { kind: 'sync-refused', id: REFUSED_KEY, schemaVersion: 1 } as const;

function asSealed(value: unknown): Sealed | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { iv, data } = value as { iv?: unknown; data?: unknown };
  return iv instanceof Uint8Array && data instanceof Uint8Array ? { iv: iv as Bytes, data: data as Bytes } : undefined;
}

/** A fresh random device id (URL-safe, 128 bits); never a UUID, so it cannot be mistaken for a row id. */
export function newDeviceId(): string {
  return btoa(String.fromCharCode(...randomBytes(16)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The stored configuration, or undefined when sync is not set up (or what is
 * stored cannot be read or validated: then sync simply stays off). Needs the
 * vault unlocked (VaultLockedError otherwise).
 */
export function loadSyncConfig(): Promise<SyncConfig | undefined> {
  return readSealedRow(CONFIG_HEADER, syncConfigSchema);
}

/** A `meta` row sealed under the data key (its id is the row key), validated; undefined when absent or unreadable. */
async function readSealedRow<T>(
  header: { kind: string; id: string; schemaVersion: number },
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): Promise<T | undefined> {
  const key = requireDataKey();
  const sealed = asSealed((await db.meta.get(header.id))?.value);
  if (!sealed) return undefined;
  try {
    const parsed = schema.safeParse(await decryptRecord(key, header, sealed));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The configuration validated and sealed under `key`, as the `meta` row that
 * stores it; for a new vault that must hold it from its first moment (pairing).
 */
export async function sealSyncConfigRow(key: CryptoKey, config: SyncConfig): Promise<{ key: string; value: Sealed }> {
  const valid = syncConfigSchema.parse(config);
  return { key: CONFIG_KEY, value: await encryptRecord(key, CONFIG_HEADER, valid) };
}

/**
 * Marks every replicated row (records but drafts, audit events) that has no sync row yet as a
 * change to push. Call inside a transaction that includes db.records, db.audit and db.sync.
 * Resolves how many rows it marked.
 */
async function markUnmarked(): Promise<number> {
  const [recordIds, auditIds, marked] = await Promise.all([
    db.records.where('kind').notEqual('draft').primaryKeys(),
    db.audit.toCollection().primaryKeys(),
    db.sync.toCollection().primaryKeys(),
  ]);
  const have = new Set<string>(marked);
  const missing = [...recordIds, ...auditIds].filter((id) => !have.has(id));
  if (missing.length > 0) await db.sync.bulkAdd(missing.map((id): SyncRow => ({ id, pending: 1, gen: 1 })));
  return missing.length;
}

/**
 * Validates and stores the configuration (replacing any earlier one). The first one also marks every
 * row a restore wrote without a replication mark (sync/track.ts, bulkMarksNeeded), in the same
 * transaction. Throws ZodError or a storage error.
 */
export async function saveSyncConfig(config: SyncConfig): Promise<void> {
  const row = await sealSyncConfigRow(requireDataKey(), config);
  try {
    await db.transaction('rw', [db.meta, db.records, db.audit, db.sync], async () => {
      const had = await db.meta.get(CONFIG_KEY);
      await db.meta.put(row);
      // Connected again: an earlier removal is no longer news. Every caller checked the password with the
      // server first, so a refusal of it is over too.
      await db.meta.delete(REMOVED_KEY);
      await db.meta.delete(REFUSED_KEY);
      if (!had) await markUnmarked();
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Forgets the configuration (credentials included) on this device. `removal`: the worker's device
 * list marked this device removed (and how many changes were then left unsent); that is kept (sealed
 * like the configuration) so Instellingen can say it also after a reload, until the device is
 * connected again (saveSyncConfig drops it).
 */
export async function clearSyncConfig(removal?: SyncRemoval): Promise<void> {
  try {
    if (removal === undefined) {
      await db.meta.bulkDelete([CONFIG_KEY, REFUSED_KEY]);
      return;
    }
    const sealed = await encryptRecord(requireDataKey(), REMOVED_HEADER, syncRemovedSchema.parse(removal));
    await db.transaction('rw', db.meta, async () => {
      await db.meta.bulkDelete([CONFIG_KEY, REFUSED_KEY]);
      await db.meta.put({ key: REMOVED_KEY, value: sealed });
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * When this device found itself removed from the worker's device list, and the changes it then left
 * unsent, if it was removed and not connected since.
 */
export async function syncRemoval(): Promise<SyncRemoval | undefined> {
  return readSealedRow(REMOVED_HEADER, syncRemovedSchema);
}

/**
 * Notes that the sync server refused `password` (401). CouchDB 3.4+ locks an account out after 5 failed
 * logins from one address, for every device of the worker (lockout.ts), so this device sends that
 * password no more: no replication at unlock and no device list (refusedPassword) until the worker
 * enters a password that the server accepts (saveSyncConfig drops the note). Sealed like the
 * configuration. Never throws (a locked vault: the replicator stops for this unlock anyway).
 */
export async function noteRefusedPassword(password: string): Promise<void> {
  try {
    const value = syncRefusedSchema.parse({ password, at: new Date().toISOString() });
    const sealed = await encryptRecord(requireDataKey(), REFUSED_HEADER, value);
    // Only while that password is still the configured one (the worker may have entered another meanwhile).
    if ((await loadSyncConfig())?.password === password) await db.meta.put({ key: REFUSED_KEY, value: sealed });
  } catch {
    // Not noted: the next unlock tries the password once more.
  }
}

/** Whether the server refused this configuration's password and no other was entered since. */
export async function refusedPassword(config: { password: string }): Promise<boolean> {
  return (await readSealedRow(REFUSED_HEADER, syncRefusedSchema))?.password === config.password;
}
