// Raw IndexedDB access to the `meta` table (see db.ts for what it holds), used
// by the vault so the lock screen can check for a vault, read the keyring and
// count failed attempts without loading Dexie: that keeps the lock screen's
// critical path small. Dexie still owns the database: it creates it and its
// versions; this module never creates or upgrades anything. Its connection
// closes itself when Dexie (or another tab) needs a version change.
import { DB_NAME } from './db-name';

const META = 'meta';

interface MetaRow {
  key: string;
  value: unknown;
}

let connection: Promise<IDBDatabase | null> | null = null;

function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    // The database does not exist yet: abort rather than create an empty one.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      const forget = () => {
        db.close();
        connection = null;
      };
      db.onversionchange = forget;
      db.onclose = () => {
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      if (request.error?.name === 'AbortError') resolve(null);
      else reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
}

/**
 * Right after a crash or a killed browser the storage can refuse to open for a
 * moment ("UnknownError: Internal error opening backing store"): tried again
 * after these pauses before the error stands.
 */
const OPEN_RETRY_MS = [100, 300, 900, 2000];

/**
 * "No database" is asked again after these pauses before it stands: right after a killed browser the
 * storage once answered as if the database did not exist, and the lock screen offered "Baken
 * instellen" on a device with a logbook (a robustness run, session 29). Only a device without a
 * logbook waits for them, once, before its setup screen.
 */
const ABSENT_RECHECK_MS = [150, 500];

async function openWithRetry(): Promise<IDBDatabase | null> {
  let absentChecks = 0;
  let failures = 0;
  for (;;) {
    try {
      const db = await openExisting();
      const pause = ABSENT_RECHECK_MS[absentChecks++];
      if (db !== null || pause === undefined) return db;
      await new Promise((resolve) => setTimeout(resolve, pause));
    } catch (error) {
      const pause = OPEN_RETRY_MS[failures++];
      if (pause === undefined || (error as { name?: unknown } | null)?.name !== 'UnknownError') throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The shared raw connection, or null when the database does not exist yet. Always an open that
 * creates nothing (openExisting), never `indexedDB.databases()` alone: right after a killed browser
 * that list could leave the database out for a moment, and the lock screen then offered "Baken
 * instellen" on a device with a logbook (a robustness run saw it once).
 */
function open(): Promise<IDBDatabase | null> {
  if (!connection) {
    const opening = openWithRetry();
    connection = opening;
    opening.then(
      (db) => {
        if (!db && connection === opening) connection = null;
      },
      () => {
        if (connection === opening) connection = null;
      },
    );
  }
  return connection;
}

function hasMeta(db: IDBDatabase | null): db is IDBDatabase {
  return db !== null && db.objectStoreNames.contains(META);
}

/** Reads one meta value; undefined when absent or when there is no database yet. */
export async function metaGet(key: string): Promise<unknown> {
  const db = await open();
  if (!hasMeta(db)) return undefined;
  return new Promise((resolve, reject) => {
    const request = db.transaction(META, 'readonly').objectStore(META).get(key);
    request.onsuccess = () => resolve((request.result as MetaRow | undefined)?.value);
    request.onerror = () => reject(request.error ?? new Error('meta read failed'));
  });
}

/**
 * Reads, changes and writes one meta value in a single readwrite transaction,
 * so two tabs cannot both count from the same old value. Resolves with the
 * written value. Fails when there is no database (no vault) or the write fails.
 */
export async function metaUpdate<T>(key: string, change: (current: unknown) => T): Promise<T> {
  const db = await open();
  if (!hasMeta(db)) throw new Error('No Baken database on this device');
  return new Promise((resolve, reject) => {
    const tx = db.transaction(META, 'readwrite');
    const store = tx.objectStore(META);
    let next: T;
    const read = store.get(key);
    read.onsuccess = () => {
      next = change((read.result as MetaRow | undefined)?.value);
      store.put({ key, value: next } satisfies MetaRow);
    };
    tx.oncomplete = () => resolve(next);
    tx.onerror = () => reject(tx.error ?? new Error('meta write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('meta write aborted'));
  });
}

/** Writes one meta value. Fails when there is no database (no vault) or the write fails. */
export async function metaPut(key: string, value: unknown): Promise<void> {
  await metaUpdate(key, () => value);
}
