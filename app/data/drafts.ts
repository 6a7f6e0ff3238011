// Drafts of half-filled forms, for the form hooks of the features: stored
// encrypted like every record (store.ts), tied to their case so erasing the
// case erases them, and never audited (a draft is not a logbook entry).
import type { Draft } from '../../schema/records/draft';
import { deleteDraft, saveDraft } from './store';

/** The fields of a form by name, as typed (text only). */
export type DraftFields = Record<string, string>;

/**
 * Keeps the draft of one form: stores `fields`, or removes the draft when
 * every field is blank. Resolves the stored draft, or null when removed.
 * Offline: works. Fails like saveRecords (VaultLockedError; InvalidRecordError
 * when a field holds image data; StorageFullError / StorageFailedError);
 * then the earlier draft stays as it was.
 */
export async function keepDraft(input: {
  id: string;
  fields: DraftFields;
  caseId?: string | undefined;
}): Promise<Draft | null> {
  if (Object.values(input.fields).every((value) => value.trim() === '')) {
    await deleteDraft(input.id);
    return null;
  }
  return saveDraft(input);
}

/** Forgets the draft of one form (after saving the real record, or when discarding). Offline: works. */
export async function discardDraft(id: string): Promise<void> {
  await deleteDraft(id);
}
