// Vault state for components, without the record reads: the lock screen
// needs only this, so it stays off the record schemas and live queries.
import { useEffect, useSyncExternalStore } from 'react';

import { getVaultSnapshot, isPresenceKnown, subscribeVault } from './session';
import type { VaultSnapshot, VaultStatus } from './session';
import { hasVault } from './vault';

export function useVaultSnapshot(): VaultSnapshot {
  return useSyncExternalStore(subscribeVault, getVaultSnapshot, getVaultSnapshot);
}

/** 'loading' (checking the device), 'none' (no vault yet), 'locked' or 'unlocked'. */
export function useVaultState(): VaultStatus {
  const { status } = useVaultSnapshot();
  useEffect(() => {
    if (!isPresenceKnown()) void hasVault().catch(() => undefined);
  }, []);
  return status;
}
