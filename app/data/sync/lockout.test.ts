import { afterEach, describe, expect, it, vi } from 'vitest';

import { syncStatus } from '../../i18n/nl/sync-status';
import { sync } from '../../i18n/nl/sync';
import { isLockoutBody } from './lockout';
import { SyncError, couchRequest } from './remote';

// CouchDB 3.4+ (couch_httpd_auth.erl): the body of every request during an account lockout.
const LOCKOUT = { error: 'forbidden', reason: 'Account is temporarily locked due to multiple authentication failures' };

afterEach(() => {
  vi.unstubAllGlobals();
});

function answering(status: number, body: unknown): void {
  vi.stubGlobal('fetch', () =>
    Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
  );
}

describe("CouchDB's account lockout", () => {
  it('is recognised by its reason, not by the status alone', () => {
    expect(isLockoutBody(LOCKOUT)).toBe(true);
    expect(isLockoutBody({ error: 'forbidden', reason: 'You are not allowed to access this db.' })).toBe(false);
    expect(isLockoutBody({ error: 'unauthorized', reason: LOCKOUT.reason })).toBe(false);
    expect(isLockoutBody(null)).toBe(false);
    expect(isLockoutBody([LOCKOUT])).toBe(false);
  });

  it("gives the settings' requests a code of their own, and keeps 403 for a database without access", async () => {
    const creds = { db: 'baken-anna', account: 'anna', password: 'wachtwoord' };
    answering(403, LOCKOUT);
    await expect(couchRequest(creds, 'GET', '')).rejects.toEqual(new SyncError('sync.lockedOut', 403));
    answering(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
    await expect(couchRequest(creds, 'GET', '')).rejects.toEqual(new SyncError('sync.forbidden', 403));
    answering(403, 'not json');
    await expect(couchRequest(creds, 'GET', '')).rejects.toEqual(new SyncError('sync.forbidden', 403));
  });

  it('has calm Dutch texts that say to wait and then check the password', () => {
    for (const text of [syncStatus.errors.lockedOut, sync.errors['sync.lockedOut']]) {
      expect(text).toMatch(/geblokkeerd/);
      expect(text).toMatch(/[Ww]acht enkele minuten/);
      expect(text).toMatch(/wachtwoord/);
    }
    // It is not the text for a wrong password or a database without access.
    expect(syncStatus.errors.lockedOut).not.toBe(syncStatus.errors.auth);
    expect(sync.errors['sync.lockedOut']).not.toBe(sync.errors['sync.forbidden']);
  });
});
