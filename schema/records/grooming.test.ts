import { describe, expect, it } from 'vitest';

import { makeGrooming } from '../factories';
import { storedRecordSchema } from '../records';
import { groomingPhaseIdSchema, groomingSchema, latestGrooming, recordGroomingInput } from './grooming';

describe('grooming observation record', () => {
  it('knows exactly the five phases of seed 001', () => {
    expect(groomingPhaseIdSchema.options).toHaveLength(5);
    expect(storedRecordSchema.safeParse(makeGrooming()).success).toBe(true);
  });

  it('holds a set of phases: no unknown phase, no repeat, no free text', () => {
    expect(groomingSchema.safeParse(makeGrooming({ phases: ['chantage' as never] })).success).toBe(false);
    expect(
      groomingSchema.safeParse(makeGrooming({ phases: ['voorzien-in-behoefte', 'voorzien-in-behoefte'] })).success,
    ).toBe(false);
    expect(groomingSchema.safeParse({ ...makeGrooming(), note: 'iets' }).success).toBe(false);
    expect(groomingSchema.safeParse(makeGrooming({ phases: [] })).success).toBe(true);
  });

  it("keeps tags in the phases' own order whatever order they were ticked in (a set, not a sequence)", () => {
    const input = recordGroomingInput.parse({
      caseId: crypto.randomUUID(),
      phases: ['daadwerkelijk-misbruik', 'slachtofferselectie'],
      observedOn: '2026-03-12',
      byInitials: 'KV',
    });
    expect(input.phases).toEqual(['slachtofferselectie', 'daadwerkelijk-misbruik']);
  });

  it('takes the latest observation as the current set', () => {
    const old = makeGrooming({ observedOn: '2026-03-01' });
    const now = makeGrooming({ observedOn: '2026-03-05', phases: [] });
    expect(latestGrooming([now, old])).toBe(now);
  });
});
