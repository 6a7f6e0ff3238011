import { describe, expect, it } from 'vitest';

import { consentRecordSchema } from './records/consent';
import { consentValidity } from './consent-validity';
import { buildSummary } from './summary';
import { makeCase, makeConsent, makeParty, makeShareWithoutConsent } from './factories';
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
  it('reads given consent as the current version and works out its validity by the new rule', () => {
    const party = makeParty({ age: 15 });
    const old = v1Consent({ caseId: party.caseId, partyId: party.id, givenBy: 'ouder-voogd', givenOn: '2026-03-11' });
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent' || record.basis !== 'toestemming') throw new Error('not a consent');
    expect(record).toEqual({ ...old, schemaVersion: 3 });
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
      schemaVersion: 3,
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

// Consent records as stored before issue 15 item 3 (schemaVersion 2), when `contactgegevens` existed.
function v2(record: Record<string, unknown>, categories: string[]): Record<string, unknown> {
  return { ...record, schemaVersion: 2, categories };
}

describe('restoring consent records that name the removed contactgegevens category (issue 15 item 3)', () => {
  const kase = makeCase({ knownOn: '2026-03-01' });
  const party = makeParty({ caseId: kase.id, role: 'afgebeelde-jongere', age: 15 });
  const ctx = { jurisdiction: 'vlaanderen', knownOn: kase.knownOn } as const;
  const base = { caseId: kase.id, partyId: party.id, recipient: 'school', givenOn: '2026-03-02' } as const;

  it('keeps a record without it as it was, at the new version', () => {
    const old = v2(makeConsent({ ...base, categories: ['feiten', 'afspraken'] }), ['feiten', 'afspraken']);
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    expect(restored.data).toEqual({ ...old, schemaVersion: 3 });
  });

  it('moves it to retiredCategories and keeps every other category, so it covers exactly what it covered', () => {
    const old = v2(makeConsent(base), ['feiten', 'contactgegevens', 'vlaggen-beoordeling']);
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent') throw new Error('not a consent');
    expect(record).toEqual({
      ...old,
      schemaVersion: 3,
      categories: ['feiten', 'vlaggen-beoordeling'],
      retiredCategories: ['contactgegevens'],
    });
    // The summary it allows is the same as that of the record without the removed category.
    const input = { case: kase, parties: [party], assessments: [], notes: [], followUps: [] };
    const same = makeConsent({ ...base, id: record.id, categories: ['feiten', 'vlaggen-beoordeling'] });
    const restoredSummary = buildSummary({ ...input, consents: [record] }, 'school', '2026-03-03', ctx);
    expect(restoredSummary).toEqual(buildSummary({ ...input, consents: [same] }, 'school', '2026-03-03', ctx));
    expect(restoredSummary.shared).toEqual(['feiten']);
  });

  it('keeps a consent that named only contactgegevens readable in its history, covering nothing', () => {
    const old = v2(makeConsent(base), ['contactgegevens']);
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent' || record.basis !== 'toestemming') throw new Error('not a consent');
    expect(record).toMatchObject({ categories: [], retiredCategories: ['contactgegevens'], givenOn: '2026-03-02' });
    const summary = buildSummary(
      { case: kase, parties: [party], consents: [record], assessments: [], notes: [], followUps: [] },
      'school',
      '2026-03-03',
      ctx,
    );
    expect(summary.sections).toEqual([]);
    expect(consentValidity(record, party, [record], ctx, '2026-03-03').notOwnInformation).toEqual([]);
  });

  it('keeps a share without consent that named only contactgegevens, and it releases nothing', () => {
    const old = v2(
      makeShareWithoutConsent({ caseId: kase.id, partyId: party.id, recipient: 'school', sharedOn: '2026-03-03' }),
      ['contactgegevens'],
    );
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const record = restored.data;
    if (record?.kind !== 'consent') throw new Error('not a consent');
    expect(record).toMatchObject({ basis: 'noodtoestand', categories: [], retiredCategories: ['contactgegevens'] });
    for (const category of ['feiten', 'namen-betrokkenen', 'opvolging'] as const) {
      expect(emergencyRelease([record], { recipient: 'school', category, onDate: '2026-03-03' })).toBeNull();
    }
    // The same share that also named feiten still releases feiten, and only that.
    const withFacts = restoreRecord({ ...old, categories: ['feiten', 'contactgegevens'] });
    if (withFacts.data?.kind !== 'consent') throw new Error('not a consent');
    const query = { recipient: 'school', onDate: '2026-03-03' } as const;
    expect(emergencyRelease([withFacts.data], { ...query, category: 'feiten' })).toEqual(withFacts.data);
    expect(emergencyRelease([withFacts.data], { ...query, category: 'opvolging' })).toBeNull();
  });

  it('refuses a stored record that names no category at all, and a form that names a removed one', () => {
    expect(restoreRecord({ ...makeConsent(base), categories: [] }).success).toBe(false);
    expect(consentRecordSchema.safeParse({ ...makeConsent(base), categories: ['contactgegevens'] }).success).toBe(
      false,
    );
    // A current record cannot carry the removed category among its categories.
    expect(restoreRecord({ ...makeConsent(base), categories: ['feiten', 'contactgegevens'] }).success).toBe(false);
  });
});
