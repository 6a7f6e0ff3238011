// Sync bench (issue 20), code only — the lead runs it, never `npm test`:
//   npx vitest bench --run app/data/sync/sync.bench.ts
// In Node over loopback against the embedded express-pouchdb server, with
// fake-indexeddb standing in for the browser's IndexedDB (so the figures are
// an upper bound for the protocol + crypto + Dexie work, not a browser figure).
// - First sync of N cases (BENCH_SYNC_CASES, default 10,000) to an empty device:
//   the documents are put on the server first, then one pull is timed.
// - One note, device A → device B, both online: A's save + push, then B's pull
//   (one process holds one Dexie database, so "B" is the same database after the
//   note's local row is dropped; the two timed halves are added).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, bench, describe } from 'vitest';

import { makeCase, makeNote } from '../../../schema/factories';
import { db } from '../db';
import { getDataKey } from '../session';
import { saveRecords } from '../store';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { encodeDoc } from './codec';
import { Replicator } from './replicator';
import { startTestCouch } from './test-server';
import type { TestCouch } from './test-server';

const CASES = Number(process.env['BENCH_SYNC_CASES'] ?? 10_000);
let couch: TestCouch;

beforeAll(async () => {
  couch = await startTestCouch();
});

afterAll(async () => {
  await couch.close();
});

async function freshDevice(dbName: string): Promise<Replicator> {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  const r = new Replicator({ db: dbName, account: 'bench', password: 'bench' }, { base: couch.url, live: false });
  await r.loadCheckpoint();
  return r;
}

describe('sync', () => {
  let dbName = '';
  bench(
    `first sync of ${CASES} cases to a new device`,
    async () => {
      // A new device with the same data key (as after pairing): empty tables, no checkpoint.
      await Promise.all([db.records.clear(), db.audit.clear(), db.sync.clear(), db.meta.delete('syncCheckpoint')]);
      const start = performance.now();
      const r = new Replicator({ db: dbName, account: 'bench', password: 'bench' }, { base: couch.url, live: false });
      await r.loadCheckpoint();
      await r.pullAll();
      const count = await db.records.count();
      console.log(`first sync: ${count} records in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    },
    {
      iterations: 1,
      warmupIterations: 0,
      time: 0,
      setup: async () => {
        dbName = await couch.createDb();
        await resetDatabase();
        await createVault(TEST_PASSPHRASE, { recoveryCode: false });
        const key = getDataKey();
        if (!key) throw new Error('locked');
        for (let i = 0; i < CASES; i += 500) {
          const docs = [];
          for (let j = i; j < Math.min(CASES, i + 500); j++) {
            const doc = await encodeDoc(key, { t: 'records', record: makeCase({ description: `Bench ${j}` }) });
            docs.push({ ...doc, _rev: '1-0a', _revisions: { start: 1, ids: ['0a'] } });
          }
          await couch.request('POST', `${dbName}/_bulk_docs`, { docs, new_edits: false });
        }
      },
    },
  );

  bench(
    'one note from save on A to stored on B',
    async () => {
      const name = await couch.createDb();
      const a = await freshDevice(name);
      const kase = makeCase();
      await saveRecords([kase]);
      await a.syncOnce();
      const note = makeNote({ caseId: kase.id });
      const t0 = performance.now();
      await saveRecords([note]);
      await a.pushAll();
      const pushed = performance.now() - t0;
      // Device B: the note's row is not here yet.
      await db.records.delete(note.id);
      await db.sync.delete(note.id);
      const t1 = performance.now();
      await a.pullAll();
      const pulled = performance.now() - t1;
      if (!(await db.records.get(note.id))) throw new Error('note not pulled');
      console.log(`one note: save+push ${pushed.toFixed(0)} ms + pull ${pulled.toFixed(0)} ms`);
    },
    { iterations: 5, warmupIterations: 0, time: 0 },
  );
});
