// Robustness suite, issue 20: the sync server is killed (SIGKILL) in the middle
// of a push, then a tab is closed in the middle of the resumed push; and the same
// during a pull on the other device. Two devices (disk-backed profiles); the embedded
// server runs as its own process on a fixed port and directory, so it can be killed and
// restarted with its data. Afterwards: nothing lost, nothing duplicated (one live revision
// per document, no conflicts), both devices hold the same records, the pull resumed from
// its checkpoint, and the status line said so in Dutch and then recovered.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { deriveBackupKeys, sealBackupText } from '../../app/data/backup';
import { newKdfParams } from '../../app/data/crypto';
import type { StoredRecord } from '../../schema/records';
import { startServer } from '../../scripts/serve.mjs';
import { createAccountVia, rawDocsVia } from '../../scripts/sync-server.mjs';
import type { SyncServerCall } from '../../scripts/sync-server.mjs';
import { distDir } from '../fixtures';
import { LockPage, testPassphrase } from '../pages/lock-page';
import { SettingsPage } from '../pages/settings-page';
import { SyncPage } from '../pages/sync-page';
import { backupPayload, caseWithParts, figure, launchProfile, openRawStore, readRawStore } from './robust-support';

const CASES = 30;
// The pull test needs more than one pull batch (1,000 documents since session 6): 2 × 65 cases × 10 records.
const PULL_CASES = 65;
const TRANSFER = 'overdracht voor de sync-kill-test';
const SYNC_WAIT = { timeout: 90_000 };

/** Starts `node scripts/sync-server.mjs` and resolves its URL once it listens. */
async function startServerProcess(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/sync-server.mjs', '--dir', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /op (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sync server exited (${String(code)})`)));
  });
  return { child, url };
}

