import { describe, expect, it } from 'vitest';

import { nl } from '../../i18n/catalogue';
import { checkCaseValues, type CaseValues } from './case-fields';
import { yearsBackIso } from './form-values';

const values = (knownOn: string): CaseValues => ({
  knownOn,
  knownVia: 'klasgenoot',
  types: ['sexting'],
  schools: [],
  description: 'Foto doorgestuurd.',
  jurisdiction: 'vlaanderen',
});

describe('checkCaseValues', () => {
  it('refuses a "bekend sinds" more than 5 years back when it is typed, never a case\'s own stored date', () => {
    const old = yearsBackIso(6);
    expect(checkCaseValues(values(old)).knownOn).toBe(nl.errors['case.knownOnTooLongAgo']);
    // Editing an old case (kept up to 10 years, or restored): its own date stays as it is.
    expect(checkCaseValues(values(old), old).knownOn).toBeUndefined();
    // Changed to another date that far back: refused.
    expect(checkCaseValues(values(yearsBackIso(7)), old).knownOn).toBe(nl.errors['case.knownOnTooLongAgo']);
    expect(checkCaseValues(values(yearsBackIso(5))).knownOn).toBeUndefined();
  });
});
