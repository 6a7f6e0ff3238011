import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { storedRecordSchema } from '../../schema/records';
import { conflictSchema } from '../../schema/sync-conflict';
import { nl } from '../i18n/catalogue';
import {
  conflictChoices,
  conflictContext,
  conflictValue,
  conflictWhat,
  fieldLabels,
  isSensitiveConflict,
  kindLabels,
  SHORT_CHARS,
  type ConflictContext,
  type ConflictKind,
} from './sync-conflict-text';

const BOOKKEEPING = new Set(['id', 'kind', 'schemaVersion', 'caseId', 'createdAt', 'updatedAt']);
const kinds = conflictSchema.shape.recordKind.options as readonly ConflictKind[];
const partyA = '0b7f3c1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const partyB = '1c8a4d2f-5b6c-4d7e-9f0a-1b2c3d4e5f60';
const context: ConflictContext = {
  pseudonyms: new Map([
    [partyA, 'Jongere A'],
    [partyB, 'Jongere B'],
  ]),
};
const none: ConflictContext = { pseudonyms: new Map() };

type Shape = Record<string, z.ZodType>;

/** Every field of every stored variant of a kind (consent has two: given, and shared without consent). */
function shapesOf(kind: string): Shape[] {
  const out: Shape[] = [];
  const visit = (schema: z.ZodType): void => {
    if (schema instanceof z.ZodDiscriminatedUnion) for (const option of schema.options) visit(option as z.ZodType);
    else if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Shape;
      const literal = shape.kind;
      if (literal instanceof z.ZodLiteral && literal.value === kind) out.push(shape);
    }
  };
  visit(storedRecordSchema);
  return out;
}

function conflictableFields(kind: string): Map<string, z.ZodType> {
  const fields = new Map<string, z.ZodType>();
  for (const shape of shapesOf(kind))
    for (const [field, schema] of Object.entries(shape)) if (!BOOKKEEPING.has(field)) fields.set(field, schema);
  return fields;
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/** The codes an enum field (or a list of enum codes) can hold, as stored values. */
function enumValues(schema: z.ZodType): unknown[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodEnum) return inner.options.map((o) => o);
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodEnum) return inner.element.options.map((o) => [o]);
  return [];
}

