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
});
