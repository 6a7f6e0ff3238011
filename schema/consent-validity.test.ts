import { describe, expect, it } from 'vitest';

import type { CompetenceOverride, Jurisdiction } from './competence';
import {
  ageRangeOn,
  consentRelease,
  consentValidity,
  decidersOn,
  entitlementError,
  releasesAnything,
  validityTimeline,
} from './consent-validity';
import { makeConsent, makeParty } from './factories';
import type { ConsentGiven } from './records/consent';
import type { Party } from './records/party';

const KNOWN_ON = '2026-03-11';
const judgement = (competent: boolean, assessedOn = KNOWN_ON): CompetenceOverride => ({
  competent,
  assessedBy: 'CLB-medewerker',
  assessedOn,
  reason: 'Gesprek over wat delen betekent.',
});

// The expected column is written by hand from DOMAIN.md ("Who decides"), not
// from the code: Y = the consent releases the information, N = it does not.
//   Flanders: from 12 presumed competent → the young person alone; under 12 the
//   parents; a judgement rebuts it either way (competent → young person,
//   not competent → parents).
//   Netherlands: under 12 parents; 12–15 both; 16+ young person alone; DOMAIN.md
//   names no judgement for NL, so a judgement changes nothing there.
// Columns: consent of [young person alone, parent alone, both].
type Row = [Jurisdiction, 'geen' | 'bekwaam' | 'niet-bekwaam', number, 'Y' | 'N', 'Y' | 'N', 'Y' | 'N'];
const table: Row[] = [
  ['vlaanderen', 'geen', 9, 'N', 'Y', 'Y'],
  ['vlaanderen', 'geen', 11, 'N', 'Y', 'Y'],
  ['vlaanderen', 'geen', 12, 'Y', 'N', 'Y'],
  ['vlaanderen', 'geen', 14, 'Y', 'N', 'Y'],
  ['vlaanderen', 'geen', 15, 'Y', 'N', 'Y'],
  ['vlaanderen', 'geen', 16, 'Y', 'N', 'Y'],
  ['vlaanderen', 'geen', 17, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 9, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 11, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 12, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 14, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 15, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 16, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 17, 'Y', 'N', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 9, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 11, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 12, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 14, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 15, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 16, 'N', 'Y', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 17, 'N', 'Y', 'Y'],
  ['nederland', 'geen', 9, 'N', 'Y', 'Y'],
  ['nederland', 'geen', 11, 'N', 'Y', 'Y'],
  ['nederland', 'geen', 12, 'N', 'N', 'Y'],
  ['nederland', 'geen', 14, 'N', 'N', 'Y'],
  ['nederland', 'geen', 15, 'N', 'N', 'Y'],
  ['nederland', 'geen', 16, 'Y', 'N', 'Y'],
  ['nederland', 'geen', 17, 'Y', 'N', 'Y'],
  ['nederland', 'bekwaam', 9, 'N', 'Y', 'Y'],
  ['nederland', 'bekwaam', 11, 'N', 'Y', 'Y'],
  ['nederland', 'bekwaam', 14, 'N', 'N', 'Y'],
  ['nederland', 'bekwaam', 16, 'Y', 'N', 'Y'],
  ['nederland', 'niet-bekwaam', 12, 'N', 'N', 'Y'],
  ['nederland', 'niet-bekwaam', 15, 'N', 'N', 'Y'],
  ['nederland', 'niet-bekwaam', 17, 'Y', 'N', 'Y'],
  // 18 and older: an adult decides about their own information; a judgement is about a minor.
  ['vlaanderen', 'geen', 18, 'Y', 'N', 'Y'],
  ['vlaanderen', 'bekwaam', 19, 'Y', 'N', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 18, 'Y', 'N', 'Y'],
  ['vlaanderen', 'niet-bekwaam', 19, 'Y', 'N', 'Y'],
  ['nederland', 'geen', 18, 'Y', 'N', 'Y'],
  ['nederland', 'niet-bekwaam', 19, 'Y', 'N', 'Y'],
];

function setUp(age: number | undefined, competence?: CompetenceOverride, extra: Partial<Party> = {}) {
  const caseId = crypto.randomUUID();
  const party = makeParty({ caseId, role: 'afgebeelde-jongere', age, competence, ...extra });
  const consent = (givenBy: ConsentGiven['givenBy'], overrides: Partial<ConsentGiven> = {}): ConsentGiven =>
    makeConsent({
      caseId,
      partyId: party.id,
      givenBy,
      givenOn: KNOWN_ON,
      recipient: 'school',
      categories: ['feiten'],
      ...overrides,
    });
  return { party, consent };
}