describe('names of a tegenstrijdige wijziging', () => {
  it('covers every kind the merge can make an item for, with its case page section title', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(13);
    for (const kind of kinds) {
      expect(shapesOf(kind).length, kind).toBeGreaterThan(0);
      expect(kindLabels[kind], kind).toMatch(/^[A-Z]/);
    }
    expect(kindLabels.case).toBe(nl.logbook.facts.title);
    expect(kindLabels.followup).toBe('Opvolging en status');
  });

  it('gives every field of every kind a Dutch label, never its key', () => {
    for (const kind of kinds) {
      const fields = conflictableFields(kind);
      expect([...fields.keys()].sort(), kind).toEqual(Object.keys(fieldLabels[kind]).sort());
      for (const field of fields.keys()) {
        const what = conflictWhat({ recordKind: kind, recordId: partyA, field }, none);
        expect(what, `${kind}.${field}`).not.toContain(field);
        expect(what, `${kind}.${field}`).not.toContain('"');
        expect(what, `${kind}.${field}`).not.toContain('een ander gegeven');
        // A camelCase code is never a label.
        expect(what, `${kind}.${field}`).not.toMatch(/[a-z][A-Z]/);
      }
    }
  });

  it('uses the labels the case page shows', () => {
    const what = (field: string) => conflictWhat({ recordKind: 'case', recordId: partyA, field }, none);
    expect(what('knownOn')).toBe('Incident — Bekend sinds');
    expect(what('knownVia')).toBe('Incident — Bekend via');
    expect(what('types')).toBe('Incident — Soort');
    expect(what('description')).toBe('Incident — Feiten');
    expect(conflictWhat({ recordKind: 'followup', recordId: partyA, field: 'due' }, none)).toBe(
      'Opvolging en status — Laten rusten tot',
    );
    // A betrokkene is named by pseudonym; a form hint such as "(optioneel)" is left out.
    expect(conflictWhat({ recordKind: 'party', recordId: partyA, field: 'className' }, context)).toBe(
      'Betrokkenen (Jongere A) — Klas',
    );
  });

  it('names a consent as its card on the case page does: pseudonym and recipient, never the real name', () => {
    const toClb = '2d9b5e30-6c7d-4e8f-8a1b-2c3d4e5f6071';
    const toHelp = '3eac6f41-7d8e-4f90-9b2c-3d4e5f607182';
    const party = { id: partyA, pseudonym: 'Jongere A', realName: 'Echte Naam' };
    const withConsents = conflictContext(
      [party],
      [
        { id: toClb, partyId: partyA, recipient: 'ander-clb' },
        { id: toHelp, partyId: partyB, recipient: 'hulpverlening' },
      ],
    );
    const tc = nl.logbook.consent;
    const what = (recordId: string) =>
      conflictWhat({ recordKind: 'consent', recordId, field: 'withdrawnOn' }, withConsents);
    expect(what(toClb)).toBe(
      `Toestemming (${tc.entryTitle('Jongere A', tc.recipients['ander-clb'])}) — Ingetrokken op`,
    );
    expect(what(toClb)).toContain('Jongere A → ');
    expect(what(toClb)).not.toContain('Echte Naam');
    expect(what(toHelp)).toBe(
      `Toestemming (${tc.entryTitle(tc.unknownParty, tc.recipients.hulpverlening)}) — Ingetrokken op`,
    );
    // A case in the Netherlands names the police without the (Belgian) parket.
    const toPolice = '4fbd7052-8e9f-4a01-8c3d-4e5f60718293';
    const dutch = conflictContext([party], [{ id: toPolice, partyId: partyA, recipient: 'politie-parket' }], [], true);
    expect(conflictWhat({ recordKind: 'consent', recordId: toPolice, field: 'withdrawnOn' }, dutch)).toBe(
      'Toestemming (Jongere A → politie) — Ingetrokken op',
    );
    // A consent the page does not know (erased meanwhile): the section alone.
    expect(conflictWhat({ recordKind: 'consent', recordId: partyB, field: 'withdrawnOn' }, none)).toBe(
      'Toestemming — Ingetrokken op',
    );
  });

  it('names a follow-up by the start of its purpose, so two items about two follow-ups differ', () => {
    const talk = '4fbd7052-8e9f-4a01-8c3d-4e5f60718293';
    const withFollowUps = conflictContext(
      [],
      [],
      [{ id: talk, purpose: 'Gesprek met de ouders over wat er op school gezegd werd en wat de jongere wil' }],
    );
    expect(conflictWhat({ recordKind: 'followup', recordId: talk, field: 'due' }, withFollowUps)).toBe(
      'Opvolging en status (Gesprek met de ouders over wat er op…) — Laten rusten tot',
    );
    // A follow-up the page does not know: the section alone.
    expect(conflictWhat({ recordKind: 'followup', recordId: partyA, field: 'due' }, withFollowUps)).toBe(
      'Opvolging en status — Laten rusten tot',
    );
  });

  it('has a calm fallback for a field or kind it does not know', () => {
    expect(conflictWhat({ recordKind: 'case', recordId: partyA, field: 'newFieldFromLater' }, none)).toBe(
      'Incident — een ander gegeven',
    );
    expect(
      conflictWhat({ recordKind: 'somethingNew' as ConflictKind, recordId: partyA, field: 'toString' }, none),
    ).toBe('Dossier — een ander gegeven');
  });
});

