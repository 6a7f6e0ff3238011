// Embedded CouchDB-protocol server for trying sync with one command and for
// the tests: express-pouchdb (the CouchDB HTTP API over PouchDB) with a
// LevelDB store on disk. Production uses Apache CouchDB 3.x instead (README).
//
// A thin layer in front makes it behave like the CouchDB set-up the README
// prescribes, so the client is tested against the same rules:
// - `require_valid_user = true`: every request without credentials gets 401;
// - only the server admin creates or deletes databases and reaches the
//   server-wide endpoints (`_all_dbs`, `_config`, `_replicate`, …);
// - an authenticated user without access gets 403 (express-pouchdb says 401);
// - what only a server admin may do (creating or deleting a database, `_purge`,
//   the server-wide endpoints) gets 401 "You are not a server admin.", as
//   CouchDB 3.5 answers it; `_purge` is 501 for the admin because the LevelDB
//   adapter cannot purge;
// - every 401 carries `WWW-Authenticate: Basic realm="server"`, as CouchDB 3.5
//   sends it under require_valid_user (the proxy must drop it);
// - sequences are opaque strings, long-polls time out and `_bulk_get` errors
//   have CouchDB's shape; JSON bodies need their content type, and `Accept`
//   decides between JSON and multipart (scripts/couch-like.mjs).
//
// CLI (the directory: --dir, else $BAKEN_SYNC_DIR, else .baken-sync):
//   node scripts/sync-server.mjs [--port 5984] [--dir .baken-sync]
//   node scripts/sync-server.mjs account <name> <password> [--team <id> --role <role>] [--dir .baken-sync]
//   node scripts/sync-server.mjs team <id> [--dir .baken-sync]
//   node scripts/sync-server.mjs remove-from-team <name> --team <id> [--dir .baken-sync]
import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PouchDB from 'pouchdb-node';
import expressPouchDB from 'express-pouchdb';
import { couchLike } from './couch-like.mjs';

/** @typedef {(method: string, path: string, body?: unknown) => Promise<{ status: number, body: any }>} Call */

/**
 * Default on-disk home of the embedded server (git-ignored): `BAKEN_SYNC_DIR` when set (as `npm start`
 * reads it, so `account` and `team` reach the server it started), else `.baken-sync`. `--dir` wins.
 */
export const defaultSyncDir = process.env.BAKEN_SYNC_DIR || '.baken-sync';

/**
 * The default database name for an account, as the app proposes it: `baken-<account>`, only [a-z0-9_-].
 * @param {string} account
 */
export function defaultDbName(account) {
  // The same rule as the app's defaultSyncDbName (schema/sync-config.ts).
  const clean = String(account)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-');
  return `baken-${clean}`.slice(0, 128);
}

/** Server-wide endpoints that only the admin may use (CouchDB 3 defaults, plus what we never need). */
const adminOnlyRoots = new Set([
  '_all_dbs',
  '_config',
  '_replicate',
  '_replicator',
  '_active_tasks',
  '_db_updates',
  '_restart',
  '_log',
  '_stats',
  '_utils',
  '_node',
  '_membership',
  '_cluster_setup',
]);

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...(status === 401 ? { 'WWW-Authenticate': BASIC_CHALLENGE } : {}),
  });
  res.end(text);
}

/**
 * What CouchDB 3.5 with `[chttpd] require_valid_user = true` sends with every 401 "unauthorized"
 * (chttpd:error_headers). A browser that sees it may open its login dialog: the app's proxy
 * (scripts/serve.mjs) and the README's nginx drop it.
 */
const BASIC_CHALLENGE = 'Basic realm="server"';

