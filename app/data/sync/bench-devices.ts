// Bench helper (sync.bench.ts only, never the app): several "devices" in one
// Node process. Each device is a fresh copy of app/data (vitest's module
// registry is reset before importing it) whose Dexie database lives in its own
// fake-indexeddb factory, so it has its own tables, vault, session key, case
// index memory and sync status, as a second browser would.
// The vault reads its keyring with the raw IndexedDB API (meta-store.ts, the
// global `indexedDB`), so vault calls go through `device.own()`, which points
// the global at the device's factory meanwhile; the bench makes them one at a
// time. A device's lazy imports resolve to the newest copy: set a device up
// fully before loading the next.
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';

import type * as DbModule from '../db';
import type * as SessionModule from '../session';
import type * as StoreModule from '../store';
import type * as VaultModule from '../vault';
import type * as CodecModule from './codec';
import type * as ReplicatorModule from './replicator';
import type * as StatusModule from './status';

export const BENCH_PASSPHRASE = 'correct paard batterij nietje';

export interface Device {
  db: typeof DbModule.db;
  vault: typeof VaultModule;
  session: typeof SessionModule;
  store: typeof StoreModule;
  codec: typeof CodecModule;
  replicator: typeof ReplicatorModule;
  status: typeof StatusModule;
  /** Runs `fn` (vault calls) with the global indexedDB pointing at this device's database. */
  own<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A new device with an empty database of its own and a new vault under BENCH_PASSPHRASE. */
export async function newDevice(): Promise<Device> {
  const device = await loadDevice();
  await device.own(() => device.vault.createVault(BENCH_PASSPHRASE, { recoveryCode: false }));
  return device;
}

/** A new device with an empty database of its own (no vault yet). */
async function loadDevice(): Promise<Device> {
  vi.resetModules();
  const deps = Dexie.dependencies;
  const shared = deps.indexedDB;
  // Dexie reads its IndexedDB factory when the database object is made (on import of ../db).
  const factory = new IDBFactory();
  deps.indexedDB = factory;
  try {
    const [dbModule, vault, session, store, codec, replicator, status] = await Promise.all([
      import('../db'),
      import('../vault'),
      import('../session'),
      import('../store'),
      import('./codec'),
      import('./replicator'),
      import('./status'),
    ]);
    await dbModule.db.open();
    return {
      db: dbModule.db,
      vault,
      session,
      store,
      codec,
      replicator,
      status,
      own: async (fn) => {
        const global = globalThis.indexedDB;
        globalThis.indexedDB = factory;
        try {
          return await fn();
        } finally {
          globalThis.indexedDB = global;
        }
      },
      close: async () => {
        vault.lock();
        dbModule.db.close();
        await Promise.resolve();
      },
    };
  } finally {
    deps.indexedDB = shared;
  }
}

/** A second device paired with `from`: the same data key under its own vault, as pairing leaves it. */
export async function pairedDevice(from: Device): Promise<Device> {
  const raw = await from.own(() => from.vault.exportDataKeyForPairing(BENCH_PASSPHRASE));
  const device = await loadDevice();
  await device.own(() => device.vault.createVaultWithDataKey(raw, BENCH_PASSPHRASE));
  raw.fill(0);
  return device;
}
