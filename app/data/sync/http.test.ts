import { describe, expect, it } from 'vitest';

import { SyncHttpError, couchClient, statusError } from './http';

type Call = { url: string; method: string; headers: Record<string, string>; body?: unknown };

function fake(handler: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
    };
    calls.push(call);
    const { status, body } = handler(call);
    return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status }));
  };
  return {
    calls,
    client: couchClient({ base: '/sync/baken-anna/', account: 'anna', password: 'wachtwoörd', fetch: fetchImpl }),
  };
}

describe('CouchDB protocol client', () => {
  it('sends HTTP Basic (UTF-8) and asks for all leaf revisions from a checkpoint', async () => {
    const { calls, client } = fake(() => ({ status: 200, body: { results: [], last_seq: '5-g1AAAA', pending: 0 } }));
    const r = await client.changes('3-g1AAAA', { limit: 100 });
    expect(r.last_seq).toBe('5-g1AAAA');
    const [call] = calls;
    expect(call?.url).toBe('/sync/baken-anna/_changes?style=all_docs&since=3-g1AAAA&limit=100&seq_interval=100');
    const decoded = new TextDecoder().decode(
      Uint8Array.from(atob((call?.headers['Authorization'] ?? '').slice(6)), (c) => c.charCodeAt(0)),
    );
    expect(decoded).toBe('anna:wachtwoörd');
  });

  it('turns 401 and 403 into their own errors, and a failed fetch into a network error', async () => {
    await expect(
      fake(() => ({ status: 401, body: { error: 'unauthorized' } })).client.revsDiff({ a: ['1-x'] }),
    ).rejects.toMatchObject({ kind: 'auth' });
    await expect(
      fake(() => ({ status: 403, body: { error: 'forbidden' } })).client.revsDiff({ a: ['1-x'] }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const offline = couchClient({
      base: '/sync/x/',
      account: 'a',
      password: 'b',
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    await expect(offline.bulkDocs([{ _id: 'a' }])).rejects.toEqual(new SyncHttpError('network'));
  });

  it("tells CouchDB's account lockout (403 with its reason) apart from a 403 for the database", async () => {
    const lockout = {
      error: 'forbidden',
      reason: 'Account is temporarily locked due to multiple authentication failures',
    };
    await expect(fake(() => ({ status: 403, body: lockout })).client.changes(0, { limit: 10 })).rejects.toMatchObject({
      kind: 'lockedOut',
      status: 403,
    });
    await expect(
      fake(() => ({
        status: 403,
        body: { error: 'forbidden', reason: 'You are not allowed to access this db.' },
      })).client.changes(0, { limit: 10 }),
    ).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
    // A 403 whose body is not JSON (a proxy's page) stays "forbidden".
    const html: typeof fetch = () => Promise.resolve(new Response('<h1>403</h1>', { status: 403 }));
    await expect(
      couchClient({ base: '/sync/x/', account: 'a', password: 'b', fetch: html }).revsDiff({ a: ['1-x'] }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('falls back to GET open_revs when _bulk_get is missing (404)', async () => {
    const { calls, client } = fake((call) =>
      call.url.includes('_bulk_get')
        ? { status: 404, body: { error: 'not_found' } }
        : { status: 200, body: [{ ok: { _id: 'a', _rev: '1-x', k: 'vault' } }] },
    );
    const result = await client.bulkGet([{ id: 'a', rev: '1-x' }]);
    expect(result).toEqual([{ id: 'a', docs: [{ ok: { _id: 'a', _rev: '1-x', k: 'vault' } }] }]);
    expect(calls[1]?.url).toBe(
      `/sync/x/a?revs=true&open_revs=${encodeURIComponent('["1-x"]')}&latest=true`.replace('/x/', '/baken-anna/'),
    );
  });

  it('reads the 404 CouchDB gives open_revs=all for a document without revisions (purged) as no leaves', async () => {
    const { calls, client } = fake(() => ({ status: 404, body: { error: 'not_found', reason: 'missing' } }));
    expect(await client.leaves('a')).toEqual([]);
    expect(calls[0]?.url).toBe('/sync/baken-anna/a?revs=true&open_revs=all');
    // Without "Accept: application/json" CouchDB answers open_revs as multipart/mixed.
    expect(calls[0]?.headers['Accept']).toBe('application/json');
    // For named revisions a 404 is not "no leaves": the fallback must not hide a vanished database.
    await expect(
      fake((call) => (call.url.includes('_bulk_get') ? { status: 404 } : { status: 404, body: {} })).client.bulkGet([
        { id: 'a', rev: '1-x' },
      ]),
    ).rejects.toMatchObject({ kind: 'protocol', status: 404 });
  });

  it('posts existing revisions with new_edits:false and reports only failures', async () => {
    const { calls, client } = fake(() => ({ status: 201, body: [] }));
    expect(await client.bulkDocs([{ _id: 'a', _rev: '1-x' }])).toEqual([]);
    expect(calls[0]?.body).toEqual({ docs: [{ _id: 'a', _rev: '1-x' }], new_edits: false });
  });

  it('retries a _local checkpoint write once on 409 with the current revision', async () => {
    let puts = 0;
    const { calls, client } = fake((call) => {
      if (call.method === 'GET') return { status: 200, body: { _id: '_local/r', _rev: `0-${puts + 1}` } };
      puts++;
      return puts === 1 ? { status: 409, body: { error: 'conflict' } } : { status: 201, body: { ok: true } };
    });
    await client.putLocal('r', { source_last_seq: 3 });
    const bodies = calls.filter((c) => c.method === 'PUT').map((c) => c.body);
    expect(bodies).toEqual([
      { source_last_seq: 3, _rev: '0-1' },
      { source_last_seq: 3, _rev: '0-2' },
    ]);
  });

  it('treats sequences as opaque strings: sent back verbatim (URL-encoded), null row seqs accepted', async () => {
    const opaque = '12-g1AAAAFTeJzLYWBg4MhgTmEQTM4vTc5ISXLIyU9OzMnILy7JAUoxJTIkyf___z8rkQGPoiQFIBlkTyIDM6rSHADkCDaG+/=';
    const { calls, client } = fake(() => ({
      status: 200,
      body: { results: [{ id: 'a', seq: null, changes: [{ rev: '1-x' }] }], last_seq: opaque, pending: 0 },
    }));
    const r = await client.changes(opaque, { limit: 10 });
    expect(r).toEqual({ results: [{ id: 'a', seq: null, changes: [{ rev: '1-x' }] }], last_seq: opaque, pending: 0 });
    expect(new URL(calls[0]?.url ?? '', 'http://x').searchParams.get('since')).toBe(opaque);
    expect(calls[0]?.url).toContain(`since=${encodeURIComponent(opaque).replace(/%20/g, '+')}`);
    // An answer without a usable last_seq is a protocol error, not a checkpoint.
    await expect(
      fake(() => ({ status: 200, body: { results: [], last_seq: { n: 1 } } })).client.changes('0', { limit: 1 }),
    ).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('long-polls with a timeout and accepts an answer with no results', async () => {
    const { calls, client } = fake(() => ({ status: 200, body: { results: [], last_seq: '7-g1AAAAzz' } }));
    const r = await client.changes('7-g1AAAAzz', { limit: 1, longpoll: true, timeoutMs: 1000 });
    expect(r).toEqual({ results: [], last_seq: '7-g1AAAAzz' });
    const params = new URL(calls[0]?.url ?? '', 'http://x').searchParams;
    expect(params.get('feed')).toBe('longpoll');
    expect(params.get('timeout')).toBe('1000');
    expect(params.get('style')).toBe('all_docs');
  });

  it('asks _bulk_get for revision history and the latest leaf, and keeps CouchDB error entries apart', async () => {
    const error = { error: { id: 'b', rev: '1-y', error: 'not_found', reason: 'missing' } };
    const { calls, client } = fake(() => ({
      status: 200,
      body: {
        results: [
          { id: 'a', docs: [{ ok: { _id: 'a', _rev: '2-x' } }] },
          { id: 'b', docs: [error] },
        ],
      },
    }));
    const result = await client.bulkGet([
      { id: 'a', rev: '1-x' },
      { id: 'b', rev: '1-y' },
    ]);
    expect(calls[0]?.url).toBe('/sync/baken-anna/_bulk_get?revs=true&latest=true');
    expect(calls[0]?.body).toEqual({
      docs: [
        { id: 'a', rev: '1-x' },
        { id: 'b', rev: '1-y' },
      ],
    });
    expect(calls[0]?.headers['Content-Type']).toBe('application/json');
    expect(result[1]?.docs).toEqual([error]);
  });

  it('fails a _bulk_get batch with a revision the server could not read (not "not found"), so no checkpoint moves past it', async () => {
    const fabric = { error: { id: 'b', rev: '1-y', error: 'internal_fabric_error', reason: 'timeout' } };
    const { client } = fake(() => ({
      status: 200,
      body: {
        results: [
          { id: 'a', docs: [{ ok: { _id: 'a', _rev: '1-x' } }] },
          { id: 'b', docs: [fabric] },
        ],
      },
    }));
    await expect(
      client.bulkGet([
        { id: 'a', rev: '1-x' },
        { id: 'b', rev: '1-y' },
      ]),
    ).rejects.toMatchObject({ kind: 'server' });
    // An entry that is neither a document, a missing revision nor an error is not CouchDB's answer.
    const odd = fake(() => ({ status: 200, body: { results: [{ id: 'a', docs: [{ what: 1 }] }] } }));
    await expect(odd.client.bulkGet([{ id: 'a', rev: '1-x' }])).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('reports per-document _bulk_docs failures (forbidden) and halves a request the server finds too large', async () => {
    const sizes: number[] = [];
    const { client } = fake((call) => {
      const docs = (call.body as { docs: Array<{ _id: string }> }).docs;
      sizes.push(docs.length);
      if (docs.length > 2) return { status: 413, body: { error: 'too_large' } };
      if (docs.some((d) => d._id === 'huge')) {
        return docs.length > 1 ? { status: 413 } : { status: 413, body: { error: 'document_too_large' } };
      }
      return {
        status: 201,
        body: docs
          .filter((d) => d._id === 'nope')
          .map((d) => ({ id: d._id, rev: '1-x', error: 'forbidden', reason: 'no' })),
      };
    });
    const ids = ['a', 'b', 'nope', 'huge', 'c'];
    const errors = await client.bulkDocs(ids.map((id) => ({ _id: id, _rev: '1-x' })));
    expect(errors).toEqual([
      { id: 'nope', rev: '1-x', error: 'forbidden', reason: 'no' },
      { id: 'huge', error: 'too_large' },
    ]);
    expect(sizes[0]).toBe(5);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(3);
  });

  it('purges with a JSON body of id → revisions, and reads 401, 403, 404 and 501 as "not allowed here"', async () => {
    for (const [status, expected] of [
      [201, 'purged'],
      [401, 'refused'],
      [403, 'refused'],
      [404, 'refused'],
      [501, 'refused'],
    ] as const) {
      const { calls, client } = fake(() => ({ status, body: status === 201 ? { purge_seq: null, purged: {} } : {} }));
      expect(await client.purge({ a: ['2-x'] })).toBe(expected);
      expect(calls[0]?.url).toBe('/sync/baken-anna/_purge');
      expect(calls[0]?.body).toEqual({ a: ['2-x'] });
      expect(calls[0]?.headers['Content-Type']).toBe('application/json');
    }
    // A server error is still an error (the round retries); only a refusal is "not allowed here".
    await expect(fake(() => ({ status: 500 })).client.purge({ a: ['2-x'] })).rejects.toMatchObject({ kind: 'server' });
  });

  it('purges at most 100 document ids per request (CouchDB 3.5.0 refuses more by default)', async () => {
    const { calls, client } = fake(() => ({ status: 201, body: { purge_seq: null, purged: {} } }));
    const revs = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`id-${i}`, [`2-${i}`]]));
    expect(await client.purge(revs)).toBe('purged');
    const sizes = calls.map((c) => Object.keys(c.body as object).length);
    expect(sizes).toEqual([100, 100, 50]);
    const sent = Object.assign({}, ...calls.map((c) => c.body as object)) as Record<string, string[]>;
    expect(sent).toEqual(revs);
  });

  it('takes a lockout 403 on _purge as a lockout, not as "may not purge"', async () => {
    const lockout = {
      status: 403,
      body: { error: 'forbidden', reason: 'Account is temporarily locked due to multiple authentication failures' },
    };
    await expect(fake(() => lockout).client.purge({ a: ['2-x'] })).rejects.toMatchObject({ kind: 'lockedOut' });
    await expect(fake(() => lockout).client.canPurge()).rejects.toMatchObject({ kind: 'lockedOut' });
    // The 403 of an account that may not purge still reads as "not allowed here".
    const forbidden = { status: 403, body: { error: 'forbidden', reason: 'You are not a server admin.' } };
    expect(await fake(() => forbidden).client.purge({ a: ['2-x'] })).toBe('refused');
    expect(await fake(() => forbidden).client.canPurge()).toBe(false);
  });
});

describe('statusError', () => {
  it('calls a proxy that cannot reach CouchDB (502, 503, 504) no connection, and any other 5xx a server error', () => {
    for (const status of [502, 503, 504]) expect(statusError(status)).toMatchObject({ kind: 'network', status });
    expect(statusError(500)).toMatchObject({ kind: 'server', status: 500 });
    expect(statusError(401)?.kind).toBe('auth');
    expect(statusError(404)).toBeUndefined();
  });
});
