// The test servers answer like CouchDB 3 where the client must not rely on
// PouchDB-server behaviour: opaque sequences, long-poll timeout, _bulk_get errors,
// JSON content type, seq_interval, Accept (JSON or multipart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestCouch } from '../app/data/sync/test-server';
import { documentBodySize } from './couch-like.mjs';
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

  it('refuses a JSON POST without Content-Type application/json with 415, as chttpd:validate_ctype does', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${couch.url}${db}/${path}`, { method: 'POST', headers, body: JSON.stringify({ a: ['1-x'] }) });
    for (const path of ['_revs_diff', '_bulk_docs', '_bulk_get', '_purge', '_all_docs', '_changes', '']) {
      const bare = await post(path, { Accept: 'application/json' });
      expect(bare.status).toBe(415);
      expect(await bare.json()).toEqual({ error: 'bad_content_type', reason: 'Content-Type must be application/json' });
      expect((await post(path, { 'Content-Type': 'text/plain' })).status).toBe(415);
    }
    const ok = await post('_revs_diff', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ a: { missing: ['1-x'] } });
  });

  it('checks seq_interval and then leaves row seqs null except where the limit left is a multiple of it', async () => {
    expect((await couch.request('GET', `${db}/_changes?seq_interval=0`)).status).toBe(400);
    expect((await couch.request('GET', `${db}/_changes?seq_interval=x`)).status).toBe(400);
    const r = (await couch.request('GET', `${db}/_changes?since=0&limit=2&seq_interval=2`)).json as {
      results: Array<{ seq: unknown }>;
      last_seq: string;
    };
    expect(r.results).toHaveLength(2);
    expect(r.results[0]?.seq).toMatch(OPAQUE);
    expect(r.results[1]?.seq).toBeNull();
    expect(r.last_seq).toMatch(OPAQUE);
  });

  it('answers open_revs and _bulk_get as multipart/mixed unless the client asks for JSON', async () => {
    const open = (accept?: string) =>
      fetch(`${couch.url}${db}/a?open_revs=all&revs=true`, accept === undefined ? {} : { headers: { Accept: accept } });
    for (const accept of [undefined, '*/*', 'application/json, */*']) {
      const r = await open(accept);
      expect(r.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary="/);
      expect(await r.text()).toContain('"_id":"a"');
    }
    const asJson = await open('application/json');
    expect(asJson.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await asJson.json()) as Array<{ ok: { _id: string } }>)[0]?.ok._id).toBe('a');
    const bulk = (accept: string) =>
      fetch(`${couch.url}${db}/_bulk_get?revs=true`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: accept },
        body: JSON.stringify({ docs: [{ id: 'a' }] }),
      });
    expect((await bulk('multipart/mixed')).headers.get('content-type')).toMatch(/^multipart\/mixed/);
    // _bulk_get stays JSON whenever JSON is acceptable at all.
    expect((await bulk('application/json, */*')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses a document body over max_document_size with 413 document_too_large, a whole _bulk_docs too', async () => {
    const small = await startTestCouch({ maxDocumentSize: 200 });
    try {
      const sdb = await small.createDb();
      const big = { k: 'vault', ct: 'x'.repeat(300) };
      expect(await small.request('PUT', `${sdb}/big`, big)).toEqual({
        status: 413,
        json: { error: 'document_too_large', reason: 'big' },
      });
      const bulk = await small.request('POST', `${sdb}/_bulk_docs`, {
        docs: [{ _id: 'ok', k: 'vault' }, { _id: 'big2', _rev: '1-ab', _revisions: { start: 1, ids: ['ab'] }, ...big }],
        new_edits: false,
      });
      expect(bulk).toEqual({ status: 413, json: { error: 'document_too_large', reason: 'big2' } });
      expect((await small.request('GET', `${sdb}/ok`)).status).toBe(404); // nothing of the request was stored
      // The special members (_id, _rev, _revisions) do not count; at the limit the write goes through.
      const fits = { _id: 'fits', ct: 'y'.repeat(200 - documentBodySize({ ct: '' })) };
      expect(documentBodySize(fits)).toBe(200);
      expect((await small.request('POST', `${sdb}/_bulk_docs`, { docs: [fits] })).status).toBe(201);
      expect((await small.request('PUT', `${sdb}/_local/cp`, { ...big })).status).toBe(413);
      expect((await small.request('PUT', `${sdb}/_local/cp`, { a: 1 })).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('answers open_revs=all for a document without revisions with 404 not_found', async () => {
    expect(await couch.request('GET', `${db}/nope?open_revs=all&revs=true`)).toEqual({
      status: 404,
      json: { error: 'not_found', reason: 'missing' },
    });
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
