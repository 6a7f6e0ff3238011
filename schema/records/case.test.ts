import { describe, expect, it } from 'vitest';

import { fieldErrors } from '../errors';
import { caseFieldsSchema, closeCaseInput, updateCaseInput } from './case';

const id = '0b6f7e1c-52a4-4c55-9c51-2f1f4b8f2a10';
const fields = {
  knownOn: '2026-03-11',
  knownVia: 'klasgenoot',
  types: ['sexting'],
  schools: [' De Linde ', '', '  '],
  description: 'Iets',
} as const;

describe('case inputs', () => {
  it('trim school names and drop blank ones', () => {
    expect(caseFieldsSchema.parse(fields).schools).toEqual(['De Linde']);
  });

  it('accept a partial update with the case id', () => {
    expect(updateCaseInput.parse({ id, description: 'Anders' })).toEqual({ id, description: 'Anders' });
  });

  it('require a retention date to close a case', () => {
    const result = closeCaseInput.safeParse({ id, retentionUntil: 'morgen' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['retentionUntil', fieldErrors.invalidDate],
    ]);
    expect(closeCaseInput.safeParse({ id }).success).toBe(false);
  });
});

describe('how a case became known', () => {
  it('accepts another CLB or school and Child Focus, and keeps the older answers valid', () => {
    for (const knownVia of ['ander-clb-of-school', 'child-focus', 'klasgenoot', 'andere'] as const) {
      expect(caseFieldsSchema.safeParse({ ...fields, knownVia }).success).toBe(true);
    }
    expect(caseFieldsSchema.safeParse({ ...fields, knownVia: 'politie' }).success).toBe(false);
  });
});
