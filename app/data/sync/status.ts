// The replication status the UI shows (<SyncStatus>, app/ui/sync-status.tsx).
// Tiny and free of replicator code, so the UI can read it without loading the
// sync chunk; the replicator (sync/replicator.ts) publishes into it.
import { useSyncExternalStore } from 'react';

import type { SyncErrorKind } from './http';

export type SyncPhase = 'uit' | 'bezig' | 'gesynchroniseerd' | 'fout';

export interface SyncStatusSnapshot {
  phase: SyncPhase;
  /** ISO time of the last complete push + pull. */
  lastSyncedAt?: string;
  /** Local changes waiting to be pushed. */
  waiting: number;
  error?: Exclude<SyncErrorKind, 'aborted'>;
  /** Long work: documents received/sent of a known total. */
  progress?: { direction: 'ontvangen' | 'verzonden'; done: number; total: number };
  /** Received documents refused (damaged, invalid, image data) since the start. */
  refused: number;
  /**
   * Local changes the server refused this session, not sent again until they change: too large for
   * it (CouchDB's max_document_size), or refused otherwise (e.g. "forbidden"). They stay on the device.
   */
  unsent?: { tooLarge: number; refused: number };
  /** This device was removed from the worker's device list (found this session): sync has stopped. */
  removed?: boolean;
  /**
   * With `removed`: local changes still waiting to be pushed when the removal was found. They never
   * left this device (sync stops there) and stay only here.
   */
  removedUnsent?: number;
  /**
   * Local changes not yet pushed that belonged to a case erased on another device: discarded with the
   * case when the erasure was pulled (an erased case stays erased). A session count: added up across
   * restarts of replication, cleared when the vault locks (startSync), so it is said until the next unlock.
   */
  erasedUnsent?: number;
}

let snapshot: SyncStatusSnapshot = Object.freeze({ phase: 'uit', waiting: 0, refused: 0 });
const listeners = new Set<() => void>();

/**
 * The failure a status shows, if any: a failed round, and a retry after it ("bezig" with the error still
 * set) until a round succeeds. <SyncStatus> and <SyncTrouble> both say it by this one rule.
 */
export function shownFailure(s: SyncStatusSnapshot): SyncStatusSnapshot['error'] {
  return s.phase === 'gesynchroniseerd' || s.phase === 'uit' ? undefined : s.error;
}

export function getSyncStatus(): SyncStatusSnapshot {
  return snapshot;
}

export function publishSyncStatus(
  change: Partial<SyncStatusSnapshot>,
  clear: ReadonlyArray<keyof SyncStatusSnapshot> = [],
): void {
  const next: Record<string, unknown> = { ...snapshot, ...change };
  for (const k of clear) delete next[k];
  snapshot = Object.freeze(next as unknown as SyncStatusSnapshot);
  for (const l of [...listeners]) l();
}

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatusSnapshot {
  // The same snapshot when index.html is prerendered (the shell reads the phase; it is 'uit' there).
  return useSyncExternalStore(subscribeSyncStatus, getSyncStatus, getSyncStatus);
}
