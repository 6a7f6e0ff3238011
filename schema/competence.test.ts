import { describe, expect, it } from 'vitest';

import { whoDecides } from './competence';
import type { CompetenceOverride } from './competence';

const override = (competent: boolean): CompetenceOverride => ({
  competent,
  assessedBy: 'CLB-medewerker',
  assessedOn: '2026-03-12',
  reason: 'Besproken in het team.',
});

describe('whoDecides', () => {
  it.each([
    // jurisdiction, age, override, givers, rule, presumed, overridden
    ['vlaanderen', 8, undefined, ['ouder-voogd'], 'vl-vermoeden-niet-bekwaam', true, false],
    ['vlaanderen', 11, undefined, ['ouder-voogd'], 'vl-vermoeden-niet-bekwaam', true, false],
    ['vlaanderen', 12, undefined, ['jongere'], 'vl-vermoeden-bekwaam', true, false],
    ['vlaanderen', 17, undefined, ['jongere'], 'vl-vermoeden-bekwaam', true, false],
    ['vlaanderen', 10, override(true), ['jongere'], 'vl-beoordeeld-bekwaam', false, true],
    ['vlaanderen', 15, override(false), ['ouder-voogd'], 'vl-beoordeeld-niet-bekwaam', false, true],
    ['vlaanderen', undefined, override(true), ['jongere'], 'vl-beoordeeld-bekwaam', false, true],
    ['nederland', 11, undefined, ['ouder-voogd'], 'nl-onder-12', false, false],
    ['nederland', 12, undefined, ['jongere', 'ouder-voogd'], 'nl-12-tot-16', false, false],
    ['nederland', 15, undefined, ['jongere', 'ouder-voogd'], 'nl-12-tot-16', false, false],
    ['nederland', 16, undefined, ['jongere'], 'nl-16-plus', false, false],
    ['nederland', 17, undefined, ['jongere'], 'nl-16-plus', false, false],
    ['nederland', 18, undefined, ['jongere'], 'volwassene', false, false],
    ['vlaanderen', 18, undefined, ['jongere'], 'volwassene', false, false],
    ['vlaanderen', 19, override(false), ['jongere'], 'volwassene', false, false],
  ] as const)(
    '%s, age %s, override %o: %o decide (%s)',
    (jurisdiction, age, ov, givers, rule, presumed, overridden) => {
      const result = whoDecides({ jurisdiction, age, override: ov });
      expect(result).toMatchObject({ known: true, givers, rule, presumed, overridden });
    },
  );

  it('reports an unknown age instead of guessing', () => {
    expect(whoDecides({ jurisdiction: 'vlaanderen' })).toEqual({
      known: false,
      jurisdiction: 'vlaanderen',
      reason: 'leeftijd-onbekend',
    });
    expect(whoDecides({ jurisdiction: 'nederland', override: override(true) })).toMatchObject({ known: false });
  });

  it('does not apply a competence judgement to an adult but says so', () => {
    const result = whoDecides({ jurisdiction: 'vlaanderen', age: 20, override: override(false) });
    expect(result).toMatchObject({ givers: ['jongere'], rule: 'volwassene', overrideNotApplied: true });
  });

  it('does not apply an override in the Netherlands but says so', () => {
    const result = whoDecides({ jurisdiction: 'nederland', age: 13, override: override(false) });
    expect(result).toMatchObject({ known: true, rule: 'nl-12-tot-16', overridden: false, overrideNotApplied: true });
  });
});
