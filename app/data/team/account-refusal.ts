// Whether the team server refused this device's team account (issue 20, team
// side): a wrong or changed password (401) or CouchDB's lockout (403
// "temporarily locked", sync/lockout.ts). Kept in memory for this unlock only
// (bound to the data key): the team loops stop on it, the team screens say so,
// and no team request goes out until the worker enters the password again
// (account-reentry.ts), because every refused login counts towards a lockout.
import { useSyncExternalStore } from 'react';

import { getDataKey } from '../session';
import { isAccountRefusal } from '../sync/lockout';

export type TeamRefusal = 'password' | 'lockout';

/** The error a team request gives while the account is known refused: the same codes as the sync clients'. */
export class TeamAccountRefused extends Error {
  readonly code: 'sync.unauthorized' | 'sync.lockedOut';
  constructor(readonly refusal: TeamRefusal) {
    super(`Team account refused: ${refusal}`);
    this.name = 'TeamAccountRefused';
    this.code = refusal === 'lockout' ? 'sync.lockedOut' : 'sync.unauthorized';
  }
}

let state: { key: CryptoKey; refusal: TeamRefusal } | null = null;
const listeners = new Set<() => void>();

function set(next: typeof state): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Which refusal a thrown value is (structural, like isAccountRefusal), or null for any other failure. */
export function refusalOf(e: unknown): TeamRefusal | null {
  if (!isAccountRefusal(e)) return null;
  const { kind, code } = e as { kind?: unknown; code?: unknown };
  return kind === 'lockedOut' || code === 'sync.lockedOut' ? 'lockout' : 'password';
}

/** The refusal noted during this unlock, or null. */
export function teamRefusal(): TeamRefusal | null {
  const key = getDataKey();
  return state && key && state.key === key ? state.refusal : null;
}

/** Notes `e` when it is a refusal of the stored team account; returns whether it was one. */
export function noteTeamRefusal(e: unknown): boolean {
  const refusal = refusalOf(e);
  const key = getDataKey();
  if (!refusal) return false;
  if (key && teamRefusal() !== refusal) set({ key, refusal });
  return true;
}

/** Throws TeamAccountRefused while a refusal is noted: callers send nothing then. */
export function assertTeamAccountUsable(): void {
  const refusal = teamRefusal();
  if (refusal) throw new TeamAccountRefused(refusal);
}

/** Forgets the refusal (the password was entered again and accepted, or the device left the team). */
export function clearTeamRefusal(): void {
  if (state) set(null);
}

export function subscribeTeamRefusal(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The refusal noted during this unlock, re-rendering when it is noted or cleared. */
export function useTeamRefusal(): TeamRefusal | null {
  return useSyncExternalStore(subscribeTeamRefusal, teamRefusal, teamRefusal);
}
