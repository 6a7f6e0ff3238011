import { describe, expect, it } from 'vitest';

import { consentValidity } from './consent-validity';
import { makeConsent, makeParty, makeShareWithoutConsent } from './factories';
import { restoreRecord } from './restore';
import { emergencyRelease } from './share-rules';

// Consent records as stored before issue 14 (schemaVersion 1).
function v1Consent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...makeConsent(), schemaVersion: 1, ...overrides };
}
function v1Share(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { bestPlacedToHelp: _b, youngPersonInformed: _y, confirmedWarnings: _c, ...rest } = makeShareWithoutConsent();
  return { ...rest, schemaVersion: 1, ...overrides };
}

describe('restoring consent records stored before issue 14', () => {
  it('reads given consent as version 2 and works out its validity by the new rule', () => {
    const party = makeParty({ age: 15 });
    const old = v1Consent({ caseId: party.caseId, partyId: party.id, givenBy: 'ouder-voogd', givenOn: '2026-03-11' });
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent' || record.basis !== 'toestemming') throw new Error('not a consent');
    expect(record).toEqual({ ...old, schemaVersion: 2 });
    // A parent's consent for a presumed-competent 15-year-old in Flanders never counted under the rule.
    const validity = consentValidity(
      record,
      party,
      [record],
      { jurisdiction: 'vlaanderen', knownOn: '2026-03-11' },
      '2026-03-12',
    );
    expect(validity.state).toEqual({ status: 'niet-geldig', reason: 'niet-bevoegd-bij-geven' });
  });

  it('marks whether the young person was told as not recorded, never guessed, and keeps who is best placed', () => {
    const restored = restoreRecord(v1Share());
    expect(restored.success).toBe(true);
    expect(restored.data).toMatchObject({
      schemaVersion: 2,
      youngPersonInformed: { told: 'niet-vastgelegd' },
      bestPlacedToHelp: 'Politie, via de jeugdconsulent.',
      confirmedWarnings: [],
    });
  });

  it('keeps an art. 458bis share to a school readable, but it never releases anything', () => {
    const restored = restoreRecord(v1Share({ basis: 'art-458bis', recipient: 'school', sharedOn: '2026-03-12' }));
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent') throw new Error('not a consent');
    expect(record).not.toHaveProperty('bestPlacedToHelp');
    expect(emergencyRelease([record], { recipient: 'school', category: 'feiten', onDate: '2026-03-12' })).toBeNull();
  });
});
