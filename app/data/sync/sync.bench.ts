// Sync bench (issue 20), code only — the lead runs it, never `npm test`:
//   npx vitest bench --run app/data/sync/sync.bench.ts
// In Node over loopback against the embedded server (scripts/sync-server.mjs,
// express-pouchdb, with accounts) in a process of its own, with fake-indexeddb
// standing in for the browser's IndexedDB, so the figures cover the protocol +
// crypto + Dexie work, not a browser's. Both devices share one Node process.
// Each device is its own copy of app/data (bench-devices.ts): its own
// IndexedDB, vault, session and replicator, sharing only the data key, as
// after pairing.
// - First sync of N full cases (BENCH_SYNC_CASES, default 10,000; the scale
//   seed's logbook, ≈ 7.4 records per case): the documents are put on the
//   server as device A's push would build them, then a new device B pulls
//   everything; timed from B's first request to the last batch stored.
//   BENCH_SYNC_FIRST_RUNS times (default 3), each with a fresh device B:
//   median, min and max. The load average is printed at start and end (a
//   loaded machine slows every figure).
// - One note through the live loops (BENCH_SYNC_NOTE_RUNS, default 7): A and B
//   both run `Replicator.run` (A wakes on its pending count, B waits on the
//   long-poll _changes feed); timed from A's saveRecords() call to the note
//   readable through B's getRecord(), observed with a liveQuery as the UI does.
import { loadavg } from 'node:os';

import { liveQuery } from 'dexie';
import { afterAll, beforeAll, bench, describe } from 'vitest';

import { makeCase, makeNote } from '../../../schema/factories';
import { addDays, makeLogbook } from '../../../bench/harness/seed';
import { startBenchServer } from './bench-server';
import type { BenchServer } from './bench-server';
import { couchClient } from './http';
import type { SyncTarget } from './replicator';
import { randomHash } from './revisions';
import { newDevice, pairedDevice } from './bench-devices';
import type { Device } from './bench-devices';

const CASES = Number(process.env['BENCH_SYNC_CASES'] ?? 10_000);
const NOTE_RUNS = Math.max(5, Number(process.env['BENCH_SYNC_NOTE_RUNS'] ?? 7));
const FIRST_RUNS = Math.max(1, Number(process.env['BENCH_SYNC_FIRST_RUNS'] ?? 3));
let server: BenchServer;

beforeAll(async () => {
  server = await startBenchServer();
});

afterAll(async () => {
  await server.close();
});

/** The 1, 5 and 15 minute load averages, e.g. "1.52 1.30 1.10". */
function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return `median ${median.toFixed(0)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}, n=${sorted.length})`;
}

/** Puts a full logbook of `cases` on the server, each document as a push from `device` builds it. */
async function seedServer(device: Device, target: SyncTarget, cases: number): Promise<number> {
  const client = couchClient({
    base: `${server.url}${target.db}/`,
    account: target.account,
    password: target.password,
  });
  const key = device.session.getDataKey();
  if (!key) throw new Error('locked');
  const today = new Date().toISOString().slice(0, 10);
  let count = 0;
  for (const chunk of makeLogbook(cases, today, 500)) {
    const docs = [];
    for (const record of chunk) {
      const payload = record.kind === 'audit' ? { t: 'audit' as const, record } : { t: 'records' as const, record };
      const doc = await device.codec.encodeDoc(key, payload);
      const hash = randomHash();
      docs.push({ ...doc, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } });
    }
    const errors = await client.bulkDocs(docs);
    if (errors.length > 0) throw new Error(`seed failed: ${JSON.stringify(errors[0])}`);
    count += docs.length;
  }
  return count;
}

/** Resolves the time at which `id` is readable on `device` (decrypted and valid), watched like a UI hook. */
function whenReadable(device: Device, id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sub = liveQuery(async () =>
      (await device.db.records.get(id)) ? device.store.getRecord(id) : undefined,
    ).subscribe({
      next: (result) => {
        if (!result) return;
        sub.unsubscribe();
        if (result.ok) resolve(performance.now());
        else reject(new Error('note stored but not readable'));
      },
      error: reject,
    });
  });
}

