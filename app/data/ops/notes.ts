// Notes are append-only: nothing here edits or deletes a note; a correction
// is a new note, and eraseCaseNow removes a whole case at once. Fails as
// described in ./case.ts; on failure nothing was written.
import { recordErrors } from '../../../schema/errors';
import { appendNoteInput, correctNoteInput } from '../../../schema/records/note';
import type { Note } from '../../../schema/records/note';
import { currentNoteAuthor } from '../note-author';
import {
  assertNotFuture,
  defineAddOperation,
  defineOperation,
  newRecordHead,
  okRecords,
  ruleError,
  withRecord,
} from '../unit-of-work';

/** In a team, who writes the note (the member id and list name); nothing in a personal logbook. */
function byline(): Pick<Note, 'by'> {
  const by = currentNoteAuthor();
  return by ? { by } : {};
}

/**
 * Adds a note to the case timeline; `at` (when it happened) defaults to now and may not fall on a
 * day that has not come yet (`date.inFuture`). Notes can never be changed.
 */
export const appendNote = defineAddOperation({
  input: appendNoteInput,
  audit: 'note.added',
  build: (input, kase, now): Note => {
    // When it happened: never a day that has not come yet (the UI always takes now).
    assertNotFuture('at', input.at?.slice(0, 10), now);
    return {
      ...newRecordHead('note', kase.id),
      noteKind: input.noteKind,
      text: input.text,
      at: input.at ?? now.toISOString(),
      ...byline(),
      createdAt: now.toISOString(),
    };
  },
  details: (note) => ({ noteKind: note.noteKind }),
});

/**
 * Corrects a note by adding a new one that supersedes it, with a reason; the
 * old note stays unchanged and visible. The correction keeps the old note's
 * `at` and (unless given) its kind; its author (in a team) is whoever
 * corrects it. Only the latest version can be corrected
 * (`note.alreadySuperseded`), so the history stays one line.
 */
export const correctNote = defineOperation({
  input: correctNoteInput,
  audit: 'note.superseded',
  run: async (input, { commit }): Promise<Note> =>
    withRecord(input.supersedes, 'note', async (old, kase) => {
      const notes = await okRecords('note', old.caseId);
      if (notes.some((n) => n.supersedes === old.id)) {
        throw ruleError(old.id, ['supersedes'], recordErrors.alreadySuperseded);
      }
      const now = new Date();
      const note: Note = {
        ...newRecordHead('note', old.caseId),
        noteKind: input.noteKind ?? old.noteKind,
        text: input.text,
        at: old.at,
        supersedes: old.id,
        reason: input.reason,
        ...byline(),
        createdAt: now.toISOString(),
      };
      await commit(now, kase, [note], 'note.superseded', { noteKind: note.noteKind });
      return note;
    }),
});

export const noteOperations = { appendNote, correctNote };
