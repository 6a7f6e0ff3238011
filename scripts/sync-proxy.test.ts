// The app server's `/sync/` proxy in front of the embedded CouchDB-protocol
// server: credentials pass, CouchDB's answers come back unchanged, and the
// server behaves like the README's CouchDB set-up (require_valid_user, one
// member per database).
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './serve.mjs';
import { rawDocsVia, startSyncServer, type SyncServer } from './sync-server.mjs';

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

describe('/sync/ proxy to the embedded sync server', () => {
  let dir: string;
  let sync: SyncServer;
  let app: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-sync-test-'));
    sync = await startSyncServer({ dir: join(dir, 'sync') });
    await sync.createAccount('anna', 'geheim-anna');
    await sync.createAccount('bram', 'geheim-bram');
    app = await startServer({ root: dir, syncTarget: sync.url });
  });

  afterAll(async () => {
    await app.close();
    await sync.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes Basic auth through and returns the database info', async () => {
    const response = await fetch(`${app.url}/sync/baken-anna`, {
      headers: { Authorization: basic('anna', 'geheim-anna') },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { db_name: string }).db_name).toBe('baken-anna');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 401 without credentials and with a wrong password, and never asks the browser to log in', async () => {
    const none = await fetch(`${app.url}/sync/baken-anna`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBeNull();
    const wrong = await fetch(`${app.url}/sync/baken-anna`, { headers: { Authorization: basic('anna', 'fout') } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBeNull();
    // The server itself challenges like CouchDB 3.5 under require_valid_user: only the proxy keeps it from the browser.
    const direct = await fetch(`${sync.url}/baken-anna`);
    expect(direct.status).toBe(401);
    expect(direct.headers.get('www-authenticate')).toBe('Basic realm="server"');
    const purge = await fetch(`${sync.url}/baken-anna/_purge`, {
      method: 'POST',
      headers: { Authorization: basic('anna', 'geheim-anna'), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(purge.status).toBe(401);
    expect(purge.headers.get('www-authenticate')).toBe('Basic realm="server"');
  });

  it('passes the path on byte for byte (escapes kept, no dot-segment resolution), below a path prefix too', async () => {
    const seen: string[] = [];
    const upstream = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
    const address = upstream.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const proxy = await startServer({ root: dir, syncTarget: `http://127.0.0.1:${port}/couch/` });
    try {
      const paths = [
        '_users/org.couchdb.user%3Aanna',
        'baken-anna/a%2Fb?open_revs=all',
        'baken-anna/_local/baken-pull-1',
        'baken-anna/_changes?since=12-g1AAAA_x-y&limit=5',
      ];
      for (const p of paths) {
        const r = await fetch(`${proxy.url}/sync/${p}`, { headers: { Authorization: basic('anna', 'x') } });
        expect(r.status).toBe(200);
      }
      // fetch (like a browser) resolves "%2e%2e" itself; a raw client can send it, and it stays as sent.
      const raw = await new Promise<number>((done, fail) => {
        const r = request({ host: '127.0.0.1', port: proxy.port, path: '/sync/baken-anna/%2e%2e/_config' }, (answer) => {
          answer.resume();
          done(answer.statusCode ?? 0);
        });
        r.on('error', fail);
        r.end();
      });
      expect(raw).toBe(200);
      expect(seen).toEqual([...paths, 'baken-anna/%2e%2e/_config'].map((p) => `/couch/${p}`));
    } finally {
      await proxy.close();
      await new Promise<void>((done) => upstream.close(() => done()));
    }
  });

  it('lists every stored leaf (deleted ones too) for a caller that sends no Accept header', async () => {
    const auth = basic(sync.admin.name, sync.admin.password);
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(sync.url + path, {
        method,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const docs = [
      { _id: 'leaf-doc', _rev: '1-aa', _revisions: { start: 1, ids: ['aa'] }, k: 'vault' },
      { _id: 'leaf-doc', _rev: '2-bb', _revisions: { start: 2, ids: ['bb', 'aa'] }, k: 'vault' },
      { _id: 'leaf-doc', _rev: '2-cc', _revisions: { start: 2, ids: ['cc', 'aa'] }, _deleted: true },
    ];
    expect((await call('POST', '/baken-bram/_bulk_docs', { docs, new_edits: false })).status).toBe(201);
    const raw = (await rawDocsVia(call, 'baken-bram')) as Array<{ _id: string; _rev: string; _deleted?: boolean }>;
    const leaves = raw.filter((d) => d._id === 'leaf-doc').map((d) => `${d._rev}${d._deleted ? ' deleted' : ''}`);
    expect(leaves.sort()).toEqual(['2-bb', '2-cc deleted']);
  });

  it("answers 403 to another worker's valid credentials", async () => {
    const response = await fetch(`${app.url}/sync/baken-anna/_all_docs`, {
      headers: { Authorization: basic('bram', 'geheim-bram') },
    });
    expect(response.status).toBe(403);
  });

  it('passes method, query and JSON body: write, _revs_diff, _changes, and a worker cannot create databases', async () => {
    const auth = { Authorization: basic('anna', 'geheim-anna'), 'Content-Type': 'application/json' };
    const put = await fetch(`${app.url}/sync/baken-anna/doc-1`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ k: 'vault', iv: 'aaaa', ct: 'bbbb', v: 1 }),
    });
    expect(put.status).toBe(201);
    const { rev } = (await put.json()) as { rev: string };
    const diff = await fetch(`${app.url}/sync/baken-anna/_revs_diff`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ 'doc-1': [rev, '1-0123456789abcdef0123456789abcdef'] }),
    });
    expect(await diff.json()).toEqual({ 'doc-1': { missing: ['1-0123456789abcdef0123456789abcdef'] } });
    const changes = await fetch(`${app.url}/sync/baken-anna/_changes?style=all_docs&since=0`, { headers: auth });
    const body = (await changes.json()) as { results: Array<{ id: string }> };
    expect(body.results.map((row) => row.id)).toEqual(['doc-1']);
    const create = await fetch(`${app.url}/sync/baken-nieuw`, { method: 'PUT', headers: auth });
    // CouchDB 3.5 answers 401 "You are not a server admin." (require_admin), not 403.
    expect(create.status).toBe(401);
    expect(await sync.rawDocs('baken-anna')).toEqual([expect.objectContaining({ _id: 'doc-1', ct: 'bbbb' })]);
  });

  it('answers 503 for /sync/ when no sync server is configured, and 502 when it is unreachable', async () => {
    const bare = await startServer({ root: dir });
    const gone = await startServer({ root: dir, syncTarget: 'http://127.0.0.1:9' });
    try {
      expect((await fetch(`${bare.url}/sync/baken-anna`)).status).toBe(503);
      expect((await fetch(`${gone.url}/sync/baken-anna`)).status).toBe(502);
    } finally {
      await bare.close();
      await gone.close();
    }
  });

  it('streams a chunked long-poll answer as it comes, without hop-by-hop headers or caching', async () => {
    let seen: IncomingHttpHeaders = {};
    let release = () => undefined as void;
    const upstream = createServer((req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'keep-alive', 'Keep-Alive': 'timeout=77' });
      res.write('{"results":[\n'); // CouchDB starts a long-poll answer before anything changed
      release = () => res.end('],"last_seq":"2-g1AAAAx"}');
    });
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
    const address = upstream.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const proxy = await startServer({ root: dir, syncTarget: `http://127.0.0.1:${port}` });
    try {
      const response = await fetch(`${proxy.url}/sync/db/_changes?feed=longpoll&since=1-g1AAAAx`, {
        headers: { Authorization: basic('anna', 'x'), Accept: 'application/json', Cookie: 'a=b' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(String(response.headers.get('keep-alive'))).not.toContain('77'); // the proxy's own keep-alive, not upstream's
      const reader = response.body?.getReader();
      const first = await reader?.read();
      // The first chunk arrived while the upstream answer is still open: not buffered.
      expect(new TextDecoder().decode(first?.value)).toBe('{"results":[\n');
      release();
      let rest = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        rest += new TextDecoder().decode(chunk.value);
      }
      expect(JSON.parse(`{"results":[\n${rest}`)).toEqual({ results: [], last_seq: '2-g1AAAAx' });
      expect(seen['authorization']).toBe(basic('anna', 'x'));
      expect(seen['accept']).toBe('application/json');
      expect(seen['cookie']).toBeUndefined();
    } finally {
      release();
      await proxy.close();
      await new Promise<void>((done) => upstream.close(() => done()));
    }
  });
});
