import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
} from './factories';
import { infoCategorySchema } from './records/consent';
import { noteKindSchema } from './records/note';
import { partyRoleSchema } from './records/party';
import type { ConsentRecord, InfoCategory } from './records/consent';
import type { Note } from './records/note';
import type { Party } from './records/party';
import { buildSummary, formatDateBe, summaryRecipients, summaryToText } from './summary';
import type { Summary, SummaryInput, SummaryLabels, SummaryRecipient } from './summary';

const ON = '2026-03-15';

function shiftDate(days: number): string {
  const d = new Date(`${ON}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Plain labels: every argument is echoed, so the text shows exactly what the structure holds.
const echo = (...parts: Array<string | number | undefined>): string => parts.filter((p) => p !== undefined).join(' | ');
const identity = <K extends string>(keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, k as string])) as Record<K, string>;
const labels: SummaryLabels = {
  confidential: 'Vertrouwelijk — need-to-know',
  title: echo,
  date: echo,
  anchor: echo,
  recipients: identity(summaryRecipients),
  categories: identity(infoCategorySchema.options),
  roles: identity(partyRoleSchema.options),
  caseTypes: identity([
    'sexting',
    'ongewenste-sexting',
    'shame-sexting',
    'sextortion',
    'grooming',
    'exposing',
    'doxing',
    'anders',
  ]),
  knownVia: identity(['betrokkene-zelf', 'klasgenoot', 'leerkracht', 'ouder', 'ander-clb-of-school', 'child-focus', 'andere']),
  flags: identity(['groen', 'geel', 'rood', 'zwart']),
  how: identity(['mondeling-genoteerd', 'schriftelijk']),
  basis: identity(['noodtoestand', 'art-458bis']),
  party: echo,
  sourceConsent: echo,
  sourceWithout: echo,
  justification: (text) => `JUSTIFICATION ${text}`,
  facts: {
    types: echo,
    known: echo,
    description: echo,
    schools: echo,
    agreement: echo,
    assessment: echo,
    reasoning: echo,
    party: echo,
    realName: echo,
    school: echo,
    followUp: echo,
  },
  withheld: (list) => `WITHHELD ${list}`,
  nothingShared: 'NOTHING',
};

function render(summary: Summary): string {
  return `${JSON.stringify(summary)}\n${summaryToText(summary, labels)}`;
}

describe('buildSummary (examples)', () => {
  const kase = makeCase({ description: 'Foto doorgestuurd in de klasgroep.' });
  const caseId = kase.id;
  const jongere = makeParty({ caseId, pseudonym: 'Jongere A', realName: 'Echte Naam', age: 15 });
  const assessment = makeAssessment({ caseId, reasoning: 'Rode vlag: doorsturen zonder toestemming.' });
  const base: SummaryInput = {
    case: kase,
    parties: [jongere],
    consents: [
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['feiten'], givenOn: '2026-03-12' }),
    ],
    assessments: [assessment],
    notes: [],
    followUps: [],
  };

  it('shares consented facts with their source, and names the withheld assessment by category only', () => {
    const summary = buildSummary(base, 'school', ON);
    expect(summary.shared).toEqual(['feiten']);
    expect(summary.withheld).toEqual(['namen-betrokkenen', 'vlaggen-beoordeling']);
    expect(summary.sections[0]?.source).toEqual({
      basis: 'toestemming',
      party: { role: 'afgebeelde-jongere', age: 15, pseudonym: undefined },
      givenBy: 'jongere',
      how: 'mondeling-genoteerd',
      givenOn: '2026-03-12',
    });
    const text = render(summary);
    expect(text).toContain('Foto doorgestuurd in de klasgroep.');
    expect(text).not.toContain('Rode vlag');
    expect(text).not.toContain('Jongere A');
    expect(text).not.toContain('Echte Naam');
  });

  it('names the person in the source once names may be shared with that recipient', () => {
    const consents = [
      ...base.consents,
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['namen-betrokkenen'] }),
    ];
    const summary = buildSummary({ ...base, consents }, 'school', ON);
    expect(summaryToText(summary, labels)).toContain('Jongere A');
    expect(summary.withheld).toEqual(['vlaggen-beoordeling']);
  });

  it('leaves out everything a withdrawn consent covered, from the day of withdrawal', () => {
    const consents = [
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['feiten'], withdrawnOn: ON }),
    ];
    const summary = buildSummary({ ...base, consents }, 'school', ON);
    expect(summary.sections).toEqual([]);
    expect(render(summary)).not.toContain('Foto doorgestuurd');
    expect(buildSummary({ ...base, consents }, 'school', '2026-03-14').shared).toEqual(['feiten']);
  });

  it('gives consent for another recipient no effect', () => {
    const summary = buildSummary(base, 'ouders-voogd', ON);
    expect(summary.sections).toEqual([]);
    expect(summaryToText(summary, labels)).toContain('NOTHING');
  });

  it('labels a noodtoestand share as without consent, with its justification, on its own day only', () => {
    const share = makeShareWithoutConsent({
      caseId,
      partyId: jongere.id,
      recipient: 'hulpverlening',
      categories: ['vlaggen-beoordeling'],
      sharedOn: ON,
      justification: 'Acuut gevaar vandaag.',
    });
    const summary = buildSummary({ ...base, consents: [share] }, 'hulpverlening', ON);
    expect(summary.sections[0]?.source).toMatchObject({
      basis: 'noodtoestand',
      justification: 'Acuut gevaar vandaag.',
    });
    const text = summaryToText(summary, labels);
    expect(text).toContain('JUSTIFICATION Acuut gevaar vandaag.');
    expect(text).toContain('Rode vlag');
    expect(buildSummary({ ...base, consents: [share] }, 'hulpverlening', '2026-03-16').sections).toEqual([]);
  });

  it('shows only the newest assessment and the current version of a corrected agreement', () => {
    const older = makeAssessment({ caseId, assessedOn: '2026-03-01', reasoning: 'Oude beoordeling.' });
    const first = makeNote({ caseId, noteKind: 'afspraak', text: 'Eerste versie.' });
    const fixed = makeNote({
      caseId,
      noteKind: 'afspraak',
      text: 'Verbeterde versie.',
      supersedes: first.id,
      reason: 'typo',
    });
    const consents = [
      makeConsent({
        caseId,
        partyId: jongere.id,
        recipient: 'school',
        categories: ['afspraken', 'vlaggen-beoordeling'],
      }),
    ];
    const text = render(
      buildSummary({ ...base, consents, assessments: [older, assessment], notes: [first, fixed] }, 'school', ON),
    );
    expect(text).toContain('Rode vlag');
    expect(text).not.toContain('Oude beoordeling.');
    expect(text).toContain('Verbeterde versie.');
    expect(text).not.toContain('Eerste versie.');
  });

  it('writes dates the Belgian way', () => {
    expect(formatDateBe('2026-03-12')).toBe('12/03/2026');
  });
});

// ---------------------------------------------------------------------------
// Property: no marker without an active basis for that recipient
// ---------------------------------------------------------------------------

const categories = infoCategorySchema.options;
const bases = ['toestemming', 'noodtoestand', 'art-458bis'] as const;

const arbitraryCase = fc.record({
  parties: fc.array(
    fc.record({
      role: fc.constantFrom(...partyRoleSchema.options),
      age: fc.option(fc.integer({ min: 8, max: 19 }), { nil: undefined }),
      realName: fc.boolean(),
      school: fc.boolean(),
      className: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  consents: fc.array(
    fc.record({
      party: fc.nat(),
      recipient: fc.constantFrom(...summaryRecipients, 'politie-parket' as const),
      categories: fc.subarray([...categories], { minLength: 1 }),
      basis: fc.constantFrom(...bases),
      offset: fc.integer({ min: -3, max: 2 }),
      withdrawAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 8 },
  ),
  assessments: fc.integer({ min: 0, max: 3 }),
  notes: fc.array(fc.record({ noteKind: fc.constantFrom(...noteKindSchema.options), corrects: fc.boolean() }), {
    maxLength: 5,
  }),
  followUps: fc.array(fc.boolean(), { maxLength: 3 }),
  schools: fc.integer({ min: 0, max: 2 }),
  recipient: fc.constantFrom(...summaryRecipients),
});

type Spec = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  input: SummaryInput;
  /** Marker → the condition under which it may appear. */
  markers: Map<string, (allowed: Allowed) => boolean>;
  justifications: Map<string, ConsentRecord>;
}

interface Allowed {
  category: (c: InfoCategory) => boolean;
  party: (partyId: string) => boolean;
  source: (record: ConsentRecord) => boolean;
}

function build(spec: Spec): Built {
  let n = 0;
  const marker = (): string => `MK${String(n++).padStart(4, '0')}Z`;
  const markers = new Map<string, (a: Allowed) => boolean>();
  const mark = (when: (a: Allowed) => boolean): string => {
    const m = marker();
    markers.set(m, when);
    return m;
  };
  const never = (): boolean => false;

  const kase = makeCase({
    description: mark((a) => a.category('feiten')),
    schools: Array.from({ length: spec.schools }, () => mark((a) => a.category('feiten'))),
  });
  const caseId = kase.id;
  const parties: Party[] = spec.parties.map((p) => {
    const id = crypto.randomUUID();
    const named = (a: Allowed): boolean => a.party(id);
    return makeParty({
      id,
      caseId,
      role: p.role,
      age: p.age,
      pseudonym: mark(named),
      realName: p.realName ? mark(named) : undefined,
      school: p.school ? mark(named) : undefined,
      className: p.className ? mark(named) : undefined,
    });
  });

  const justifications = new Map<string, ConsentRecord>();
  const consents: ConsentRecord[] = spec.consents.map((c) => {
    const party = parties[c.party % parties.length];
    if (!party) throw new Error('no party');
    if (c.basis === 'toestemming') {
      const givenOn = shiftDate(c.offset);
      return makeConsent({
        caseId,
        partyId: party.id,
        recipient: c.recipient,
        categories: c.categories,
        givenOn,
        withdrawnOn: c.withdrawAfter === undefined ? undefined : shiftDate(c.offset + c.withdrawAfter),
      });
    }
    const base = makeShareWithoutConsent({ caseId, partyId: party.id });
    const record = makeShareWithoutConsent({
      caseId,
      partyId: party.id,
      basis: c.basis,
      recipient: c.recipient,
      categories: c.categories,
      sharedOn: shiftDate(Math.sign(c.offset)),
      justification: '',
      checks: {
        ...base.checks,
        consultedOthers: { answer: 'ja', note: mark(never) },
        bestPlacedToInform: mark(never),
      },
    });
    record.justification = mark((a) => a.source(record));
    justifications.set(record.justification, record);
    return record;
  });
  // A record of another case never counts, whatever it allows.
  consents.push(
    makeConsent({
      partyId: parties[0]?.id ?? '',
      recipient: spec.recipient,
      categories: [...categories],
      givenOn: shiftDate(-1),
    }),
  );

  const assessments = Array.from({ length: spec.assessments }, (_, i) =>
    makeAssessment({
      caseId,
      assessedOn: shiftDate(-i),
      reasoning: mark((a) => i === 0 && a.category('vlaggen-beoordeling')),
    }),
  );

  const notes: Note[] = [];
  spec.notes.forEach((s, i) => {
    const previous = notes[notes.length - 1];
    const corrects = s.corrects && previous !== undefined && previous.noteKind === s.noteKind;
    const isLast = (): boolean =>
      !spec.notes.slice(i + 1).some((later, j) => {
        // A later note of the same kind that corrects this one supersedes it.
        return j === 0 && later.corrects && later.noteKind === s.noteKind;
      });
    notes.push(
      makeNote({
        caseId,
        noteKind: s.noteKind,
        text: mark((a) => s.noteKind === 'afspraak' && isLast() && a.category('afspraken')),
        at: `2026-03-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
        ...(corrects ? { supersedes: previous.id, reason: mark(never) } : {}),
      }),
    );
  });

  const followUps = spec.followUps.map((done, i) =>
    makeFollowUp({
      caseId,
      due: shiftDate(i + 1),
      purpose: mark((a) => !done && a.category('opvolging')),
      doneOn: done ? ON : undefined,
      history: [{ from: shiftDate(i), to: shiftDate(i + 1), reason: mark(never), at: '2026-03-10T10:00:00.000Z' }],
    }),
  );

  return { input: { case: kase, parties, consents, assessments, notes, followUps }, markers, justifications };
}

