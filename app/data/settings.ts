// Device settings live in the `meta` table as plain JSON under "settings":
// they hold no case content and some are needed before unlock (SECURITY.md).
import { useLiveQuery } from 'dexie-react-hooks';
import { restoreSettings, settingsSchema, defaultSettings, type Settings } from '../../schema/settings';
import { db } from './db';
import { toStorageError } from './errors';
import { useVaultQuery } from './use-vault-query';
import { RECOVERY_UNCONFIRMED } from './vault';

const SETTINGS = 'settings';

/** Reads the settings; defaults where nothing (valid) is stored. Offline: works. */
export async function getSettings(): Promise<Settings> {
  const row = await db.meta.get(SETTINGS);
  return restoreSettings(row?.value);
}

/**
 * Changes some settings. Validates the merged result before writing; on a
 * validation or storage error nothing changes and the error is thrown.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  try {
    return await db.transaction('rw', db.meta, async () => {
      const current = restoreSettings((await db.meta.get(SETTINGS))?.value);
      const next = settingsSchema.parse({ ...current, ...patch });
      await db.meta.put({ key: SETTINGS, value: next });
      return next;
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ZodError') throw error;
    throw toStorageError(error);
  }
}

/** Live settings for components; the defaults until the first read resolves. */
export function useSettings(): Settings {
  return useLiveQuery(getSettings, [], defaultSettings);
}

/** Whether a recovery code was made but its storing not yet confirmed (vault.ts). Offline: works. */
export async function isRecoveryCodeUnconfirmed(): Promise<boolean> {
  return (await db.meta.get(RECOVERY_UNCONFIRMED))?.value === true;
}

/** Live: the reminder flag; undefined while loading or locked. */
export function useRecoveryCodeUnconfirmed(): boolean | undefined {
  return useVaultQuery(isRecoveryCodeUnconfirmed, []);
}
