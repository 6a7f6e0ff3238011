// Progress of a case index rebuild, for the screens that wait for it.
import { useSyncExternalStore } from 'react';

export interface RebuildProgress {
  done: number;
  total: number;
}

let progress: RebuildProgress | null = null;
const listeners = new Set<() => void>();

export function setRebuildProgress(next: RebuildProgress | null): void {
  progress = next;
  for (const listener of [...listeners]) listener();
}

export function getRebuildProgress(): RebuildProgress | null {
  return progress;
}

export function subscribeRebuildProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Null unless the case index is being rebuilt from the records. */
export function useIndexRebuildProgress(): RebuildProgress | null {
  return useSyncExternalStore(subscribeRebuildProgress, getRebuildProgress, getRebuildProgress);
}
