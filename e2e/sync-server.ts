// A CouchDB-protocol server for one test worker: the embedded server of
// scripts/sync-server.mjs on 127.0.0.1, a free port and a temporary directory
// that close() removes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer as startEmbedded } from '../scripts/sync-server.mjs';

export interface TestSyncServer {
  /** The CouchDB root, e.g. http://127.0.0.1:40123 (the app reaches it only through /sync/). */
  url: string;
  /** Server admin credentials, for tests that must inspect or break things. */
  admin: { name: string; password: string };
  /** Creates a worker's account and own database (`baken-<name>`), members: that worker only. */
  createAccount(name: string, password: string): Promise<{ db: string }>;
  /** Every stored leaf revision (deleted ones too) of every document in `db`. */
  rawDocs(db: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startSyncServer(): Promise<TestSyncServer> {
  const dir = await mkdtemp(join(tmpdir(), 'baken-sync-'));
  const server = await startEmbedded({ dir, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    admin: server.admin,
    createAccount: (name, password) => server.createAccount(name, password),
    rawDocs: (db) => server.rawDocs(db),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
