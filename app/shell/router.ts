// A tiny history-API router: the service worker's navigation fallback serves
// the shell for every path, so deep links work offline.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

// Set by in-app navigation (and by unlocking and locking): the next page moves
// focus to its heading, so a screen reader announces the new page and a
// keyboard user starts from its top. A link or button that started the
// navigation has usually left the DOM by then, so "where focus is" cannot
// tell in-app navigation from a first load.
let pageFocusRequested = false;

/** The next page to show takes focus on its heading. */
export function requestPageFocus(): void {
  pageFocusRequested = true;
}

/** Whether a page focus request is waiting (read during render). */
export function pageFocusRequestPending(): boolean {
  return pageFocusRequested;
}

/** Takes the waiting request (once): true when the page should focus its heading. */
export function takePageFocusRequest(): boolean {
  const requested = pageFocusRequested;
  pageFocusRequested = false;
  return requested;
}

// Set by a link to a part of a page (the notice's "Instellingen → Team"):
// when that page shows, that part's heading takes focus instead of the page's
// h1 (useSectionFocus), so on a phone the person lands where the link said.
let sectionFocusRequested: { id: string; path: string } | null = null;

/** The next page at `path` focuses its part `id` (useSectionFocus) instead of its heading. */
export function requestSectionFocus(id: string, path: string): void {
  sectionFocusRequested = { id, path };
}

/** Whether a part of the current page waits to take focus (the page then leaves its own heading alone). */
export function sectionFocusRequestPending(): boolean {
  return sectionFocusRequested !== null && sectionFocusRequested.path === window.location.pathname;
}

/** Takes the waiting request when it is for part `id` of the current page (once). */
export function takeSectionFocusRequest(id: string): boolean {
  if (!sectionFocusRequestPending() || sectionFocusRequested?.id !== id) return false;
  sectionFocusRequested = null;
  return true;
}

function emit(): void {
  for (const listener of listeners) listener();
}

// Guarded: index.html's lock screen is rendered from these modules at build time (no window there).
if (typeof window !== 'undefined')
  window.addEventListener('popstate', () => {
    requestPageFocus();
    emit();
  });

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
 * Goes to `path`. Opening a case page from another page adds one history
 * entry, so Back (the phone's button) returns to where the worker came from
 * instead of leaving Baken. Every navigation from a case page (to another case
 * or elsewhere) replaces its entry, so history holds at most one case page, the
 * last one, under its opaque handle (case-url.ts), and no trail of case visits.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  // A request for a part of another page is dropped when the person goes elsewhere.
  if (sectionFocusRequested && sectionFocusRequested.path !== path.replace(/[?#].*$/, '')) sectionFocusRequested = null;
  const replace = options.replace || window.location.pathname.startsWith('/dossier/');
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  requestPageFocus();
  emit();
}