describe('releasesAnything', () => {
  it("is true only once everyone who decides has consented, and only for the record's own person", () => {
    const { party, consent } = setUp(13);
    const ctx = { jurisdiction: 'nederland', knownOn: KNOWN_ON } as const;
    const young = consent('jongere');
    const parent = consent('ouder-voogd');
    expect(releasesAnything(young, [party], [young], ctx, KNOWN_ON)).toBe(false);
    expect(releasesAnything(young, [party], [young, parent], ctx, KNOWN_ON)).toBe(true);
    expect(releasesAnything(young, [], [young, parent], ctx, KNOWN_ON)).toBe(false);
    // In Flanders a 13-year-old decides alone.
    expect(releasesAnything(young, [party], [young], { ...ctx, jurisdiction: 'vlaanderen' }, KNOWN_ON)).toBe(true);
  });
});

describe('who may consent (table from DOMAIN.md)', () => {
  it.each(table)(
    '%s, judgement %s, age %i: young person %s, parent %s, both %s',
    (jurisdiction, j, age, young, parent, both) => {
      const { party, consent } = setUp(age, j === 'geen' ? undefined : judgement(j === 'bekwaam'));
      const ctx = { jurisdiction, knownOn: KNOWN_ON };
      const query = { recipient: 'school', category: 'feiten', onDate: KNOWN_ON } as const;
      const released = (records: ConsentGiven[]): 'Y' | 'N' =>
        consentRelease(records, party, query, ctx).released ? 'Y' : 'N';
      expect(released([consent('jongere')])).toBe(young);
      expect(released([consent('ouder-voogd')])).toBe(parent);
      expect(released([consent('jongere'), consent('ouder-voogd')])).toBe(both);
    },
  );

  it('explains a parent consent for a presumed-competent 15-year-old in Flanders as not valid', () => {
    const { party, consent } = setUp(15);
    const c = consent('ouder-voogd');
    const v = consentValidity(c, party, [c], { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON }, KNOWN_ON);
    expect(v.state).toEqual({ status: 'niet-geldig', reason: 'niet-bevoegd-bij-geven' });
    expect(v.deciders.basis).toEqual({ kind: 'leeftijd', min: 15, max: 15 });
  });

  it('calls one consent for a Dutch 14-year-old incomplete and names who is missing', () => {
    const { party, consent } = setUp(14);
    const ctx = { jurisdiction: 'nederland', knownOn: KNOWN_ON } as const;
    const young = consent('jongere');
    expect(consentValidity(young, party, [young], ctx, KNOWN_ON).state).toEqual({
      status: 'onvolledig',
      missing: ['ouder-voogd'],
      waiting: ['feiten'],
      released: [],
    });
    const parent = consent('ouder-voogd');
    expect(consentValidity(young, party, [young, parent], ctx, KNOWN_ON).state).toEqual({ status: 'geldig' });
  });

  it('says which categories of an incomplete consent already go with another consent, and which wait', () => {
    const { party, consent } = setUp(13);
    const ctx = { jurisdiction: 'nederland', knownOn: KNOWN_ON } as const;
    const young = consent('jongere', { categories: ['feiten', 'afspraken', 'namen-betrokkenen'] });
    const parent = consent('ouder-voogd', { categories: ['feiten'] });
    expect(consentValidity(young, party, [young, parent], ctx, KNOWN_ON).state).toEqual({
      status: 'onvolledig',
      missing: ['ouder-voogd'],
      waiting: ['afspraken', 'namen-betrokkenen'],
      released: ['feiten'],
    });
  });

  it('never lets a melder, bystander or forwarding pupil release case-level information, only their own name', () => {
    for (const role of ['melder', 'ontvanger-omstander', 'jongere-die-doorstuurde'] as const) {
      const { party, consent } = setUp(15, undefined, { role });
      const c = consent('jongere', { categories: ['feiten', 'namen-betrokkenen'] });
      const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
      const on = { recipient: 'school', onDate: KNOWN_ON } as const;
      expect(consentRelease([c], party, { ...on, category: 'feiten' }, ctx).released).toBe(false);
      expect(consentRelease([c], party, { ...on, category: 'namen-betrokkenen' }, ctx).released).toBe(true);
      expect(consentValidity(c, party, [c], ctx, KNOWN_ON).notOwnInformation).toEqual(['feiten']);
    }
  });

  it('asks both the young person and the parents when the age is unknown', () => {
    const { party, consent } = setUp(undefined);
    for (const jurisdiction of ['vlaanderen', 'nederland'] as const) {
      const ctx = { jurisdiction, knownOn: KNOWN_ON };
      const query = { recipient: 'school', category: 'feiten', onDate: KNOWN_ON } as const;
      expect(consentRelease([consent('jongere')], party, query, ctx).released).toBe(false);
      expect(consentRelease([consent('ouder-voogd')], party, query, ctx).released).toBe(false);
      expect(consentRelease([consent('jongere'), consent('ouder-voogd')], party, query, ctx).released).toBe(true);
    }
  });
});

