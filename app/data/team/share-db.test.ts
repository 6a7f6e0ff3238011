import { describe, expect, it } from 'vitest';

import { teamDb } from './share-db';

function answering(status: number, body: unknown): typeof fetch {
  return () => Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('team database client', () => {
  it("tells CouchDB's account lockout apart from an ordinary 403", async () => {
    const options = { db: 'baken-team-x-cases', account: 'anna', password: 'oud' };
    const locked = teamDb({
      ...options,
      fetch: answering(403, {
        error: 'forbidden',
        reason: 'Account is temporarily locked due to multiple authentication failures',
      }),
    });
    await expect(locked.get('doc')).rejects.toMatchObject({ kind: 'lockedOut' });
    const forbidden = teamDb({
      ...options,
      fetch: answering(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' }),
    });
    await expect(forbidden.get('doc')).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('fails a _changes page with a live row whose document was not read, and reads a complete page', async () => {
    const options = { db: 'baken-team-x-cases', account: 'anna', password: 'geheim' };
    const doc = { _id: 'a', _rev: '1-x', k: 'case' };
    const complete = teamDb({
      ...options,
      fetch: answering(200, {
        results: [
          { id: 'a', seq: '1-g', changes: [{ rev: '1-x' }], doc },
          {
            id: 'b',
            seq: '2-g',
            changes: [{ rev: '2-y' }],
            deleted: true,
            doc: { _id: 'b', _rev: '2-y', _deleted: true },
          },
        ],
        last_seq: '2-g',
      }),
    });
    const page = await complete.changes(0, 100);
    expect(page.last_seq).toBe('2-g');
    expect(page.results.map((r) => r.id)).toEqual(['a', 'b']);
    const partial = teamDb({
      ...options,
      fetch: answering(200, { results: [{ id: 'a', seq: '1-g', changes: [{ rev: '1-x' }] }], last_seq: '1-g' }),
    });
    await expect(partial.changes(0, 100)).rejects.toMatchObject({ kind: 'server' });
    const noSeq = teamDb({ ...options, fetch: answering(200, { results: [] }) });
    await expect(noSeq.changes(0, 100)).rejects.toMatchObject({ kind: 'protocol' });
  });
});
