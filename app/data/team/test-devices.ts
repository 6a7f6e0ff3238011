// Test helper: several "devices" in one process. Each has its own vault key and
// its own copy of the `meta` rows, swapped into the one IndexedDB in turn.
import { generateDataKey } from '../crypto';
import { db, type MetaRow } from '../db';
import { setDataKey } from '../session';

export class Device {
  rows: MetaRow[] = [];
  key!: CryptoKey;
  async init(): Promise<this> {
    this.key = await generateDataKey();
    return this;
  }
}

let current: Device | null = null;

/** Runs `work` as `device`: its meta rows and key are in place, the previous device's rows saved. */
export async function as<T>(device: Device, work: () => Promise<T>): Promise<T> {
  if (current !== device) {
    if (current) current.rows = await db.meta.toArray();
    await db.meta.clear();
    await db.meta.bulkPut(device.rows);
    setDataKey(device.key);
    current = device;
  }
  return work();
}