/** @param {string | undefined} header */
function parseBasic(header) {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * @param {string} a
 * @param {string} b
 */
function same(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * @param {string} dir
 * @returns {Promise<{ name: string, password: string }>}
 */
async function loadOrCreateAdmin(dir) {
  const file = join(dir, 'admin.json');
  try {
    const saved = JSON.parse(await readFile(file, 'utf8'));
    if (typeof saved.name === 'string' && typeof saved.password === 'string') return saved;
  } catch {
    // first start: create below
  }
  const admin = { name: 'admin', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}

/**
 * Start the embedded server. Resolves once listening.
 * @param {{ dir?: string, port?: number, host?: string, quiet?: boolean }} [options]
 */
export async function startSyncServer(options = {}) {
  const dir = resolve(options.dir ?? defaultSyncDir);
  const host = options.host ?? '127.0.0.1';
  await mkdir(join(dir, 'data'), { recursive: true });
  const admin = await loadOrCreateAdmin(dir);
  const Pouch = PouchDB.defaults({ prefix: join(dir, 'data') + '/' });
  const app = expressPouchDB(Pouch, {
    mode: 'fullCouchDB',
    configPath: join(dir, 'config.json'),
    logPath: join(dir, 'log.txt'),
    // No admin UI, no server-side replication: the server only stores. No
    // compression either: loopback needs none, and the 401→403 rewrite below needs plain bodies.
    overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'replicator', 'compression'] },
  });
  // As the README's production CouchDB: max_document_size = 1048576.
  const couch = couchLike(app, { maxDocumentSize: 1_048_576 });
  await new Promise((done) => app.couchConfig.set('admins', admin.name, admin.password, () => done(undefined)));
  await new Promise((done) => app.couchConfig.set('log', 'level', 'error', () => done(undefined)));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    const creds = parseBasic(req.headers.authorization);
    const isAdmin = Boolean(creds && same(creds.name, admin.name) && same(creds.password, admin.password));
    if (!creds) {
      json(res, 401, { error: 'unauthorized', reason: 'Authentication required.' });
      return;
    }
    const method = req.method ?? 'GET';
    if (!isAdmin) {
      const first = parts[0] ?? '';
      const dbLevel = parts.length === 1 && !first.startsWith('_');
      // CouchDB 3.5 (chttpd_auth_request require_admin): 401, not 403, for what only a server admin may do.
      if (
        adminOnlyRoots.has(first) ||
        (dbLevel && (method === 'PUT' || method === 'DELETE')) ||
        parts[1] === '_purge' ||
        parts[1] === '_purged_infos_limit'
      ) {
        json(res, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
        return;
      }
      if (parts[1] === '_security' && method !== 'GET') {
        json(res, 403, { error: 'forbidden', reason: 'You are not a db or server admin.' });
        return;
      }
    } else if (parts[1] === '_purge') {
      json(res, 501, { error: 'not_implemented', reason: 'Purge is not supported by this embedded server.' });
      return;
    }
    // CouchDB answers 403 to an authenticated user without access; express-pouchdb says 401.
    const end = /** @type {(...args: unknown[]) => unknown} */ (/** @type {unknown} */ (res.end.bind(res)));
    res.end = /** @type {typeof res.end} */ (
      /** @param {unknown[]} args */
      (...args) => {
        const session = /** @type {{ couchSession?: { userCtx?: { name?: string | null } } }} */ (req).couchSession;
        if (res.statusCode === 401 && !res.headersSent && session?.userCtx?.name) {
          const text = JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' });
          res.statusCode = 403;
          res.removeHeader('WWW-Authenticate');
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Content-Length', Buffer.byteLength(text));
          return end(text);
        }
        if (res.statusCode === 401 && !res.headersSent) res.setHeader('WWW-Authenticate', BASIC_CHALLENGE);
        return end(...args);
      }
    );
    couch(req, res);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host}:${port}`;
  await writeFile(join(dir, 'server.json'), JSON.stringify({ url, pid: process.pid }));
  const call = adminCall(url, admin);

  return {
    url,
    port,
    dir,
    admin,
    /**
     * Creates (or updates the password of) a worker's account and their own
     * database, readable and writable by that worker only.
     * @param {string} name
     * @param {string} password
     * @param {string} [db]
     */
    async createAccount(name, password, db = defaultDbName(name), team = undefined) {
      return createAccountVia(call, name, password, db, team);
    },
    /**
     * Creates a team's four databases with their `_security` objects (issue 21).
     * @param {string} id
     */
    async createTeam(id) {
      return createTeamVia(call, id);
    },
    /**
     * Every leaf revision (deleted ones too) of every document in `db`, as stored.
     * @param {string} db
     */
    async rawDocs(db) {
      return rawDocsVia(call, db);
    },
    /**
     * Ends an account's access to a team's databases: takes its team role out of `_users` (issue 21,
     * the admin's part of removing a person; README "Team").
     * @param {string} name
     * @param {string} team
     */
    async removeTeamRole(name, team) {
      return removeTeamRoleVia(call, name, team);
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          rm(join(dir, 'server.json'), { force: true })
            .catch(() => undefined)
            .finally(() => done(undefined));
        });
      }),
  };
}

/**
 * @param {Call} call
 * @param {string} name
 * @param {string} password
 * @param {string} [db]
 */
export async function createAccountVia(call, name, password, db = defaultDbName(name), team = undefined) {
  const userPath = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  // Read, change, write with _rev; a 409 (someone changed the account meanwhile) reads again.
  let madeUsers = false;
  for (let attempt = 1; ; attempt++) {
    const existing = await call('GET', userPath);
    if (existing.status === 404 && existing.body?.reason === 'Database does not exist.' && !madeUsers) {
      // A CouchDB 3 set up without the wizard or `single_node = true` has no `_users` yet: make it once.
      const made = await call('PUT', '/_users');
      if (made.status >= 300 && made.status !== 412) throw new Error(`_users: ${made.status}`);
      madeUsers = true;
      attempt--;
      continue;
    }
    /** @type {string[]} */
    const roles = existing.status === 200 && Array.isArray(existing.body.roles) ? [...existing.body.roles] : [];
    if (team) {
      const role = teamRole(team.team, team.role);
      // One role per team: a changed role replaces the earlier one.
      const prefix = `baken-team-${team.team}-`;
      const kept = roles.filter((r) => !(r.startsWith(prefix) && teamRoles.includes(r.slice(prefix.length))));
      roles.splice(0, roles.length, ...kept, role);
    }
    const user = { _id: `org.couchdb.user:${name}`, name, password, roles, type: 'user' };
    if (existing.status === 200) Object.assign(user, { _rev: existing.body._rev });
    const put = await call('PUT', userPath, user);
    if (put.status === 409 && attempt < USER_WRITE_ATTEMPTS) continue;
    if (put.status >= 300) throw new Error(`account ${name}: ${put.status} ${JSON.stringify(put.body)}`);
    break;
  }
  const created = await call('PUT', `/${encodeURIComponent(db)}`);
  if (created.status >= 300 && created.status !== 412) throw new Error(`database ${db}: ${created.status}`);
  const security = await call('PUT', `/${encodeURIComponent(db)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [name], roles: [] },
  });
  if (security.status >= 300) throw new Error(`_security ${db}: ${security.status}`);
  return { db };
}

