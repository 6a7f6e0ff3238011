import { describe, expect, it } from 'vitest';

import { SyncHttpError, couchClient } from './http';

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
    expect(call?.url).toBe('/sync/baken-anna/_changes?style=all_docs&since=3-g1AAAA&limit=100');
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

  it('falls back to GET open_revs when _bulk_get is missing (404)', async () => {
    const { calls, client } = fake((call) =>
      call.url.includes('_bulk_get')
        ? { status: 404, body: { error: 'not_found' } }
        : { status: 200, body: [{ ok: { _id: 'a', _rev: '1-x', k: 'vault' } }] },
    );
    const result = await client.bulkGet([{ id: 'a', rev: '1-x' }]);
    expect(result).toEqual([{ id: 'a', docs: [{ ok: { _id: 'a', _rev: '1-x', k: 'vault' } }] }]);
    expect(calls[1]?.url).toBe(
      `/sync/x/a?revs=true&open_revs=${encodeURIComponent('["1-x"]')}`.replace('/x/', '/baken-anna/'),
    );
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
});
