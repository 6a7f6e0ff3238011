// The note record (append-only) and the inputs of the note operations (app/data/ops/notes.ts).
import { z } from 'zod';

import { recordErrors } from '../errors';
import { safeText } from '../safe-text';
import { caseRecordHead, memberIdSchema, recordIdSchema, timestampSchema } from './base';

/** A note's maximum length in characters (the note form says so near it). */
export const NOTE_MAX_LENGTH = 8000;

export const noteKindSchema = z.enum(['gesprek', 'overleg', 'stap', 'melding', 'afspraak']);
export type NoteKind = z.infer<typeof noteKindSchema>;

/**
 * Who wrote a note in a team (issue 21): the writer's member id and the name
 * that member has in the signed member list, when written. Set by the note
 * operations on a device in a team (app/data/note-author.ts); absent in a
 * personal logbook and on every note written before. Inside the encrypted
 * record, like the text.
 */
export const noteAuthorSchema = z.strictObject({ id: memberIdSchema, name: safeText({ min: 1, max: 80 }) });
export type NoteAuthor = z.infer<typeof noteAuthorSchema>;

/** The fields of a note, before the cross-field rules (zod cannot `.pick` a refined object). */
const noteFields = z.strictObject({
  ...caseRecordHead('note', 1),
  noteKind: noteKindSchema,
  text: safeText({ min: 1, max: NOTE_MAX_LENGTH }),
  /** When it happened (may be earlier than createdAt). */
  at: timestampSchema,
  /** A correction is a new note that supersedes the old one, with a reason. */
  supersedes: recordIdSchema.optional(),
  reason: safeText({ min: 1, max: 500 }).optional(),
  /** Who wrote it, in a team; optional, so no schema version change: older notes stay valid as they are. */
  by: noteAuthorSchema.optional(),
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