/**
 * Takes every role of `team` out of an account's `_users` document: its access to the team's databases ends.
 * @param {Call} call
 * @param {string} name
 * @param {string} team
 */
export async function removeTeamRoleVia(call, name, team) {
  await editTeamRoles(call, name, team, (roles, prefix) => roles.filter((r) => !r.startsWith(prefix)));
}

/**
 * Gives an existing account `role` in `team`, replacing its earlier role there, and keeps its password
 * as stored (no new hash: a request with the account's password is never refused meanwhile).
 * @param {Call} call
 * @param {string} name
 * @param {string} team
 * @param {string} role
 */
export async function setTeamRoleVia(call, name, team, role) {
  await editTeamRoles(call, name, team, (roles, prefix) => [
    ...roles.filter((r) => !(r.startsWith(prefix) && teamRoles.includes(r.slice(prefix.length)))),
    teamRole(team, role),
  ]);
}

/**
 * Reads an account's `_users` document, changes only its roles and writes it back with its `_rev`
 * (the stored password hash unchanged).
 * @param {Call} call
 * @param {string} name
 * @param {string} team
 * @param {(roles: string[], prefix: string) => string[]} edit the new roles from the old and the team's role prefix
 */
async function editTeamRoles(call, name, team, edit) {
  assertTeamId(team);
  const userPath = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  for (let attempt = 1; ; attempt++) {
    const existing = await call('GET', userPath);
    if (existing.status !== 200) throw new Error(`account ${name}: ${existing.status}`);
    const user = /** @type {{ roles?: string[] }} */ (existing.body);
    const put = await call('PUT', userPath, { ...user, roles: edit(user.roles ?? [], `baken-team-${team}-`) });
    if (put.status === 409 && attempt < USER_WRITE_ATTEMPTS) continue;
    if (put.status >= 300) throw new Error(`account ${name}: ${put.status} ${JSON.stringify(put.body)}`);
    return;
  }
}

