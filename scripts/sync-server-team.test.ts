// Issue 21, the second wall: a team's four databases on the embedded server
// and their `_security` objects. Each role reaches exactly the databases the
// README lists for it; everyone else gets 403 (401 without credentials).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccountVia,
  defaultDbName,
  setTeamRoleVia,
  startSyncServer,
  teamDatabases,
  type SyncServer,
  type SyncServerCall,
} from './sync-server.mjs';
import { defaultSyncDbName } from '../schema/sync-config';

const basic = (name: string) => `Basic ${Buffer.from(`${name}:pw-${name}`).toString('base64')}`;

describe('team databases and roles on the embedded server', () => {
  let dir: string;
  let sync: SyncServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-team-test-'));
    sync = await startSyncServer({ dir });
    await sync.createTeam('clb-gent');
    await sync.createTeam('clb-brugge');
    for (const [name, role] of [
      ['wim', 'medewerker'],
      ['cora', 'coordinator'],
      ['audrey', 'auditor'],
    ] as const) {
      await sync.createAccount(name, `pw-${name}`, undefined, { team: 'clb-gent', role });
    }
    await sync.createAccount('buiten', 'pw-buiten');
    await sync.createAccount('brugse', 'pw-brugse', undefined, { team: 'clb-brugge', role: 'coordinator' });
  });

  afterAll(async () => {
    await sync.close();
    await rm(dir, { recursive: true, force: true });
  });

  const status = async (name: string, db: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${sync.url}/${db}${method === 'GET' ? '/_all_docs' : '/probe-' + name}`, {
      method,
      headers: { Authorization: basic(name), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('lets each role read and write exactly its databases, and refuses the rest with 403', async () => {
    const expected: Record<string, Record<string, number>> = {
      wim: { members: 200, cases: 200, coord: 200, figures: 403 },
      cora: { members: 200, cases: 200, coord: 200, figures: 200 },
      audrey: { members: 200, cases: 403, coord: 403, figures: 200 },
      buiten: { members: 403, cases: 403, coord: 403, figures: 403 },
      brugse: { members: 403, cases: 403, coord: 403, figures: 403 },
    };
    for (const [name, row] of Object.entries(expected)) {
      for (const [part, code] of Object.entries(row)) {
        const db = `baken-team-clb-gent-${part}`;
        expect({ name, db, read: await status(name, db) }).toEqual({ name, db, read: code });
        const wrote = await status(name, db, 'PUT', { probe: true });
        expect({ name, db, write: wrote }).toEqual({ name, db, write: code === 200 ? 201 : 403 });
      }
    }
  });

  it('sets the _security objects of the contract, and no one but the server admin changes them', async () => {
    for (const { db, roles } of teamDatabases('clb-gent')) {
      const response = await fetch(`${sync.url}/${db}/_security`, { headers: { Authorization: basic('cora') } });
      expect(await response.json()).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles } });
      const put = await fetch(`${sync.url}/${db}/_security`, {
        method: 'PUT',
        headers: { Authorization: basic('cora'), 'Content-Type': 'application/json' },
        body: JSON.stringify({ members: { names: ['cora'], roles: [] } }),
      });
      expect(put.status).toBe(403);
    }
    const figures = teamDatabases('clb-gent').find((d) => d.db.endsWith('-figures'));
    expect(figures?.roles).toEqual(['baken-team-clb-gent-coordinator', 'baken-team-clb-gent-auditor']);
    const anonymous = await fetch(`${sync.url}/baken-team-clb-gent-members/_all_docs`);
    expect(anonymous.status).toBe(401);
  });

  it('a changed role replaces the old one: an auditor made medewerker loses the figures database', async () => {
    await sync.createAccount('wissel', 'pw-wissel', undefined, { team: 'clb-gent', role: 'auditor' });
    expect(await status('wissel', 'baken-team-clb-gent-figures')).toBe(200);
    await sync.createAccount('wissel', 'pw-wissel', undefined, { team: 'clb-gent', role: 'medewerker' });
    expect(await status('wissel', 'baken-team-clb-gent-figures')).toBe(403);
    expect(await status('wissel', 'baken-team-clb-gent-cases')).toBe(200);
    await expect(sync.createTeam('Bad_Id')).rejects.toThrow();
  });
});

describe('account writes by the admin scripts', () => {
  /** A `_users` document that another admin changes once between our read and our write (409). */
  function racingUsers(): { call: SyncServerCall; puts: Array<{ roles?: string[] }> } {
    let doc = { _id: 'org.couchdb.user:wim', _rev: '1-a', name: 'wim', roles: ['baken-team-clb-gent-medewerker'] };
    let raced = false;
    const puts: Array<{ roles?: string[] }> = [];
    const call: SyncServerCall = (method, path, body) => {
      if (!path.startsWith('/_users/')) return Promise.resolve({ status: method === 'PUT' ? 201 : 200, body: {} });
      if (method === 'GET') return Promise.resolve({ status: 200, body: { ...doc } });
      const next = body as typeof doc;
      if (!raced) {
        raced = true;
        doc = { ...doc, _rev: '2-b', roles: [...doc.roles, 'baken-team-clb-brugge-auditor'] };
        return Promise.resolve({ status: 409, body: { error: 'conflict' } });
      }
      if (next._rev !== doc._rev) return Promise.resolve({ status: 409, body: { error: 'conflict' } });
      puts.push(next);
      doc = { ...next, _rev: '3-c' };
      return Promise.resolve({ status: 201, body: { ok: true } });
    };
    return { call, puts };
  }

  it('reads the account again after a 409 and keeps the change made meanwhile', async () => {
    const roles = racingUsers();
    await setTeamRoleVia(roles.call, 'wim', 'clb-gent', 'coordinator');
    expect(roles.puts.at(-1)?.roles).toEqual(['baken-team-clb-brugge-auditor', 'baken-team-clb-gent-coordinator']);
    const account = racingUsers();
    await createAccountVia(account.call, 'wim', 'nieuw', 'baken-wim', { team: 'clb-gent', role: 'auditor' });
    expect(account.puts.at(-1)?.roles).toEqual(['baken-team-clb-brugge-auditor', 'baken-team-clb-gent-auditor']);
  });

  it('makes `_users` first on a CouchDB set up without it, then the account', async () => {
    const requests: string[] = [];
    let usersExists = false;
    const call: SyncServerCall = (method, path) => {
      requests.push(`${method} ${path}`);
      if (path === '/_users') {
        usersExists = true;
        return Promise.resolve({ status: 201, body: { ok: true } });
      }
      if (path.startsWith('/_users/') && method === 'GET') {
        const reason = usersExists ? 'missing' : 'Database does not exist.';
        return Promise.resolve({ status: 404, body: { error: 'not_found', reason } });
      }
      return Promise.resolve({ status: 201, body: { ok: true } });
    };
    await createAccountVia(call, 'wim', 'pw', 'baken-wim');
    expect(requests).toEqual([
      'GET /_users/org.couchdb.user%3Awim',
      'PUT /_users',
      'GET /_users/org.couchdb.user%3Awim',
      'PUT /_users/org.couchdb.user%3Awim',
      'PUT /baken-wim',
      'PUT /baken-wim/_security',
    ]);
  });

  it('proposes the same default database name as the app', () => {
    for (const name of ['anna', ' Anna.Peeters ', 'jan@clb.be', 'x'.repeat(200)]) {
      expect(defaultDbName(name)).toBe(defaultSyncDbName(name));
    }
  });
});
