// Pure rules that put the worker's Rechtsgebied first in the offline
// knowledge: which plans a case's checklist uses, which incident types have no
// plan there (shown as a gap, never filled from the other jurisdiction).
import type { IncidentType, Region } from './content-base';
import type { Plan, PlanGap } from './content';
import type { Jurisdiction } from './settings';

/** True when content for `region` applies in `jurisdiction` ('beide' applies everywhere). */
export function appliesIn(region: Region, jurisdiction: Jurisdiction): boolean {
  return region === 'beide' || region === jurisdiction;
}

/** The plans of the worker's jurisdiction first, then the other one's; file order within each. */
export function plansByJurisdiction<P extends Pick<Plan, 'region'>>(
  plans: readonly P[],
  jurisdiction: Jurisdiction,
): { own: P[]; other: P[] } {
  return {
    own: plans.filter((plan) => appliesIn(plan.region, jurisdiction)),
    other: plans.filter((plan) => !appliesIn(plan.region, jurisdiction)),
  };
}

export interface CasePlans<P> {
  /** Plans of the case's jurisdiction that fit at least one of its types. */
  plans: P[];
  /** The case's types that no plan of its jurisdiction covers, in the order given. */
  gapTypes: IncidentType[];
  /** What to show for those types in this jurisdiction (undefined when the content has no note). */
  gap: PlanGap | undefined;
}

/**
 * The checklist plans for a case: only its jurisdiction's plans, never the
 * other jurisdiction's. Types without a plan come back as an explicit gap.
 */
export function plansForCase<P extends Pick<Plan, 'region' | 'appliesTo'>>(
  plans: readonly P[],
  gaps: readonly PlanGap[],
  jurisdiction: Jurisdiction,
  types: readonly IncidentType[],
): CasePlans<P> {
  const own = plans.filter((plan) => appliesIn(plan.region, jurisdiction));
  const fitting = own.filter((plan) => plan.appliesTo.some((type) => types.includes(type)));
  const gapTypes = [...new Set(types)].filter((type) => !own.some((plan) => plan.appliesTo.includes(type)));
  return {
    plans: fitting,
    gapTypes,
    gap: gapTypes.length > 0 ? gaps.find((gap) => gap.region === jurisdiction) : undefined,
  };
}

/** The incident types that no plan of the jurisdiction covers (for the Stappenplan screen). */
export function uncoveredTypes<P extends Pick<Plan, 'region' | 'appliesTo'>>(
  plans: readonly P[],
  jurisdiction: Jurisdiction,
  allTypes: readonly IncidentType[],
): IncidentType[] {
  return plansForCase(plans, [], jurisdiction, allTypes).gapTypes;
}
