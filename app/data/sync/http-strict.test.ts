// The sync client against the CouchDB-like test server where CouchDB 3.5 is strict
// (scripts/couch-like.mjs): what a real server refuses, the client must cope with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { couchClient } from './http';
import { startTestCouch } from './test-server';
import type { TestCouch } from './test-server';

let couch: TestCouch;
let db: string;

beforeAll(async () => {
  couch = await startTestCouch({ maxDocumentSize: 200 });
  db = await couch.createDb();
  await couch.createAccount('anna', 'geheim-anna');
});

afterAll(async () => {
  await couch.close();
});

const doc = (id: string, hash: string, extra: Record<string, unknown>) => ({
  _id: id,
  _rev: `1-${hash}`,
  _revisions: { start: 1, ids: [hash] },
  ...extra,
});

describe('sync client against a strict server', () => {
  it('halves a _bulk_docs refused with 413: the small document is stored, the too large one fails alone', async () => {
    const client = couchClient({ base: `${couch.url}${db}/`, account: 'anna', password: 'geheim-anna' });
    const failures = await client.bulkDocs([
      doc('c1', 'aa', { k: 'vault' }),
      doc('c2', 'bb', { k: 'vault', ct: 'x'.repeat(300) }),
    ]);
    expect(failures).toEqual([{ id: 'c2', error: 'too_large' }]);
    expect((await couch.request('GET', `${db}/c1`)).status).toBe(200);
    expect((await couch.request('GET', `${db}/c2`)).status).toBe(404);
  });

  it('reads leaves as JSON (Accept), and no leaves for a document the server does not have', async () => {
    const client = couchClient({ base: `${couch.url}${db}/`, account: 'anna', password: 'geheim-anna' });
    const leaves = await client.leaves('c1');
    expect(leaves).toEqual([{ ok: expect.objectContaining({ _id: 'c1', _rev: '1-aa', k: 'vault' }) as unknown }]);
    expect(await client.leaves('never-written')).toEqual([]);
    // Every POST the client makes carries its JSON content type (else 415).
    expect(await client.revsDiff({ c1: ['1-aa', '2-cc'] })).toEqual({ c1: { missing: ['2-cc'] } });
    const changes = await client.changes(0, { limit: 1 });
    expect(changes.results).toHaveLength(1);
  });
});
