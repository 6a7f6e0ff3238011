// The unlocked data key, held only in memory for this page (never stored,
// never extractable), whether a vault exists on this device, and the
// listeners that must forget decrypted values when the key is dropped.
// Reloading the page locks the vault.
import { VaultLockedError } from './errors';

export type VaultStatus = 'loading' | 'none' | 'locked' | 'unlocked';

export interface VaultSnapshot {
  status: VaultStatus;
  /** Changes on every unlock and lock, so readers re-query. */
  epoch: number;
}

let dataKey: CryptoKey | null = null;
let presence: 'unknown' | 'none' | 'present' = 'unknown';
let snapshot: VaultSnapshot = Object.freeze({ status: 'loading', epoch: 0 });
const listeners = new Set<() => void>();

function publish(epochChanged: boolean): void {
  const status: VaultStatus = dataKey
    ? 'unlocked'
    : presence === 'unknown'
      ? 'loading'
      : presence === 'none'
        ? 'none'
        : 'locked';
  if (status === snapshot.status && !epochChanged) return;
  snapshot = Object.freeze({ status, epoch: snapshot.epoch + (epochChanged ? 1 : 0) });
  for (const listener of [...listeners]) listener();
}

export function getDataKey(): CryptoKey | null {
  return dataKey;
}

export function requireDataKey(): CryptoKey {
  if (!dataKey) throw new VaultLockedError();
  return dataKey;
}

export function setDataKey(key: CryptoKey | null): void {
  if (key === dataKey) return;
  dataKey = key;
  if (key) presence = 'present';
  publish(true);
}

export function setVaultPresence(present: boolean): void {
  presence = present ? 'present' : 'none';
  publish(false);
}

export function isPresenceKnown(): boolean {
  return presence !== 'unknown';
}

export function getVaultSnapshot(): VaultSnapshot {
  return snapshot;
}

export function subscribeVault(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// Saves that must finish while the key is still here (a form's pending draft): the lock waits for
// them, at most a moment, so words typed just before a lock are kept (app/features/lock/hidden-lock.ts).
const lockFlushes = new Set<() => Promise<unknown>>();

/** Registers work to finish before the key is dropped; returns its removal. */
export function addLockFlush(flush: () => Promise<unknown>): () => void {
  lockFlushes.add(flush);
  return () => {
    lockFlushes.delete(flush);
  };
}

/** Runs every registered flush; resolves when all settled or after `maxMs`, whichever comes first. */
export function flushBeforeLock(maxMs: number): Promise<void> {
  if (lockFlushes.size === 0) return Promise.resolve();
  const all = Promise.allSettled([...lockFlushes].map((flush) => flush())).then(() => undefined);
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}