/** The bench runner hides a failing task's error: print it. */
function logged(fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await fn();
    } catch (e) {
      console.error('sync bench failed:', e);
      throw e;
    }
  };
}

describe('sync', () => {
  bench(
    `first sync of ${CASES} full cases to a new device (median of ${FIRST_RUNS})`,
    logged(async () => {
      console.log(`load average at start (1, 5, 15 min): ${load()}`);
      const a = await newDevice();
      const target = await server.account();
      const seedStart = performance.now();
      const docs = await seedServer(a, target, CASES);
      console.log(`seeded ${docs} documents in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

      const times: number[] = [];
      for (let run = 1; run <= FIRST_RUNS; run++) {
        // Each run a fresh device B: empty database, no checkpoint.
        const b = await pairedDevice(a);
        const progress: Array<{ done: number; total: number }> = [];
        const off = b.status.subscribeSyncStatus(() => {
          const p = b.status.getSyncStatus().progress;
          if (p && p.direction === 'ontvangen' && p.done !== progress.at(-1)?.done)
            progress.push({ done: p.done, total: p.total });
        });
        const start = performance.now();
        const r = new b.replicator.Replicator(target, { base: server.url, live: false });
        await r.loadCheckpoint();
        const seen = await r.pullAll();
        const ms = performance.now() - start;
        off();
        times.push(ms);
        const [records, cases] = await Promise.all([
          b.db.records.count(),
          b.db.records.where('kind').equals('case').count(),
        ]);
        const sample = await b.db.records.limit(50).primaryKeys();
        const readable = (await Promise.all(sample.map((id) => b.store.getRecord(String(id))))).filter(
          (x) => x?.ok,
        ).length;
        if (records !== docs || readable !== sample.length)
          throw new Error(`first sync incomplete: ${records}/${docs}`);
        const last = progress.at(-1);
        console.log(
          `first sync run ${run}: ${seen} changes, ${records} records (${cases} cases) in ${(ms / 1000).toFixed(1)} s; ` +
            `${progress.length} progress updates, last ${last?.done}/${last?.total}; ${readable}/${sample.length} sampled readable on B`,
        );
        await b.close();
      }
      console.log(`first sync of ${CASES} cases: ${summary(times)}; load average at end: ${load()}`);
      await a.close();
    }),
    { iterations: 1, warmupIterations: 0, warmupTime: 0, time: 0 },
  );

  bench(
    'one note from save on A to readable on B, both running the live loop',
    logged(async () => {
      const target = await server.account();
      const a = await newDevice();
      const b = await pairedDevice(a);
      const stop = new AbortController();
      const kase = makeCase({ knownOn: addDays(new Date().toISOString().slice(0, 10), -3) });
      await a.store.saveRecords([kase]);
      const caseOnB = whenReadable(b, kase.id);
      const loops = [a, b].map((d) => new d.replicator.Replicator(target, { base: server.url }).run(stop.signal));
      await caseOnB;
      const latencies: number[] = [];
      const saves: number[] = [];
      for (let i = 0; i < NOTE_RUNS; i++) {
        // Let both loops settle into their waits (A's echo round of its own push ends first).
        await new Promise((resolve) => setTimeout(resolve, 500));
        const note = makeNote({ caseId: kase.id, text: `Bench-notitie ${i + 1}` });
        const readable = whenReadable(b, note.id);
        const saveStart = performance.now();
        await a.store.saveRecords([note]);
        saves.push(performance.now() - saveStart);
        latencies.push((await readable) - saveStart);
      }
      stop.abort();
      await Promise.all(loops);
      console.log(`one note, save on A → readable on B: ${summary(latencies)}; A's save alone ${summary(saves)}`);
      await Promise.all([a.close(), b.close()]);
    }),
    { iterations: 1, warmupIterations: 0, warmupTime: 0, time: 0 },
  );
});
