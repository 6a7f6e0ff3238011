// Drafts: half-filled forms, encrypted like everything else (app/data/drafts.ts).
import { z } from 'zod';

import { safeText } from '../safe-text';
import { recordIdSchema, timestampSchema } from './base';

/** Form key, e.g. `case-new` or `note:<caseId>`. */
export const draftIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(?::[0-9a-f-]{36})?$/)
  .max(80);

export const draftSchema = z.strictObject({
  kind: z.literal('draft'),
  schemaVersion: z.literal(1),
  id: draftIdSchema,
  /** The case the form belongs to, so erasing the case erases the draft. */
  caseId: recordIdSchema.optional(),
  fields: z.record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]*$/)
      .max(60),
    safeText({ max: 8000 }),
  ),
  updatedAt: timestampSchema,
});
export type Draft = z.infer<typeof draftSchema>;
