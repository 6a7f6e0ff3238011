// Who may give consent to share a young person's information (DOMAIN.md,
// "Consent and sharing"). Pure rules, no dates: the caller passes the age.
//
// Flanders: a minor of 12 or older is *presumed* able to judge their own
// interests (decreet rechtspositie minderjarige, art. 4 §2). It is only a
// presumption: a professional can assess a younger child as competent or an
// older one as not, and records who assessed it, when and why.
// Netherlands: under 12 the parents decide, from 12 to 16 both the young person
// and the parents, from 16 the young person alone. DOMAIN.md names no override
// for the Netherlands, so an override is reported but not applied (the gap is
// shown, not filled).
import { z } from 'zod';

import { fieldErrors } from './errors';
import { safeText } from './safe-text';
import type { Jurisdiction } from './settings';

// One list of jurisdictions: the consent rules follow the device setting's.
export type { Jurisdiction };

export const consentGiverSchema = z.enum(['jongere', 'ouder-voogd']);
export type ConsentGiver = z.infer<typeof consentGiverSchema>;

/** A professional's assessment that departs from (or confirms) the presumption. */
export const competenceOverrideSchema = z.strictObject({
  competent: z.boolean(),
  assessedBy: safeText({ min: 1, max: 120 }),
  assessedOn: z.iso.date({ error: fieldErrors.invalidDate }),
  reason: safeText({ min: 1, max: 1000 }),
});
export type CompetenceOverride = z.infer<typeof competenceOverrideSchema>;

export const PRESUMED_COMPETENT_AGE_VL = 12;
export const NL_BOTH_FROM_AGE = 12;
export const NL_ALONE_FROM_AGE = 16;
/** From 18 a person is an adult and decides alone, in both jurisdictions. */
export const ADULT_AGE = 18;

export type CompetenceRule =
  | 'vl-vermoeden-bekwaam' // 12+, presumed competent
  | 'vl-vermoeden-niet-bekwaam' // under 12, presumed not competent
  | 'vl-beoordeeld-bekwaam' // assessed competent (override)
  | 'vl-beoordeeld-niet-bekwaam' // assessed not competent (override)
  | 'nl-onder-12' // parents decide
  | 'nl-12-tot-16' // young person and parents together
  | 'nl-16-plus' // young person alone
  | 'volwassene'; // 18 or older: decides about their own information, whatever a judgement said

export type WhoDecides =
  | {
      known: true;
      jurisdiction: Jurisdiction;
      /** Everyone listed must consent. */
      givers: readonly ConsentGiver[];
      rule: CompetenceRule;
      /** True when the answer rests on the age presumption (Flanders). */
      presumed: boolean;
      /** True when a professional's assessment decided (Flanders). */
      overridden: boolean;
      override?: CompetenceOverride;
      /** An override was given but the jurisdiction's rules have none. */
      overrideNotApplied: boolean;
    }
  | { known: false; jurisdiction: Jurisdiction; reason: 'leeftijd-onbekend' };

const YOUNG: readonly ConsentGiver[] = ['jongere'];
const PARENTS: readonly ConsentGiver[] = ['ouder-voogd'];
const BOTH: readonly ConsentGiver[] = ['jongere', 'ouder-voogd'];

/**
 * Who gives consent for a young person of `age` (whole years; undefined when
 * unknown). In Flanders an override decides even without an age.
 */
export function whoDecides(input: {
  jurisdiction: Jurisdiction;
  age?: number | undefined;
  override?: CompetenceOverride | undefined;
}): WhoDecides {
  const { jurisdiction, age, override } = input;
  const validAge = age !== undefined && Number.isFinite(age) && age >= 0 ? Math.floor(age) : undefined;

  // An adult decides alone; a competence judgement (Flanders: about a minor) does not apply to them.
  if (validAge !== undefined && validAge >= ADULT_AGE) {
    return {
      known: true,
      jurisdiction,
      givers: YOUNG,
      rule: 'volwassene',
      presumed: false,
      overridden: false,
      ...(override ? { override } : {}),
      overrideNotApplied: override !== undefined,
    };
  }

  if (jurisdiction === 'vlaanderen') {
    if (override) {
      return {
        known: true,
        jurisdiction,
        givers: override.competent ? YOUNG : PARENTS,
        rule: override.competent ? 'vl-beoordeeld-bekwaam' : 'vl-beoordeeld-niet-bekwaam',
        presumed: false,
        overridden: true,
        override,
        overrideNotApplied: false,
      };
    }
    if (validAge === undefined) return { known: false, jurisdiction, reason: 'leeftijd-onbekend' };
    const competent = validAge >= PRESUMED_COMPETENT_AGE_VL;
    return {
      known: true,
      jurisdiction,
      givers: competent ? YOUNG : PARENTS,
      rule: competent ? 'vl-vermoeden-bekwaam' : 'vl-vermoeden-niet-bekwaam',
      presumed: true,
      overridden: false,
      overrideNotApplied: false,
    };
  }

  if (validAge === undefined) return { known: false, jurisdiction, reason: 'leeftijd-onbekend' };
  const [givers, rule]: [readonly ConsentGiver[], CompetenceRule] =
    validAge < NL_BOTH_FROM_AGE
      ? [PARENTS, 'nl-onder-12']
      : validAge < NL_ALONE_FROM_AGE
        ? [BOTH, 'nl-12-tot-16']
        : [YOUNG, 'nl-16-plus'];
  return {
    known: true,
    jurisdiction,
    givers,
    rule,
    presumed: false,
    overridden: false,
    overrideNotApplied: override !== undefined,
  };
}
