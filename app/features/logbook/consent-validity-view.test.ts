import { describe, expect, it } from 'vitest';

import { makeConsent, makeParty } from '../../../schema/factories';
import { releasesToday } from './consent-validity-view';

const ON = '2026-03-12';
const ctx = { jurisdiction: 'nederland', knownOn: ON } as const;

describe('releasesToday', () => {
  it("counts a Dutch 13-year-old's consent that goes with her parent's for the facts, unless another depicted pupil has not consented", () => {
    const caseId = crypto.randomUUID();
    const a = makeParty({ caseId, role: 'afgebeelde-jongere', pseudonym: 'Jongere A', age: 13 });
    const own = makeConsent({
      caseId,
      partyId: a.id,
      givenBy: 'jongere',
      givenOn: ON,
      categories: ['feiten', 'afspraken'],
    });
    const parent = makeConsent({ caseId, partyId: a.id, givenBy: 'ouder-voogd', givenOn: ON, categories: ['feiten'] });
    expect(releasesToday(own, [a], [own, parent], ctx, ON)).toBe(true);
    // A second depicted pupil who gave nothing: the facts wait for her too, so nothing goes.
    const b = makeParty({ caseId, role: 'afgebeelde-jongere', pseudonym: 'Jongere B', age: 16 });
    expect(releasesToday(own, [a, b], [own, parent], ctx, ON)).toBe(false);
    expect(releasesToday(parent, [a, b], [own, parent], ctx, ON)).toBe(false);
    const theirs = makeConsent({ caseId, partyId: b.id, givenBy: 'jongere', givenOn: ON, categories: ['feiten'] });
    expect(releasesToday(own, [a, b], [own, parent, theirs], ctx, ON)).toBe(true);
  });
});
