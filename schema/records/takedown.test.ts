import { describe, expect, it } from 'vitest';

import { fieldErrors } from '../errors';
import { makeTakedown } from '../factories';
import { storedRecordSchema } from '../records';
import { latestTakedowns, recordTakedownInput, takedownSchema } from './takedown';

describe('takedown record', () => {
  it('holds a step, its status, a date and initials, and nothing else', () => {
    expect(storedRecordSchema.safeParse(makeTakedown()).success).toBe(true);
    expect(takedownSchema.safeParse({ ...makeTakedown(), url: 'https://voorbeeld.test/foto' }).success).toBe(false);
    expect(takedownSchema.safeParse({ ...makeTakedown(), note: 'iets' }).success).toBe(false);
  });

  it('refuses an unknown step or status and initials that are not 1 to 5 letters', () => {
    expect(takedownSchema.safeParse(makeTakedown({ step: 'foto-bekeken' as never })).success).toBe(false);
    expect(takedownSchema.safeParse(makeTakedown({ status: 'misschien' as never })).success).toBe(false);
    const bad = takedownSchema.safeParse(makeTakedown({ byInitials: 'K.V.' }));
    expect(bad.error?.issues.map((i) => i.message)).toEqual([fieldErrors.invalidInitials]);
  });

  it('trims the initials of the form input', () => {
    const input = recordTakedownInput.parse({
      caseId: crypto.randomUUID(),
      step: 'platform-gemeld',
      status: 'lukte-niet',
      on: '2026-03-12',
      byInitials: ' KV ',
    });
    expect(input.byInitials).toBe('KV');
  });

  it('takes the latest record of each step as its status', () => {
    const old = makeTakedown({ step: 'platform-gemeld', status: 'lukte-niet', on: '2026-03-01' });
    const now = makeTakedown({ step: 'platform-gemeld', status: 'gedaan', on: '2026-03-05' });
    const other = makeTakedown({ step: 'child-focus', on: '2026-03-02' });
    const latest = latestTakedowns([now, old, other]);
    expect(latest.get('platform-gemeld')).toBe(now);
    expect(latest.get('child-focus')).toBe(other);
    expect(latest.has('verspreider-gevraagd')).toBe(false);
  });
});
