// Whether this device is in a team, without loading any team code: the
// screens (the case page's "Toegang", Opvolging's and Export's team parts)
// load the team chunks only when this says yes (like sync). Only whether the
// team configuration row exists is read, never its content.
// Also who shared each received case (useSharedFrom): its reader
// (shared-from.ts) loads only when the device holds a shared-cases row.
import { Dexie, RangeSet, rangesOverlap } from 'dexie';

import { db } from '../db';
import { getDataKey, subscribeVault } from '../session';
import { useVaultQuery } from '../use-vault-query';
import { hasTeamConfig } from './has-team';
import type { SharedFrom } from './shared-from';

/** True when a team configuration is stored; undefined while loading or locked. */
export function useTeamPresent(): boolean | undefined {
  return useVaultQuery(hasTeamConfig, []);
}

/** The same, false while loading or locked. */
export function useHasTeam(): boolean {
  return useTeamPresent() ?? false;
}

const NONE: SharedFrom = new Map();

// Issue 19: the last result, for the first render of the next screen that
// needs it (Opvolging, the case list and a case page wait for it). Kept for
// the unlocked key only, and forgotten as soon as either row it comes from
// (the shared-cases row, the member list) changes, in this tab or another
// (Dexie's storagemutated covers both; other meta rows, such as the audit
// chain head every save writes, leave it). A read that overlaps such a change
// is not kept.
let remembered: { key: CryptoKey; value: SharedFrom } | null = null;
let changes = 0;
subscribeVault(() => {
  if (remembered && remembered.key !== getDataKey()) remembered = null;
});
const SOURCE_ROWS = ['teamSharedCases', 'teamMembers'];
const sourceKeys = new RangeSet().addKeys(SOURCE_ROWS);
const metaParts = [`idb://${db.name}/meta/`, `idb://${db.name}/meta/:dels`];
Dexie.on('storagemutated', (parts) => {
  const touched = metaParts.some((part) => {
    const ranges = parts[part];
    return ranges !== undefined && rangesOverlap(ranges, sourceKeys);
  });
  if (touched) {
    changes++;
    remembered = null;
  }
});

export async function readSharedFromLive(): Promise<SharedFrom> {
  const key = getDataKey();
  const seen = changes;
  // Both rows read first, so the live query re-runs when either changes.
  const [shared] = await Promise.all([db.meta.get('teamSharedCases'), db.meta.get('teamMembers')]);
  let value = NONE;
  if (shared) {
    // The lazy import and WebCrypto are not Dexie promises: waitFor keeps the live query's context.
    const { readSharedFrom } = await Dexie.waitFor(import('./shared-from'));
    value = await Dexie.waitFor(readSharedFrom());
  }
  if (key && key === getDataKey() && seen === changes) remembered = { key, value };
  return value;
}

export function sharedFromInMemory(): SharedFrom | undefined {
  return remembered && remembered.key === getDataKey() ? remembered.value : undefined;
}

/**
 * Case id → who shared it with me (a name; null: not in the member list), for
 * naming cases: numbers are per worker, so a colleague's case may carry the
 * same number as mine. Re-read when the shared-cases row or the member list
 * changes; empty on a device without shared cases; undefined while loading or
 * locked (screens wait for it, so a case is never shown under a bare number
 * first). A screen opened after an earlier read starts from that result when
 * no `meta` row has changed since.
 */
export function useSharedFrom(): SharedFrom | undefined {
  return useVaultQuery(readSharedFromLive, [], sharedFromInMemory);
}