describe('ageRangeOn', () => {
  it.each([
    // age 11 on 11 March 2026: the birthday is unknown
    [{ age: 11 }, '2026-03-11', 11, 11],
    [{ age: 11 }, '2026-03-12', 11, 12],
    [{ age: 11 }, '2027-03-10', 11, 12],
    [{ age: 11 }, '2027-03-11', 12, 12],
    [{ age: 11 }, '2027-03-12', 12, 13],
    [{ age: 11 }, '2026-03-10', 10, 11],
  ])('%o known on 11/03/2026 is between %s … on %s', (facts, on, min, max) => {
    expect(ageRangeOn(facts, KNOWN_ON, on)).toEqual({ min, max });
  });

  it('knows nothing without an age', () => {
    expect(ageRangeOn({}, KNOWN_ON, KNOWN_ON)).toBeUndefined();
  });
});

describe('validity over time', () => {
  it('ends a withdrawn consent from the day of withdrawal', () => {
    const { party, consent } = setUp(15);
    const c = consent('jongere', { withdrawnOn: '2026-04-01' });
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    expect(consentValidity(c, party, [c], ctx, '2026-03-31').state).toEqual({ status: 'geldig' });
    expect(consentValidity(c, party, [c], ctx, '2026-04-01').state).toEqual({
      status: 'ingetrokken',
      since: '2026-04-01',
    });
  });

  it('applies a competence judgement from its own day, and a consent given before it must be asked again', () => {
    const { party, consent } = setUp(15, judgement(false, '2026-04-01'));
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    const young = consent('jongere');
    const parentEarly = consent('ouder-voogd', { givenOn: '2026-03-20' });
    const parentLater = consent('ouder-voogd', { givenOn: '2026-04-02' });
    const all = [young, parentEarly, parentLater];
    const query = { recipient: 'school', category: 'feiten' } as const;
    expect(consentRelease(all, party, { ...query, onDate: '2026-03-31' }, ctx).records).toEqual([young]);
    expect(consentValidity(young, party, all, ctx, '2026-04-01').state).toEqual({
      status: 'niet-geldig',
      reason: 'niet-meer-bevoegd',
    });
    expect(consentRelease(all, party, { ...query, onDate: '2026-04-01' }, ctx).released).toBe(false);
    expect(consentValidity(parentEarly, party, all, ctx, '2026-04-02').state).toMatchObject({ status: 'niet-geldig' });
    expect(consentRelease(all, party, { ...query, onDate: '2026-04-02' }, ctx).records).toEqual([parentLater]);
  });

  it('stops a parent consent for an 11-year-old in Flanders once the child may be 12', () => {
    const { party, consent } = setUp(11);
    const parent = consent('ouder-voogd');
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    const timeline = validityTimeline(parent, party, [parent], ctx, '2027-12-31');
    expect(timeline.map((c) => [c.from, c.validity.state])).toEqual([
      ['2026-03-11', { status: 'geldig' }],
      ['2026-03-12', { status: 'onvolledig', missing: ['jongere'], waiting: ['feiten'], released: [] }],
      ['2027-03-11', { status: 'niet-geldig', reason: 'niet-meer-bevoegd' }],
    ]);
  });

  it('asks a Flemish child again once surely 12, when her own consent was given while she might still be 11', () => {
    const { party, consent } = setUp(11);
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    const young = consent('jongere', { givenOn: '2026-06-01' });
    const parent = consent('ouder-voogd', { givenOn: '2026-06-01' });
    const query = { recipient: 'school', category: 'feiten' } as const;
    // 11 or 12 that day: both together release it.
    expect(consentRelease([young, parent], party, { ...query, onDate: '2026-06-01' }, ctx).released).toBe(true);
    // Surely 12: she decides alone, but her consent of June may have been an 11-year-old's.
    expect(consentRelease([young, parent], party, { ...query, onDate: '2027-03-11' }, ctx).released).toBe(false);
    expect(consentValidity(young, party, [young, parent], ctx, '2027-03-11').state).toEqual({
      status: 'niet-geldig',
      reason: 'opnieuw-vragen',
    });
    const again = consent('jongere', { givenOn: '2027-03-11' });
    expect(consentRelease([young, parent, again], party, { ...query, onDate: '2027-03-11' }, ctx).records).toEqual([
      again,
    ]);
  });

  it('never lets a consent given in a year of uncertainty count again in a later one', () => {
    const { party, consent } = setUp(11);
    const ctx = { jurisdiction: 'nederland', knownOn: KNOWN_ON } as const;
    const young = consent('jongere', { givenOn: '2026-06-01' });
    const parent = consent('ouder-voogd', { givenOn: '2026-06-01' });
    const all = [young, parent];
    const query = { recipient: 'school', category: 'feiten' } as const;
    // 15 or 16 four years later: uncertain again, but she may have been 11 when she consented.
    for (const day of ['2027-06-01', '2030-06-01', '2031-06-01']) {
      expect(consentRelease(all, party, { ...query, onDate: day }, ctx).released, day).toBe(false);
      expect(consentValidity(young, party, all, ctx, day).state, day).toEqual({
        status: 'niet-geldig',
        reason: 'opnieuw-vragen',
      });
    }
    // The parent's own consent still counts, so its card asks for the young person's, not "Geldig".
    expect(consentValidity(parent, party, all, ctx, '2027-06-01').state).toEqual({
      status: 'onvolledig',
      missing: ['jongere'],
      waiting: ['feiten'],
      released: [],
    });
  });

  it('lets a Dutch 15-year-old decide alone once surely 16', () => {
    const { party, consent } = setUp(15);
    const young = consent('jongere');
    const ctx = { jurisdiction: 'nederland', knownOn: KNOWN_ON } as const;
    const query = { recipient: 'school', category: 'feiten' } as const;
    expect(consentRelease([young], party, { ...query, onDate: '2027-03-10' }, ctx).released).toBe(false);
    expect(consentRelease([young], party, { ...query, onDate: '2027-03-11' }, ctx).released).toBe(true);
    expect(validityTimeline(young, party, [young], ctx, '2027-12-31').map((c) => c.from)).toEqual([
      '2026-03-11',
      '2027-03-11',
    ]);
  });

  it('hands a Flemish 17-year-old judged not competent their own decision once surely 18', () => {
    const { party, consent } = setUp(17, judgement(false));
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    const young = consent('jongere', { givenOn: '2027-03-11' });
    const parent = consent('ouder-voogd');
    const query = { recipient: 'school', category: 'feiten' } as const;
    // Still 17 on the day: the parents decide.
    expect(consentRelease([parent], party, { ...query, onDate: KNOWN_ON }, ctx).released).toBe(true);
    // 17 or 18 (the birthday is not known): only both together.
    expect(decidersOn(party, ctx, '2026-09-01').sets).toEqual([['ouder-voogd'], ['jongere']]);
    expect(consentRelease([parent], party, { ...query, onDate: '2026-09-01' }, ctx).released).toBe(false);
    // Surely 18: the young adult alone, whatever the judgement said; the parents' consent no longer counts.
    expect(decidersOn(party, ctx, '2027-03-11')).toMatchObject({
      sets: [['jongere']],
      basis: { kind: 'volwassene' },
      overrideNotApplied: true,
    });
    expect(consentRelease([parent, young], party, { ...query, onDate: '2027-03-11' }, ctx).records).toEqual([young]);
    expect(consentValidity(parent, party, [parent, young], ctx, '2027-03-11').state).toEqual({
      status: 'niet-geldig',
      reason: 'niet-meer-bevoegd',
    });
  });

  it('never counts a consent dated before the case became known, and says why', () => {
    const { party, consent } = setUp(14);
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    const early = consent('jongere', { givenOn: '2026-02-01' });
    const query = { recipient: 'school', category: 'feiten', onDate: '2026-04-01' } as const;
    expect(consentRelease([early], party, query, ctx).released).toBe(false);
    expect(consentValidity(early, party, [early], ctx, '2026-04-01').state).toEqual({
      status: 'niet-geldig',
      reason: 'voor-bekend',
    });
    // Asked again after the case became known, it counts.
    const again = consent('jongere', { givenOn: KNOWN_ON });
    expect(consentRelease([early, again], party, query, ctx).records).toEqual([again]);
  });

  it('keeps applying a judgement stored with a date before the case became known, without reviving early consent', () => {
    const query = { recipient: 'school', category: 'feiten', onDate: '2026-04-01' } as const;
    const ctx = { jurisdiction: 'vlaanderen', knownOn: KNOWN_ON } as const;
    // Judged competent "in January": her own consent given once the case was known counts, one from before never.
    const child = setUp(10, judgement(true, '2026-01-15'));
    expect(decidersOn(child.party, ctx, '2026-04-01').basis).toMatchObject({ kind: 'oordeel' });
    expect(consentRelease([child.consent('jongere')], child.party, query, ctx).released).toBe(true);
    expect(
      consentRelease([child.consent('jongere', { givenOn: '2026-02-01' })], child.party, query, ctx).released,
    ).toBe(false);
    // Judged not competent "early": the age rule does not take over, so a 14-year-old's own consent releases nothing.
    const pupil = setUp(14, judgement(false, '2026-03-05'));
    expect(consentRelease([pupil.consent('jongere')], pupil.party, query, ctx).released).toBe(false);
    expect(consentRelease([pupil.consent('ouder-voogd')], pupil.party, query, ctx).released).toBe(true);
  });

  it('lets an adult betrokkene decide about their own name', () => {
    const parentParty = makeParty({ role: 'ouder-voogd', age: undefined });
    expect(decidersOn(parentParty, { jurisdiction: 'nederland', knownOn: KNOWN_ON }, KNOWN_ON).sets).toEqual([
      ['jongere'],
    ]);
  });
});

