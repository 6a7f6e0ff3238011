// The note record (append-only) and the inputs of the note operations (app/data/ops/notes.ts).
import { z } from 'zod';

import { recordErrors } from '../errors';
import { safeText } from '../safe-text';
import { caseRecordHead, recordIdSchema, timestampSchema } from './base';

export const noteKindSchema = z.enum(['gesprek', 'overleg', 'stap', 'melding', 'afspraak']);
export type NoteKind = z.infer<typeof noteKindSchema>;

/** The fields of a note, before the cross-field rules (zod cannot `.pick` a refined object). */
const noteFields = z.strictObject({
  ...caseRecordHead('note', 1),
  noteKind: noteKindSchema,
  text: safeText({ min: 1, max: 8000 }),
  /** When it happened (may be earlier than createdAt). */
  at: timestampSchema,
  /** A correction is a new note that supersedes the old one, with a reason. */
  supersedes: recordIdSchema.optional(),
  reason: safeText({ min: 1, max: 500 }).optional(),
  createdAt: timestampSchema,
});

export const noteSchema = noteFields.superRefine((note, ctx) => {
  if (note.supersedes !== undefined && note.reason === undefined) {
    const code = recordErrors.reasonRequired;
    ctx.addIssue({ code: 'custom', message: code, params: { code }, path: ['reason'] });
  }
  if (note.supersedes === note.id) {
    const code = recordErrors.supersedesSelf;
    ctx.addIssue({ code: 'custom', message: code, params: { code }, path: ['supersedes'] });
  }
});
export type Note = z.infer<typeof noteSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** The note form; `at` (when it happened) defaults to now. */
export const appendNoteInput = noteFields
  .pick({ caseId: true, noteKind: true, text: true, at: true })
  .partial({ at: true });
export type AppendNoteInput = z.input<typeof appendNoteInput>;

/** The correction form: the note corrected, the new text and a reason; the kind defaults to the old one. */
export const correctNoteInput = noteFields
  .pick({ supersedes: true, text: true, reason: true, noteKind: true })
  .required({ supersedes: true, reason: true })
  .partial({ noteKind: true });
export type CorrectNoteInput = z.input<typeof correctNoteInput>;
