import { describe, expect, it } from 'vitest';

import { textErrors } from '../errors';
import { makeAssessment } from '../factories';
import { storedRecordSchema } from '../records';
import { assessFlagsInput, flagAssessmentSchema } from './assessment';

describe('assessment per behaviour (issue 15)', () => {
  it('may name the behaviour and the betrokkenen it is about; an older assessment without them stays valid', () => {
    const party = crypto.randomUUID();
    expect(
      storedRecordSchema.safeParse(
        makeAssessment({ behaviour: 'foto doorgestuurd zonder toestemming', partyIds: [party] }),
      ).success,
    ).toBe(true);
    const old = makeAssessment();
    expect('behaviour' in old).toBe(false);
    expect(storedRecordSchema.safeParse(old).success).toBe(true);
  });

  it('records the label set used: 2021 or the older set, nothing else', () => {
    expect(flagAssessmentSchema.safeParse(makeAssessment({ criteriaVersion: 'nl-oud' })).success).toBe(true);
    expect(flagAssessmentSchema.safeParse(makeAssessment({ criteriaVersion: '2015' as never })).success).toBe(false);
  });

  it('refuses a link or image data as the behaviour', () => {
    const link = flagAssessmentSchema.safeParse(makeAssessment({ behaviour: 'zie https://voorbeeld.test/x' }));
    expect(link.error?.issues.map((i) => i.message)).toEqual([textErrors.link]);
  });

  it('takes a blank behaviour in the form as not given', () => {
    const input = assessFlagsInput.parse({
      caseId: crypto.randomUUID(),
      criteriaVersion: '2021',
      answers: {},
      flag: 'geel',
      reasoning: 'x',
      assessedOn: '2026-03-12',
      behaviour: '   ',
    });
    expect(input.behaviour).toBeUndefined();
  });
});
