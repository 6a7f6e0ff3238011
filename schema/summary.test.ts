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
  makeTakedown,
  makeEvidence,
  makePolice,
  makeInformed,
  makeGrooming,
  makeConversation,
} from './factories';
import { infoCategorySchema } from './records/consent';
import { noteKindSchema } from './records/note';
import { partyRoleSchema } from './records/party';
import { takedownStatusSchema, takedownStepSchema } from './records/takedown';
import { evidenceExistsSchema, evidenceFormSchema, evidenceHolderSchema } from './records/evidence';
import { policeActorSchema, policeStageSchema } from './records/police';
import { institutionKindSchema } from './records/informed';
import { groomingPhaseIdSchema } from './records/grooming';
import { conversationFormatSchema } from './records/conversation';
import type { ConsentRecord, InfoCategory } from './records/consent';
import type { Note } from './records/note';
import type { Party } from './records/party';
import { buildSummary, depictedAwaitingConsent, depictedWaitingFor, summaryRecipients } from './summary';
import type { Summary, SummaryInput, SummaryRecipient } from './summary';
import { formatDateBe, summaryToText } from './summary-text';
import type { SummaryLabels } from './summary-text';

const ON = '2026-03-15';
const VL = { jurisdiction: 'vlaanderen' } as const;

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
  roles: identity([...partyRoleSchema.options, 'betrokkene']),
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
  knownVia: identity([
    'betrokkene-zelf',
    'klasgenoot',
    'leerkracht',
    'ouder',
    'ander-clb-of-school',
    'child-focus',
    'andere',
  ]),
  flags: identity(['groen', 'geel', 'rood', 'zwart']),
  how: identity(['mondeling-genoteerd', 'schriftelijk']),
  basis: identity(['noodtoestand', 'art-458bis']),
  takedownSteps: identity(takedownStepSchema.options),
  takedownStatuses: identity(takedownStatusSchema.options),
  evidenceExists: identity(evidenceExistsSchema.options),
  evidenceForms: identity(evidenceFormSchema.options),
  evidenceHolders: identity(evidenceHolderSchema.options),
  policeStages: identity(policeStageSchema.options),
  policeActors: identity(policeActorSchema.options),
  institutionKinds: identity(institutionKindSchema.options),
  groomingPhases: identity(groomingPhaseIdSchema.options),
  conversationFormats: identity(conversationFormatSchema.options),
  party: echo,
  sourceConsent: echo,
  sourceJudgement: (competent: boolean, by: string, date: string) =>
    ` | oordeel ${String(competent)} | ${by} | ${date}`,
  sourceWithout: echo,
  justification: (text) => `JUSTIFICATION ${text}`,
  facts: {
    types: echo,
    known: echo,
    description: echo,
    schools: echo,
    agreement: echo,
    assessment: echo,
    behaviour: (text) => `BEHAVIOUR ${text}`,
    reasoning: echo,
    party: echo,
    realName: echo,
    school: echo,
    followUp: echo,
    takedown: echo,
    evidence: echo,
    informed: echo,
    grooming: echo,
    conversation: echo,
    police: (stage, by, date, informed) => echo(stage, by, date, informed ? 'informed' : 'not-informed'),
  },
  withheld: (list) => `WITHHELD ${list}`,
  withheldOthers: (category) => `${category} OF OTHERS`,
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
    const summary = buildSummary(base, 'school', ON, VL);
    expect(summary.shared).toEqual(['feiten']);
    expect(summary.withheld).toEqual(['namen-betrokkenen', 'vlaggen-beoordeling']);
    expect(summary.sections[0]?.sources).toEqual([
      {
        basis: 'toestemming',
        party: { role: 'afgebeelde-jongere', age: 15, pseudonym: undefined },
        givenBy: 'jongere',
        how: 'mondeling-genoteerd',
        givenOn: '2026-03-12',
      },
    ]);
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
    const summary = buildSummary({ ...base, consents }, 'school', ON, VL);
    expect(summaryToText(summary, labels)).toContain('Jongere A');
    expect(summary.withheld).toEqual(['vlaggen-beoordeling']);
  });

  it('names names as withheld only about the betrokkenen whose names are not shared', () => {
    const other = makeParty({ caseId, role: 'jongere-die-doorstuurde', pseudonym: 'Jongere B', age: 16 });
    const consents = [
      ...base.consents,
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['namen-betrokkenen'] }),
    ];
    const summary = buildSummary({ ...base, parties: [...base.parties, other], consents }, 'school', ON, VL);
    expect(summary.shared).toContain('namen-betrokkenen');
    expect(summary.withheld).toContain('namen-betrokkenen');
    const text = summaryToText(summary, labels);
    expect(text).toContain('Jongere A');
    expect(text).not.toContain('Jongere B');
    expect(text).toContain(`WITHHELD ${labels.categories['namen-betrokkenen']} OF OTHERS`);
  });

  it("never reveals a betrokkene's role when no case information may go out, even with that person's own consent", () => {
    const forwarder = makeParty({ caseId, role: 'jongere-die-doorstuurde', pseudonym: 'Jongere B', age: 16 });
    const own = makeConsent({
      caseId,
      partyId: forwarder.id,
      recipient: 'school',
      givenBy: 'jongere',
      categories: ['namen-betrokkenen'],
    });
    // The depicted young person withdrew: only the forwarder's own consent for their name is left.
    const withdrawn = base.consents.map((c) => ({ ...c, withdrawnOn: shiftDate(-1) }));
    const summary = buildSummary(
      { ...base, parties: [...base.parties, forwarder], consents: [...withdrawn, own] },
      'school',
      ON,
      VL,
    );
    const text = summaryToText(summary, labels);
    expect(text).toContain('Jongere B');
    expect(text).toContain('betrokkene');
    expect(text).not.toContain('jongere-die-doorstuurde');
    expect(text).not.toContain('afgebeelde-jongere');
    // With the depicted young person's consent for the facts, the roles are part of what may be told.
    const told = summaryToText(
      buildSummary(
        { ...base, parties: [...base.parties, forwarder], consents: [...base.consents, own] },
        'school',
        ON,
        VL,
      ),
      labels,
    );
    expect(told).toContain('jongere-die-doorstuurde');
  });

  it('does not let a pseudonym made from a role tell that role when roles are not shown', () => {
    const melder = makeParty({ caseId, role: 'melder', pseudonym: 'Melder A', age: 13 });
    const own = makeConsent({
      caseId,
      partyId: melder.id,
      recipient: 'school',
      givenBy: 'jongere',
      categories: ['namen-betrokkenen'],
    });
    const withdrawn = base.consents.map((c) => ({ ...c, withdrawnOn: shiftDate(-1) }));
    const parties = [...base.parties, melder];
    const hidden = summaryToText(
      buildSummary({ ...base, parties, consents: [...withdrawn, own] }, 'school', ON, VL),
      labels,
    );
    expect(hidden).not.toMatch(/melder/i);
    // Numbered among the people so renamed (here one), not by the place in the case's list.
    expect(parties.indexOf(melder)).toBeGreaterThan(0);
    expect(hidden).toContain('Betrokkene 1');
    // Where roles may be told, the pseudonym is the worker's own.
    const told = summaryToText(
      buildSummary({ ...base, parties, consents: [...base.consents, own] }, 'school', ON, VL),
      labels,
    );
    expect(told).toContain('Melder A');
  });

  it('leaves out everything a withdrawn consent covered, from the day of withdrawal', () => {
    const consents = [
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['feiten'], withdrawnOn: ON }),
    ];
    const summary = buildSummary({ ...base, consents }, 'school', ON, VL);
    expect(summary.sections).toEqual([]);
    expect(render(summary)).not.toContain('Foto doorgestuurd');
    expect(buildSummary({ ...base, consents }, 'school', '2026-03-14', VL).shared).toEqual(['feiten']);
  });

  it('gives consent for another recipient no effect', () => {
    const summary = buildSummary(base, 'ouders-voogd', ON, VL);
    expect(summary.sections).toEqual([]);
    expect(summaryToText(summary, labels)).toContain('NOTHING');
  });

  it("cites the competence judgement a young child's own consent relies on", () => {
    const child = makeParty({
      caseId,
      pseudonym: 'Jongere A',
      age: 10,
      competence: { competent: true, assessedBy: 'KV', assessedOn: '2026-03-11', reason: 'Gesprek.' },
    });
    const own = makeConsent({ caseId, partyId: child.id, recipient: 'school', categories: ['feiten'] });
    const summary = buildSummary({ ...base, parties: [child], consents: [own] }, 'school', ON, VL);
    expect(summary.sections[0]?.sources[0]).toMatchObject({
      basis: 'toestemming',
      givenBy: 'jongere',
      judgement: { competent: true, by: 'KV', on: '2026-03-11' },
    });
    expect(summaryToText(summary, labels)).toContain(' | oordeel true | KV | 11/03/2026');
    // Without the judgement a 10-year-old's own consent releases nothing in Flanders.
    const { competence: _judged, ...unjudged } = child;
    expect(buildSummary({ ...base, parties: [unjudged], consents: [own] }, 'school', ON, VL).shared).toEqual([]);
  });

  it('keeps a shared name whole when an unnamed betrokkene has the same surname', () => {
    const lotte = makeParty({ caseId, pseudonym: 'Jongere A', realName: 'Lotte Peeters', age: 14 });
    const an = makeParty({ caseId, role: 'ouder-voogd', pseudonym: 'Ouder A', realName: 'An Peeters' });
    const kaseNamed = { ...kase, description: 'Lotte Peeters werd afgeperst; An Peeters belde. An was ongerust.' };
    const consents = [
      makeConsent({ caseId, partyId: lotte.id, recipient: 'school', categories: ['feiten', 'namen-betrokkenen'] }),
    ];
    const text = summaryToText(
      buildSummary({ ...base, case: kaseNamed, parties: [lotte, an], consents }, 'school', ON, VL),
      labels,
    );
    expect(text).toContain('Lotte Peeters werd afgeperst');
    // An age typed after the name of an unnamed parent goes with the name: their age is not shown.
    const withAge = { ...kase, description: 'An (41) belde.' };
    const aged = { ...an, age: 41 };
    const once = summaryToText(
      buildSummary({ ...base, case: withAge, parties: [lotte, aged], consents }, 'school', ON, VL),
      labels,
    );
    expect(once).toContain('Ouder-voogd belde.');
    expect(once).not.toContain('41');
    expect(text).not.toContain('An Peeters');
    expect(text).not.toMatch(/\bAn\b/);
    // A surname alone may mean the unnamed parent: it is replaced, only the full shared name stays.
    const alone = summaryToText(
      buildSummary(
        { ...base, case: { ...kase, description: 'Mevrouw Peeters belde.' }, parties: [lotte, an], consents },
        'school',
        ON,
        VL,
      ),
      labels,
    );
    expect(alone).not.toContain('Mevrouw Peeters');
    expect(alone).toMatch(/Mevrouw ouder-voogd( \(\d+\))? belde\./);
    // The shared full name holds the unnamed parent's surname: the summary says so, for a warning.
    expect(
      buildSummary({ ...base, case: kaseNamed, parties: [lotte, an], consents }, 'school', ON, VL).namesSharePart,
    ).toBe(true);
    // No name shared, or no part in common: nothing to warn about.
    const factsOnly = [makeConsent({ caseId, partyId: lotte.id, recipient: 'school', categories: ['feiten'] })];
    expect(
      buildSummary({ ...base, case: kaseNamed, parties: [lotte, an], consents: factsOnly }, 'school', ON, VL)
        .namesSharePart,
    ).toBe(false);
    const other = { ...an, realName: 'An Janssens' };
    expect(buildSummary({ ...base, parties: [lotte, other], consents }, 'school', ON, VL).namesSharePart).toBe(false);
  });

  it('gives a surname two unnamed betrokkenen share to neither of them', () => {
    const lotte = makeParty({ caseId, pseudonym: 'Jongere A', realName: 'Lotte Peeters', age: 14 });
    const jan = makeParty({ caseId, role: 'ouder-voogd', pseudonym: 'Ouder A', realName: 'Jan Peeters' });
    const kaseNamed = { ...kase, description: 'Peeters belde de school. Lotte kreeg de foto; Jan was ongerust.' };
    const consents = [makeConsent({ caseId, partyId: lotte.id, recipient: 'school', categories: ['feiten'] })];
    const text = summaryToText(
      buildSummary({ ...base, case: kaseNamed, parties: [lotte, jan], consents }, 'school', ON, VL),
      labels,
    );
    // Whom "Peeters" meant is not known: not the pupil's role (the first listed), not the parent's either.
    expect(text).toContain('Betrokkene belde de school.');
    expect(text).not.toContain('Peeters');
    // A first name of one of them is still theirs.
    expect(text).toContain('Afgebeelde-jongere (14) kreeg de foto; ouder-voogd was ongerust.');
  });

  it('leaves the recorded class of a betrokkene whose name is not shared out of shared free text', () => {
    const roos = makeParty({
      caseId,
      pseudonym: 'Jongere A',
      realName: 'Rozemarijn Van Damme',
      age: 15,
      className: '4B',
    });
    const kay = makeParty({
      caseId,
      role: 'jongere-die-doorstuurde',
      pseudonym: 'Jongere B',
      age: 16,
      className: '5A',
    });
    const note = makeNote({
      caseId,
      noteKind: 'afspraak',
      text: 'Jongere A blijft in klas 4B, naast de deur van 4 b. Kay gaat naar 5A. Lokaal 14B blijft open.',
    });
    const consents = [
      makeConsent({ caseId, partyId: roos.id, recipient: 'school', categories: ['afspraken'] }),
      makeConsent({ caseId, partyId: kay.id, recipient: 'school', categories: ['afspraken', 'namen-betrokkenen'] }),
    ];
    const summary = buildSummary({ ...base, parties: [roos, kay], consents, notes: [note] }, 'school', ON, {
      ...VL,
      classReplacement: '[klas weg]',
    });
    const text = summaryToText(summary, labels);
    // Roos's name (with school and class) is not released: her class goes, as typed in either way.
    expect(text).toContain('blijft in klas [klas weg], naast de deur van [klas weg].');
    expect(text).not.toMatch(/\b4 ?b\b/iu);
    // Kay's name is released, so his class stays; a word that only contains the class is no class.
    expect(text).toContain('gaat naar 5A. Lokaal 14B blijft open.');
  });

  it('leaves phone numbers and e-mail addresses out of what is shared, whole, and says so', () => {
    const yasmine = makeParty({ caseId, pseudonym: 'Jongere A', realName: 'Yasmine El Amrani', age: 15 });
    const note = makeNote({
      caseId,
      noteKind: 'afspraak',
      text: 'Y. El Amrani belt de mentor. Contact: 0470 12 34 56, yasmine.ea@mail.be.',
    });
    const consents = [makeConsent({ caseId, partyId: yasmine.id, recipient: 'school', categories: ['afspraken'] })];
    const contactReplacement = { email: '[e-mail weg]', phone: '[nummer weg]' };
    const summary = buildSummary({ ...base, parties: [yasmine], consents, notes: [note] }, 'school', ON, {
      ...VL,
      contactReplacement,
    });
    const text = summaryToText(summary, labels);
    expect(text).toContain('Afgebeelde-jongere (15) belt de mentor. Contact: [nummer weg], [e-mail weg].');
    expect(text).not.toMatch(/0470|@|\bY\./u);
    expect(summary.contactsLeftOut).toBe(true);
    // Not shared (no consent for afspraken): nothing is said to be left out.
    const withheld = buildSummary({ ...base, parties: [yasmine], notes: [note] }, 'school', ON, {
      ...VL,
      contactReplacement,
    });
    expect(withheld.contactsLeftOut).toBe(false);
  });

  it('never carries a link to an image, in any shared text, also one the worker said was no image', () => {
    const yasmine = makeParty({ caseId, pseudonym: 'Jongere A', age: 15 });
    const note = makeNote({ caseId, noteKind: 'afspraak', text: 'Zie https://i.imgur.com/abc.png en www.school.be.' });
    const assessment = makeAssessment({ caseId, reasoning: 'Bewijs: https://cdn.example.com/x/foto.JPG?s=1' });
    const share = makeShareWithoutConsent({
      caseId,
      partyId: yasmine.id,
      recipient: 'school',
      categories: ['feiten'],
      sharedOn: ON,
      justification: 'Gezien op pbs.twimg.com/media/Fx1.jpg',
    });
    const consents = [
      makeConsent({
        caseId,
        partyId: yasmine.id,
        recipient: 'school',
        categories: ['afspraken', 'vlaggen-beoordeling'],
      }),
      share,
    ];
    const summary = buildSummary(
      { ...base, parties: [yasmine], consents, notes: [note], assessments: [assessment] },
      'school',
      ON,
      { ...VL, imageLinkReplacement: '[beeldlink weg]' },
    );
    const text = summaryToText(summary, labels);
    expect(text).not.toMatch(/imgur|foto\.JPG|twimg/iu);
    expect(text).toContain('Zie [beeldlink weg] en www.school.be.');
    expect(text).toContain('Bewijs: [beeldlink weg]');
    expect(text).toContain('Gezien op [beeldlink weg]');
    // Nor in a betrokkene's own fields, once names are released.
    const linked = makeParty({ caseId, pseudonym: 'Jongere B', age: 15, school: 'i.imgur.com/xyz.jpg' });
    const names = makeConsent({ caseId, partyId: linked.id, recipient: 'school', categories: ['namen-betrokkenen'] });
    const named = buildSummary({ ...base, parties: [linked], consents: [names] }, 'school', ON, {
      ...VL,
      imageLinkReplacement: '[beeldlink weg]',
    });
    expect(JSON.stringify(named.sections)).not.toContain('imgur');
    expect(JSON.stringify(named.sections)).toContain('[beeldlink weg]');
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
    const summary = buildSummary({ ...base, consents: [share] }, 'hulpverlening', ON, VL);
    expect(summary.sections[0]?.sources).toMatchObject([
      { basis: 'noodtoestand', justification: 'Acuut gevaar vandaag.' },
    ]);
    const text = summaryToText(summary, labels);
    expect(text).toContain('JUSTIFICATION Acuut gevaar vandaag.');
    expect(text).toContain('Rode vlag');
    expect(buildSummary({ ...base, consents: [share] }, 'hulpverlening', '2026-03-16', VL).sections).toEqual([]);
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
      buildSummary({ ...base, consents, assessments: [older, assessment], notes: [first, fixed] }, 'school', ON, VL),
    );
    expect(text).toContain('Rode vlag');
    expect(text).not.toContain('Oude beoordeling.');
    expect(text).toContain('Verbeterde versie.');
    expect(text).not.toContain('Eerste versie.');
  });

  it('dates an agreement by its Brussels day, also when it was written just after midnight', () => {
    // 00:30 in Brussels on 15 March is 23:30 UTC on the 14th.
    const late = makeNote({ caseId, noteKind: 'afspraak', text: 'Na middernacht.', at: '2026-03-14T23:30:00.000Z' });
    const consents = [makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['afspraken'] })];
    const summary = buildSummary({ ...base, consents, notes: [late] }, 'school', ON, VL);
    const facts = summary.sections.flatMap((s) => s.facts);
    expect(facts).toContainEqual(
      expect.objectContaining({ kind: 'agreement', on: '2026-03-15', text: 'Na middernacht.' }),
    );
  });

  it('shows the newest assessment of each behaviour with its words, names replaced, never whom it names', () => {
    const forwarder = makeParty({
      caseId,
      role: 'jongere-die-doorstuurde',
      pseudonym: 'Jongere B',
      realName: 'Jens Peeters',
      age: undefined,
    });
    const sentOld = makeAssessment({
      caseId,
      assessedOn: '2026-03-02',
      flag: 'groen',
      behaviour: 'Eigen foto gestuurd',
      reasoning: 'Eerste inschatting.',
    });
    const sent = makeAssessment({
      caseId,
      assessedOn: '2026-03-09',
      flag: 'geel',
      behaviour: 'eigen foto gestuurd',
      reasoning: 'Bijgestelde inschatting.',
      partyIds: [jongere.id],
    });
    const forwarded = makeAssessment({
      caseId,
      assessedOn: '2026-03-05',
      flag: 'rood',
      behaviour: 'Foto doorgestuurd door Jens Peeters',
      reasoning: 'Doorsturen zonder toestemming.',
      partyIds: [forwarder.id],
    });
    const consents = [
      makeConsent({ caseId, partyId: jongere.id, recipient: 'school', categories: ['vlaggen-beoordeling'] }),
    ];
    const input = { ...base, parties: [jongere, forwarder], consents, assessments: [sentOld, sent, forwarded] };
    const summary = buildSummary(input, 'school', ON, VL);
    const section = summary.sections.find((x) => x.category === 'vlaggen-beoordeling');
    expect(section?.facts).toEqual([
      {
        kind: 'assessment',
        flag: 'rood',
        assessedOn: '2026-03-05',
        reasoning: 'Doorsturen zonder toestemming.',
        behaviour: 'Foto doorgestuurd door jongere-die-doorstuurde',
      },
      {
        kind: 'assessment',
        flag: 'geel',
        assessedOn: '2026-03-09',
        reasoning: 'Bijgestelde inschatting.',
        behaviour: 'eigen foto gestuurd',
      },
    ]);
    const text = render(summary);
    expect(text).toContain('- BEHAVIOUR Foto doorgestuurd door jongere-die-doorstuurde');
    expect(text).not.toContain('Jens');
    expect(text).not.toContain('Eerste inschatting.');
    expect(text).not.toContain(forwarder.id);
    // Without consent for the category, the behaviour is withheld with the rest of the assessment.
    const withheld = buildSummary({ ...input, consents: [] }, 'school', ON, VL);
    expect(withheld.withheld).toContain('vlaggen-beoordeling');
    expect(render(withheld)).not.toContain('BEHAVIOUR');
  });

  describe('whose information (issue 14)', () => {
    const depicted = makeParty({
      caseId,
      role: 'afgebeelde-jongere',
      pseudonym: 'Jongere A',
      realName: 'Lotte Peeters',
      age: 15,
    });
    const forwarder = makeParty({
      caseId,
      role: 'jongere-die-doorstuurde',
      pseudonym: 'Jongere B',
      realName: 'Jens Van den Broeck',
      age: 16,
    });
    const melder = makeParty({ caseId, role: 'melder', pseudonym: 'Jongere C', age: 15 });
    const parties = [depicted, forwarder, melder];
    const all = ['feiten', 'afspraken', 'vlaggen-beoordeling', 'opvolging'] as const;
    const input = (
      consents: ConsentRecord[],
      description = 'JENS van den broeck stuurde de foto door.',
    ): SummaryInput => ({
      ...base,
      case: { ...kase, description },
      parties,
      consents,
    });

    it("gives an empty summary on the melder's and the forwarding pupil's consent alone", () => {
      const consents = [melder, forwarder].map((p) => makeConsent({ caseId, partyId: p.id, categories: [...all] }));
      const summary = buildSummary(input(consents), 'school', ON, VL);
      expect(summary.sections).toEqual([]);
      expect(render(summary)).not.toContain('stuurde de foto door');
    });

    it('gives nothing on a parent consent alone for a presumed-competent 15-year-old in Flanders', () => {
      const consents = [makeConsent({ caseId, partyId: depicted.id, givenBy: 'ouder-voogd', categories: [...all] })];
      expect(buildSummary(input(consents), 'school', ON, VL).sections).toEqual([]);
    });

    it("releases exactly the depicted pupil's consented categories, with other names replaced by their role alone", () => {
      const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['feiten'] })];
      const summary = buildSummary(input(consents), 'school', ON, VL);
      expect(summary.shared).toEqual(['feiten']);
      const text = summaryToText(summary, labels);
      expect(text).toContain('Jongere-die-doorstuurde stuurde de foto door.');
      expect(text).not.toMatch(/jens|broeck|16/i);
    });

    it('gives a typed age after a replaced name way to the recorded one, and keeps other numbers in brackets', () => {
      const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['feiten'] })];
      const typed = 'Lotte (14) kreeg het van Jens (17) en Jens Broeck (16); klas (3) (4).';
      const text = summaryToText(buildSummary(input(consents, typed), 'school', ON, VL), labels);
      // The depicted pupil's recorded age (15) stands; the forwarder's age is not shown, typed or not.
      expect(text).toContain(
        'Afgebeelde-jongere (15) kreeg het van jongere-die-doorstuurde en jongere-die-doorstuurde; klas (3) (4).',
      );
      expect(text).not.toContain('\uE000');
    });

    it('needs the consent of every depicted young person', () => {
      const second = makeParty({ caseId, role: 'afgebeelde-jongere', pseudonym: 'Jongere D', age: 14 });
      const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['feiten'] })];
      const withSecond = { ...input(consents), parties: [...parties, second] };
      expect(buildSummary(withSecond, 'school', ON, VL).shared).toEqual([]);
      // The worker is told whose consent is missing (apart from the summary, which never names them).
      expect(depictedAwaitingConsent(withSecond, 'school', ON, VL)).toEqual(['Jongere D']);
      const both = [...consents, makeConsent({ caseId, partyId: second.id, categories: ['feiten'] })];
      expect(buildSummary({ ...withSecond, consents: both }, 'school', ON, VL).shared).toEqual(['feiten']);
      expect(depictedAwaitingConsent({ ...withSecond, consents: both }, 'school', ON, VL)).toEqual([]);
      // No one consented: "no valid consent" already says it all.
      expect(depictedAwaitingConsent({ ...withSecond, consents: [] }, 'school', ON, VL)).toEqual([]);
    });

    it("tells a depicted young person's consent card which incident information waits for whom", () => {
      const second = makeParty({ caseId, role: 'afgebeelde-jongere', pseudonym: 'Jongere D', age: 14 });
      const all = [...parties, second];
      const ctx = { jurisdiction: 'vlaanderen', knownOn: kase.knownOn } as const;
      const own = makeConsent({
        caseId,
        partyId: depicted.id,
        categories: ['feiten', 'afspraken', 'namen-betrokkenen'],
      });
      // Names are the person's own; the incident's categories wait for the other depicted pupil.
      expect(depictedWaitingFor(own, all, [own], ctx, ON)).toEqual({
        categories: ['feiten', 'afspraken'],
        pseudonyms: ['Jongere D'],
      });
      // Jongere D consents to the facts only: the agreements still wait.
      const theirs = makeConsent({ caseId, partyId: second.id, categories: ['feiten'] });
      expect(depictedWaitingFor(own, all, [own, theirs], ctx, ON)).toEqual({
        categories: ['afspraken'],
        pseudonyms: ['Jongere D'],
      });
      // Alone in the case, or about someone not depicted: nothing waits.
      expect(depictedWaitingFor(own, parties, [own], ctx, ON)).toEqual({ categories: [], pseudonyms: [] });
      const notDepicted = parties.find((p) => p.role !== 'afgebeelde-jongere');
      if (!notDepicted) throw new Error('fixture without another role');
      const other = makeConsent({ caseId, partyId: notDepicted.id, categories: ['feiten'] });
      expect(depictedWaitingFor(other, all, [other], ctx, ON)).toEqual({ categories: [], pseudonyms: [] });
    });

    it('needs both the young person and a parent for a Dutch 15-year-old', () => {
      const young = makeConsent({ caseId, partyId: depicted.id, categories: ['feiten'] });
      const parent = makeConsent({ caseId, partyId: depicted.id, givenBy: 'ouder-voogd', categories: ['feiten'] });
      const NL = { jurisdiction: 'nederland' } as const;
      expect(buildSummary(input([young]), 'school', ON, NL).shared).toEqual([]);
      const summary = buildSummary(input([young, parent]), 'school', ON, NL);
      expect(summary.shared).toEqual(['feiten']);
      expect(summary.sections[0]?.sources.map((s) => s.basis === 'toestemming' && s.givenBy)).toEqual([
        'jongere',
        'ouder-voogd',
      ]);
    });

    it("keeps a name in the text once that person's names may be shared", () => {
      const consents = [
        makeConsent({ caseId, partyId: depicted.id, categories: ['feiten'] }),
        makeConsent({ caseId, partyId: forwarder.id, categories: ['namen-betrokkenen'] }),
      ];
      const text = summaryToText(buildSummary(input(consents), 'school', ON, VL), labels);
      expect(text).toContain('JENS van den broeck stuurde de foto door.');
      expect(text).toContain('Jongere B');
    });

    describe('takedown steps (offline-halen, issue 15)', () => {
      const takedowns = [
        makeTakedown({ caseId, step: 'platform-gemeld', status: 'lukte-niet', on: '2026-03-12', byInitials: 'QX' }),
        makeTakedown({ caseId, step: 'platform-gemeld', status: 'gedaan', on: '2026-03-13', byInitials: 'QX' }),
        makeTakedown({ caseId, step: 'verspreider-gevraagd', status: 'gedaan', on: '2026-03-12', byInitials: 'QX' }),
        // Another case's step never counts.
        makeTakedown({ step: 'child-focus', on: '2026-03-12' }),
      ];
      const withSteps = (consents: ConsentRecord[]): SummaryInput => ({ ...input(consents), takedowns });

      it("shares the current status of each step on the depicted pupil's consent, without initials", () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['offline-halen'] })];
        const summary = buildSummary(withSteps(consents), 'school', ON, VL);
        expect(summary.shared).toEqual(['offline-halen']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'takedown', step: 'verspreider-gevraagd', status: 'gedaan', on: '2026-03-12' },
          { kind: 'takedown', step: 'platform-gemeld', status: 'gedaan', on: '2026-03-13' },
        ]);
        const text = summaryToText(summary, labels);
        expect(text).toContain('- platform-gemeld | gedaan | 13/03/2026');
        expect(text).not.toContain('QX');
        expect(text).not.toContain('child-focus');
      });

      it("is withheld on the melder's and the forwarding pupil's consent, and on a parent's for a competent 15-year-old", () => {
        const consents = [
          ...[melder, forwarder].map((p) => makeConsent({ caseId, partyId: p.id, categories: ['offline-halen'] })),
          makeConsent({ caseId, partyId: depicted.id, givenBy: 'ouder-voogd', categories: ['offline-halen'] }),
        ];
        const summary = buildSummary(withSteps(consents), 'school', ON, VL);
        expect(summary.sections).toEqual([]);
        expect(summary.withheld).toContain('offline-halen');
      });

      it('is shared by a noodtoestand share of that day about the depicted young person that covers it', () => {
        const share = makeShareWithoutConsent({
          caseId,
          partyId: depicted.id,
          recipient: 'hulpverlening',
          categories: ['offline-halen'],
          sharedOn: ON,
        });
        const summary = buildSummary(withSteps([share]), 'hulpverlening', ON, VL);
        expect(summary.shared).toEqual(['offline-halen']);
        expect(summary.sections[0]?.sources.map((s) => s.basis)).toEqual(['noodtoestand']);
        expect(buildSummary(withSteps([share]), 'school', ON, VL).shared).toEqual([]);
      });

      it('is not shared by a noodtoestand share recorded about someone else (the case information is not theirs)', () => {
        const share = makeShareWithoutConsent({
          caseId,
          partyId: forwarder.id,
          recipient: 'hulpverlening',
          categories: ['offline-halen', 'feiten'],
          sharedOn: ON,
        });
        const summary = buildSummary(withSteps([share]), 'hulpverlening', ON, VL);
        expect(summary.shared).toEqual([]);
        expect(summary.withheld).toEqual(expect.arrayContaining(['offline-halen', 'feiten']));
      });

      it('is neither shared nor withheld when no step was recorded', () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['offline-halen'] })];
        const summary = buildSummary(input(consents), 'school', ON, VL);
        expect(summary.shared).toEqual([]);
        expect(summary.withheld).not.toContain('offline-halen');
      });
    });

    describe('evidence (bewijsmateriaal, issue 15)', () => {
      const evidence = [
        makeEvidence({ caseId, exists: 'onbekend', forms: [], heldBy: [], on: '2026-03-11', byInitials: 'QX' }),
        makeEvidence({
          caseId,
          exists: 'ja',
          forms: ['links'],
          heldBy: ['politie', 'jongere'],
          on: '2026-03-12',
          byInitials: 'QX',
        }),
        makeEvidence({ exists: 'nee', forms: [], heldBy: [], on: '2026-03-13' }),
      ];
      const withEvidence = (consents: ConsentRecord[]): SummaryInput => ({ ...input(consents), evidence });

      it("shares only the latest state on the depicted pupil's consent, without initials", () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['bewijsmateriaal'] })];
        const summary = buildSummary(withEvidence(consents), 'school', ON, VL);
        expect(summary.shared).toEqual(['bewijsmateriaal']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'evidence', exists: 'ja', forms: ['links'], heldBy: ['politie', 'jongere'], on: '2026-03-12' },
        ]);
        const text = summaryToText(summary, labels);
        expect(text).toContain('- ja | links | politie, jongere | 12/03/2026');
        expect(text).not.toContain('QX');
      });

      it("is withheld on the melder's consent alone", () => {
        const consents = [makeConsent({ caseId, partyId: melder.id, categories: ['bewijsmateriaal'] })];
        const summary = buildSummary(withEvidence(consents), 'school', ON, VL);
        expect(summary.sections).toEqual([]);
        expect(summary.withheld).toContain('bewijsmateriaal');
      });
    });

    describe('police complaint (klacht-politie, issue 15)', () => {
      const police = [
        makePolice({ caseId, stage: 'overwogen', by: 'jongere', on: '2026-03-11', informed: false, byInitials: 'QX' }),
        makePolice({ caseId, stage: 'aangeraden', by: 'clb', on: '2026-03-12', informed: true, byInitials: 'QX' }),
        makePolice({
          caseId,
          stage: 'overwogen',
          by: 'ouders-voogd',
          on: '2026-03-12',
          informed: true,
          byInitials: 'QX',
        }),
        makePolice({ stage: 'neergelegd', on: '2026-03-12' }),
      ];
      const withPolice = (consents: ConsentRecord[]): SummaryInput => ({ ...input(consents), police });

      it("shares the latest state of each stage on the depicted pupil's consent, without initials", () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['klacht-politie'] })];
        const summary = buildSummary(withPolice(consents), 'school', ON, VL);
        expect(summary.shared).toEqual(['klacht-politie']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'police', stage: 'overwogen', by: 'ouders-voogd', on: '2026-03-12', informed: true },
          { kind: 'police', stage: 'aangeraden', by: 'clb', on: '2026-03-12', informed: true },
        ]);
        const text = summaryToText(summary, labels);
        expect(text).toContain('- aangeraden | clb | 12/03/2026 | informed');
        expect(text).not.toContain('QX');
        expect(text).not.toContain('neergelegd');
      });

      it("is withheld on the forwarding pupil's consent alone", () => {
        const consents = [makeConsent({ caseId, partyId: forwarder.id, categories: ['klacht-politie'] })];
        const summary = buildSummary(withPolice(consents), 'school', ON, VL);
        expect(summary.sections).toEqual([]);
        expect(summary.withheld).toContain('klacht-politie');
      });
    });

    describe('other schools and CLBs informed (andere-scholen, issue 15)', () => {
      const informed = [
        makeInformed({ caseId, institutionKind: 'clb', institution: 'CLB Noord', on: '2026-03-13', byInitials: 'QX' }),
        makeInformed({ caseId, institution: 'Atheneum Berchem', on: '2026-03-12', byInitials: 'QX' }),
        makeInformed({ institution: 'Ander dossier', on: '2026-03-12' }),
      ];
      const withInformed = (consents: ConsentRecord[]): SummaryInput => ({ ...input(consents), informed });

      it("lists who was informed and when on the depicted pupil's consent, without basis or initials", () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['andere-scholen'] })];
        const summary = buildSummary(withInformed(consents), 'school', ON, VL);
        expect(summary.shared).toEqual(['andere-scholen']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'informed', institutionKind: 'school', institution: 'Atheneum Berchem', on: '2026-03-12' },
          { kind: 'informed', institutionKind: 'clb', institution: 'CLB Noord', on: '2026-03-13' },
        ]);
        const text = summaryToText(summary, labels);
        expect(text).toContain('- clb | CLB Noord | 13/03/2026');
        expect(text).not.toContain('QX');
        expect(text).not.toContain('Ander dossier');
      });

      it("is withheld on the melder's consent alone", () => {
        const consents = [makeConsent({ caseId, partyId: melder.id, categories: ['andere-scholen'] })];
        const summary = buildSummary(withInformed(consents), 'school', ON, VL);
        expect(summary.sections).toEqual([]);
        expect(summary.withheld).toContain('andere-scholen');
      });
    });

    describe('grooming observations (grooming-signalen, issue 15)', () => {
      const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['grooming-signalen'] })];

      it("shares the current set of phases on the depicted pupil's consent, without initials", () => {
        const grooming = [
          makeGrooming({ caseId, phases: ['slachtofferselectie'], observedOn: '2026-03-11', byInitials: 'QX' }),
          makeGrooming({
            caseId,
            phases: ['voorzien-in-behoefte', 'verleggen-van-grenzen'],
            observedOn: '2026-03-12',
            byInitials: 'QX',
          }),
        ];
        const summary = buildSummary({ ...input(consents), grooming }, 'school', ON, VL);
        expect(summary.shared).toEqual(['grooming-signalen']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'grooming', phases: ['voorzien-in-behoefte', 'verleggen-van-grenzen'], observedOn: '2026-03-12' },
        ]);
        expect(summaryToText(summary, labels)).not.toContain('QX');
      });

      it('has nothing to share once the latest observation is empty', () => {
        const grooming = [
          makeGrooming({ caseId, observedOn: '2026-03-11' }),
          makeGrooming({ caseId, phases: [], observedOn: '2026-03-12' }),
        ];
        const summary = buildSummary({ ...input(consents), grooming }, 'school', ON, VL);
        expect(summary.shared).toEqual([]);
        expect(summary.withheld).not.toContain('grooming-signalen');
      });
    });

    describe('conversations (gesprekken, issue 15)', () => {
      const conversations = [
        makeConversation({ caseId, on: '2026-03-12', format: 'samen', partyIds: [depicted.id, forwarder.id] }),
        makeConversation({ caseId, on: '2026-03-11', format: 'apart', partyIds: [depicted.id] }),
      ];
      it("lists date and joint or separate on the depicted pupil's consent, never who took part", () => {
        const consents = [makeConsent({ caseId, partyId: depicted.id, categories: ['gesprekken'] })];
        const summary = buildSummary({ ...input(consents), conversations }, 'school', ON, VL);
        expect(summary.shared).toEqual(['gesprekken']);
        expect(summary.sections[0]?.facts).toEqual([
          { kind: 'conversation', on: '2026-03-11', format: 'apart' },
          { kind: 'conversation', on: '2026-03-12', format: 'samen' },
        ]);
        const text = summaryToText(summary, labels);
        expect(text).not.toContain(depicted.id);
        expect(text).not.toContain(depicted.pseudonym);
      });
      it("is withheld on the forwarding pupil's consent alone", () => {
        const consents = [makeConsent({ caseId, partyId: forwarder.id, categories: ['gesprekken'] })];
        const summary = buildSummary({ ...input(consents), conversations }, 'school', ON, VL);
        expect(summary.sections).toEqual([]);
        expect(summary.withheld).toContain('gesprekken');
      });
    });

    it('never uses an art. 458bis record for a school, even one stored before the rule', () => {
      const share = makeShareWithoutConsent({
        caseId,
        partyId: depicted.id,
        basis: 'art-458bis',
        recipient: 'school',
        sharedOn: ON,
      });
      expect(buildSummary(input([share]), 'school', ON, VL).sections).toEqual([]);
    });
  });

  it('writes dates the Belgian way', () => {
    expect(formatDateBe('2026-03-12')).toBe('12/03/2026');
  });
});

