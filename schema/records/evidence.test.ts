import { describe, expect, it } from 'vitest';

import { fieldErrors } from '../errors';
import { makeEvidence } from '../factories';
import { storedRecordSchema } from '../records';
import { evidenceSchema, latestEvidence, recordEvidenceInput } from './evidence';

describe('evidence record', () => {
  it('holds whether evidence exists, what and who holds it, a date and initials, and nothing else', () => {
    expect(storedRecordSchema.safeParse(makeEvidence()).success).toBe(true);
    expect(evidenceSchema.safeParse({ ...makeEvidence(), url: 'https://voorbeeld.test/foto' }).success).toBe(false);
    expect(evidenceSchema.safeParse({ ...makeEvidence(), note: 'screenshot in mijn mail' }).success).toBe(false);
  });

  it('refuses an unknown kind or holder, a repeated holder and initials that are not 1 to 5 letters', () => {
    expect(evidenceSchema.safeParse(makeEvidence({ forms: ['foto' as never] })).success).toBe(false);
    expect(evidenceSchema.safeParse(makeEvidence({ heldBy: ['baken' as never] })).success).toBe(false);
    expect(evidenceSchema.safeParse(makeEvidence({ heldBy: ['politie', 'politie'] })).success).toBe(false);
    const bad = evidenceSchema.safeParse(makeEvidence({ byInitials: 'K.V.' }));
    expect(bad.error?.issues.map((i) => i.message)).toEqual([fieldErrors.invalidInitials]);
  });

  it('names what and who only when evidence exists', () => {
    expect(evidenceSchema.safeParse(makeEvidence({ exists: 'nee', heldBy: ['jongere'], forms: [] })).success).toBe(
      false,
    );
    expect(evidenceSchema.safeParse(makeEvidence({ exists: 'onbekend', heldBy: [], forms: [] })).success).toBe(true);
  });

  it('drops what and who from the form input when there is no evidence, and trims the initials', () => {
    const input = recordEvidenceInput.parse({
      caseId: crypto.randomUUID(),
      exists: 'nee',
      forms: ['links'],
      heldBy: ['politie'],
      on: '2026-03-12',
      byInitials: ' KV ',
    });
    expect(input).toMatchObject({ exists: 'nee', forms: [], heldBy: [], byInitials: 'KV' });
  });

  it('takes the latest record (by date, then by time recorded) as the current state', () => {
    const old = makeEvidence({ on: '2026-03-01', exists: 'onbekend', forms: [], heldBy: [] });
    const now = makeEvidence({ on: '2026-03-05' });
    expect(latestEvidence([now, old])).toBe(now);
    expect(latestEvidence([])).toBeUndefined();
  });
});
