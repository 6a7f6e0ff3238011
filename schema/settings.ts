// Device settings. None of them is case content; see SECURITY.md for why they
// are kept outside the encrypted records.
import { z } from 'zod';

export const jurisdictionSchema = z.enum(['vlaanderen', 'nederland']);
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const autoLockMinuteOptions = [1, 2, 5, 10, 15, 30] as const;
export const hiddenGraceSecondOptions = [0, 30, 60, 120, 300] as const;

/** An earlier Rechtsgebied of this device and when it stopped applying (ISO timestamp). */
export const earlierJurisdictionSchema = z.strictObject({ jurisdiction: jurisdictionSchema, until: z.iso.datetime() });

export const settingsSchema = z.object({
  /** The Rechtsgebied a new case gets (each case keeps its own: caseJurisdiction). */
  jurisdiction: jurisdictionSchema.default('vlaanderen'),
  /**
   * The device's earlier Rechtsgebied values, oldest first. A case made before cases carried their own
   * follows the one in force when it was made, so changing the setting never re-judges it.
   * Unreadable → none (such a case then follows the setting, as it did before).
   */
  jurisdictionUntil: z.array(earlierJurisdictionSchema).max(100).default([]).catch([]),
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

/**
 * The Rechtsgebied whose law a case is handled under: its own (every case made since session 22 has
 * one), else the device's setting in force when it was made.
 */
export function caseJurisdiction(
  kase: { jurisdiction?: Jurisdiction | undefined; createdAt: string },
  settings: Pick<Settings, 'jurisdiction' | 'jurisdictionUntil'>,
): Jurisdiction {
  if (kase.jurisdiction !== undefined) return kase.jurisdiction;
  const made = Date.parse(kase.createdAt);
  return (
    settings.jurisdictionUntil.find((earlier) => made < Date.parse(earlier.until))?.jurisdiction ??
    settings.jurisdiction
  );
}

/** The settings after choosing `next` as the Rechtsgebied: the one it replaces is remembered. */
export function withJurisdiction(settings: Settings, next: Jurisdiction, now: string): Settings {
  if (next === settings.jurisdiction) return settings;
  const earlier = [...settings.jurisdictionUntil, { jurisdiction: settings.jurisdiction, until: now }];
  return { ...settings, jurisdiction: next, jurisdictionUntil: earlier.slice(-100) };
}

/** Parses stored settings; anything unreadable falls back to the defaults. */
export function restoreSettings(value: unknown): Settings {
  const parsed = settingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : defaultSettings;
}
