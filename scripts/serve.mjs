// Minimal static server for the production build: security headers, SPA
// navigation fallback, and no caching surprises. Used by `npm start`, the e2e
// tests (which start and stop it) and the bench.
import { createServer } from 'node:http';
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

/**
 * Start serving `root`. Resolves once listening.
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
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
  const { url } = await startServer({ root, port, host: 'localhost' });
  console.log(`Baken draait op ${url} (Ctrl+C om te stoppen)`);
}
