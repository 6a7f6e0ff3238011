// Drafts of half-filled forms, for the form hooks of the features: stored
// encrypted like every record (store.ts), tied to their case so erasing the
// case erases them, and never audited (a draft is not a logbook entry).
// A case form's draft is addressed by the form's name and its case; its
// stored id is random (draft-ids.ts), so it does not name the case.
import type { Draft } from '../../schema/records/draft';
import type { RecordRow } from './db';
import { findCaseDraftId } from './draft-ids';
import { deleteDraft, getRecord, saveDraft, sealDraft, writeDraftAtOnce } from './store';
import { forgetDiscard, pendingDiscards, rememberDiscard, sameFields } from './draft-discards';
import { getDataKey, subscribeVault } from './session';

/** The fields of a form by name, as typed (text only). */
export type DraftFields = Record<string, string>;

// Saves of one form's draft run one after the other, so the first save's
// random id is stored before the next one looks it up.
const queues = new Map<string, Promise<unknown>>();
function serial<T>(slot: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(slot) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(slot, settled);
  void settled.then(() => {
    if (queues.get(slot) === settled) queues.delete(slot);
  });
  return run;
}

// A case form's draft id this tab chose before the draft was first stored, so that a draft sealed
// ahead (prepareDraft) and the first save use the same one.
const chosen = new Map<string, string>();

/** The stored id of `form`'s draft: the form's name, or for a case the existing or a new random one. */
async function draftIdFor(form: string, caseId: string | undefined): Promise<string> {
  if (caseId === undefined) return form;
  const stored = await findCaseDraftId(form, caseId);
  if (stored !== undefined) return stored;
  const slot = `${form}|${caseId}`;
  const id = chosen.get(slot) ?? `${form}:${crypto.randomUUID()}`;
  chosen.set(slot, id);
  return id;
}

/**
 * Keeps the draft of one form (`id`: the form's name, e.g. "note"; with
 * `caseId`, one draft per form and case): stores `fields`, or removes the
 * draft when every field is blank. Resolves the stored draft, or null when
 * removed. Offline: works. Fails like saveRecords (VaultLockedError;
 * InvalidRecordError when a field holds image data; StorageFullError /
 * StorageFailedError); then the earlier draft stays as it was.
 */
export function keepDraft(input: {
  id: string;
  fields: DraftFields;
  caseId?: string | undefined;
}): Promise<Draft | null> {
  const { caseId } = input;
  return serial(`${input.id}|${caseId ?? ''}`, async () => {
    if (Object.values(input.fields).every((value) => value.trim() === '')) {
      const stored = caseId === undefined ? input.id : await findCaseDraftId(input.id, caseId);
      if (stored !== undefined) await deleteDraft(stored);
      return null;
    }
    return saveDraft({ id: await draftIdFor(input.id, caseId), fields: input.fields, caseId });
  });
}

/** A draft made ready for the page's end: the fields, and the sealed row (null: remove draft `id`). */
export interface PreparedDraft {
  readonly fields: DraftFields;
  readonly id: string;
  readonly row: RecordRow | null;
}

/**
 * Seals a form's draft ahead without storing it (not queued behind saves under way), for
 * keepDraftAtOnce when the page goes away. Null when it cannot be (a new case key would be needed);
 * fails like keepDraft (VaultLockedError, InvalidRecordError).
 */
export async function prepareDraft(input: {
  id: string;
  fields: DraftFields;
  caseId?: string | undefined;
}): Promise<PreparedDraft | null> {
  const { caseId, fields } = input;
  if (Object.values(fields).every((value) => value.trim() === '')) {
    const stored = caseId === undefined ? input.id : await findCaseDraftId(input.id, caseId);
    return stored === undefined ? null : { fields, id: stored, row: null };
  }
  const id = await draftIdFor(input.id, caseId);
  const row = await sealDraft({ id, fields, caseId });
  return row ? { fields, id, row } : null;
}

/**
 * At the page's end (beforeunload, pagehide): stores a prepared draft with requests issued before
 * this returns, where keepDraft's chain of reads, encryption and writes would not finish. Whatever
 * keepDraft stores later (the page lived on) comes after it.
 */
export function keepDraftAtOnce(prepared: PreparedDraft): void {
  writeDraftAtOnce(prepared.id, prepared.row);
}

/**
 * Forgets the draft of one form (after saving the real record, or when discarding). Offline: works.
 * With `onlyIf`, only a draft holding exactly those fields (what this tab last stored or restored;
 * null: none) is removed: a draft another tab wrote since is that tab's text, and stays.
 */
export function discardDraft(id: string, caseId?: string, onlyIf?: DraftFields | null): Promise<void> {
  const run = serial(`${id}|${caseId ?? ''}`, async () => {
    const stored = caseId === undefined ? id : await findCaseDraftId(id, caseId);
    if (stored !== undefined) {
      // A draft another tab stored since (not what this tab last had) is that tab's text, and stays.
      let theirs = false;
      if (onlyIf !== undefined) {
        const found = await getRecord(stored, 'draft');
        theirs = found?.ok === true && (onlyIf === null || !sameFields(found.record.fields, onlyIf));
      }
      if (!theirs) await deleteDraft(stored);
    }
    forgetDiscard(id, caseId);
    chosen.delete(`${id}|${caseId ?? ''}`);
  });
  // Failed (the vault locked meanwhile): the draft is hidden and removed at the next unlock
  // (draft-discards.ts), so text already saved never comes back as unfinished.
  run.catch(() => rememberDiscard({ id, caseId, onlyIf }));
  return run;
}

subscribeVault(() => {
  if (getDataKey() === null) return;
  for (const d of pendingDiscards()) void discardDraft(d.id, d.caseId, d.onlyIf).catch(() => undefined);
});
