import { describe, expect, it } from 'vitest';

import {
  backupReminder,
  canonicalJson,
  checkPayloadIntegrity,
  findForbiddenKey,
  isFromNewerBaken,
  isNoteworthy,
  jsonNestingDepth,
  MERGE_FACTS_REASON,
  mergeNoteText,
  planMerge,
} from './backup';
import type { LocalRecord } from './backup';
import { makeAuditEvent, makeCase, makeDraft, makeFollowUp, makeNote, makeParty } from './factories';
import type { StoredRecord } from './records';
import { noteSchema } from './records/note';

function localOf(records: StoredRecord[]): Map<string, LocalRecord> {
  return new Map(records.map((record) => [record.id, { ok: true, record }]));
}

describe('structural checks on untrusted JSON', () => {
  it('measures nesting outside strings and stops early past the limit', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}', 10)).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[[[[{{{{"}', 10)).toBe(1);
    expect(jsonNestingDepth('{"a":"\\"[[[["}', 10)).toBe(1);
    expect(jsonNestingDepth('['.repeat(1_000_000), 24)).toBe(25);
  });

  it('finds __proto__, constructor and prototype keys at any depth', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}'))).toBe('$.a[0].b.__proto__');
    expect(findForbiddenKey({ records: [{ constructor: 1 }] })).toBe('$.records[0].constructor');
    expect(findForbiddenKey({ prototype: null })).toBe('$.prototype');
    expect(findForbiddenKey({ text: '__proto__ constructor' })).toBeNull();
  });

  it('compares records regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });

  it('knows a file from a newer Baken by an unknown kind or a higher record version', () => {
    expect(isFromNewerBaken({ case: 1, note: 1 })).toBe(false);
    expect(isFromNewerBaken({ case: 2 })).toBe(true);
    expect(isFromNewerBaken({ hologram: 1 })).toBe(true);
  });
});

describe('integrity of one backup file', () => {
  it('accepts a case with its parts and an audit log', () => {
    const kase = makeCase();
    expect(checkPayloadIntegrity([kase, makeNote({ caseId: kase.id })], [makeAuditEvent()])).toBeNull();
  });

  it('refuses repeated ids, records without their case, drafts and misfiled audit events', () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    expect(checkPayloadIntegrity([kase, note, note], [])?.problem).toBe('duplicateId');
    expect(checkPayloadIntegrity([kase, makeNote()], [])?.problem).toBe('orphan');
    expect(checkPayloadIntegrity([kase, makeDraft({ caseId: kase.id })], [])?.problem).toBe('wrongSection');
    expect(checkPayloadIntegrity([kase, makeAuditEvent()], [])?.problem).toBe('wrongSection');
    expect(checkPayloadIntegrity([kase], [note])?.problem).toBe('wrongSection');
  });
});

