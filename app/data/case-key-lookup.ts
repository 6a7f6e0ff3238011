// Reads of wrapped case keys for team sharing (issue 21): the raw wrapped key to
// seal into a grant, and whether this device holds a key at all. Apart from
// case-key-store.ts so only the team chunk carries them (issue 19, JS size).
import { Dexie } from 'dexie';

import { bundleRows, isBundle, wrappedKeysOf } from './case-key-store';
import type { WrappedCaseKey } from './case-keys';
import { db } from './db';

/**
 * The wrapped key `keyId`, from its own row or a bundle (read now, outside any running
 * transaction); undefined when this device does not hold it (erased, or never received).
 */
export async function readWrappedKey(keyId: string): Promise<WrappedCaseKey | undefined> {
  const row = await Dexie.ignoreTransaction(() => db.caseKeys.get(keyId));
  if (row && !isBundle(row)) return row;
  return wrappedKeysOf(await Dexie.ignoreTransaction(() => bundleRows())).get(keyId);
}

/** Whether this device holds any of `keyIds` (read now, outside any running transaction). */
export async function holdsCaseKey(...keyIds: string[]): Promise<boolean> {
  if (keyIds.length === 0) return false;
  const rows = await Dexie.ignoreTransaction(() => db.caseKeys.bulkGet(keyIds));
  if (rows.some((row) => row !== undefined && !isBundle(row))) return true;
  const held = wrappedKeysOf(await Dexie.ignoreTransaction(() => bundleRows()));
  return keyIds.some((id) => held.has(id));
}
