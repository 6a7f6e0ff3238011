// Minimal static server for the production build: security headers, SPA
// navigation fallback, and no caching surprises. Used by `npm start`, the e2e
// tests (which start and stop it) and the bench.
// It also proxies same-origin `/sync/<rest>` to `<CouchDB root>/<rest>`, so the
// app's CSP keeps `connect-src 'self'` (see proxySync below).
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
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
 * Headers of every `/sync/` answer. Opened directly in a tab, an answer (a stored document is the
 * client's JSON) runs nothing, loads nothing and is never sniffed into HTML: a sandboxed, empty origin.
 */
const syncResponseHeaders = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
/**
 * How long the upstream may stay silent before the request is given up (504). Above the app's longest
 * wait: its `_changes` long-polls ask CouchDB for `timeout=25000` (replicator.ts, waitForWork).
 */
const upstreamTimeoutMs = 120_000;

/** The client's address for `X-Forwarded-For` (an IPv4 address without Node's `::ffff:` prefix). */
function clientAddress(/** @type {import('node:http').IncomingMessage} */ req) {
  const address = req.socket.remoteAddress ?? '';
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * Streams one `/sync/…` request to the CouchDB root `target` (method, query,
 * body, Authorization and Content-Type) and streams the answer back.
 * `X-Forwarded-For` is the client's address, set here (an incoming one is never passed on): CouchDB on
 * loopback reads it as the client (mochiweb's `peer`), so its account lockout counts per device, not
 * for every device behind this proxy at once.
 * An upstream that cannot be reached answers 502, one that stays silent 504, both with a small JSON
 * body; an upstream answer that breaks off mid-body breaks off the client's answer too (never a hang).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string | undefined} target
 * @param {number} timeoutMs
 */
function proxySync(req, res, target, timeoutMs) {
  const fail = (/** @type {number} */ status, /** @type {string} */ error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({ error, reason: error });
    res.writeHead(status, { ...syncResponseHeaders, 'Content-Type': 'application/json' }).end(body);
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
  const forwardedFor = clientAddress(req);
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
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
    const back = { ...syncResponseHeaders };
    for (const name of forwardedResponseHeaders) {
      const value = answer.headers[name];
      if (value !== undefined) back[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, back);
    // An upstream answer that fails mid-body ends the client's answer with an error too.
    pipeline(answer, res, (err) => {
      if (err) res.destroy(err);
    });
  });
  let timedOut = false;
  outgoing.setTimeout(timeoutMs, () => {
    timedOut = true;
    outgoing.destroy(new Error('sync server timed out'));
  });
  outgoing.on('error', () => (timedOut ? fail(504, 'sync_server_timeout') : fail(502, 'sync_server_unreachable')));
  // A closed tab ends a long-poll: end the upstream request too.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

/**
 * Start serving `root`. Resolves once listening.
 * @param {{ root?: string, port?: number, host?: string, syncTarget?: string, syncTimeoutMs?: number }} [options]
 *   syncTarget: the CouchDB root that `/sync/` proxies to (none: `/sync/` answers 503).
 *   syncTimeoutMs: how long the sync server may stay silent (default 120 s; tests shorten it).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    if ((req.url ?? '').startsWith(syncPrefix)) {
      proxySync(req, res, options.syncTarget, options.syncTimeoutMs ?? upstreamTimeoutMs);
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
