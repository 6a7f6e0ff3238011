import { describe, expect, it } from 'vitest';

import {
  formatCaseReference,
  highestSequences,
  parseCaseReference,
  pseudonymLetters,
  suggestFollowUpDate,
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
