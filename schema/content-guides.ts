// Schemas for the reading content around a case: the Belgian legal frame
// (wetgeving.json), what to do in the conversation (gesprek.json) and the
// questions of schools and CLBs with the preventiepiramide (praktijkvragen.json).
// Pure: no DOM, no fs, no app/ or sw/ imports.
import { z } from 'zod';

import {
  contentIdSchema,
  contentVersionSchema,
  lastCheckedSchema,
  regionSchema,
  sourcedTextSchema,
  sourceSchema,
  text,
  uniqueBy,
} from './content-base';

/** A question as a school or CLB asks it, with the source's answer. */
export const questionSchema = z.strictObject({
  id: contentIdSchema,
  question: text,
  answer: text,
  quote: z.boolean().optional(),
  source: sourceSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const pointGroupSchema = z.strictObject({
  id: contentIdSchema,
  title: text,
  /** true: shown as a checklist (ticks are not stored). */
  checklist: z.literal(true).optional(),
  points: z.array(sourcedTextSchema).min(1),
  source: sourceSchema,
});
export type PointGroup = z.infer<typeof pointGroupSchema>;

/**
 * A law reference exactly as the seed gives it, with the date it held. New
 * article numbers are never filled in (see the file's reformNote).
 */
export const legalReferenceSchema = z.strictObject({
  citation: text,
  asOf: text,
  source: sourceSchema,
});
export type LegalReference = z.infer<typeof legalReferenceSchema>;

export const guideSectionSchema = z
  .strictObject({
    id: contentIdSchema,
    title: text,
    region: regionSchema,
    intro: sourcedTextSchema.optional(),
    points: z.array(sourcedTextSchema),
    groups: z.array(pointGroupSchema).optional(),
    questions: z.array(questionSchema).optional(),
    references: z.array(legalReferenceSchema).optional(),
    source: sourceSchema,
    lastChecked: lastCheckedSchema,
  })
  .refine((s) => s.points.length + (s.groups?.length ?? 0) + (s.questions?.length ?? 0) > 0, {
    message: 'een sectie heeft minstens één punt, groep of vraag',
  })
  .refine((s) => uniqueBy(s.groups ?? [], (g) => g.id) && uniqueBy(s.questions ?? [], (q) => q.id), {
    message: 'ids van groepen en vragen moeten uniek zijn binnen een sectie',
  });
export type GuideSection = z.infer<typeof guideSectionSchema>;

function guideFileSchema<K extends string>(kind: K) {
  return z.strictObject({
    contentVersion: contentVersionSchema,
    kind: z.literal(kind),
    sections: z
      .array(guideSectionSchema)
      .min(1)
      .refine((sections) => uniqueBy(sections, (s) => s.id), { message: 'sectie-ids moeten uniek zijn' }),
  });
}

/** wetgeving.json: "wat zegt de wet", dated, with the 2022 and 2026 reform note. */
export const legalFrameFileSchema = guideFileSchema('wetgeving').extend({
  /** How old the source's legal statements are. */
  sourceDate: sourcedTextSchema,
  /** The law changed after the source: say so, never invent new article numbers. */
  reformNote: sourcedTextSchema,
});
export type LegalFrameFile = z.infer<typeof legalFrameFileSchema>;

/** gesprek.json: what to do in the conversation, consequences, support, parents. */
export const conversationFileSchema = guideFileSchema('gesprek');
export type ConversationFile = z.infer<typeof conversationFileSchema>;

/** praktijkvragen.json: questions from schools and CLBs, and the preventiepiramide. */
export const practiceFileSchema = guideFileSchema('praktijkvragen');
export type PracticeFile = z.infer<typeof practiceFileSchema>;
