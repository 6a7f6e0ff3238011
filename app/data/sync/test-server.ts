// Test helper: an embedded CouchDB-protocol server (express-pouchdb over
// leveldown in a temp dir) on 127.0.0.1 and a free port, for the replicator's
// integration tests in Node. The app and e2e tests use G's e2e/sync-server.ts.
// Wrapped like the embedded server (scripts/couch-like.mjs) so it answers like
// CouchDB 3: opaque sequences, long-poll timeouts, CouchDB's _bulk_get errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

import { couchLike } from '../../../scripts/couch-like.mjs';

interface PouchCtor {
  defaults(options: { prefix: string }): unknown;
}

export interface TestCouch {
  url: string;
  /** A fresh database; resolves its name. */
  createDb(): Promise<string>;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /**
   * A team's four databases with the `_security` of the contract (issue 21). This server runs in
   * admin party (no auth), so it does not enforce them; scripts/sync-server-team.test.ts proves the
   * embedded server (with auth) does.
   */
  createTeam(id: string): Promise<string[]>;
  /** An account in `_users`, with the CouchDB role of its team role when `team` is given. */
  createAccount(name: string, password: string, team?: { team: string; role: string }): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** `maxDocumentSize`: CouchDB's `[couchdb] max_document_size` (default its 8,000,000 bytes). */
export async function startTestCouch(options: { maxDocumentSize?: number } = {}): Promise<TestCouch> {
  const require = createRequire(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'baken-f20-couch-'));
  const PouchDB = (require('pouchdb-node') as PouchCtor).defaults({ prefix: dir + sep });
  const expressPouch = require('express-pouchdb') as (
    db: unknown,
    options: Record<string, unknown>,
  ) => (req: IncomingMessage, res: ServerResponse) => void;
  const app = expressPouch(PouchDB, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
    // couchLike rewrites plain JSON bodies.
    overrideMode: { exclude: ['compression'] },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(couchLike(app, options)).listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  const request = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(url + path, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, json: (await r.json()) as unknown };
  };
  return {
    url,
    request,
    async createDb() {
      const name = `baken-test-${process.pid}-${++counter}`;
      await request('PUT', name);
      return name;
    },
    async createTeam(id) {
      const prefix = `baken-team-${id}`;
      const role = (r: string) => `${prefix}-${r}`;
      const dbs: Array<[string, string[]]> = [
        [`${prefix}-members`, [role('medewerker'), role('coordinator'), role('auditor')]],
        [`${prefix}-cases`, [role('medewerker'), role('coordinator')]],
        [`${prefix}-coord`, [role('medewerker'), role('coordinator')]],
        [`${prefix}-figures`, [role('coordinator'), role('auditor')]],
      ];
      for (const [db, roles] of dbs) {
        await request('PUT', db);
        await request('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles } });
      }
      return dbs.map(([db]) => db);
    },
    async createAccount(name, password, team) {
      const roles = team ? [`baken-team-${team.team}-${team.role}`] : [];
      const id = `org.couchdb.user:${name}`;
      await request('PUT', `_users/${encodeURIComponent(id)}`, { _id: id, name, password, roles, type: 'user' });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
