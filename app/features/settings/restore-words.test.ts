import { describe, expect, it } from 'vitest';
import { restoredInWords } from './restore-words';

describe('restoredInWords', () => {
  it('names the cases and each kind that came back, with Dutch singular and plural', () => {
    expect(restoredInWords({ case: 2, party: 5, note: 7, followup: 1 })).toBe(
      '2 dossiers teruggezet (met 5 betrokkenen, 7 notities, 1 opvolging).',
    );
  });

  it('uses the singular for one case and one of a kind', () => {
    expect(restoredInWords({ case: 1, party: 1, consent: 1, note: 1, followup: 2 })).toBe(
      '1 dossier teruggezet (met 1 betrokkene, 1 toestemming, 1 notitie, 2 opvolgingen).',
    );
  });

  it('says only the cases when nothing else came back', () => {
    expect(restoredInWords({ case: 3 })).toBe('3 dossiers teruggezet.');
  });

  it('counts kinds it has no words for as other data, never leaving them out', () => {
    expect(restoredInWords({ case: 1, note: 2, evidence: 1, police: 2 } as Record<string, number>)).toBe(
      '1 dossier teruggezet (met 2 notities, 3 andere gegevens).',
    );
  });
});
