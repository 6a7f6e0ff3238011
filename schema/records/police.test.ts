import { describe, expect, it } from 'vitest';

import { fieldErrors } from '../errors';
import { makePolice } from '../factories';
import { storedRecordSchema } from '../records';
import { latestPolice, policeSchema, recordPoliceInput } from './police';

describe('police record', () => {
  it('holds the stage, who, a date, whether the meaning was explained, and initials, and nothing else', () => {
    expect(storedRecordSchema.safeParse(makePolice()).success).toBe(true);
    expect(policeSchema.safeParse({ ...makePolice(), pvNumber: '123' }).success).toBe(false);
    expect(policeSchema.safeParse({ ...makePolice(), note: 'iets' }).success).toBe(false);
  });

  it('refuses an unknown stage or actor and initials that are not 1 to 5 letters', () => {
    expect(policeSchema.safeParse(makePolice({ stage: 'geweigerd' as never })).success).toBe(false);
    expect(policeSchema.safeParse(makePolice({ by: 'parket' as never })).success).toBe(false);
    const bad = policeSchema.safeParse(makePolice({ byInitials: '' }));
    expect(bad.error?.issues.map((i) => i.message)).toEqual([fieldErrors.invalidInitials]);
  });

  it('does not require that the meaning of a complaint was explained, and trims the initials', () => {
    const input = recordPoliceInput.parse({
      caseId: crypto.randomUUID(),
      stage: 'overwogen',
      by: 'jongere',
      on: '2026-03-12',
      byInitials: ' KV ',
    });
    expect(input).toMatchObject({ informed: false, byInitials: 'KV' });
  });

  it('takes the latest record of each stage as its state', () => {
    const old = makePolice({ stage: 'overwogen', by: 'jongere', on: '2026-03-01' });
    const now = makePolice({ stage: 'overwogen', by: 'ouders-voogd', on: '2026-03-05' });
    const made = makePolice({ stage: 'neergelegd', on: '2026-03-02' });
    const latest = latestPolice([now, old, made]);
    expect(latest.get('overwogen')).toBe(now);
    expect(latest.get('neergelegd')).toBe(made);
    expect(latest.has('aangeraden')).toBe(false);
  });
});