describe('merge rules', () => {
  const early = '2026-03-12T09:30:00.000Z';
  const later = '2026-03-20T10:00:00.000Z';

  it('adds what is missing and skips identical records', () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const other = makeCase();
    const plan = planMerge(localOf([kase, note]), [kase, note, other, makeParty({ caseId: other.id })]);
    expect(plan.write.map((r) => r.kind)).toEqual(['case', 'party']);
    expect(plan.counts).toMatchObject({ casesAdded: 1, recordsAdded: 1, recordsSkipped: 2, casesUpdated: 0 });
    expect(plan.changes.filter(isNoteworthy)).toEqual([]);
  });

  it('combines notes of a shared case as a union by id and keeps a different note under the same id', () => {
    const kase = makeCase();
    const mine = makeNote({ caseId: kase.id, text: 'Mijn notitie.' });
    const theirs = makeNote({ caseId: kase.id, text: 'Notitie van de collega.' });
    const altered = { ...mine, text: 'Andere tekst onder dezelfde id.' };
    const plan = planMerge(localOf([kase, mine]), [kase, theirs, altered]);
    expect(plan.write).toEqual([theirs]);
    expect(plan.counts).toMatchObject({ recordsAdded: 1, recordsKept: 1, recordsSkipped: 1 });
    expect(plan.changes).toEqual([
      { caseId: kase.id, caseFields: [], added: { note: 1 }, updated: {}, kept: { note: 1 } },
    ]);
  });

  it('takes the newer case and names the fields that changed, and keeps the newer local one', () => {
    const kase = makeCase({ updatedAt: early });
    // A real correction keeps the replaced description in factsHistory.
    const newer = {
      ...kase,
      status: 'in-rust' as const,
      description: 'Bijgewerkt.',
      factsHistory: [{ text: kase.description, replacedAt: later, reason: 'Aangevuld.' }],
      updatedAt: later,
    };
    const plan = planMerge(localOf([kase]), [newer]);
    expect(plan.write).toEqual([newer]);
    expect(plan.counts.casesUpdated).toBe(1);
    expect(plan.changes[0]?.caseFields).toEqual(['description', 'factsHistory', 'status']);

    const reverse = planMerge(localOf([newer]), [kase]);
    expect(reverse.write).toEqual([]);
    expect(reverse.counts.recordsKept).toBe(1);
    expect(reverse.changes.filter(isNoteworthy)).toEqual([]);
  });

  it('never loses a description of the facts: the replaced one joins the earlier versions, either way', () => {
    const base = makeCase({ updatedAt: early, description: 'Eerste versie.' });
    const mine = {
      ...base,
      description: 'Versie van dit toestel.',
      factsHistory: [{ text: 'Eerste versie.', replacedAt: '2026-03-15T08:00:00.000Z', reason: 'Hier aangevuld.' }],
      updatedAt: '2026-03-15T08:00:00.000Z',
    };
    const theirs = {
      ...base,
      description: 'Versie van het andere toestel.',
      factsHistory: [{ text: 'Eerste versie.', replacedAt: later, reason: 'Daar aangevuld.' }],
      updatedAt: later,
    };
    // The backup's newer case wins; this device's text is kept among the earlier versions.
    const plan = planMerge(localOf([mine]), [theirs]);
    const written = plan.write[0] as typeof theirs;
    expect(written.description).toBe('Versie van het andere toestel.');
    expect(written.factsHistory.map((v) => v.text)).toEqual([
      'Eerste versie.',
      'Eerste versie.',
      'Versie van dit toestel.',
    ]);
    expect(written.factsHistory.at(-1)).toEqual({
      text: 'Versie van dit toestel.',
      replacedAt: later,
      reason: MERGE_FACTS_REASON,
    });
    expect(mergeNoteText(plan.changes[0]!)).toContain('eerdere versies van de feiten');
    // This device's newer case wins; the backup's text is kept with it, and the case is written.
    const reverse = planMerge(localOf([theirs]), [mine]);
    expect(reverse.counts.casesUpdated).toBe(1);
    const kept = reverse.write[0] as typeof theirs;
    expect(kept.description).toBe('Versie van het andere toestel.');
    expect(kept.factsHistory.map((v) => v.text)).toContain('Versie van dit toestel.');
  });

  it('skips a record that differs only in its stamps', () => {
    const kase = makeCase({ updatedAt: early });
    const touched = { ...kase, updatedAt: later };
    const plan = planMerge(localOf([kase]), [touched]);
    expect(plan.write).toEqual([]);
    expect(plan.counts).toMatchObject({ recordsSkipped: 1, casesUpdated: 0, recordsKept: 0 });
  });

  it('keeps the local version on a tie and never overwrites a damaged record', () => {
    const kase = makeCase();
    const followUp = makeFollowUp({ caseId: kase.id });
    const same = { ...followUp, purpose: 'Andere inhoud, zelfde tijdstip' };
    const local = localOf([kase]);
    local.set(followUp.id, { ok: false, id: followUp.id, kind: 'followup' });
    expect(planMerge(local, [{ ...same, updatedAt: later }]).write).toEqual([]);
    expect(planMerge(localOf([kase, followUp]), [same]).write).toEqual([]);
  });

  it('updates a step check made on both devices under different ids instead of duplicating it', () => {
    const kase = makeCase();
    const step = (id: string, updatedAt: string, doneOn?: string): StoredRecord => ({
      kind: 'step',
      schemaVersion: 1,
      id,
      caseId: kase.id,
      planId: 'sexting',
      stepId: 'stap-1',
      ...(doneOn === undefined ? {} : { doneOn }),
      updatedAt,
    });
    const mine = step(crypto.randomUUID(), early);
    const theirs = step(crypto.randomUUID(), later, '2026-03-20');
    const plan = planMerge(localOf([kase, mine]), [kase, theirs]);
    expect(plan.write).toEqual([{ ...theirs, id: mine.id }]);
    expect(plan.counts.recordsUpdated).toBe(1);
  });

  it('refuses an id that is a record of another kind here', () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    const clash = makeParty({ id: note.id, caseId: kase.id });
    expect(() => planMerge(localOf([kase, note]), [kase, clash])).toThrow(/another kind/);
  });

  it('writes a merge note that names changes and counts but no content', () => {
    const text = mergeNoteText({
      caseId: crypto.randomUUID(),
      caseFields: ['description', 'status'],
      added: { note: 2, party: 1 },
      updated: { followup: 1 },
      kept: { consent: 1 },
    });
    expect(text).toBe(
      'Samengevoegd uit back-up: dossiergegevens bijgewerkt (beschrijving, status); toegevoegd: 2 notities, ' +
        '1 betrokkene; bijgewerkt: 1 opvolging; eigen versie behouden (nieuwer of anders): 1 toestemming.',
    );
    const note = makeNote({ text });
    expect(noteSchema.safeParse(note).success).toBe(true);
  });
});

describe('backup reminder', () => {
  const now = new Date('2026-03-27T12:00:00.000Z');

  it('reminds after the chosen number of days', () => {
    const lastBackupAt = '2026-03-12T09:00:00.000Z';
    expect(backupReminder({ lastBackupAt, reminderDays: 14, hasCases: true }, now)).toEqual({ days: 15 });
    expect(backupReminder({ lastBackupAt, reminderDays: 30, hasCases: true }, now)).toBeNull();
  });

  it('reminds without any backup only once the logbook holds a case', () => {
    expect(backupReminder({ reminderDays: 14, hasCases: false }, now)).toBeNull();
    expect(backupReminder({ reminderDays: 14, hasCases: true }, now)).toEqual({ days: null });
  });
});
