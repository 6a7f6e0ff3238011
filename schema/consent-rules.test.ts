import { describe, expect, it } from 'vitest';

import { allowsShare, isConsentActive } from './consent-rules';
import { makeConsent, makeShareWithoutConsent } from './factories';

describe('isConsentActive', () => {
  const consent = makeConsent({ givenOn: '2026-03-12', withdrawnOn: '2026-04-01' });

  it.each([
    ['2026-03-11', false],
    ['2026-03-12', true],
    ['2026-03-31', true],
    ['2026-04-01', false],
  ])('consent given 12 March and withdrawn 1 April is active on %s: %s', (day, active) => {
    expect(isConsentActive(consent, day)).toBe(active);
  });

  it('treats sharing without consent as covering only its own date', () => {
    const share = makeShareWithoutConsent({ sharedOn: '2026-03-12' });
    expect(isConsentActive(share, '2026-03-12')).toBe(true);
    expect(isConsentActive(share, '2026-03-13')).toBe(false);
  });
});

describe('allowsShare', () => {
  const partyId = crypto.randomUUID();
  const query = { partyId, recipient: 'school', category: 'feiten', onDate: '2026-03-15' } as const;

  it('returns the consent that covers recipient, category, party and date', () => {
    const consent = makeConsent({ partyId, recipient: 'school', categories: ['feiten'] });
    expect(allowsShare([consent], query)).toBe(consent);
  });

  it('returns null for another recipient, category, party or a withdrawn consent', () => {
    expect(allowsShare([makeConsent({ partyId, recipient: 'ander-clb' })], query)).toBeNull();
    expect(allowsShare([makeConsent({ partyId, categories: ['afspraken'] })], query)).toBeNull();
    expect(allowsShare([makeConsent({ categories: ['feiten'] })], query)).toBeNull();
    expect(
      allowsShare([makeConsent({ partyId, categories: ['feiten'], withdrawnOn: '2026-03-14' })], query),
    ).toBeNull();
  });

  it('prefers consent over a documented emergency on the same day', () => {
    const emergency = makeShareWithoutConsent({
      partyId,
      recipient: 'school',
      categories: ['feiten'],
      sharedOn: '2026-03-15',
    });
    const consent = makeConsent({ partyId, categories: ['feiten'] });
    expect(allowsShare([emergency, consent], query)).toBe(consent);
    expect(allowsShare([emergency], query)).toBe(emergency);
  });

  it('considers records of any party when no party is given', () => {
    const consent = makeConsent({ categories: ['feiten'] });
    expect(allowsShare([consent], { ...query, partyId: undefined })).toBe(consent);
  });
});
