// A tiny history-API router: the service worker's navigation fallback serves
// the shell for every path, so deep links work offline.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

// Guarded: index.html's lock screen is rendered from these modules at build time (no window there).
if (typeof window !== 'undefined') window.addEventListener('popstate', emit);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getPath(): string {
  return window.location.pathname;
}

/**
 * The path index.html's lock screen is rendered for (scripts/lock-screen-html.ts).
 * Hydration renders this path first, so it matches that markup; React then
 * re-renders at once with the real path.
 */
export const PRERENDER_PATH = '/';
const getPrerenderPath = (): string => PRERENDER_PATH;

/** Current pathname; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath, getPrerenderPath);
}

/**
 * Goes to `path`. Case pages (and leaving one) replace the current history
 * entry instead of adding one, so history holds no trail of case visits.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  const replace = options.replace || path.startsWith('/dossier/') || window.location.pathname.startsWith('/dossier/');
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  emit();
}
