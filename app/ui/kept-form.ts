// Unsaved input of a case page's open forms, kept while the worker goes
// elsewhere in Baken (Opvolging, a knowledge screen) and comes back: the
// form's button says something is waiting, and the form opens with what was
// typed. Page memory only, never IndexedDB; gone at lock, on cancel, on save
// and on reload. Keyed by the case page's address
// (its per-page handle, case-url.ts) and the button that opened the form.
import { createContext } from 'react';

import { getVaultSnapshot, subscribeVault } from '../data/vault';

interface Kept {
  values?: object;
}

const kept = new Map<string, Kept>();

subscribeVault(() => {
  if (getVaultSnapshot().status !== 'unlocked') kept.clear();
});

/** The key of the open form around a useOperationForm, if its input is kept (a case page's Expander). */
export const KeptFormKey = createContext<string | null>(null);

/** The key for a form opened by the button named `name` on this page; null off a case page. */
export function keptFormKey(name: string): string | null {
  const path = window.location.pathname;
  return path.startsWith('/dossier/') ? `${path}|${name}` : null;
}

/** The form opened: from now on what is typed into it is kept (until forgetKept). */
export function startKeeping(key: string | null): void {
  if (key !== null && !kept.has(key)) kept.set(key, {});
}

/** The values typed into the form before the worker went elsewhere, if any. */
export function keptValues<V extends object>(key: string | null): V | undefined {
  return key === null ? undefined : (kept.get(key)?.values as V | undefined);
}

export function keepValues(key: string | null, values: object): void {
  if (key !== null && kept.has(key)) kept.set(key, { values });
}

/** Whether an open form holds typed input that a lock would empty (such forms have no draft). */
export function hasUnsavedForms(): boolean {
  for (const entry of kept.values()) if (entry.values !== undefined) return true;
  return false;
}

/** Cancelled or saved: nothing to keep. */
export function forgetKept(key: string | null): void {
  if (key !== null) kept.delete(key);
}
