import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../schema/settings';
import { db } from './db';
import { getSettings, updateSettings } from './settings';

describe('settings', () => {
  beforeEach(async () => {
    await db.meta.clear();
  });

  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(defaultSettings);
    expect(defaultSettings.autoLockMinutes).toBe(5);
    expect(defaultSettings.hiddenGraceSeconds).toBe(60);
  });

  it('keeps earlier changes when another setting changes', async () => {
    await updateSettings({ jurisdiction: 'nederland' });
    await updateSettings({ autoLockMinutes: 2 });
    expect(await getSettings()).toMatchObject({ jurisdiction: 'nederland', autoLockMinutes: 2 });
  });

  it('refuses an invalid value and leaves the stored settings unchanged', async () => {
    await updateSettings({ autoLockMinutes: 10 });
    await expect(updateSettings({ autoLockMinutes: 0 })).rejects.toThrow();
    expect((await getSettings()).autoLockMinutes).toBe(10);
  });

  it('falls back to the defaults when the stored value is unreadable', async () => {
    await db.meta.put({ key: 'settings', value: { autoLockMinutes: 'veel' } });
    expect(await getSettings()).toEqual(defaultSettings);
  });
});
