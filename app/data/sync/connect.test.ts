// "Dit toestel verbinden" with a database another logbook already uses: refused
// before anything is saved or sent. The server is a small in-memory fake of
// the few requests connecting makes. Also: what a removed device publishes
// when it finds its removal (checkDeviceStatus).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resetDatabase, TEST_PASSPHRASE } from '../test-utils';
import { createVault } from '../vault';
import { loadSyncConfig, syncRemoval, type SyncConfig } from './config';
import { makeCase, makeNote } from '../../../schema/factories';
import { makeAuditEvent, saveRecords } from '../store';
import {
  checkDeviceStatus,
  connectDevice,
  DEVICES_DOC_ID,
  disconnectThisDevice,
  listDevices,
  removeDevice,
} from './devices';
import { countPending } from './local';
import { getSyncStatus, publishSyncStatus } from './status';

vi.mock('./runtime', () => ({
  startReplication: vi.fn(() => Promise.resolve()),
  stopReplication: vi.fn(() => Promise.resolve()),
}));

const config = (deviceId: string): SyncConfig => ({
  db: 'baken-anna',
  account: 'anna',
  password: 'een lang wachtwoord',
  deviceId,
  deviceName: 'Laptop',
});

/** The database's documents, and every request as "METHOD path". */
function fakeServer(options: { failPut?: boolean } = {}): { docs: Map<string, unknown>; calls: string[] } {
  const docs = new Map<string, unknown>();
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const id = decodeURIComponent(url.replace(/^\/sync\/baken-anna\/?/, ''));
    calls.push(`${method} ${id}`);
    const json = (status: number, value: unknown) =>
      Promise.resolve(new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } }));
    if (method === 'GET' && id === '') return json(200, { db_name: 'baken-anna' });
    if (method === 'GET') return docs.has(id) ? json(200, docs.get(id)) : json(404, { error: 'not_found' });
    if (options.failPut) return json(500, { error: 'unknown' });
    const doc = JSON.parse(String(init.body)) as Record<string, unknown>;
    docs.set(id, { ...doc, _rev: `${docs.size + 1}-a` });
    return json(201, { ok: true, id, rev: `${docs.size}-a` });
  });
  return { docs, calls };
}

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('connectDevice', () => {
  it('lists the device, then saves the settings', async () => {
    fakeServer();
    await connectDevice(config('device-aaaa1111'));
    expect((await listDevices(config('device-aaaa1111'))).map((d) => d.id)).toEqual(['device-aaaa1111']);
    expect((await loadSyncConfig())?.deviceId).toBe('device-aaaa1111');
  });

  it('refuses a database whose device list another logbook sealed, and saves and sends nothing', async () => {
    const server = fakeServer();
    await connectDevice(config('device-aaaa1111'));
    const listOfA = server.docs.get(DEVICES_DOC_ID);
    // A separate logbook on another device: its own passphrase, so its own data key.
    await resetDatabase();
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    server.calls.length = 0;

    await expect(connectDevice(config('device-dddd4444'))).rejects.toMatchObject({ code: 'sync.otherLogbook' });
    expect(server.calls).toEqual(['GET ', `GET ${DEVICES_DOC_ID}`]);
    expect(server.docs.get(DEVICES_DOC_ID)).toEqual(listOfA);
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it('saves nothing when adding the device to the list fails', async () => {
    fakeServer({ failPut: true });
    await expect(connectDevice(config('device-aaaa1111'))).rejects.toMatchObject({ code: 'sync.failed' });
    expect(await loadSyncConfig()).toBeUndefined();
  });
});

describe('checkDeviceStatus on a removed device', () => {
  it('publishes the removal with the changes that were waiting to be sent when it was found, and keeps the count', async () => {
    fakeServer();
    await connectDevice(config('device-bbbb2222'));
    // Written while offline: never sent. Two records and their audit event, which is not counted.
    const kase = makeCase();
    await saveRecords([kase, makeNote({ caseId: kase.id }), makeAuditEvent({ action: 'note.added', caseId: kase.id })]);
    expect(await countPending()).toBeGreaterThanOrEqual(3);
    await removeDevice(config('device-aaaa1111'), 'device-bbbb2222');

    expect(await checkDeviceStatus(config('device-bbbb2222'))).toBe('removed');
    expect(getSyncStatus()).toMatchObject({ removed: true, removedUnsent: 2 });
    // Kept with the removal (sealed), so Instellingen still says it after a reload.
    expect(await syncRemoval()).toMatchObject({ unsent: 2 });
    publishSyncStatus({}, ['removed', 'removedUnsent']);
  });
});

describe('disconnectThisDevice', () => {
  it('marks its own entry removed, so the other devices no longer list it as active, and forgets the settings', async () => {
    fakeServer();
    await connectDevice(config('device-aaaa1111'));
    await connectDevice(config('device-bbbb2222'));

    expect(await disconnectThisDevice(config('device-bbbb2222'))).toEqual({ unlisted: true });
    const devices = await listDevices(config('device-aaaa1111'));
    expect(devices.find((d) => d.id === 'device-bbbb2222')?.removedAt).toEqual(expect.any(String));
    expect(devices.find((d) => d.id === 'device-aaaa1111')?.removedAt).toBeUndefined();
    expect(await loadSyncConfig()).toBeUndefined();
  });

  it('still stops and forgets the settings when the server cannot take it off the list', async () => {
    const server = fakeServer();
    await connectDevice(config('device-aaaa1111'));
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

    expect(await disconnectThisDevice(config('device-aaaa1111'))).toEqual({ unlisted: false });
    expect(await loadSyncConfig()).toBeUndefined();
    // The list on the server is as it was: this device still shows there until removed elsewhere.
    expect(server.docs.has(DEVICES_DOC_ID)).toBe(true);
  });
});
