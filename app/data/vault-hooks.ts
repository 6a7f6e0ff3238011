// Vault state for components, without the record reads: the lock screen
// needs only this, so it stays off the record schemas and live queries.
import { useEffect, useSyncExternalStore } from 'react';

import { getVaultSnapshot, isPresenceKnown, subscribeVault } from './session';
import type { VaultSnapshot, VaultStatus } from './session';
import { hasVault } from './vault';

export function useVaultSnapshot(): VaultSnapshot {
  return useSyncExternalStore(subscribeVault, getVaultSnapshot, getVaultSnapshot);
}

const PRESENCE_RETRIES = 30;

/** 'loading' (checking the device), 'none' (no vault yet), 'locked' or 'unlocked'. */
export function useVaultState(): VaultStatus {
  const { status } = useVaultSnapshot();
  useEffect(() => {
    // Until the device has been checked, the lock screen waits (a submit is kept). A check the storage
    // refused (meta-store.ts already tried again) is tried again, so the screen never waits forever.
    let timer: number | undefined;
    const check = (attempt: number) => {
      if (isPresenceKnown()) return;
      hasVault().catch(() => {
        if (attempt < PRESENCE_RETRIES) timer = window.setTimeout(() => check(attempt + 1), 1000);
      });
    };
    check(0);
    return () => window.clearTimeout(timer);
  }, []);
  return status;
}