async function killServerProcess(child: ChildProcess): Promise<void> {
  // A process ended by a signal keeps exitCode null: signalCode says it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

function statusLine(page: Page) {
  return page.getByRole('status', { name: 'Synchronisatie' });
}

async function idsOf(page: Page): Promise<{ records: Set<string>; audit: Set<string> }> {
  const store = await openRawStore(await readRawStore(page), testPassphrase);
  expect(store.damaged).toEqual([]);
  return {
    records: new Set(store.records.flatMap((r) => (r.ok && r.record.kind !== 'draft' ? [r.record.id] : []))),
    audit: new Set(store.audit.flatMap((r) => (r.ok ? [r.record.id] : []))),
  };
}

/** Waits until the device's store holds every one of `wanted`. */
async function holdsAll(page: Page, wanted: readonly string[]): Promise<void> {
  await expect
    .poll(async () => {
      const held = await idsOf(page);
      return wanted.filter((id) => !held.records.has(id)).length;
    }, SYNC_WAIT)
    .toBe(0);
}

/** Two paired devices (A connected, B joined with a code) on a killable server process; `done` cleans up. */
async function pairedDevices() {
  const root = await mkdtemp(join(tmpdir(), 'baken-robust-sync-'));
  const syncDir = join(root, 'server');
  const server = await startServerProcess(syncDir, 0);
  const port = Number(new URL(server.url).port);
  const admin = JSON.parse(await readFile(join(syncDir, 'admin.json'), 'utf8')) as { name: string; password: string };
  const call: SyncServerCall = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const app = await startServer({ root: distDir, syncTarget: server.url });
  const account = 'robuust';
  const password = 'robuust-wachtwoord-1234';
  const { db } = await createAccountVia(call, account, password);
  const contextA = await launchProfile(join(root, 'a'), app.url);
  const contextB = await launchProfile(join(root, 'b'), app.url);
  const setup = { root, syncDir, server, port, call, app, db, contextA, contextB };
  const done = async () => {
    await contextA.close().catch(() => undefined);
    await contextB.close().catch(() => undefined);
    await app.close();
    await killServerProcess(setup.server.child);
    await rm(root, { recursive: true, force: true });
  };
  try {
    // Device A connects, device B joins with a pairing code.
    const pageA = contextA.pages()[0] ?? (await contextA.newPage());
    await pageA.goto('/');
    await new LockPage(pageA).createVault();
    const settingsA = new SettingsPage(pageA);
    await settingsA.open();
    const syncA = new SyncPage(pageA);
    await syncA.connect({ account, password, deviceName: 'Laptop' });
    await expect(syncA.connectedText(account)).toBeVisible();
    const code = await syncA.makePairingCode(testPassphrase);
    const pageB = contextB.pages()[0] ?? (await contextB.newPage());
    await pageB.goto('/');
    await new SyncPage(pageB).join({ account, password, code, passphrase: testPassphrase, deviceName: 'Telefoon' });
    await expect(pageB.getByRole('button', { name: 'Vergrendelen' })).toBeVisible(SYNC_WAIT);
    // The same object done() reads, so a restarted server (s.server = …) is the one it stops.
    return Object.assign(setup, { pageA, pageB, settingsA, done });
  } catch (e) {
    await done();
    throw e;
  }
}

/** A imports `count` cases (ten records each) from a handover file; returns the records. */
async function handover(settingsA: SettingsPage, from: number, name: string, count = CASES): Promise<StoredRecord[]> {
  const keys = await deriveBackupKeys(TRANSFER, newKdfParams());
  const batch: StoredRecord[] = [];
  for (let c = from; c < from + count; c++)
    batch.push(...caseWithParts(`2025-${String(c + 1).padStart(4, '0')}`, `sync-kill-${c}`));
  const bytes = Buffer.from(await sealBackupText(backupPayload(batch), keys));
  await settingsA.importBackup(
    { name, mimeType: 'application/octet-stream', buffer: bytes },
    TRANSFER,
    'Samenvoegen met dit logboek',
  );
  await expect(settingsA.importStatus()).toContainText('Samengevoegd', SYNC_WAIT);
  return batch;
}

/** The server: one live revision per document, no conflicting branches, nothing deleted among `wanted`. */
async function expectOneRevisionEach(call: SyncServerCall, db: string, wanted: readonly string[]): Promise<number> {
  const docs = (await rawDocsVia(call, db)) as unknown as Array<{ _id: string; _deleted?: boolean }>;
  const live = docs.filter((d) => !d._deleted);
  const perId = new Map<string, number>();
  for (const d of live) perId.set(d._id, (perId.get(d._id) ?? 0) + 1);
  const duplicated = [...perId.entries()].filter(([, n]) => n > 1);
  expect(duplicated).toEqual([]);
  for (const id of wanted) expect(perId.get(id)).toBe(1);
  expect(docs.filter((d) => d._deleted && wanted.includes(d._id))).toEqual([]);
  return live.length;
}

test('a push survives the server dying and the tab closing: nothing lost or duplicated, both devices converge', async () => {
  test.setTimeout(10 * 60_000);
  const s = await pairedDevices();
  const { contextA, pageB, settingsA, call, db, port, syncDir } = s;
  let { pageA } = s;
  try {
    // Every push to the server is held for a moment, so a kill lands in the middle of one.
    await contextA.route('**/sync/**/_bulk_docs', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue().catch(() => undefined);
    });
    const records: StoredRecord[] = [];

    // A takes in many records at once (a handover file); the server is killed during the push.
    const firstPush = pageA.waitForRequest('**/sync/**/_bulk_docs', SYNC_WAIT);
    records.push(...(await handover(settingsA, 0, 'overdracht-1.baken')));
    await firstPush;
    await killServerProcess(s.server.child);
    await expect(statusLine(pageA)).toContainText(
      /Geen verbinding met de sync-server|De sync-server gaf een fout/,
      SYNC_WAIT,
    );
    // More work while the server is down: it waits, marked in IndexedDB.
    records.push(...(await handover(settingsA, CASES, 'overdracht-2.baken')));
    await expect(statusLine(pageA)).toContainText(/wijzigingen wachten/, SYNC_WAIT);

    // The server comes back with its data on the same port; A's tab closes in the middle of its push.
    const resumed = pageA.waitForRequest('**/sync/**/_bulk_docs', SYNC_WAIT);
    s.server = await startServerProcess(syncDir, port);
    await resumed;
    await pageA.close();
    await contextA.unrouteAll({ behavior: 'ignoreErrors' });

    // A comes back: unlock, and replication resumes by itself.
    pageA = await contextA.newPage();
    await pageA.goto('/');
    await new LockPage(pageA).unlock();
    await new SettingsPage(pageA).open();
    await expect(statusLine(pageA)).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);
    await expect(statusLine(pageA)).not.toContainText(/wacht/, SYNC_WAIT);

    // B converges on every record A has.
    const wanted = records.map((r) => r.id);
    await holdsAll(pageB, wanted);
    await new SettingsPage(pageB).open();
    await expect(statusLine(pageB)).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);
    const a = await idsOf(pageA);
    const b = await idsOf(pageB);
    expect([...a.records].sort()).toEqual([...b.records].sort());
    for (const id of wanted) expect(a.records.has(id)).toBe(true);

    // The server: one live revision per document, no conflicting branches, nothing deleted.
    const live = await expectOneRevisionEach(call, db, wanted);
    figure(
      `sync kill: ${wanted.length} records pushed through a server kill and a closed tab; server documents=${live}, ` +
        `records on A=${a.records.size}, on B=${b.records.size}, audit events on A=${a.audit.size}, on B=${b.audit.size}`,
    );
  } finally {
    await s.done();
  }
});

