// Changing the account's password on the server (after removing a lost device).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resetDatabase, TEST_PASSPHRASE } from '../test-utils';
import { createVault } from '../vault';
import { loadSyncConfig, noteRefusedPassword, refusedPassword, saveSyncConfig } from './config';
import { changeAccountPassword, listDevices } from './devices';
import type { SyncConfig } from './config';

const config: SyncConfig = {
  db: 'baken-anna',
  account: 'anna',
  password: 'oud-wachtwoord',
  deviceId: 'device-aaaa1111',
  deviceName: 'Laptop',
};

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A `_users` document whose revision moves on (as CouchDB's password hasher does) `moves` times. */
function fakeUsers(moves: number): Call[] {
  const calls: Call[] = [];
  let rev = 1;
  let left = moves;
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method: init.method ?? 'GET', url, body });
    const json = (status: number, value: unknown) =>
      Promise.resolve(new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } }));
    if (init.method === 'GET') {
      return json(200, { _id: 'org.couchdb.user:anna', _rev: `${rev}-a`, name: 'anna', type: 'user', roles: [] });
    }
    if (left > 0) {
      // The document was rewritten between our read and our write.
      left--;
      rev++;
      return json(409, { error: 'conflict', reason: 'Document update conflict.' });
    }
    return json(201, { ok: true, id: 'org.couchdb.user:anna', rev: `${rev + 1}-b` });
  });
  return calls;
}

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('changeAccountPassword', () => {
  it('reads the user document again after a 409 and writes the new password on the current revision', async () => {
    const calls = fakeUsers(1);
    const updated = await changeAccountPassword(config, 'nieuw-wachtwoord');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT', 'GET', 'PUT']);
    expect(calls.every((c) => c.url === '/sync/_users/org.couchdb.user%3Aanna')).toBe(true);
    expect(calls[3]?.body).toMatchObject({ _rev: '2-a', password: 'nieuw-wachtwoord', name: 'anna' });
    expect(updated.password).toBe('nieuw-wachtwoord');
    expect((await loadSyncConfig())?.password).toBe('nieuw-wachtwoord');
  });

  it('gives up after three conflicts and keeps the stored password', async () => {
    const calls = fakeUsers(5);
    await expect(changeAccountPassword(config, 'nieuw-wachtwoord')).rejects.toMatchObject({ code: 'sync.conflict' });
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(3);
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it("says the server refuses when CouchDB 3's default _users security answers 403, and keeps the stored password", async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      // chttpd_auth_request: a member check on _users, whose default _security admits only _admin.
      const body = { error: 'forbidden', reason: 'You are not allowed to access this db.' };
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 403, headers: { 'Content-Type': 'application/json' } }),
      );
    });
    await expect(changeAccountPassword(config, 'nieuw-wachtwoord')).rejects.toMatchObject({
      code: 'sync.passwordChangeRefused',
      status: 403,
    });
    expect(calls).toEqual(['GET /sync/_users/org.couchdb.user%3Aanna']);
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it('still reports a lockout as a lockout, not as a refused password change', async () => {
    vi.stubGlobal('fetch', () => {
      const body = {
        error: 'forbidden',
        reason: 'Account is temporarily locked due to multiple authentication failures',
      };
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 403, headers: { 'Content-Type': 'application/json' } }),
      );
    });
    await expect(changeAccountPassword(config, 'nieuw-wachtwoord')).rejects.toMatchObject({ code: 'sync.lockedOut' });
  });
});

describe('a password the server refused', () => {
  it('is not sent again until a password the server accepts is saved', async () => {
    await saveSyncConfig(config);
    await noteRefusedPassword(config.password);
    expect(await refusedPassword(config)).toBe(true);
    const calls = fakeUsers(0);
    // The device list and a password change both refuse at once, as the server did, without a request.
    await expect(listDevices(config)).rejects.toMatchObject({ code: 'sync.unauthorized' });
    await expect(changeAccountPassword(config, 'nieuw-wachtwoord')).rejects.toMatchObject({
      code: 'sync.unauthorized',
    });
    expect(calls).toEqual([]);
    // Another password entered (and checked by the caller): the note is gone.
    await saveSyncConfig({ ...config, password: 'nieuw-wachtwoord' });
    expect(await refusedPassword({ password: 'nieuw-wachtwoord' })).toBe(false);
    expect(await refusedPassword(config)).toBe(false);
  });

  it('is only noted while it is still the configured password', async () => {
    await saveSyncConfig({ ...config, password: 'al-een-ander' });
    await noteRefusedPassword(config.password);
    expect(await refusedPassword(config)).toBe(false);
    expect(await refusedPassword({ password: 'al-een-ander' })).toBe(false);
  });
});