/** How often an account write is tried when another write to the same `_users` document got there first (409). */
const USER_WRITE_ATTEMPTS = 3;

/** The three team roles (issue 21), as in schema/team.ts. */
export const teamRoles = ['medewerker', 'coordinator', 'auditor'];

/** @param {string} id */
export function assertTeamId(id) {
  if (!/^[a-z][a-z0-9-]{2,40}$/.test(String(id))) {
    throw new Error(`team id "${id}": a lowercase letter, then 2 to 40 of a-z, 0-9 or "-"`);
  }
}

/**
 * The CouchDB role (in `_users`) of a team role.
 * @param {string} team
 * @param {string} role
 */
export function teamRole(team, role) {
  assertTeamId(team);
  if (!teamRoles.includes(role)) throw new Error(`role "${role}": one of ${teamRoles.join(', ')}`);
  return `baken-team-${team}-${role}`;
}

/**
 * A team's four databases and the roles that may read and write each
 * (the second wall; the encryption is the real boundary).
 * @param {string} team
 * @returns {Array<{ db: string, roles: string[] }>}
 */
export function teamDatabases(team) {
  const r = (/** @type {string} */ role) => teamRole(team, role);
  const prefix = `baken-team-${team}`;
  return [
    { db: `${prefix}-members`, roles: [r('medewerker'), r('coordinator'), r('auditor')] },
    { db: `${prefix}-cases`, roles: [r('medewerker'), r('coordinator')] },
    { db: `${prefix}-coord`, roles: [r('medewerker'), r('coordinator')] },
    { db: `${prefix}-figures`, roles: [r('coordinator'), r('auditor')] },
  ];
}

/**
 * Creates a team's databases (kept when they exist) and sets their `_security`.
 * @param {Call} call
 * @param {string} team
 */
