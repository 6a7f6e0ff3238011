// Device settings. None of them is case content; see SECURITY.md for why they
// are kept outside the encrypted records.
import { z } from 'zod';

export const jurisdictionSchema = z.enum(['vlaanderen', 'nederland']);
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const autoLockMinuteOptions = [1, 2, 5, 10, 15, 30] as const;
export const hiddenGraceSecondOptions = [0, 30, 60, 120, 300] as const;

export const settingsSchema = z.object({
  /** Which consent rules the logbook shows. */
  jurisdiction: jurisdictionSchema.default('vlaanderen'),
  /** Idle time before auto-lock. */
  autoLockMinutes: z.number().int().min(1).max(30).default(5),
  /** How long the app may be hidden before it locks. */
  hiddenGraceSeconds: z.number().int().min(0).max(300).default(60),
  /** Show the overdue follow-up count on the app icon. */
  appBadge: z.boolean().default(true),
  /** Default retention after closing a case, in months. */
  retentionMonths: z.number().int().min(1).max(120).default(24),
  /** Remind to back up after this many days without a backup. */
  backupReminderDays: z.number().int().min(1).max(365).default(14),
  /** When the last backup was made (ISO timestamp). */
  lastBackupAt: z.string().datetime().optional(),
  /**
   * Case-page sections folded away on this device (issue 16): section ids
   * only, the same for every case, never case data. Unreadable → none folded.
   */
  collapsedCaseSections: z
    .array(z.string().regex(/^[a-z0-9-]{1,40}$/))
    .max(40)
    .default([])
    .catch([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** Parses stored settings; anything unreadable falls back to the defaults. */
export function restoreSettings(value: unknown): Settings {
  const parsed = settingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : defaultSettings;
}
