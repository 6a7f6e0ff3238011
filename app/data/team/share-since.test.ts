// The team cases checkpoint (share-sync.ts) is kept on the device only: a sequence the server cannot
// read (CouchDB 3: 400 "Malformed sequence supplied in 'since' parameter.", e.g. a checkpoint from another
// server under the same database name) makes the pull read the feed from the start, not fail every round.
import { beforeEach, describe, expect, it } from 'vitest';

import { RECORD_READ_FORMAT } from '../../../schema/records';
import { db } from '../db';
import { SyncHttpError } from '../sync/http';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import type { ShareContext } from './share';
import type { TeamDb } from './share-db';
import { pullShared } from './share-sync';

const NAME = 'baken-team-clb-gent-cases';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

/** A team cases database whose feed is empty and which reads only "0" and its own sequence. */
function server(asked: Array<string | number>, status = 400): TeamDb {
  const refuse = () => Promise.reject(new Error('not used'));
  return {
    name: NAME,
    get: refuse,
    put: refuse,
    remove: refuse,
    byPrefix: refuse,
    changes(since) {
      asked.push(since);
      if (since !== 0 && since !== '7-g1AAAAown') return Promise.reject(new SyncHttpError('protocol', status));
      return Promise.resolve({ results: [], last_seq: '7-g1AAAAown' });
    },
  };
}

const contextWith = (teamDb: TeamDb) => ({ server: teamDb }) as unknown as ShareContext;

describe('the team cases checkpoint', () => {
  it('starts from the beginning once when the server refuses the stored sequence (400)', async () => {
    await db.meta.put({
      key: 'teamShareCheckpoint',
      value: { db: NAME, since: '12-g1AAAAfromanotherserver', format: RECORD_READ_FORMAT },
    });
    const asked: Array<string | number> = [];
    await expect(pullShared(contextWith(server(asked)))).resolves.toEqual({ received: 0, refused: 0 });
    expect(asked).toEqual(['12-g1AAAAfromanotherserver', 0]);
    expect((await db.meta.get('teamShareCheckpoint'))?.value).toEqual({
      db: NAME,
      since: '7-g1AAAAown',
      format: RECORD_READ_FORMAT,
    });
    // The next round goes on from the new checkpoint.
    await pullShared(contextWith(server(asked)));
    expect(asked.at(-1)).toBe('7-g1AAAAown');
  });

  it('passes other failures on and keeps the checkpoint', async () => {
    await db.meta.put({
      key: 'teamShareCheckpoint',
      value: { db: NAME, since: '12-g1AAAAfromanotherserver', format: RECORD_READ_FORMAT },
    });
    const asked: Array<string | number> = [];
    await expect(pullShared(contextWith(server(asked, 500)))).rejects.toMatchObject({ kind: 'protocol', status: 500 });
    expect(asked).toEqual(['12-g1AAAAfromanotherserver']);
    expect((await db.meta.get('teamShareCheckpoint'))?.value).toEqual({
      db: NAME,
      since: '12-g1AAAAfromanotherserver',
      format: RECORD_READ_FORMAT,
    });
  });

  it('reads the feed from the start once after an update that reads more record shapes', async () => {
    // Saved by a version before RECORD_READ_FORMAT (no format), which may have refused a newer record.
    await db.meta.put({ key: 'teamShareCheckpoint', value: { db: NAME, since: '7-g1AAAAown' } });
    const asked: Array<string | number> = [];
    await pullShared(contextWith(server(asked)));
    expect(asked).toEqual([0]);
    expect((await db.meta.get('teamShareCheckpoint'))?.value).toEqual({
      db: NAME,
      since: '7-g1AAAAown',
      format: RECORD_READ_FORMAT,
    });
    await pullShared(contextWith(server(asked)));
    expect(asked).toEqual([0, '7-g1AAAAown']);
  });
});
