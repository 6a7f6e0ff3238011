// Sync configuration and device list shapes (issue 20). Pure zod, no DOM.
import { z } from 'zod';
import { safeText } from './safe-text';

/** CouchDB database names: a lowercase letter first, then [a-z0-9_-] (a subset of what CouchDB allows). */
export const syncDbNameSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,127}$/);

/** The database name the app proposes for an account: `baken-<account>` in lowercase, only [a-z0-9_-]. */
export function defaultSyncDbName(account: string): string {
  const clean = account
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-');
  return `baken-${clean}`.slice(0, 128);
}

export const syncConfigSchema = z.object({
  db: syncDbNameSchema,
  account: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  deviceName: safeText({ min: 1, max: 80 }),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export const deviceEntrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: safeText({ min: 1, max: 80 }),
  addedAt: z.iso.datetime(),
  /** Set when the worker removed this device; it then stops syncing and forgets its sync settings. */
  removedAt: z.iso.datetime().optional(),
});
export type DeviceEntry = z.infer<typeof deviceEntrySchema>;

export const deviceListSchema = z.object({ devices: z.array(deviceEntrySchema).max(100) });
export type DeviceList = z.infer<typeof deviceListSchema>;

/** The device-local note that this device was removed from the worker's device list (app/data/sync/config.ts). */
export const syncRemovedSchema = z.strictObject({
  removedAt: z.iso.datetime(),
  /** Changed records still waiting to be pushed when the removal was found (never sent); older notes lack it. */
  unsent: z.number().int().nonnegative().optional(),
});
export type SyncRemoval = z.infer<typeof syncRemovedSchema>;

/**
 * The device-local note that the sync server refused this account password (401): the device sends it
 * no more until the worker enters a password again (app/data/sync/config.ts, refusedPassword).
 */
export const syncRefusedSchema = z.strictObject({
  password: z.string().min(1).max(1000),
  at: z.iso.datetime(),
});
