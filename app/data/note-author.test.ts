// Issue 21: in a team, appendNote and correctNote stamp who wrote the note
// (the in-memory author the team start-up sets); in a personal logbook, and
// once the vault locks, no author is written.
import { beforeEach, describe, expect, it } from 'vitest';

import type { Note } from '../../schema/records/note';
import { getRecord } from './store';
import { runOperation } from './operations';
import { currentNoteAuthor, setNoteAuthor } from './note-author';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault, lock, unlock } from './vault';

const ANNA = { id: 'm-anna-0123456789abcdef', name: 'Anna Peeters' };

async function newCaseId(): Promise<string> {
  const kase = await runOperation('createCase', {
    knownOn: '2026-03-11',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [],
    description: '',
  });
  return kase.id;
}

async function storedNote(id: string): Promise<Note> {
  const result = await getRecord(id);
  if (!result?.ok || result.record.kind !== 'note') throw new Error('note not stored');
  return result.record;
}

beforeEach(async () => {
  setNoteAuthor(null);
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

describe('the note author', () => {
  it('is not written in a personal logbook', async () => {
    const caseId = await newCaseId();
    const note = await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Gesprek.' });
    expect('by' in note).toBe(false);
    expect('by' in (await storedNote(note.id))).toBe(false);
    const correction = await runOperation('correctNote', { supersedes: note.id, text: 'Gesprek!', reason: 'Tik' });
    expect('by' in (await storedNote(correction.id))).toBe(false);
  });

  it('is written on a new note and on a correction (the one who corrects) while set', async () => {
    const caseId = await newCaseId();
    const before = await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Voor het team.' });
    setNoteAuthor(ANNA);
    const note = await runOperation('appendNote', { caseId, noteKind: 'afspraak', text: 'Afspraak.' });
    expect((await storedNote(note.id)).by).toEqual(ANNA);
    const bram = { id: 'm-bram-0123456789abcdef', name: 'Bram' };
    setNoteAuthor(bram);
    const correction = await runOperation('correctNote', {
      supersedes: before.id,
      text: 'Nieuw.',
      reason: 'Aangevuld',
    });
    expect((await storedNote(correction.id)).by).toEqual(bram);
    // The older note stays as it was: no author is added afterwards.
    expect('by' in (await storedNote(before.id))).toBe(false);
    setNoteAuthor(null);
    const after = await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Na het team.' });
    expect('by' in (await storedNote(after.id))).toBe(false);
  });

  it('is forgotten at lock, and cannot be set while locked', async () => {
    setNoteAuthor(ANNA);
    expect(currentNoteAuthor()).toEqual(ANNA);
    lock();
    expect(currentNoteAuthor()).toBeUndefined();
    setNoteAuthor(ANNA);
    expect(currentNoteAuthor()).toBeUndefined();
    await unlock(TEST_PASSPHRASE);
    expect(currentNoteAuthor()).toBeUndefined();
    const caseId = await newCaseId();
    const note = await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Gesprek.' });
    expect('by' in (await storedNote(note.id))).toBe(false);
  });
});
