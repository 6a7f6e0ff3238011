// Minimal static server for the production build: security headers, SPA
// navigation fallback, and no caching surprises. Used by `npm start`, the e2e
// tests (which start and stop it) and the bench.
// It also proxies same-origin `/sync/<rest>` to `<CouchDB root>/<rest>`, so the
// app's CSP keeps `connect-src 'self'` (see proxySync below).
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './security-headers.mjs';

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The app's only way to the sync server. */
export const syncPrefix = '/sync/';

/**
 * Request headers the CouchDB client needs; nothing else (no cookies, no hop-by-hop headers such as
 * Connection or Transfer-Encoding: Node frames each side itself, chunked when there is no length).
 */
const forwardedRequestHeaders = ['authorization', 'content-type', 'accept', 'content-length'];
/** Response headers passed back; `WWW-Authenticate` is dropped so a 401 never opens the browser's login dialog. */
const forwardedResponseHeaders = ['content-type', 'content-length', 'etag', 'location'];

/**
 * Streams one `/sync/…` request to the CouchDB root `target` (method, query,
 * body, Authorization and Content-Type) and streams the answer back.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string | undefined} target
 */
function proxySync(req, res, target) {
  const fail = (/** @type {number} */ status, /** @type {string} */ error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({ error, reason: error });
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
  };
  if (!target) {
    fail(503, 'no_sync_server');
    return;
  }
  const incoming = req.url ?? '/';
  const root = new URL(target);
  // The path goes on byte for byte (no URL parsing): a parsed URL would resolve "%2e%2e" segments and
  // could re-encode; CouchDB must see exactly the escapes the client sent (%2F in an id, %3A in _users ids).
  const path = root.pathname.replace(/\/+$/, '') + '/' + incoming.slice(syncPrefix.length);
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const name of forwardedRequestHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const send = root.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = {
    protocol: root.protocol,
    hostname: root.hostname.replace(/^\[|\]$/g, ''),
    port: root.port || (root.protocol === 'https:' ? 443 : 80),
    path,
    method: req.method,
    headers,
  };
  const outgoing = send(upstream, (answer) => {
    /** @type {Record<string, string | string[]>} */
    const back = {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    for (const name of forwardedResponseHeaders) {
      const value = answer.headers[name];
      if (value !== undefined) back[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(res);
  });
  outgoing.on('error', () => fail(502, 'sync_server_unreachable'));
  // A closed tab ends a long-poll: end the upstream request too.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

/**
 * Start serving `root`. Resolves once listening.
 * @param {{ root?: string, port?: number, host?: string, syncTarget?: string }} [options]
 *   syncTarget: the CouchDB root that `/sync/` proxies to (none: `/sync/` answers 503).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    if ((req.url ?? '').startsWith(syncPrefix)) {
      proxySync(req, res, options.syncTarget);
      return;
    }
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      // SPA fallback: unknown paths without an extension get the app shell.
      if (!info && extname(url.pathname) === '') {
        path = join(root, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
        return;
      }
      const body = await readFile(path);
      const name = path.slice(root.length);
      const immutable = name.startsWith(`${sep}assets${sep}`);
      res.writeHead(200, {
        ...securityHeaders,
        'Content-Type': types[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const rootIndex = args.indexOf('--root');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 4173;
  const root = rootIndex >= 0 ? args[rootIndex + 1] : 'dist';
  // A real CouchDB when named; otherwise the embedded server (loaded only here,
  // so tests that serve the app alone never load PouchDB).
  let syncTarget = process.env.BAKEN_COUCHDB_URL;
  if (!syncTarget) {
    const { startSyncServer } = await import('./sync-server.mjs');
    const sync = await startSyncServer({ dir: process.env.BAKEN_SYNC_DIR });
    syncTarget = sync.url;
    console.log(`Ingebouwde sync-server draait (gegevens in ${sync.dir}).`);
    console.log('Account maken: node scripts/sync-server.mjs account <naam> <wachtwoord>');
  }
  const { url } = await startServer({ root, port, host: 'localhost', syncTarget });
  console.log(`Baken draait op ${url} (Ctrl+C om te stoppen); /sync/ gaat naar de sync-server.`);
}
