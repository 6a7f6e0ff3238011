export const syncPrefix: string;
export function startServer(options?: {
  root?: string;
  port?: number;
  host?: string;
  /** The CouchDB root that same-origin `/sync/` proxies to; without it `/sync/` answers 503. */
  syncTarget?: string;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
