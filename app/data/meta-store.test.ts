// The lock screen's raw meta reads survive the moment after a crash when the
// browser's storage refuses to open ("Internal error opening backing store").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from './db';
import { metaGet } from './meta-store';
import { resetDatabase } from './test-utils';

/** An open request that fails the way Chromium's does while the backing store is still locked. */
function refusedOpen(): IDBOpenDBRequest {
  const request = {
    error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
  } as {
    error: DOMException;
    onerror?: () => void;
  };
  setTimeout(() => request.onerror?.(), 0);
  return request as unknown as IDBOpenDBRequest;
}

describe('raw meta reads', () => {
  beforeEach(async () => {
    await resetDatabase();
    // Deleting the database closes the raw connection hasVault() opened, so the next read opens anew.
    await db.delete();
    await db.open();
    await db.meta.put({ key: 'probe', value: 'bewaard' });
    db.close();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('try again when the storage refuses to open for a moment, and then read the value', async () => {
    const realOpen = indexedDB.open.bind(indexedDB);
    let refusals = 2;
    const open = vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
      if (refusals > 0) {
        refusals--;
        return refusedOpen();
      }
      return realOpen(name, version);
    });
    expect(await metaGet('probe')).toBe('bewaard');
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('never take the database list alone for the answer: a database it leaves out is still read', async () => {
    vi.spyOn(indexedDB, 'databases').mockResolvedValue([]);
    expect(await metaGet('probe')).toBe('bewaard');
  });

  it('create nothing when there is no database', async () => {
    await db.delete();
    expect(await metaGet('probe')).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
  });

  it('give up on other errors at once', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      const request = { error: new DOMException('nope', 'VersionError') } as {
        error: DOMException;
        onerror?: () => void;
      };
      setTimeout(() => request.onerror?.(), 0);
      return request as unknown as IDBOpenDBRequest;
    });
    await expect(metaGet('probe')).rejects.toMatchObject({ name: 'VersionError' });
  });
});
