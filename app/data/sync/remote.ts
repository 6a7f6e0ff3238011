// Small CouchDB client for what the settings need (checking an account,
// the device list, pairing documents): same-origin /sync/<db>/…, HTTP Basic
// on every request, no cookies, no cache. Replication itself is
// replicator.ts (helper F). Errors carry a stable code the UI translates.
import { isLockout } from './lockout';

export type SyncErrorCode =
  | 'sync.unauthorized'
  | 'sync.forbidden'
  | 'sync.lockedOut'
  | 'sync.notFound'
  | 'sync.offline'
  | 'sync.unreachable'
  | 'sync.conflict'
  | 'sync.failed'
  /** The server does not let the account change its own password (CouchDB 3's default `_users` security). */
  | 'sync.passwordChangeRefused'
  /** The database's device list does not open with this logbook's key: another logbook uses it. */
  | 'sync.otherLogbook';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status?: number,
  ) {
    super(`Sync request failed: ${code}${status === undefined ? '' : ` (${status})`}`);
  }
}

export interface SyncCredentials {
  db: string;
  account: string;
  password: string;
}

/** The one path prefix the app uses for the sync server (scripts/serve.mjs proxies it). */
export const SYNC_BASE = '/sync/';

function basicAuth(account: string, password: string): string {
  const bytes = new TextEncoder().encode(`${account}:${password}`);
  return `Basic ${toBase64(bytes)}`;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function errorFor(status: number): SyncError {
  if (status === 401) return new SyncError('sync.unauthorized', status);
  if (status === 403) return new SyncError('sync.forbidden', status);
  if (status === 404) return new SyncError('sync.notFound', status);
  if (status === 409) return new SyncError('sync.conflict', status);
  // The proxy answers 502/503 when the server is down or not configured.
  if (status === 502 || status === 503 || status === 504) return new SyncError('sync.unreachable', status);
  return new SyncError('sync.failed', status);
}

/**
 * One request to `/sync/<db>/<path>` (path '' is the database itself).
 * Resolves with the parsed JSON body for 2xx; rejects with SyncError otherwise.
 */
export async function couchRequest<T = unknown>(
  creds: SyncCredentials,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new SyncError('sync.offline');
  const url = `${SYNC_BASE}${encodeURIComponent(creds.db)}${path ? `/${path}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Authorization: basicAuth(creds.account, creds.password),
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new SyncError(
      typeof navigator !== 'undefined' && navigator.onLine === false ? 'sync.offline' : 'sync.unreachable',
    );
  }
  if (await isLockout(response)) throw new SyncError('sync.lockedOut', 403);
  if (!response.ok) throw errorFor(response.status);
  return (await response.json()) as T;
}

/** Checks that the account may read and write its database: GET the database. */
export async function checkAccess(creds: SyncCredentials): Promise<void> {
  await couchRequest(creds, 'GET', '');
}
