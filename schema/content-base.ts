// Shared building blocks of the content schemas (schema/content.ts and
// schema/content-guides.ts). Pure: no DOM, no fs, no app/ or sw/ imports.
import { z } from 'zod';

import { bakenChoicePrefix, incidentTypeIds, publicSourcePrefix, seedFilePattern } from './content-ids';

export const text = z.string().trim().min(1);

/** Stable kebab-case identifier; other data (cases, assessments) stores these. */
export const contentIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id moet kebab-case zijn');

/**
 * Where a fact comes from: one or more parts separated by "; ", each a seed
 * file name, "publieke bron: <naam>", or "keuze van Baken: <wat>" for Baken's
 * own rules and defaults (labelled as such, never passed off as sourced).
 */
export const sourceSchema = text.refine(
  (s) =>
    s
      .split('; ')
      .every(
        (part) =>
          seedFilePattern.test(part) ||
          (part.startsWith(publicSourcePrefix) && part.length > publicSourcePrefix.length) ||
          (part.startsWith(bakenChoicePrefix) && part.length > bakenChoicePrefix.length),
      ),
  { message: 'bron moet een seedbestand, "publieke bron: …" of "keuze van Baken: …" zijn (gescheiden door "; ")' },
);

/** When a person last checked an entry against its source ("laatst gecontroleerd"). */
export const lastCheckedSchema = z.iso.date();

/** Calendar version of a content file, e.g. "2026.11.1". */
export const contentVersionSchema = z
  .string()
  .regex(/^\d{4}\.\d{1,2}\.\d+$/, 'contentVersion moet de vorm JJJJ.M.N hebben');

export const regionSchema = z.enum(['vlaanderen', 'nederland', 'beide']);
export type Region = z.infer<typeof regionSchema>;

export { incidentTypeIds };
export const incidentTypeSchema = z.enum(incidentTypeIds);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

/** A text taken from a source; `quote: true` means verbatim (may use source wording). */
export const sourcedTextSchema = z.strictObject({
  text,
  quote: z.boolean().optional(),
  source: sourceSchema,
});
export type SourcedText = z.infer<typeof sourcedTextSchema>;

export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}
