// The categories line of a consent or share card. A record stored before
// issue 15 may name a category that no longer exists (`retiredCategories`):
// it stays readable in the history, marked as lapsed, and releases nothing.
import type { ConsentRecord, InfoCategory } from '../../../schema/records/consent';
import type { Jurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';

const t = nl.logbook.consent;
const labelsNl: Readonly<Record<InfoCategory, string>> = { ...t.categoryLabels, ...t.categoryLabelsNl };

/** The categories' labels for a case under `jurisdiction`'s rules: "aangifte" in the Netherlands. */
export function categoryLabelsOf(jurisdiction: Jurisdiction): Readonly<Record<InfoCategory, string>> {
  return jurisdiction === 'nederland' ? labelsNl : t.categoryLabels;
}

export function consentCategoriesText(
  consent: Pick<ConsentRecord, 'categories' | 'retiredCategories'>,
  jurisdiction: Jurisdiction,
): string {
  const labels = categoryLabelsOf(jurisdiction);
  const names = [
    ...consent.categories.map((c) => labels[c]),
    ...(consent.retiredCategories ?? []).map((c) => t.retiredCategoryLabels[c]),
  ];
  const line = t.entryCategories(names.join(', '));
  return consent.categories.length === 0 ? `${line}. ${t.onlyRetired}` : line;
}

/** Categories by their labels, e.g. "feiten, afspraken". */
export function categoryNames(categories: readonly InfoCategory[], jurisdiction: Jurisdiction): string {
  const labels = categoryLabelsOf(jurisdiction);
  return categories.map((c) => labels[c]).join(', ');
}
