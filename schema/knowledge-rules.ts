// Pure rules that put the worker's Rechtsgebied first in the offline
// knowledge: which plans a case's checklist uses, which incident types have no
// plan there (shown as a gap, never filled from the other jurisdiction), and
// which content entries are due for a new check.
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

export interface CheckedEntry {
  /** Where the entry sits, e.g. "verwijzingen.json › entries › child-focus". */
  where: string;
  lastChecked: string;
}

/** Every object with a lastChecked date in a content tree, labelled by its id or title. */
export function checkedEntries(fileName: string, root: unknown): CheckedEntry[] {
  const found: CheckedEntry[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path} › ${labelOf(item) ?? String(index)}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.lastChecked === 'string') found.push({ where: path, lastChecked: record.lastChecked });
    for (const [key, value] of Object.entries(record)) {
      if (value !== null && typeof value === 'object') walk(value, `${path} › ${key}`);
    }
  };
  walk(root, fileName);
  return found;
}

function labelOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  const label = record.id ?? record.title ?? record.name;
  return typeof label === 'string' ? label : undefined;
}

/**
 * Entries last checked more than `months` calendar months before `today`
 * (both ISO dates). An entry checked exactly `months` ago is not yet stale.
 */
export function staleEntries(entries: readonly CheckedEntry[], today: string, months = 12): CheckedEntry[] {
  const [year, month, day] = today.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) throw new Error(`not an ISO date: ${today}`);
  const total = year * 12 + (month - 1) - months;
  const cutoff = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return entries
    .filter((entry) => entry.lastChecked < cutoff)
    .sort((a, b) => a.lastChecked.localeCompare(b.lastChecked));
}