// ---------------------------------------------------------------------------
// Property: no marker without a valid basis for that recipient
// ---------------------------------------------------------------------------

const KNOWN_ON = '2026-03-11';
const categories = infoCategorySchema.options;
const bases = ['toestemming', 'noodtoestand', 'art-458bis'] as const;

const arbitraryCase = fc.record({
  jurisdiction: fc.constantFrom('vlaanderen' as const, 'nederland' as const),
  parties: fc.array(
    fc.record({
      // Depicted young people and ages around the thresholds (11/12, 15/16) more often: that is where the rules bite.
      role: fc.oneof(
        { arbitrary: fc.constant('afgebeelde-jongere' as const), weight: 2 },
        { arbitrary: fc.constantFrom(...partyRoleSchema.options), weight: 3 },
      ),
      age: fc.option(fc.oneof(fc.constantFrom(9, 11, 12, 14, 15, 16, 17), fc.integer({ min: 8, max: 19 })), {
        nil: undefined,
      }),
      realName: fc.boolean(),
      school: fc.boolean(),
      className: fc.boolean(),
      judgement: fc.option(fc.record({ competent: fc.boolean(), offset: fc.integer({ min: -3, max: 2 }) }), {
        nil: undefined,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  consents: fc.array(
    fc.record({
      party: fc.nat(),
      recipient: fc.constantFrom(...summaryRecipients, 'politie-parket' as const),
      categories: fc.subarray([...categories], { minLength: 1 }),
      basis: fc.constantFrom(...bases, 'toestemming' as const),
      givenBy: fc.constantFrom('jongere' as const, 'ouder-voogd' as const),
      offset: fc.integer({ min: -3, max: 2 }),
      withdrawAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 8 },
  ),
  /** Names typed into free text: which party, real name or pseudonym, how it is spelled. */
  typedNames: fc.array(fc.record({ party: fc.nat(), real: fc.boolean(), variant: fc.integer({ min: 0, max: 3 }) }), {
    maxLength: 4,
  }),
  assessments: fc.integer({ min: 0, max: 3 }),
  notes: fc.array(fc.record({ noteKind: fc.constantFrom(...noteKindSchema.options), corrects: fc.boolean() }), {
    maxLength: 5,
  }),
  followUps: fc.array(fc.boolean(), { maxLength: 3 }),
  takedowns: fc.subarray([...takedownStepSchema.options]),
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

/** Independent of the code under test: accents off, lower case, letters and digits only. */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** How a worker might type a name: as is, lower case, upper case without accents, with extra spaces. */
function typed(name: string, variant: number): string {
  if (variant === 1) return name.toLowerCase();
  if (variant === 2) return name.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
  if (variant === 3) return `${name.slice(0, 3)}  ${name.slice(3)}`.replace(/^(.)/, ' $1');
  return name;
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

  const caseId = crypto.randomUUID();
  const parties: Party[] = spec.parties.map((p) => {
    const id = crypto.randomUUID();
    const named = (a: Allowed): boolean => a.party(id);
    // A real name with an accent, so typed variants without it must still be found.
    const real = mark(named);
    return makeParty({
      id,
      caseId,
      role: p.role,
      age: p.age,
      pseudonym: mark(named),
      realName: p.realName ? `${real.slice(0, 2)}É${real.slice(2)}` : undefined,
      school: p.school ? mark(named) : undefined,
      className: p.className ? mark(named) : undefined,
      competence: p.judgement && {
        competent: p.judgement.competent,
        assessedBy: 'CLB-medewerker',
        assessedOn: shiftDate(p.judgement.offset),
        reason: 'Besproken.',
      },
    });
  });
  const namesTyped = spec.typedNames
    .map((t) => {
      const party = parties[t.party % parties.length];
      const name = t.real ? party?.realName : party?.pseudonym;
      return name === undefined ? '' : typed(name, t.variant);
    })
    .join(', ');
  const kase = makeCase({
    id: caseId,
    knownOn: KNOWN_ON,
    description: `${mark((a) => a.category('feiten'))} ${namesTyped} zag het.`,
    schools: Array.from({ length: spec.schools }, () => mark((a) => a.category('feiten'))),
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
        givenBy: c.givenBy,
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
    record.justification = `${mark((a) => a.source(record))} ${namesTyped}`;
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
        text: `${mark((a) => s.noteKind === 'afspraak' && isLast() && a.category('afspraken'))} met ${namesTyped}`,
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

  const takedowns = spec.takedowns.map((step) => makeTakedown({ caseId, step, on: shiftDate(-1) }));

  return {
    input: { case: kase, parties, consents, assessments, notes, followUps, takedowns },
    markers,
    justifications,
  };
}

type Giver = 'jongere' | 'ouder-voogd';

/**
 * An independent statement of the rules (DOMAIN.md, "Who decides"), to check
 * the builder against. Every test date lies within a year after KNOWN_ON, so
 * a recorded age a is a on that day and a or a + 1 on any later day.
 */
function oracle(
  input: SummaryInput,
  recipient: SummaryRecipient,
  jurisdiction: 'vlaanderen' | 'nederland',
  summary: Summary,
): Allowed {
  const own = input.consents.filter(
    (c) => c.caseId === input.case.id && c.recipient === recipient && input.parties.some((p) => p.id === c.partyId),
  );
  const active = (c: ConsentRecord): boolean =>
    c.basis === 'toestemming'
      ? c.givenOn <= ON && (c.withdrawnOn === undefined || ON < c.withdrawnOn)
      : c.sharedOn === ON;
  const deciders = (p: Party, day: string): Giver[][] => {
    if (p.role === 'ouder-voogd' || p.role === 'volwassene') return [['jongere']];
    // A Flemish competence judgement is about a minor: it decides for any age under 18.
    const judged = jurisdiction === 'vlaanderen' && p.competence && p.competence.assessedOn <= day;
    const judgedGivers: Giver[] = p.competence?.competent ? ['jongere'] : ['ouder-voogd'];
    if (p.age === undefined) return judged ? [judgedGivers] : [['jongere', 'ouder-voogd']];
    const ages = day === KNOWN_ON ? [p.age] : [p.age, p.age + 1];
    return ages.map((age): Giver[] => {
      if (age >= 18) return ['jongere'];
      if (judged) return judgedGivers;
      if (jurisdiction === 'vlaanderen') return age >= 12 ? ['jongere'] : ['ouder-voogd'];
      return age < 12 ? ['ouder-voogd'] : age < 16 ? ['jongere', 'ouder-voogd'] : ['jongere'];
    });
  };
  const mayDecide = (p: Party, g: Giver, day: string): boolean => deciders(p, day).some((set) => set.includes(g));
  const uncertain = (p: Party, day: string): boolean =>
    new Set(deciders(p, day).map((set) => [...set].sort().join('+'))).size > 1;
  const consentOk = (p: Party, category: InfoCategory): boolean => {
    const givers = new Set(
      own
        .filter((c) => c.basis === 'toestemming' && c.partyId === p.id && c.categories.includes(category) && active(c))
        .flatMap((c) =>
          c.basis === 'toestemming' &&
          mayDecide(p, c.givenBy, c.givenOn) &&
          mayDecide(p, c.givenBy, ON) &&
          // Given while it was unsure who decides: counts only while it is still unsure.
          (uncertain(p, ON) || deciders(p, c.givenOn).every((set) => set.includes(c.givenBy)))
            ? [c.givenBy]
            : [],
        ),
    );
    return deciders(p, ON).every((set) => set.every((g) => givers.has(g)));
  };
  // Art. 458bis goes to politie-parket only, which no summary is for.
  const emergencyOk = (category: InfoCategory, partyId?: string): boolean =>
    own.some(
      (c) =>
        c.basis === 'noodtoestand' &&
        active(c) &&
        c.categories.includes(category) &&
        (partyId === undefined || c.partyId === partyId),
    );
  const depicted = input.parties.filter((p) => p.role === 'afgebeelde-jongere');
  const sources = summary.sections.flatMap((s) => s.sources);
  return {
    category: (category) =>
      (depicted.length > 0 && depicted.every((p) => consentOk(p, category))) ||
      // Only a share about a depicted young person: the case's information is theirs.
      depicted.some((p) => emergencyOk(category, p.id)),
    party: (partyId) => {
      const p = input.parties.find((x) => x.id === partyId);
      return p !== undefined && (consentOk(p, 'namen-betrokkenen') || emergencyOk('namen-betrokkenen', partyId));
    },
    source: (record) =>
      active(record) &&
      record.basis === 'noodtoestand' &&
      sources.some(
        (s) => s.basis === record.basis && s.justification.includes(record.justification.split(' ')[0] ?? ''),
      ),
  };
}

describe('buildSummary (properties)', () => {
  it('never shows a category, name, pseudonym, school or class without a valid basis, also not typed into free text', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input, markers } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON, { jurisdiction: spec.jurisdiction });
        const allowed = oracle(input, spec.recipient, spec.jurisdiction, summary);
        const text = fold(render(summary));
        for (const [m, when] of markers) {
          if (text.includes(fold(m))) expect(when(allowed), `marker ${m} must not be shared`).toBe(true);
        }
        for (const p of input.parties) {
          if (p.realName !== undefined && text.includes(fold(p.realName))) expect(allowed.party(p.id)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shows every allowed case-level fact and every person whose name may be shared', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON, { jurisdiction: spec.jurisdiction });
        const allowed = oracle(input, spec.recipient, spec.jurisdiction, summary);
        const text = render(summary);
        const marker = input.case.description.split(' ')[0] ?? '';
        expect(text.includes(marker)).toBe(allowed.category('feiten'));
        for (const p of input.parties) expect(text.includes(p.pseudonym)).toBe(allowed.party(p.id));
        for (const f of input.followUps) {
          if (f.doneOn === undefined && allowed.category('opvolging')) expect(text).toContain(f.purpose);
        }
        for (const c of summary.withheld) {
          if (c !== 'namen-betrokkenen') expect(allowed.category(c)).toBe(false);
        }
        // The takedown steps have no free text to mark: their section appears exactly when allowed.
        const offline = summary.sections.some((s) => s.category === 'offline-halen');
        expect(offline).toBe(spec.takedowns.length > 0 && allowed.category('offline-halen'));
      }),
      { numRuns: 300 },
    );
  });

  it('shows a share without consent only together with its justification, and only on its own day', () => {
    fc.assert(
      fc.property(arbitraryCase, (spec) => {
        const { input, justifications } = build(spec);
        const summary = buildSummary(input, spec.recipient, ON, { jurisdiction: spec.jurisdiction });
        const text = summaryToText(summary, labels);
        for (const source of summary.sections.flatMap((s) => s.sources)) {
          if (source.basis === 'toestemming') continue;
          expect(source.basis).toBe('noodtoestand');
          expect(text).toContain(`JUSTIFICATION ${source.justification}`);
          const record = [...justifications.values()].find(
            (r) => r.basis !== 'toestemming' && source.justification.startsWith(r.justification.split(' ')[0] ?? '-'),
          );
          expect(record?.basis !== 'toestemming' && record?.sharedOn).toBe(ON);
        }
      }),
      { numRuns: 300 },
    );
  });
});
