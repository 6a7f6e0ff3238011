// Helpers for app/data unit tests (fake-indexeddb). Not used by the app.
import { DB_NAME, db } from './db';
import { dropIndexMemory } from './index/case-index';
import { hasVault, lock } from './vault';

export const TEST_PASSPHRASE = 'correct paard batterij nietje';

/** Locks, deletes and reopens the database, so each test starts empty. */
export async function resetDatabase(): Promise<void> {
  lock();
  await db.delete();
  await db.open();
  await hasVault();
}

/** Every value of every object store, read with the raw IndexedDB API. */
export async function dumpRawDatabase(name: string = DB_NAME): Promise<Array<{ store: string; value: unknown }>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const stores = [...idb.objectStoreNames];
    const out: Array<{ store: string; value: unknown }> = [];
    for (const store of stores) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      for (const value of values) out.push({ store, value });
    }
    return out;
  } finally {
    idb.close();
  }
}

/** Renders a raw value as text: strings as they are, bytes as Latin-1 and as UTF-8. */
export function rawText(value: unknown): string {
  const parts: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof Uint8Array) {
      parts.push(Array.from(v, (b) => String.fromCharCode(b)).join(''), new TextDecoder().decode(v));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        parts.push(k);
        visit(child);
      }
    } else parts.push(String(v));
  };
  visit(value);
  return parts.join('\n');
}

/** Makes the case index stale (as a kill before version 4's first rebuild would), so the next read rebuilds it. */
export async function forgetCaseIndex(): Promise<void> {
  dropIndexMemory();
  await db.caseIndex.clear();
}

/** A small seeded generator (mulberry32) for property-style tests, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
