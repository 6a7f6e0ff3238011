// CouchDB revision bookkeeping for the replicator (replicator.ts): revision
// hashes, the revision history sent and received with each document, whether
// this device already knows a revision, and the derived deletions that close
// a losing branch. Pure apart from WebCrypto's random and digest.
import type { SyncRow } from '../db';
import type { SyncPayload } from './codec';
import { revNumber } from './merge';

/** How many ancestors a document's revision history keeps. */
export const REVS_LIMIT = 50;
const APPEND_ONLY = new Set(['note']);

export function hashOf(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

export function randomHash(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of the deletion that closes a losing branch: derived, so every resend and device makes the same one. */
export async function closingHash(loser: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`baken-close|${loser}`)));
  return [...d.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when `rev` is this device's revision or one of its ancestors. */
export function knows(s: SyncRow | undefined, rev: string): boolean {
  // Our own planned revision, stored by a push whose answer was lost: not news.
  if (s?.planned?.rev === rev) return true;
  if (!s?.rev || !s.revs) return false;
  const index = revNumber(s.rev) - revNumber(rev);
  return index >= 0 && s.revs[index] === hashOf(rev);
}

export function revisionsOf(doc: Record<string, unknown>): string[] {
  const r = doc['_revisions'];
  if (typeof r === 'object' && r !== null && Array.isArray((r as { ids?: unknown }).ids)) {
    return ((r as { ids: unknown[] }).ids.filter((x) => typeof x === 'string') as string[]).slice(0, REVS_LIMIT);
  }
  return [hashOf(String(doc['_rev']))];
}

/** Whether a payload can change after it was written (notes are append-only): only those keep a merge base. */
export function isChangeable(payload: SyncPayload): boolean {
  return payload.t === 'records' && !APPEND_ONLY.has(payload.record.kind);
}
