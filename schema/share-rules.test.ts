import { describe, expect, it } from 'vitest';

import { makeConsent, makeShareWithoutConsent } from './factories';
import {
  basisAllowsRecipient,
  checkContradictions,
  contradictionsConfirmed,
  emergencyRelease,
  informedBasisDocumented,
} from './share-rules';
import { recipientSchema } from './records/consent';

describe('basisAllowsRecipient', () => {
  // DOMAIN.md: art. 458bis allows informing only the procureur des Konings (parket);
  // a noodtoestand may involve the third party best placed to help (seed 004).
  it.each(recipientSchema.options.map((r) => [r, r === 'politie-parket'] as const))(
    'art. 458bis to %s: %s',
    (recipient, allowed) => {
      expect(basisAllowsRecipient('art-458bis', recipient)).toBe(allowed);
      expect(basisAllowsRecipient('noodtoestand', recipient)).toBe(true);
    },
  );
});

describe('emergencyRelease', () => {
  const query = { recipient: 'school', category: 'feiten', onDate: '2026-03-12' } as const;

  it('counts a noodtoestand share on its own day only, and never a consent', () => {
    const share = makeShareWithoutConsent({ recipient: 'school', sharedOn: '2026-03-12' });
    expect(emergencyRelease([share], query)).toBe(share);
    expect(emergencyRelease([share], { ...query, onDate: '2026-03-13' })).toBeNull();
    expect(emergencyRelease([makeConsent({ recipient: 'school', categories: ['feiten'] })], query)).toBeNull();
  });

  it('never counts an art. 458bis share for a school', () => {
    const share = makeShareWithoutConsent({ basis: 'art-458bis', recipient: 'school', sharedOn: '2026-03-12' });
    expect(emergencyRelease([share], query)).toBeNull();
    const parket = makeShareWithoutConsent({
      basis: 'art-458bis',
      recipient: 'politie-parket',
      sharedOn: '2026-03-12',
    });
    expect(emergencyRelease([parket], { ...query, recipient: 'politie-parket' })).toBe(parket);
  });

  it('counts a share about another person only when no person is asked', () => {
    const share = makeShareWithoutConsent({
      recipient: 'school',
      sharedOn: '2026-03-12',
      categories: ['namen-betrokkenen'],
    });
    const q = { ...query, category: 'namen-betrokkenen' } as const;
    expect(emergencyRelease([share], { ...q, partyId: crypto.randomUUID() })).toBeNull();
    expect(emergencyRelease([share], { ...q, partyId: share.partyId })).toBe(share);
  });
});

describe('checkContradictions', () => {
  it.each([
    [{ solutionWithinTrustImpossible: { answer: 'nee' } }, ['oplossing-binnen-vertrouwensrelatie-mogelijk']],
    [{ solutionWithinTrustImpossible: { answer: 'ja' } }, []],
    [{ canBeMotivatedToReport: { answer: 'ja' } }, ['jongere-kan-zelf-melden']],
    [{ discussedWithYoungPerson: { answer: 'nee' } }, ['niet-besproken-met-jongere']],
    [{}, []],
  ] as const)('%o gives %o', (checks, expected) => {
    expect(checkContradictions(checks)).toEqual(expected);
  });

  it('needs every contradiction confirmed', () => {
    expect(contradictionsConfirmed(['jongere-kan-zelf-melden'], [])).toBe(false);
    expect(contradictionsConfirmed(['jongere-kan-zelf-melden'], ['jongere-kan-zelf-melden'])).toBe(true);
  });
});

describe('informedBasisDocumented', () => {
  it('wants a noodtoestand share to that kind of recipient for an institution told without consent', () => {
    const noodSchool = makeShareWithoutConsent({ basis: 'noodtoestand', recipient: 'school' });
    const givenClb = makeConsent({ recipient: 'ander-clb' });
    const school = { institutionKind: 'school', basis: 'dreiging', on: '2026-03-12' } as const;
    const clb = { institutionKind: 'clb', basis: 'toestemming', on: '2026-03-12' } as const;
    expect(informedBasisDocumented(school, [])).toBe(false);
    expect(informedBasisDocumented(school, [givenClb])).toBe(false);
    expect(informedBasisDocumented(school, [noodSchool])).toBe(true);
    expect(informedBasisDocumented({ ...school, institutionKind: 'clb' }, [noodSchool])).toBe(false);
    expect(informedBasisDocumented(clb, [noodSchool])).toBe(false);
    expect(informedBasisDocumented(clb, [givenClb])).toBe(true);
    // A consent withdrawn by that day, or given only later, does not cover it.
    const withdrawn = makeConsent({ recipient: 'ander-clb', givenOn: '2026-03-01', withdrawnOn: '2026-03-10' });
    const later = makeConsent({ recipient: 'ander-clb', givenOn: '2026-03-20' });
    expect(informedBasisDocumented(clb, [withdrawn, later])).toBe(false);
    expect(informedBasisDocumented({ ...clb, on: '2026-03-09' }, [withdrawn])).toBe(true);
    // A consent that was not enough that day (who decides, consent-validity.ts) is no basis either.
    expect(informedBasisDocumented(clb, [givenClb], () => false)).toBe(false);
    expect(informedBasisDocumented(school, [noodSchool], () => false)).toBe(true);
  });
});
