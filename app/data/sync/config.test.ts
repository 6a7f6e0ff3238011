import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { setDataKey } from '../session';
import { generateDataKey } from '../crypto';
import {
  clearSyncConfig,
  syncRemoval,
  defaultSyncDbName,
  loadSyncConfig,
  newDeviceId,
  saveSyncConfig,
  type SyncConfig,
} from './config';

const config: SyncConfig = {
  db: 'baken-anna',
  account: 'anna',
  password: 'geheim-wachtwoord-MARKER',
  deviceId: newDeviceId(),
  deviceName: 'Laptop kantoor',
};

describe('sync configuration in the vault', () => {
  beforeEach(async () => {
    await db.meta.clear();
    setDataKey(await generateDataKey());
  });

  it('round-trips, and is stored encrypted (no password or account in the meta row)', async () => {
    expect(await loadSyncConfig()).toBeUndefined();
    await saveSyncConfig(config);
    expect(await loadSyncConfig()).toEqual(config);
    const row = await db.meta.get('syncConfig');
    const stored = JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
    expect(stored).not.toContain('MARKER');
    expect(stored).not.toContain('baken-anna');
  });

  it('cannot be read with another key, and clear forgets it', async () => {
    await saveSyncConfig(config);
    setDataKey(await generateDataKey());
    expect(await loadSyncConfig()).toBeUndefined();
    await clearSyncConfig();
    expect(await db.meta.get('syncConfig')).toBeUndefined();
  });

  it('keeps, sealed, that this device was removed, until it is connected again', async () => {
    await saveSyncConfig(config);
    expect(await syncRemoval()).toBeUndefined();
    await clearSyncConfig({ removedAt: '2026-12-04T22:58:00.913Z', unsent: 3 });
    expect(await loadSyncConfig()).toBeUndefined();
    expect(await syncRemoval()).toEqual({ removedAt: '2026-12-04T22:58:00.913Z', unsent: 3 });
    const row = await db.meta.get('syncRemoved');
    expect(JSON.stringify(row)).not.toContain('2026-12-04');
    // Another key (another vault) reads nothing; connecting again drops the note.
    const key = await generateDataKey();
    setDataKey(key);
    expect(await syncRemoval()).toBeUndefined();
    await saveSyncConfig(config);
    expect(await db.meta.get('syncRemoved')).toBeUndefined();
  });

  it('refuses invalid configurations and proposes a safe database name', async () => {
    await expect(saveSyncConfig({ ...config, db: 'Baken Anna' })).rejects.toThrow();
    expect(defaultSyncDbName('Anna.Peeters@CLB')).toBe('baken-anna-peeters-clb');
    expect(newDeviceId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
