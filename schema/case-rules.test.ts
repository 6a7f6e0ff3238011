import { describe, expect, it } from 'vitest';

import {
  formatCaseReference,
  highestSequences,
  parseCaseReference,
  pseudonymLetters,
  suggestFollowUpDate,
  pseudonymPrefix,
  suggestPseudonym,
} from './case-rules';
import { caseReferenceSchema } from './records/case';

const named = (...pseudonyms: string[]) => pseudonyms.map((pseudonym) => ({ pseudonym }));

describe('case references', () => {
  it('pads the sequence to at least three digits and stays valid for the schema', () => {
    expect(formatCaseReference(2026, 14)).toBe('2026-014');
    expect(formatCaseReference(2026, 1234)).toBe('2026-1234');
    for (const n of [1, 999, 1000, 99_999]) {
      expect(caseReferenceSchema.safeParse(formatCaseReference(2026, n)).success).toBe(true);
    }
  });

  it('parses references back and finds the highest number per year', () => {
    expect(parseCaseReference('2026-014')).toEqual({ year: 2026, sequence: 14 });
    expect(parseCaseReference('26-14')).toBeNull();
    expect(highestSequences(['2026-014', '2026-003', '2025-120', 'kapot'])).toEqual({ '2026': 14, '2025': 120 });
  });
});

describe('suggestPseudonym', () => {
  it('starts at "Jongere A" and takes the first free letter', () => {
    expect(suggestPseudonym([])).toBe('Jongere A');
    expect(suggestPseudonym(named('Jongere A'))).toBe('Jongere B');
    expect(suggestPseudonym(named('Jongere A', 'Jongere C'))).toBe('Jongere B');
    expect(suggestPseudonym(named('Jongere B', 'Lotte'))).toBe('Jongere A');
  });

  it('offers a parent, an adult, a melder or another betrokkene a name by role, never "Jongere"', () => {
    const used = named('Jongere A', 'Jongere B', 'Ouder A');
    expect(suggestPseudonym(used, 'ouder-voogd')).toBe('Ouder B');
    expect(suggestPseudonym(used, 'volwassene')).toBe('Volwassene A');
    expect(suggestPseudonym(used, 'melder')).toBe('Melder A');
    expect(suggestPseudonym(used, 'andere')).toBe('Betrokkene A');
    expect(suggestPseudonym(used, 'jongere-die-doorstuurde')).toBe('Jongere C');
    for (const role of ['ouder-voogd', 'volwassene'] as const) {
      for (let n = 0; n < 30; n++) {
        const existing = named(
          ...Array.from({ length: n }, (_, i) => `${pseudonymPrefix(role)} ${pseudonymLetters(i)}`),
        );
        expect(suggestPseudonym(existing, role)).not.toMatch(/^Jongere/);
      }
    }
  });

  it('ignores case and extra spaces when deciding what is used', () => {
    expect(suggestPseudonym(named(' jongere  a ', 'JONGERE B'))).toBe('Jongere C');
  });

  it('continues with two letters after Z', () => {
    expect(pseudonymLetters(0)).toBe('A');
    expect(pseudonymLetters(25)).toBe('Z');
    expect(pseudonymLetters(26)).toBe('AA');
    expect(pseudonymLetters(27)).toBe('AB');
    const allSingle = Array.from({ length: 26 }, (_, i) => `Jongere ${pseudonymLetters(i)}`);
    expect(suggestPseudonym(named(...allSingle))).toBe('Jongere AA');
  });
});

describe('suggestFollowUpDate', () => {
  it('suggests seven calendar days later, across months, years and DST changes', () => {
    expect(suggestFollowUpDate('2026-03-12')).toBe('2026-03-19');
    expect(suggestFollowUpDate('2026-03-27')).toBe('2026-04-03'); // DST starts on 29 March
    expect(suggestFollowUpDate('2026-10-22')).toBe('2026-10-29'); // DST ends on 25 October
    expect(suggestFollowUpDate('2026-12-28')).toBe('2027-01-04');
  });

  it('refuses something that is not a date', () => {
    expect(() => suggestFollowUpDate('morgen')).toThrow(RangeError);
  });
});
