// Runs the migration to per-case keys once per unlock and tells the shell how
// far it is (app/shell/case-key-migration-status.tsx). Loaded only after
// unlock, so the lock screen's critical path does not grow.
import { useEffect, useSyncExternalStore } from 'react';

import { migrateToCaseKeys } from './case-key-migration';
import type { CaseKeyMigrationProgress } from './case-key-migration';
import { getDataKey } from './session';
import { useVaultSnapshot } from './vault-hooks';

export type CaseKeyMigrationState =
  { phase: 'idle' } | ({ phase: 'running' } & CaseKeyMigrationProgress) | { phase: 'failed' };

const IDLE: CaseKeyMigrationState = Object.freeze({ phase: 'idle' });
let state: CaseKeyMigrationState = IDLE;
const listeners = new Set<() => void>();
// One run per unlocked key, also when several components ask.
let startedFor: CryptoKey | undefined;

function publish(key: CryptoKey, next: CaseKeyMigrationState): void {
  // A run of an earlier unlock no longer reports.
  if (getDataKey() !== key && next.phase !== 'idle') return;
  state = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function start(key: CryptoKey): void {
  if (startedFor === key) return;
  startedFor = key;
  migrateToCaseKeys({
    onProgress: (p) => publish(key, p.total > 0 && p.done < p.total ? { phase: 'running', ...p } : IDLE),
  }).then(
    () => publish(key, IDLE),
    () => publish(key, getDataKey() === key ? { phase: 'failed' } : IDLE),
  );
}

/** Starts (or joins) the migration for this unlock; reports progress while there is work. */
export function useCaseKeyMigration(): CaseKeyMigrationState {
  const { status, epoch } = useVaultSnapshot();
  useEffect(() => {
    const key = getDataKey();
    if (status === 'unlocked' && key) start(key);
  }, [status, epoch]);
  const current = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
  return status === 'unlocked' ? current : IDLE;
}