describe('entitlementError', () => {
  const ctx = (jurisdiction: Jurisdiction) => ({ jurisdiction, knownOn: KNOWN_ON });
  it.each([
    ['vlaanderen', 15, 'ouder-voogd', 'consent.giverNotEntitledCompetent'],
    ['vlaanderen', 15, 'jongere', null],
    ['vlaanderen', 9, 'jongere', 'consent.giverNotEntitledNotCompetent'],
    ['vlaanderen', 9, 'ouder-voogd', null],
    ['nederland', 9, 'jongere', 'consent.giverNotEntitledNl'],
    ['nederland', 17, 'ouder-voogd', 'consent.giverNotEntitledNl'],
    // 12–15 in the Netherlands: each may give their part; the record waits for the other.
    ['nederland', 14, 'jongere', null],
    ['nederland', 14, 'ouder-voogd', null],
  ] as const)('%s, age %i, consent of %s: %s', (jurisdiction, age, givenBy, expected) => {
    const party = makeParty({ age });
    expect(entitlementError(party, givenBy, KNOWN_ON, ctx(jurisdiction))).toBe(expected);
  });

  it('gives a recorded competence judgement as the reason, not the age presumption (Flanders)', () => {
    const judged = (competent: boolean) => makeParty({ age: 15, competence: judgement(competent) });
    expect(entitlementError(judged(true), 'ouder-voogd', KNOWN_ON, ctx('vlaanderen'))).toBe(
      'consent.giverNotEntitledJudgedCompetent',
    );
    expect(entitlementError(judged(false), 'jongere', KNOWN_ON, ctx('vlaanderen'))).toBe(
      'consent.giverNotEntitledJudgedNotCompetent',
    );
    expect(entitlementError(judged(true), 'jongere', KNOWN_ON, ctx('vlaanderen'))).toBeNull();
  });

  it('refuses a parent consenting for another adult', () => {
    expect(entitlementError(makeParty({ role: 'volwassene' }), 'ouder-voogd', KNOWN_ON, ctx('vlaanderen'))).toBe(
      'consent.giverNotEntitledAdult',
    );
  });
});
