/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentTypeIds, stappenplanFileSchema, type PlanGap } from './content';
import { appliesIn, plansByJurisdiction, plansForCase, uncoveredTypes } from './knowledge-rules';

const stappenplan = stappenplanFileSchema.parse(
  JSON.parse(readFileSync(new URL('../public/content/stappenplan.json', import.meta.url), 'utf8')),
);
const { plans, gaps } = stappenplan;

describe('appliesIn', () => {
  it('lets content for both regions apply in either jurisdiction', () => {
    expect(appliesIn('beide', 'vlaanderen')).toBe(true);
    expect(appliesIn('beide', 'nederland')).toBe(true);
    expect(appliesIn('nederland', 'vlaanderen')).toBe(false);
  });
});

describe('plansByJurisdiction', () => {
  it('puts the Flemish CLB approach first for Vlaanderen and the Dutch plans apart', () => {
    const { own, other } = plansByJurisdiction(plans, 'vlaanderen');
    expect(own.map((p) => p.id)).toEqual(['clb-aanpak']);
    expect(other.map((p) => p.id)).toEqual(['sexting-18', 'grooming-18']);
  });

  it('puts the Qpido plans first for Nederland', () => {
    expect(plansByJurisdiction(plans, 'nederland').own.map((p) => p.id)).toEqual(['sexting-18', 'grooming-18']);
  });
});

describe('plansForCase', () => {
  it('gives a Flemish grooming case no plan and an explicit gap pointing to the CLB approach and Child Focus', () => {
    const result = plansForCase(plans, gaps, 'vlaanderen', ['grooming']);
    expect(result.plans).toEqual([]);
    expect(result.gapTypes).toEqual(['grooming']);
    expect(result.gap?.planIds).toEqual(['clb-aanpak']);
    expect(result.gap?.referralIds).toContain('child-focus');
  });

  it('never borrows the Dutch plan for a Flemish case, whatever its types', () => {
    for (const type of incidentTypeIds) {
      const result = plansForCase(plans, gaps, 'vlaanderen', [type]);
      expect(result.plans.every((p) => p.region !== 'nederland')).toBe(true);
    }
  });

  it('gives a Flemish sextortion case a gap too', () => {
    expect(plansForCase(plans, gaps, 'vlaanderen', ['sextortion']).gapTypes).toEqual(['sextortion']);
  });

  it('gives a Flemish sexting case the CLB approach and no gap', () => {
    const result = plansForCase(plans, gaps, 'vlaanderen', ['ongewenste-sexting']);
    expect(result.plans.map((p) => p.id)).toEqual(['clb-aanpak']);
    expect(result.gap).toBeUndefined();
  });

  it('gives a Dutch grooming case the Qpido grooming plan only', () => {
    const result = plansForCase(plans, gaps, 'nederland', ['grooming']);
    expect(result.plans.map((p) => p.id)).toEqual(['grooming-18']);
    expect(result.gapTypes).toEqual([]);
  });

  it('reports only the uncovered types of a mixed case, once each', () => {
    const result = plansForCase(plans, gaps, 'vlaanderen', ['sexting', 'grooming', 'grooming', 'doxing']);
    expect(result.plans.map((p) => p.id)).toEqual(['clb-aanpak']);
    expect(result.gapTypes).toEqual(['grooming', 'doxing']);
  });

  it('leaves the gap note undefined when the content has none for the jurisdiction', () => {
    const onlyFlemish: PlanGap[] = gaps.filter((g) => g.region === 'vlaanderen');
    expect(plansForCase(plans, onlyFlemish, 'nederland', ['doxing']).gap).toBeUndefined();
  });
});

describe('uncoveredTypes', () => {
  it('lists grooming and sextortion among the types without a Flemish plan', () => {
    expect(uncoveredTypes(plans, 'vlaanderen', incidentTypeIds)).toEqual(
      expect.arrayContaining(['grooming', 'sextortion']),
    );
  });
});
