import { describe, expect, it } from 'vitest';

import { SyncError } from '../sync/remote';
import { teamDb } from './share-db';
import { accessAfterFailure } from './share-hooks';

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

  it('"Toegang" calls a role refusal (403) a server setting, not offline, and reads again only after a minute', async () => {
    const options = { db: 'baken-team-x-cases', account: 'anna', password: 'geheim' };
    const failureOf = (db: ReturnType<typeof teamDb>) =>
      db.byPrefix('grant-').then(
        () => undefined,
        (e: unknown) => e,
      );
    const forbidden = await failureOf(
      teamDb({
        ...options,
        fetch: answering(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' }),
      }),
    );
    expect(accessAfterFailure(forbidden)).toEqual({ access: { status: 'forbidden' }, retryMs: 60_000 });
    // The same refusal through the other client (Opvolging's), as the coordination round meets it.
    expect(accessAfterFailure(new SyncError('sync.forbidden', 403)).access).toEqual({ status: 'forbidden' });
    // A lockout is a 403 too, but the account's refusal: never retried.
    const locked = await failureOf(
      teamDb({
        ...options,
        fetch: answering(403, {
          error: 'forbidden',
          reason: 'Account is temporarily locked due to multiple authentication failures',
        }),
      }),
    );
    expect(accessAfterFailure(locked)).toEqual({ access: { status: 'refused', refusal: 'lockout' }, retryMs: null });
    // No connection, or a server down behind the proxy: offline, tried again soon.
    const down = await failureOf(teamDb({ ...options, fetch: () => Promise.reject(new TypeError('fetch failed')) }));
    expect(accessAfterFailure(down)).toEqual({ access: { status: 'offline' }, retryMs: 5_000 });
    const proxy = await failureOf(teamDb({ ...options, fetch: answering(503, {}) }));
    expect(accessAfterFailure(proxy)).toEqual({ access: { status: 'offline' }, retryMs: 5_000 });
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