/** An independent statement of the rules, to check the builder against. */
function oracle(input: SummaryInput, recipient: SummaryRecipient, summary: Summary): Allowed {
  const own = input.consents.filter(
    (c) => c.caseId === input.case.id && c.recipient === recipient && input.parties.some((p) => p.id === c.partyId),
  );
  const active = (c: ConsentRecord): boolean =>
    c.basis === 'toestemming'
      ? c.givenOn <= ON && (c.withdrawnOn === undefined || ON < c.withdrawnOn)
      : c.sharedOn === ON;
  const sources = new Set(summary.sections.map((s) => s.source));
  return {
    category: (category) => own.some((c) => active(c) && c.categories.includes(category)),
    party: (partyId) =>
      own.some((c) => active(c) && c.partyId === partyId && c.categories.includes('namen-betrokkenen')),
    source: (record) =>
      active(record) &&
      record.basis !== 'toestemming' &&
      [...sources].some(
        (s) => s.basis === record.basis && 'justification' in s && s.justification === record.justification,
      ),
  };
}

describe('buildSummary (properties)', () => {
  it('never shows a marker from a person or category without an active basis for the recipient', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input, markers } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON);
        const allowed = oracle(input, spec.recipient, summary);
        const text = render(summary);
        for (const [m, when] of markers) {
          if (text.includes(m)) expect(when(allowed), `marker ${m} must not be shared`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shows every allowed case-level fact and every person whose name may be shared', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON);
        const allowed = oracle(input, spec.recipient, summary);
        const text = render(summary);
        if (allowed.category('feiten')) expect(text).toContain(input.case.description);
        for (const p of input.parties) expect(text.includes(p.pseudonym)).toBe(allowed.party(p.id));
        for (const f of input.followUps) {
          if (f.doneOn === undefined && allowed.category('opvolging')) expect(text).toContain(f.purpose);
        }
        for (const c of summary.withheld) {
          if (c !== 'namen-betrokkenen') expect(allowed.category(c)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows a share without consent only together with its justification, and only on its own day', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input, justifications } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON);
        const text = summaryToText(summary, labels);
        for (const section of summary.sections) {
          if (section.source.basis === 'toestemming') continue;
          expect(text).toContain(`JUSTIFICATION ${section.source.justification}`);
          const record = justifications.get(section.source.justification);
          expect(record?.basis !== 'toestemming' && record?.sharedOn).toBe(ON);
        }
      }),
      { numRuns: 300 },
    );
  });
});
