import { describe, expect, it } from 'vitest';

import { makeStepCheck } from '../factories';
import { restoreRecord } from '../restore';
import { setStepCheckInput, stepCheckSchema } from './step';

describe('step check reminder', () => {
  it('accepts a step marked for Opvolging, and an older record without the mark as it is', () => {
    expect(stepCheckSchema.safeParse(makeStepCheck({ remind: true })).success).toBe(true);
    const older = makeStepCheck();
    expect('remind' in older).toBe(false);
    const restored = restoreRecord(older);
    expect(restored.success && restored.data).toEqual(older);
  });

  it('refuses remind: false in a stored record (absence means no reminder, one way to say it)', () => {
    expect(stepCheckSchema.safeParse({ ...makeStepCheck(), remind: false }).success).toBe(false);
  });

  it('lets the input set, remove or keep the mark', () => {
    const base = { caseId: crypto.randomUUID(), planId: 'sexting-vl', stepId: 'stap-1', doneOn: null };
    expect(setStepCheckInput.parse({ ...base, remind: true }).remind).toBe(true);
    expect(setStepCheckInput.parse({ ...base, remind: false }).remind).toBe(false);
    expect(setStepCheckInput.parse(base).remind).toBeUndefined();
  });
});
