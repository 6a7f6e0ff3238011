// Bench helper (sync.bench.ts only, never the app): the embedded sync server
// (scripts/sync-server.mjs, as `npm start` runs it: require_valid_user, one
// account and database per worker) in a child process of its own, on
// 127.0.0.1 and a free port. A server is another machine: its work must not
// share the devices' event loop, as the in-process test server would.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAccountVia } from '../../../scripts/sync-server.mjs';
import { basicAuth } from './http';
import type { SyncTarget } from './replicator';

export interface BenchServer {
  /** The CouchDB root with a trailing slash (the replicator's `base`). */
  url: string;
  /** A new worker account with its own database; resolves what a device connects with. */
  account(): Promise<SyncTarget>;
  close(): Promise<void>;
}

const START = `
const { startSyncServer } = await import(process.argv[1]);
const server = await startSyncServer({ dir: process.argv[2], port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url: server.url, admin: server.admin }));
`;

let accounts = 0;

export async function startBenchServer(): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'baken-sync-bench-'));
  const script = new URL('../../../scripts/sync-server.mjs', import.meta.url).href;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', START, script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = await new Promise<{ url: string; admin: { name: string; password: string } }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; admin: { name: string; password: string } });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const auth = basicAuth(started.admin.name, started.admin.password);
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(started.url + path, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  };
  return {
    url: `${started.url}/`,
    async account() {
      const name = `bench${++accounts}`;
      const password = `bench-${name}-wachtwoord`;
      const { db } = await createAccountVia(call, name, password);
      return { db, account: name, password };
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