test('a pull survives the server dying and the tab closing: nothing lost or duplicated, it resumes from its checkpoint', async () => {
  test.setTimeout(15 * 60_000);
  const s = await pairedDevices();
  const { contextB, pageA, settingsA, call, db, port, syncDir } = s;
  try {
    // B's tab is closed while A takes in many records and pushes them all. First B finishes joining:
    // the vault opens before the join has saved the sync settings, so a tab closed at that moment
    // would leave B with no sync at all (a separate race, reported; not what this test is about).
    await new SettingsPage(s.pageB).open();
    await expect(statusLine(s.pageB)).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);
    await s.pageB.close();
    const records = [
      ...(await handover(settingsA, 0, 'overdracht-1.baken', PULL_CASES)),
      ...(await handover(settingsA, PULL_CASES, 'overdracht-2.baken', PULL_CASES)),
    ];
    await expect(statusLine(pageA)).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);
    await expect(statusLine(pageA)).not.toContainText(/wacht/, SYNC_WAIT);
    const wanted = records.map((r) => r.id);
    await expectOneRevisionEach(call, db, wanted);
    const a = await idsOf(pageA);
    for (const id of wanted) expect(a.records.has(id)).toBe(true);

    // Every fetch of documents by B is held for a moment, so a kill lands in the middle of a pull.
    const bulkGet = /\/sync\/[^?]*\/_bulk_get(\?|$)/;
    await contextB.route(bulkGet, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue().catch(() => undefined);
    });
    let pageB = await contextB.newPage();
    // Unlocking (the key derivation) and the first batch can take minutes on a loaded machine.
    const firstPull = pageB.waitForRequest(bulkGet, { timeout: 5 * 60_000 });
    await pageB.goto('/');
    await new LockPage(pageB).unlock();
    await firstPull;
    await killServerProcess(s.server.child);
    await new SettingsPage(pageB).open();
    await expect(statusLine(pageB)).toContainText(
      /Geen verbinding met de sync-server|De sync-server gaf een fout/,
      SYNC_WAIT,
    );

    // The server comes back; once B has finished (and checkpointed) a batch, its tab closes in the middle of the next.
    let fetches = 0;
    const secondFetch = new Promise<void>((resolve) => {
      pageB.on('request', (request) => {
        if (bulkGet.test(request.url()) && ++fetches === 2) resolve();
      });
    });
    s.server = await startServerProcess(syncDir, port);
    await secondFetch;
    await pageB.close();
    const partial = await contextB.newPage();
    await partial.goto('/'); // locked: nothing syncs; only to read the origin's IndexedDB
    const midway = (await idsOf(partial)).records;
    await partial.close();
    const missing = wanted.filter((id) => !midway.has(id)).length;
    expect(missing).toBeGreaterThan(0); // the kill did land in the middle of the pull
    expect(missing).toBeLessThan(wanted.length);
    await contextB.unrouteAll({ behavior: 'ignoreErrors' });

    // B comes back: unlock, and the pull resumes from its checkpoint (not from "0").
    pageB = await contextB.newPage();
    const sinces: string[] = [];
    pageB.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/_changes') && !url.searchParams.has('feed')) sinces.push(url.searchParams.get('since') ?? '');
    });
    await pageB.goto('/');
    await new LockPage(pageB).unlock();
    await new SettingsPage(pageB).open();
    await holdsAll(pageB, wanted);
    await expect(statusLine(pageB)).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);
    await expect(statusLine(pageB)).not.toContainText(/wacht/, SYNC_WAIT);
    expect(sinces.length).toBeGreaterThan(0);
    expect(sinces[0]).not.toBe('0');

    // The same records as the source, each once; B wrote nothing back (no new revisions, no conflicts).
    const b = await idsOf(pageB);
    const source = await idsOf(pageA);
    expect([...b.records].sort()).toEqual([...source.records].sort());
    expect(b.records.size).toBe(source.records.size);
    const live = await expectOneRevisionEach(call, db, wanted);
    figure(
      `sync kill (pull): ${wanted.length} records pulled through a server kill and a closed tab; ${String(missing)} were ` +
        `still missing when the tab closed; resumed from since=${sinces[0] ?? ''}; server documents=${live}, ` +
        `records on A=${source.records.size}, on B=${b.records.size}, audit events on A=${source.audit.size}, on B=${b.audit.size}`,
    );
  } finally {
    await s.done();
  }
});
