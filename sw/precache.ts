// Precaches the app shell and the content files. There is deliberately no
// runtime caching: user data lives only in encrypted IndexedDB, never in
// Cache Storage.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';

/** Same-origin path of the sync server proxy (scripts/serve.mjs). */
export const syncPath = /^\/sync\//;

export function installPrecache(_scope: ServiceWorkerGlobalScope, manifest: Array<PrecacheEntry | string>): void {
  precacheAndRoute(manifest);
  cleanupOutdatedCaches();
  // Every in-app path is rendered by the shell, so offline deep links work.
  // `/sync/` is the CouchDB proxy: never answered or cached by the service
  // worker (no route matches it, so requests go straight to the network).
  registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [syncPath] }));
  // Take control on first install so the very first visit is offline-ready.
  // Updates still wait for the user (see messages.ts).
  clientsClaim();
}
