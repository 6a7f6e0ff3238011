// The one page-side owner of service worker registration and updates.
// It never reloads by itself: a reload happens only after the user asks for
// it, because a form may be half filled in.
import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';
import { serviceWorkerUrl } from './trusted-types';

export interface SwState {
  /** The first install finished: the app now works offline. */
  offlineReady: boolean;
  /** A new version is installed and waits for the user's go-ahead. */
  updateWaiting: boolean;
}

const initialState: SwState = { offlineReady: false, updateWaiting: false };
let state: SwState = initialState;
let workbox: Workbox | undefined;
const listeners = new Set<() => void>();

function setState(patch: Partial<SwState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Registers /sw.js once. Safe to call where service workers are unsupported. */
export function registerServiceWorker(): void {
  if (workbox || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(serviceWorkerUrl(), { scope: '/', type: 'classic' });
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) setState({ offlineReady: true });
  });
  workbox.addEventListener('waiting', () => setState({ updateWaiting: true }));
  void workbox.register();
}

/**
 * Activates the waiting version, then reloads once it controls the page. When another tab already
 * activated it (no version waits any more), this page only has to load it: it reloads at once
 * (a review: "Herladen" in a second tab did nothing).
 */
export function applyUpdate(): void {
  const wb = workbox;
  if (!wb) return;
  void navigator.serviceWorker.getRegistration().then((registration) => {
    if (registration?.waiting) {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    } else {
      window.location.reload();
    }
  });
}

export function dismissOfflineReady(): void {
  setState({ offlineReady: false });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSwState(): SwState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => initialState,
  );
}
