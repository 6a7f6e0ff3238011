// A CouchDB-protocol server for one test worker: the embedded server of
// scripts/sync-server.mjs on 127.0.0.1, a free port and a temporary directory
// that close() removes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer as startEmbedded } from '../scripts/sync-server.mjs';

export type TeamServerRole = 'medewerker' | 'coordinator' | 'auditor';

export interface TestSyncServer {
  /** The CouchDB root, e.g. http://127.0.0.1:40123 (the app reaches it only through /sync/). */
  url: string;
  /** Server admin credentials, for tests that must inspect or break things. */
  admin: { name: string; password: string };
  /**
   * Creates a worker's account and own database (`baken-<name>`), members: that worker only; with `team`,
   * the account also gets the CouchDB role `baken-team-<team>-<role>` (issue 21).
   */
  createAccount(name: string, password: string, team?: { team: string; role: TeamServerRole }): Promise<{ db: string }>;
  /** Creates a team's four databases and their `_security` objects (issue 21). */
  createTeam(id: string): Promise<{ databases: string[] }>;
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
    createAccount: (name, password, team) => server.createAccount(name, password, undefined, team),
    createTeam: (id) => server.createTeam(id),
    rawDocs: (db) => server.rawDocs(db),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
