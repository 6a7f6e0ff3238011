import { beforeEach, describe, expect, it } from 'vitest';
import { caseJurisdiction, defaultSettings } from '../../schema/settings';
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

  it('remembers the Rechtsgebied a change replaces, so a case made before keeps its law', async () => {
    await updateSettings({ jurisdiction: 'vlaanderen' });
    expect((await getSettings()).jurisdictionUntil).toEqual([]);
    const madeBefore = new Date(Date.now() - 1000).toISOString();
    await updateSettings({ jurisdiction: 'nederland' });
    const settings = await getSettings();
    expect(settings.jurisdictionUntil).toEqual([{ jurisdiction: 'vlaanderen', until: expect.any(String) }]);
    // A case without a Rechtsgebied of its own (made before cases had one) follows the one of its day.
    expect(caseJurisdiction({ createdAt: madeBefore }, settings)).toBe('vlaanderen');
    expect(caseJurisdiction({ createdAt: new Date(Date.now() + 1000).toISOString() }, settings)).toBe('nederland');
    // A case's own always wins.
    expect(caseJurisdiction({ createdAt: madeBefore, jurisdiction: 'nederland' }, settings)).toBe('nederland');
    // Choosing the same again remembers nothing new.
    await updateSettings({ jurisdiction: 'nederland' });
    expect((await getSettings()).jurisdictionUntil).toHaveLength(1);
  });

  it('remembers no earlier Rechtsgebied for the one chosen at setup', async () => {
    await updateSettings({ jurisdiction: 'nederland' }, { atSetup: true });
    const settings = await getSettings();
    expect(settings).toMatchObject({ jurisdiction: 'nederland', jurisdictionUntil: [] });
    // A case restored later without a Rechtsgebied of its own follows the one chosen, not a default.
    expect(caseJurisdiction({ createdAt: '2020-01-01T00:00:00.000Z' }, settings)).toBe('nederland');
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