export async function createTeamVia(call, team) {
  const dbs = teamDatabases(team);
  for (const { db, roles } of dbs) {
    const created = await call('PUT', `/${encodeURIComponent(db)}`);
    if (created.status >= 300 && created.status !== 412) throw new Error(`database ${db}: ${created.status}`);
    const security = await call('PUT', `/${encodeURIComponent(db)}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [], roles },
    });
    if (security.status >= 300) throw new Error(`_security ${db}: ${security.status}`);
  }
  return { databases: dbs.map((d) => d.db) };
}

/**
 * @param {Call} call
 * @param {string} db
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export async function rawDocsVia(call, db) {
  const base = `/${encodeURIComponent(db)}`;
  const changes = await call('GET', `${base}/_changes?style=all_docs&since=0`);
  if (changes.status !== 200) throw new Error(`_changes ${db}: ${changes.status}`);
  // Every leaf _changes names (style=all_docs), fetched in one _bulk_get: JSON whatever the caller's
  // Accept header (CouchDB answers open_revs without "Accept: application/json" as multipart/mixed).
  /** @type {Array<{ id: string, rev: string }>} */
  const wanted = changes.body.results.flatMap((/** @type {{ id: string, changes: Array<{ rev: string }> }} */ row) =>
    row.changes.map((c) => ({ id: row.id, rev: c.rev })),
  );
  if (wanted.length === 0) return [];
  const fetched = await call('POST', `${base}/_bulk_get?revs=true`, { docs: wanted });
  if (fetched.status !== 200) throw new Error(`_bulk_get ${db}: ${fetched.status}`);
  const docs = [];
  for (const result of fetched.body.results ?? []) {
    for (const leaf of result.docs ?? []) if (leaf.ok) docs.push(leaf.ok);
  }
  return docs;
}

/**
 * @param {string[]} args
 * @param {string} name
 * @param {string} fallback
 */
function option(args, name, fallback) {
  const index = args.indexOf(name);
  return (index >= 0 ? args[index + 1] : undefined) ?? fallback;
}

/**
 * JSON requests to `url` as the server admin.
 * @param {string} url
 * @param {{ name: string, password: string }} admin
 * @returns {Call}
 */
export function adminCall(url, admin) {
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  return async (method, path, body) => {
    const response = await fetch(url + path, {
      method,
      // Accept: without it CouchDB (and couch-like.mjs) answers open_revs as multipart/mixed.
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/**
 * An admin `call` to the running server in `dir` (LevelDB allows one process), or undefined when none runs.
 * @param {string} dir
 * @returns {Promise<Call | undefined>}
 */
async function runningServerCall(dir) {
  let running;
  try {
    running = JSON.parse(await readFile(join(resolve(dir), 'server.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (
    !running?.url ||
    !(await fetch(running.url).then(
      () => true,
      () => false,
    ))
  )
    return undefined;
  return adminCall(running.url, await loadOrCreateAdmin(resolve(dir)));
}

/**
 * Runs `work` against the running server, or a temporary one when none runs.
 * @template T
 * @param {string} dir
 * @param {(call: Call) => Promise<T>} work
 */
async function withAdminCall(dir, work) {
  const running = await runningServerCall(dir);
  if (running) return work(running);
  const server = await startSyncServer({ dir });
  try {
    return await work(adminCall(server.url, server.admin));
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = option(args, '--dir', defaultSyncDir);
  if (args[0] === 'account') {
    const [, name, password] = args;
    const teamId = option(args, '--team', '');
    const role = option(args, '--role', '');
    if (!name || !password || name.startsWith('--') || Boolean(teamId) !== Boolean(role)) {
      console.error(
        'Gebruik: node scripts/sync-server.mjs account <naam> <wachtwoord> [--team <team-id> --role medewerker|coordinator|auditor]',
      );
      process.exit(2);
    }
    const team = teamId ? { team: teamId, role } : undefined;
    try {
      if (team) teamRole(team.team, team.role); // fails early on a bad id or role
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    }
    const result = await withAdminCall(dir, (call) =>
      createAccountVia(call, name, password, option(args, '--db', defaultDbName(name)), team),
    );
    console.log(
      team
        ? `Account "${name}" met database "${result.db}" en rol ${team.role} in team "${team.team}" is klaar.`
        : `Account "${name}" met database "${result.db}" is klaar.`,
    );
  } else if (args[0] === 'remove-from-team') {
    const name = args[1] ?? '';
    const teamId = option(args, '--team', '');
    if (!name || name.startsWith('--') || !teamId) {
      console.error('Gebruik: node scripts/sync-server.mjs remove-from-team <naam> --team <team-id>');
      process.exit(2);
    }
    await withAdminCall(dir, (call) => removeTeamRoleVia(call, name, teamId));
    console.log(`Account "${name}" heeft geen toegang meer tot team "${teamId}".`);
  } else if (args[0] === 'team') {
    const id = args[1] ?? '';
    if (!id || id.startsWith('--')) {
      console.error('Gebruik: node scripts/sync-server.mjs team <team-id>');
      process.exit(2);
    }
    try {
      assertTeamId(id);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    }
    const result = await withAdminCall(dir, (call) => createTeamVia(call, id));
    console.log(`Team "${id}" is klaar: ${result.databases.join(', ')}.`);
  } else {
    const server = await startSyncServer({ dir, port: Number(option(args, '--port', '5984')) });
    console.log(`Ingebouwde sync-server op ${server.url} (gegevens in ${server.dir})`);
  }
}
