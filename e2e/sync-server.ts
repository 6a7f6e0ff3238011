// A CouchDB-protocol server for one test worker: by default the embedded server
// of scripts/sync-server.mjs on 127.0.0.1, a free port and a temporary
// directory that close() removes. With BAKEN_TEST_COUCHDB_URL set (a server
// admin's URL, e.g. http://admin:secret@127.0.0.1:5984), the tests run against
// that Apache CouchDB instead: accounts, databases and teams are made with the
// same admin requests (their names are random per test), and close() leaves
// the server as it is.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminCall,
  createAccountVia,
  createTeamVia,
  rawDocsVia,
  setTeamRoleVia,
  startSyncServer as startEmbedded,
} from '../scripts/sync-server.mjs';

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
  /** Gives an existing account `role` in `team` (replacing its earlier one there); its password stays as stored. */
  setTeamRole(name: string, team: string, role: TeamServerRole): Promise<void>;
  /** Every stored leaf revision (deleted ones too) of every document in `db`. */
  rawDocs(db: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startSyncServer(): Promise<TestSyncServer> {
  const external = process.env.BAKEN_TEST_COUCHDB_URL;
  if (external) return externalServer(external);
  const dir = await mkdtemp(join(tmpdir(), 'baken-sync-'));
  const server = await startEmbedded({ dir, host: '127.0.0.1', port: 0 });
  const call = adminCall(server.url, server.admin);
  return {
    url: server.url,
    admin: server.admin,
    createAccount: (name, password, team) => server.createAccount(name, password, undefined, team),
    createTeam: (id) => server.createTeam(id),
    setTeamRole: (name, team, role) => setTeamRoleVia(call, name, team, role),
    rawDocs: (db) => server.rawDocs(db),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function externalServer(adminUrl: string): TestSyncServer {
  const parsed = new URL(adminUrl);
  const admin = { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  if (!admin.name || !admin.password) {
    throw new Error('BAKEN_TEST_COUCHDB_URL needs a server admin, e.g. http://admin:secret@127.0.0.1:5984');
  }
  const url = parsed.origin;
  const call = adminCall(url, admin);
  return {
    url,
    admin,
    createAccount: (name, password, team) => createAccountVia(call, name, password, undefined, team),
    createTeam: (id) => createTeamVia(call, id),
    setTeamRole: (name, team, role) => setTeamRoleVia(call, name, team, role),
    rawDocs: (db) => rawDocsVia(call, db),
    close: async () => undefined,
  };
}
