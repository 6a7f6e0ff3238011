import { describe, expect, it } from 'vitest';

import { fieldErrors, recordErrors, textErrors } from './errors';
import {
  makeAssessment,
  makeAuditEvent,
  makeCase,
  makeConsent,
  makeDraft,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
} from './factories';
import { storedRecordSchema } from './records';
import { caseSchema } from './records/case';
import { noteSchema } from './records/note';
import { restoreRecord } from './restore';

const messages = (result: { error?: { issues: Array<{ message: string }> } | undefined }): string[] =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('record schemas', () => {
  it.each([
    ['case', makeCase()],
    [
      'party',
      makeParty({
        competence: {
          competent: false,
          assessedBy: 'CLB-medewerker',
          assessedOn: '2026-03-12',
          reason: 'Overzicht ontbreekt.',
        },
      }),
    ],
    ['consent', makeConsent({ withdrawnOn: '2026-03-20' })],
    ['share without consent', makeShareWithoutConsent({ basis: 'art-458bis' })],
    ['assessment', makeAssessment()],
    ['note', makeNote()],
    [
      'follow-up',
      makeFollowUp({
        doneOn: '2026-03-26',
        history: [{ from: '2026-03-19', to: '2026-03-26', reason: 'Paasvakantie', at: '2026-03-18T10:00:00.000Z' }],
      }),
    ],
    ['audit event', makeAuditEvent({ details: { count: 3, recordKind: 'note' } })],
    ['draft', makeDraft()],
  ])('accepts a valid %s as a stored record', (_name, record) => {
    expect(storedRecordSchema.safeParse(record).success).toBe(true);
  });

  it('refuses unknown fields so nothing unvalidated is stored', () => {
    expect(storedRecordSchema.safeParse({ ...makeCase(), extra: 'x' }).success).toBe(false);
  });

  it('refuses a case without any incident type, or with a type twice', () => {
    expect(messages(caseSchema.safeParse(makeCase({ types: [] })))).toContain(fieldErrors.emptyList);
    expect(messages(caseSchema.safeParse(makeCase({ types: ['grooming', 'grooming'] })))).toContain(
      fieldErrors.duplicate,
    );
  });

  it('refuses a case description with image data and says why with a code', () => {
    const result = caseSchema.safeParse(makeCase({ description: 'zie data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ' }));
    expect(messages(result)).toEqual([textErrors.imageData]);
    expect(result.error?.issues[0]?.path).toEqual(['description']);
  });

  it('refuses invalid calendar dates', () => {
    expect(messages(caseSchema.safeParse(makeCase({ knownOn: '2026-02-30' })))).toEqual([fieldErrors.invalidDate]);
  });

  it('requires a reason when a note supersedes another note', () => {
    const result = noteSchema.safeParse(makeNote({ supersedes: crypto.randomUUID() }));
    expect(messages(result)).toEqual([recordErrors.reasonRequired]);
    expect(result.error?.issues[0]?.path).toEqual(['reason']);
    expect(noteSchema.safeParse(makeNote({ supersedes: crypto.randomUUID(), reason: 'Datum verbeterd' })).success).toBe(
      true,
    );
  });

  it('refuses a withdrawal dated before the consent', () => {
    const result = storedRecordSchema.safeParse(makeConsent({ givenOn: '2026-03-12', withdrawnOn: '2026-03-01' }));
    expect(messages(result)).toEqual([recordErrors.withdrawnBeforeGiven]);
  });

  it('requires a justification and every check answer when sharing without consent', () => {
    const { checks } = makeShareWithoutConsent();
    const { consultedOthers: _omitted, ...incomplete } = checks;
    expect(storedRecordSchema.safeParse(makeShareWithoutConsent({ justification: ' ' })).success).toBe(false);
    expect(storedRecordSchema.safeParse({ ...makeShareWithoutConsent(), checks: incomplete }).success).toBe(false);
  });

  it('keeps free text out of audit details', () => {
    const withText = { ...makeAuditEvent(), details: { count: 1, note: 'Jan Peeters' } };
    expect(storedRecordSchema.safeParse(withText).success).toBe(false);
  });

  it('only accepts a flag chosen from the four colours', () => {
    expect(storedRecordSchema.safeParse({ ...makeAssessment(), flag: 'oranje' }).success).toBe(false);
  });
});

describe('restoreRecord', () => {
  it('validates current records unchanged', () => {
    const note = makeNote();
    const result = restoreRecord(note);
    expect(result.success && result.data).toEqual(note);
  });

  it('reports values that are not records', () => {
    expect(restoreRecord('x').success).toBe(false);
    expect(restoreRecord({ kind: 'case', schemaVersion: 99 }).success).toBe(false);
  });
});
