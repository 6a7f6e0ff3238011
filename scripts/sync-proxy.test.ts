// The app server's `/sync/` proxy in front of the embedded CouchDB-protocol
// server: credentials pass, CouchDB's answers come back unchanged, and the
// server behaves like the README's CouchDB set-up (require_valid_user, one
// member per database).
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './serve.mjs';
import { rawDocsVia, startSyncServer, type SyncServer } from './sync-server.mjs';

/** A fake upstream on a free port; `close` ends it and its connections. */
async function fakeUpstream(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = createServer(handler);
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
  const address = upstream.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        upstream.closeAllConnections();
        upstream.close(() => done());
      }),
  };
}

/** What settles first: `work`, or 'hung' after `ms`. */
function within<T>(work: Promise<T>, ms: number): Promise<T | 'hung'> {
  return Promise.race([work, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms))]);
}

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
  it('sends the client address as X-Forwarded-For (never an incoming one) and sandboxes every answer', async () => {
    let seen: IncomingHttpHeaders = {};
    const upstream = await fakeUpstream((req, res) => {
      seen = req.headers;
      // A stored document could hold anything: it must never run as a page of this origin.
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>alert(1)</script>');
    });
    const proxy = await startServer({ root: dir, syncTarget: upstream.url });
    try {
      const response = await fetch(`${proxy.url}/sync/db/doc`, {
        headers: { Authorization: basic('anna', 'x'), 'X-Forwarded-For': '203.0.113.66' },
      });
      await response.text();
      expect(seen['x-forwarded-for']).toBe('127.0.0.1');
      expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // The proxy's own answers too.
      const bare = await startServer({ root: dir });
      try {
        const none = await fetch(`${bare.url}/sync/db`);
        expect(none.status).toBe(503);
        expect(none.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
        expect(none.headers.get('x-content-type-options')).toBe('nosniff');
      } finally {
        await bare.close();
      }
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('breaks off the answer when the sync server breaks off mid-body, instead of leaving the request hanging', async () => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"results":[{"id":"a"');
      setTimeout(() => res.destroy(), 50);
    });
    const proxy = await startServer({ root: dir, syncTarget: upstream.url });
    try {
      const response = await fetch(`${proxy.url}/sync/db/_changes`, { headers: { Authorization: basic('anna', 'x') } });
      expect(response.status).toBe(200);
      const body = response.text().then(
        (text) => `ended: ${text}`,
        (e: unknown) => `failed: ${String(e)}`,
      );
      const outcome = await within(body, 5000);
      expect(outcome).not.toBe('hung');
      // The client learns the answer is incomplete: an error, never a truncated body passed off as whole.
      expect(outcome).toMatch(/^failed: /);
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('answers 504 with a JSON body when the sync server stays silent, and 502 when it refuses the connection', async () => {
    const upstream = await fakeUpstream(() => undefined); // never answers
    const silent = await startServer({ root: dir, syncTarget: upstream.url, syncTimeoutMs: 200 });
    const gone = await startServer({ root: dir, syncTarget: 'http://127.0.0.1:9' });
    try {
      const late = await within(fetch(`${silent.url}/sync/db`, { headers: { Authorization: basic('anna', 'x') } }), 5000);
      expect(late).not.toBe('hung');
      if (late === 'hung') return;
      expect(late.status).toBe(504);
      expect(await late.json()).toEqual({ error: 'sync_server_timeout', reason: 'sync_server_timeout' });
      const refused = await fetch(`${gone.url}/sync/db`);
      expect(refused.status).toBe(502);
      expect(refused.headers.get('content-type')).toBe('application/json');
      expect(await refused.json()).toEqual({ error: 'sync_server_unreachable', reason: 'sync_server_unreachable' });
    } finally {
      await silent.close();
      await gone.close();
      await upstream.close();
    }
  });
});
