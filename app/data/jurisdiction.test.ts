import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { getJurisdiction } from './jurisdiction';
import { updateSettings } from './settings';

describe('getJurisdiction', () => {
  beforeEach(async () => {
    await db.meta.clear();
  });

  it('is the settings default, Vlaanderen, when nothing is stored', async () => {
    expect(await getJurisdiction()).toBe('vlaanderen');
  });

  it('reads the Rechtsgebied saved in Instellingen', async () => {
    await updateSettings({ jurisdiction: 'nederland' });
    expect(await getJurisdiction()).toBe('nederland');
  });

  it('falls back to Vlaanderen when the stored value is not a jurisdiction', async () => {
    await db.meta.put({ key: 'settings', value: { jurisdiction: 'belgie' } });
    expect(await getJurisdiction()).toBe('vlaanderen');
  });
});
