import { describe, expect, it } from 'vitest';

import { decidersOn } from './consent-validity';
import { makeParty } from './factories';
import { partySchema } from './records/party';
import { restoreRecord } from './restore';

// A betrokkene as stored before issue 15 removed the birth year (schemaVersion 1).
function v1Party(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...makeParty(), schemaVersion: 1, ...overrides };
}

describe('restoring betrokkenen stored before issue 15', () => {
  it('drops the birth year and keeps the recorded age', () => {
    const old = v1Party({ age: 14, birthYear: 2012 });
    const restored = restoreRecord(old);
    expect(restored.success).toBe(true);
    const { birthYear: _gone, ...rest } = old;
    expect(restored.data).toEqual({ ...rest, schemaVersion: 2 });
    expect(restored.data && 'birthYear' in restored.data).toBe(false);
  });

  it('leaves the age unknown when only a birth year was kept, so both the young person and the parents decide', () => {
    const { age: _a, ...withoutAge } = makeParty();
    const restored = restoreRecord({ ...withoutAge, schemaVersion: 1, birthYear: 2013 });
    expect(restored.success).toBe(true);
    const party = partySchema.parse(restored.data);
    expect(party.age).toBeUndefined();
    const deciders = decidersOn(party, { jurisdiction: 'vlaanderen', knownOn: '2026-03-11' }, '2026-03-11');
    expect(deciders.basis).toEqual({ kind: 'leeftijd-onbekend' });
    expect(deciders.anyOf).toEqual(['jongere', 'ouder-voogd']);
  });

  it('refuses a current record that still carries a birth year', () => {
    expect(partySchema.safeParse({ ...makeParty(), birthYear: 2012 }).success).toBe(false);
  });
});
