export const syncPrefix: string;
export function startServer(options?: {
  root?: string;
  port?: number;
  host?: string;
  /** The CouchDB root that same-origin `/sync/` proxies to; without it `/sync/` answers 503. */
  syncTarget?: string;
  /** How long the sync server may stay silent before `/sync/` answers 504 (default 120 s). */
  syncTimeoutMs?: number;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
