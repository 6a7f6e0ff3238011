import { describe, expect, it } from 'vitest';

import { textErrors } from '../errors';
import { addPartyInput, partySchema, updatePartyInput } from './party';

const caseId = '0b6f7e1c-52a4-4c55-9c51-2f1f4b8f2a10';

describe('party inputs', () => {
  it('trim optional text and treat a blank field as not given', () => {
    const parsed = addPartyInput.parse({ caseId, role: 'melder', pseudonym: '  ', realName: ' An ', school: '' });
    expect(parsed).toEqual({ caseId, role: 'melder', pseudonym: undefined, realName: 'An', school: undefined });
  });

  it('keep a key given as undefined on update, so the operation can remove that field', () => {
    const parsed = updatePartyInput.parse({ id: caseId, competence: undefined });
    expect(Object.hasOwn(parsed, 'competence')).toBe(true);
  });

  it('take their limits from the record schema', () => {
    const long = 'x'.repeat(121);
    expect(partySchema.shape.realName.safeParse(long).success).toBe(false);
    const result = addPartyInput.safeParse({ caseId, role: 'melder', realName: long });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['realName', textErrors.tooLong]]);
  });

  it('refuse a blank pseudonym on update', () => {
    const result = updatePartyInput.safeParse({ id: caseId, pseudonym: ' ' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['pseudonym', textErrors.required],
    ]);
  });
});
