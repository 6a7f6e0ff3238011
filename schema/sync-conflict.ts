// A "tegenstrijdige wijziging": two devices changed the same field of the
// same record differently while apart. The merge (app/data/sync/merge.ts)
// keeps one value in the record and BOTH values here, until the worker
// chooses on the case page. Replicated like any record (encrypted).
import { z } from 'zod';

import { findImageData } from './image-data';
import { caseRecordHead, kindSchema, recordIdSchema, timestampSchema } from './records/base';

const jsonValue: z.ZodType<unknown> = z.json();

export const conflictSchema = z
  .strictObject({
    ...caseRecordHead('conflict', 1),
    recordId: recordIdSchema,
    recordKind: kindSchema.exclude(['audit', 'draft', 'note']),
    /** Top-level field name of the record. */
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/),
    /** The differing values (undefined = field absent is stored as null), at least two, distinct. */
    values: z.array(jsonValue).min(2).max(8),
    createdAt: timestampSchema,
    /** Set when the worker has chosen; the record then holds the chosen value. */
    resolvedAt: timestampSchema.optional(),
  })
  .refine((c) => findImageData(c.values) === null, { message: 'image data' });

export type SyncConflict = z.infer<typeof conflictSchema>;
