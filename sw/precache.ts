// Precaches the app shell and the content files. There is deliberately no
// runtime caching: user data lives only in encrypted IndexedDB, never in
// Cache Storage.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';

export function installPrecache(_scope: ServiceWorkerGlobalScope, manifest: Array<PrecacheEntry | string>): void {
  precacheAndRoute(manifest);
  cleanupOutdatedCaches();
  // Every in-app path is rendered by the shell, so offline deep links work.
  registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
  // Take control on first install so the very first visit is offline-ready.
  // Updates still wait for the user (see messages.ts).
  clientsClaim();
}
