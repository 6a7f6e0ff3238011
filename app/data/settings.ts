// Device settings live in the `meta` table as plain JSON under "settings":
// they hold no case content and some are needed before unlock (SECURITY.md).
import { useLiveQuery } from 'dexie-react-hooks';
import {
  caseJurisdiction,
  defaultSettings,
  restoreSettings,
  settingsSchema,
  withJurisdiction,
  type Jurisdiction,
  type Settings,
} from '../../schema/settings';
import { db } from './db';
import { toStorageError } from './errors';
import { useVaultQuery } from './use-vault-query';
import { RECOVERY_UNCONFIRMED } from './vault';

const SETTINGS = 'settings';

/**
 * The settings last read or written in this page. A screen that mounts later
 * starts from them instead of the defaults, so it never shows a default for a
 * moment (device settings only, no case content: SECURITY.md).
 */
let lastKnown: Settings | undefined;

/** Reads the settings; defaults where nothing (valid) is stored. Offline: works. */
export async function getSettings(): Promise<Settings> {
  const row = await db.meta.get(SETTINGS);
  const settings = restoreSettings(row?.value);
  lastKnown = settings;
  return settings;
}

/**
 * Changes some settings. Validates the merged result before writing; on a
 * validation or storage error nothing changes and the error is thrown.
 * `atSetup`: the logbook was just made and holds no case, so a new Rechtsgebied
 * replaces the default without remembering it (a case restored later from a
 * backup made elsewhere must not be judged under a default never chosen here).
 */
export async function updateSettings(patch: Partial<Settings>, options: { atSetup?: boolean } = {}): Promise<Settings> {
  try {
    const written = await db.transaction('rw', db.meta, async () => {
      const current = restoreSettings((await db.meta.get(SETTINGS))?.value);
      // A new Rechtsgebied: the one it replaces is remembered for the cases made under it (caseJurisdiction).
      const earlier =
        patch.jurisdiction === undefined || options.atSetup === true
          ? {}
          : {
              jurisdictionUntil: withJurisdiction(current, patch.jurisdiction, new Date().toISOString())
                .jurisdictionUntil,
            };
      const next = settingsSchema.parse({ ...current, ...patch, ...earlier });
      await db.meta.put({ key: SETTINGS, value: next });
      return next;
    });
    lastKnown = written;
    return written;
  } catch (error) {
    if (error instanceof Error && error.name === 'ZodError') throw error;
    throw toStorageError(error);
  }
}

/**
 * Live settings, or undefined until this page first read them. For a screen
 * that shows the settings themselves: it waits rather than show a default.
 */
export function useStoredSettings(): Settings | undefined {
  return useLiveQuery(getSettings, [], lastKnown);
}

/** Live settings for components; the defaults until this page first read them. */
export function useSettings(): Settings {
  return useStoredSettings() ?? defaultSettings;
}

/** The Rechtsgebied a case is handled under (its own, else the setting when it was made), live. */
export function useCaseJurisdiction(kase: Parameters<typeof caseJurisdiction>[0]): Jurisdiction {
  return caseJurisdiction(kase, useSettings());
}

/** Whether a recovery code was made but its storing not yet confirmed (vault.ts). Offline: works. */
export async function isRecoveryCodeUnconfirmed(): Promise<boolean> {
  return (await db.meta.get(RECOVERY_UNCONFIRMED))?.value === true;
}

/** Live: the reminder flag; undefined while loading or locked. */
export function useRecoveryCodeUnconfirmed(): boolean | undefined {
  return useVaultQuery(isRecoveryCodeUnconfirmed, []);
}