describe('values of a tegenstrijdige wijziging', () => {
  const value = (recordKind: ConflictKind, field: string, v: unknown) =>
    conflictValue({ recordKind, field }, v, context);

  it('shows option codes by the labels the forms use', () => {
    expect(value('case', 'knownVia', 'child-focus')).toBe('Child Focus');
    expect(value('case', 'knownVia', 'ouder')).toBe('Een ouder');
    expect(value('case', 'types', ['sexting', 'sextortion', 'grooming'])).toBe('sexting, sextortion, grooming');
    expect(value('case', 'types', ['exposing'])).toBe('beelden verspreiden met persoonsgegevens');
    expect(value('case', 'status', 'in-rust')).toBe('In rust');
    expect(value('party', 'role', 'afgebeelde-jongere')).toBe('afgebeelde jongere');
    expect(value('consent', 'recipient', 'politie-parket')).toBe('politie/parket');
    expect(value('assessment', 'flag', 'rood')).toBe('Rood (ernstig grensoverschrijdend)');
    expect(value('grooming', 'phases', [])).toBe('Niets (meer) opgemerkt');
  });

  it('maps every option of every enum field to a label, never the raw code', () => {
    let checked = 0;
    for (const kind of kinds) {
      for (const [field, schema] of conflictableFields(kind)) {
        for (const v of enumValues(schema)) {
          const shown = value(kind, field, v);
          const code = Array.isArray(v) ? String(v[0]) : String(v);
          expect(shown, `${kind}.${field}=${code}`).not.toMatch(/[[\]{}"]/);
          expect(shown, `${kind}.${field}=${code}`).not.toBe('(leeg)');
          // A code with a hyphen is never Dutch text; one without may be its own label (e.g. "sexting").
          if (code.includes('-')) expect(shown, `${kind}.${field}=${code}`).not.toContain(code);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('shows dates, lists, booleans, numbers, empty values and betrokkenen as the case page does', () => {
    expect(value('case', 'knownOn', '2026-11-30')).toBe('30/11/2026');
    expect(value('followup', 'due', '2026-12-01')).toBe('01/12/2026');
    expect(value('case', 'closedAt', '2026-03-12T09:30:00.000Z')).toMatch(/^12\/03\/2026 \d\d:\d\d$/);
    expect(value('case', 'schools', ['Sint-Jozef', 'Atheneum'])).toBe('Sint-Jozef, Atheneum');
    expect(value('case', 'schools', [])).toBe('Geen school genoteerd');
    expect(value('police', 'informed', true)).toBe('ja');
    expect(value('police', 'informed', false)).toBe('nee');
    expect(value('step', 'remind', true)).toBe('ja');
    expect(value('step', 'remind', null)).toBe('nee');
    expect(value('party', 'age', 14)).toBe('14 jaar');
    expect(value('case', 'description', '')).toBe('(leeg)');
    expect(value('step', 'note', null)).toBe('(leeg)');
    expect(value('conversation', 'partyIds', [partyA, partyB])).toBe('Jongere A, Jongere B');
    expect(value('consent', 'partyId', 'ffffffff-ffff-4fff-8fff-ffffffffffff')).toBe('onbekende betrokkene');
    expect(
      value('followup', 'history', [
        { from: '2026-05-01', to: '2026-05-08', reason: 'ziek', at: '2026-04-02T10:00:00Z' },
      ]),
    ).toBe('Verplaatst van 01/05/2026 naar 08/05/2026: ziek');
    expect(
      value('party', 'competence', { competent: true, assessedBy: 'KV', assessedOn: '2026-03-01', reason: 'rijp' }),
    ).toBe('Bekwaam om zelf te beslissen. Beoordeeld door KV op 01/03/2026. Waarom: rijp');
  });

  it('shows a case under Dutch rules in its own words: "aangifte", the check question without VK', () => {
    const dutch = { ...context, inNl: true };
    const checks = { consultedOthers: { answer: 'ja' } };
    expect(conflictValue({ recordKind: 'consent', field: 'checks' }, checks, dutch)).toBe(
      'Heb je overlegd met anderen, zonder de jongere te noemen? ja',
    );
    expect(value('consent', 'checks', checks)).toMatch(/Vertrouwenscentrum Kindermishandeling.* ja$/);
    expect(conflictValue({ recordKind: 'consent', field: 'categories' }, ['feiten', 'klacht-politie'], dutch)).toBe(
      'feiten, aangifte bij de politie',
    );
    expect(value('consent', 'categories', ['klacht-politie'])).toBe('klacht bij de politie');
    expect(conflictValue({ recordKind: 'police', field: 'stage' }, 'neergelegd', dutch)).toBe('Aangifte gedaan');
    expect(value('police', 'stage', 'neergelegd')).toBe('Klacht neergelegd');
    expect(conflictValue({ recordKind: 'case', field: 'knownVia' }, 'ander-clb-of-school', dutch)).toBe(
      'Een andere school',
    );
    expect(value('case', 'knownVia', 'ander-clb-of-school')).toBe('Een ander CLB of een andere school');
    const informed = { recordKind: 'informed', recordId: 'x', field: 'institution' } as const;
    expect(conflictWhat(informed, dutch)).toBe('Andere scholen — Naam van de school');
    expect(conflictWhat(informed, context)).toBe("Andere scholen en CLB's — Naam van de school of het CLB");
    expect(value('takedown', 'step', 'helpwanted')).toBe('Helpwanted.nl gecontacteerd');
    expect(conflictValue({ recordKind: 'consent', field: 'recipient' }, 'politie-parket', dutch)).toBe('politie');
    expect(value('consent', 'recipient', 'politie-parket')).toBe('politie/parket');
  });

  it('never shows JSON for an unknown field', () => {
    const shown = value('case', 'newFieldFromLater', { a: ['x', 'y'], b: true, c: '2026-01-02' });
    expect(shown).toBe('x, y, ja, 02/01/2026');
  });
});

describe('choice buttons', () => {
  it('names a short value in the button', () => {
    const choices = conflictChoices({ recordKind: 'case', field: 'knownVia', values: ['child-focus', 'ouder'] }, none);
    expect(choices.map((c) => c.button)).toEqual(['Kies Child Focus', 'Kies Een ouder']);
    expect(choices.every((c) => !c.showFull)).toBe(true);
  });

  it('shows long text whole and keeps the button names short and distinct', () => {
    const start = 'Jongere A kreeg via een app een bericht van een onbekende volwassene met de vraag';
    const values = [`${start} om foto's te sturen.`, `${start} om af te spreken.`];
    const choices = conflictChoices({ recordKind: 'case', field: 'description', values }, none);
    expect(choices.map((c) => c.full)).toEqual(values);
    expect(choices.every((c) => c.showFull)).toBe(true);
    const [one, two] = choices.map((c) => c.button);
    // Named from where they part: the shared start would tell a screen-reader user nothing.
    expect(one).toBe("Kies waarde 1: …foto's te sturen.");
    expect(two).toBe('Kies waarde 2: …af te spreken.');
    expect(one).not.toBe(two);
    for (const c of choices) expect(c.button.length).toBeLessThanOrEqual('Kies waarde 1: '.length + SHORT_CHARS + 1);
  });

  it('numbers values that read the same', () => {
    const choices = conflictChoices(
      { recordKind: 'consent', field: 'partyId', values: ['ffffffff-ffff-4fff-8fff-ffffffffffff', partyA] },
      none,
    );
    expect(choices.map((c) => c.button)).toEqual([
      'Kies waarde 1: onbekende betrokkene',
      'Kies waarde 2: onbekende betrokkene',
    ]);
  });
});

describe('isSensitiveConflict', () => {
  it('holds back only a real name, as the Betrokkenen section does', () => {
    expect(isSensitiveConflict({ recordKind: 'party', field: 'realName' })).toBe(true);
    const others = kinds.flatMap((kind) =>
      Object.keys(fieldLabels[kind]).map((field) => ({ recordKind: kind, field })),
    );
    expect(others.filter(isSensitiveConflict)).toEqual([{ recordKind: 'party', field: 'realName' }]);
  });
});
