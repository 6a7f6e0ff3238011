// Issue 21: a note in a team names who wrote it (`by`); the field is optional,
// so every note without it (older, personal, replicated, in a backup) stays valid.
import { describe, expect, it } from 'vitest';

import { textErrors } from '../errors';
import { makeNote } from '../factories';
import { storedRecordSchema } from '../records';
import { restoreRecord } from '../restore';
import { noteSchema } from './note';

const ANNA = { id: 'm-anna-0123456789abcdef', name: 'Anna Peeters' };

describe('note author', () => {
  it('is optional: a note without it is valid, and restores unchanged at the same schema version', () => {
    const note = makeNote();
    expect('by' in note).toBe(false);
    expect(noteSchema.safeParse(note).success).toBe(true);
    const restored = restoreRecord({ ...note, schemaVersion: 1 });
    expect(restored.success && restored.data).toEqual({ ...note, schemaVersion: 1 });
  });

  it('holds the member id and the name, and restores unchanged', () => {
    const note = makeNote({ by: ANNA });
    expect(storedRecordSchema.safeParse(note).success).toBe(true);
    const restored = restoreRecord(note);
    expect(restored.success && restored.data).toEqual(note);
  });

  it('refuses image data in the name', () => {
    const result = noteSchema.safeParse(makeNote({ by: { ...ANNA, name: 'data:image/png;base64,iVBORw0KGgo=' } }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['by.name', textErrors.imageData]]);
  });

  it('refuses an empty or too long name, a malformed member id and any other field', () => {
    expect(noteSchema.safeParse(makeNote({ by: { ...ANNA, name: '  ' } })).success).toBe(false);
    expect(noteSchema.safeParse(makeNote({ by: { ...ANNA, name: 'A'.repeat(81) } })).success).toBe(false);
    expect(noteSchema.safeParse(makeNote({ by: { ...ANNA, id: 'anna peeters' } })).success).toBe(false);
    expect(noteSchema.safeParse({ ...makeNote(), by: { ...ANNA, account: 'anna' } }).success).toBe(false);
    expect(noteSchema.safeParse({ ...makeNote(), by: 'Anna' }).success).toBe(false);
  });
});
