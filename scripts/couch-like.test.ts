// The test servers answer like CouchDB 3 where the client must not rely on
// PouchDB-server behaviour: opaque sequences, long-poll timeout, _bulk_get errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCouch } from '../app/data/sync/test-server';
import type { TestCouch } from '../app/data/sync/test-server';

let couch: TestCouch;
let db: string;
const OPAQUE = /^\d+-g1AAAA[A-Za-z0-9_-]+$/;

beforeAll(async () => {
  couch = await startTestCouch();
  db = await couch.createDb();
  await couch.request('PUT', `${db}/a`, { n: 1 });
  await couch.request('PUT', `${db}/b`, { n: 2 });
});

afterAll(async () => {
  await couch.close();
});

describe('CouchDB-like test server', () => {
  it('gives opaque, unordered sequence strings and accepts them back, but no bare numbers', async () => {
    const info = (await couch.request('GET', db)).json as { update_seq: unknown };
    expect(info.update_seq).toMatch(OPAQUE);
    const all = (await couch.request('GET', `${db}/_changes?style=all_docs&since=0`)).json as {
      results: Array<{ id: string; seq: string }>;
      last_seq: string;
    };
    expect(all.last_seq).toMatch(OPAQUE);
    expect(all.last_seq).toBe(info.update_seq);
    for (const r of all.results) expect(r.seq).toMatch(OPAQUE);
    const first = all.results[0]?.seq ?? '';
    const after = (await couch.request('GET', `${db}/_changes?since=${encodeURIComponent(first)}`)).json as {
      results: Array<{ id: string }>;
    };
    expect(after.results.map((r) => r.id)).toEqual(['b']);
    expect((await couch.request('GET', `${db}/_changes?since=1`)).status).toBe(400);
    expect((await couch.request('GET', `${db}/_changes?since=${encodeURIComponent(`${first}x`)}`)).status).toBe(400);
  });

  it('ends a long-poll with no results after its timeout', async () => {
    const info = (await couch.request('GET', db)).json as { update_seq: string };
    const started = Date.now();
    const r = await couch.request(
      'GET',
      `${db}/_changes?feed=longpoll&timeout=300&since=${encodeURIComponent(info.update_seq)}`,
    );
    expect(r).toEqual({ status: 200, json: { results: [], last_seq: info.update_seq } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("answers a missing revision in _bulk_get with CouchDB's error entry", async () => {
    const r = await couch.request('POST', `${db}/_bulk_get?revs=true&latest=true`, {
      docs: [{ id: 'a', rev: '9-nope' }],
    });
    expect(r.json).toEqual({
      results: [{ id: 'a', docs: [{ error: { id: 'a', rev: '9-nope', error: 'not_found', reason: 'missing' } }] }],
    });
  });
});
