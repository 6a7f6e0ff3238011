import { describe, expect, it } from 'vitest';

import { nl } from './catalogue';
import { teamCoord } from './nl/team-coord';

describe('case names', () => {
  it('names a received case with who shared it; my own case by its number alone', () => {
    expect(nl.logbook.caseName('2026-002')).toBe('2026-002');
    expect(nl.logbook.caseName('2026-002', 'Anna Coördinator')).toBe('2026-002 (gedeeld door Anna Coördinator)');
    expect(nl.logbook.caseName('2026-002', null)).toBe('2026-002 (gedeeld door een collega)');
    expect(nl.followUp.item.caseTitle(nl.logbook.caseName('2026-002', 'Anna'))).toBe(
      'Dossier 2026-002 (gedeeld door Anna)',
    );
  });

  it('counts a worker’s cases in the singular for one', () => {
    expect(teamCoord.team.worker('Anna', 1, 0)).toBe('Anna: 1 dossier');
    expect(teamCoord.team.worker('Anna', 2, 0)).toBe('Anna: 2 dossiers');
    expect(teamCoord.team.worker('Anna', 1, 1)).toBe('Anna: 1 dossier, 1 te laat');
    expect(teamCoord.team.worker('Anna', 3, 2)).toBe('Anna: 3 dossiers, 2 te laat');
  });
});
