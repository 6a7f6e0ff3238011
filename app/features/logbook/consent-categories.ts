// The categories line of a consent or share card. A record stored before
// issue 15 may name a category that no longer exists (`retiredCategories`):
// it stays readable in the history, marked as lapsed, and releases nothing.
import type { ConsentRecord, InfoCategory } from '../../../schema/records/consent';
import { nl } from '../../i18n/catalogue';

const t = nl.logbook.consent;

export function consentCategoriesText(consent: Pick<ConsentRecord, 'categories' | 'retiredCategories'>): string {
  const labels = [
    ...consent.categories.map((c) => t.categoryLabels[c]),
    ...(consent.retiredCategories ?? []).map((c) => t.retiredCategoryLabels[c]),
  ];
  const line = t.entryCategories(labels.join(', '));
  return consent.categories.length === 0 ? `${line}. ${t.onlyRetired}` : line;
}

/** Categories by their labels, e.g. "feiten, afspraken". */
export function categoryNames(categories: readonly InfoCategory[]): string {
  return categories.map((c) => t.categoryLabels[c]).join(', ');
}
