// React reads of the logbook (useVaultQuery: undefined while loading and
// while the vault is locked, forgotten the moment it locks).

import type { CaseListItem } from '../../schema/case-list';
import { readCaseDetailLive, readCaseListLive } from './case-reads';
import type { CaseDetail } from './case-reads';
import type { FirstPage } from './index/first-page';
import { readFirstPageLive } from './index/first-page-read';
import { useVaultQuery } from './use-vault-query';

export type { CaseListItem, OkCaseListItem } from '../../schema/case-list';
export type { CaseDetail } from './case-reads';
// The non-hook readers, for code outside React (exports, backup) and tests.
export { caseHasOpenConflicts, readCaseDetail, readCaseList } from './case-reads';
export { useIndexRebuildProgress } from './index/progress';

export type { FirstPage } from './index/first-page';

/**
 * Every case as a list item, unordered (filter and sort with schema/case-list.ts).
 * `ready` false: not read yet (the case list first shows its sealed first page).
 */
export function useCaseList(ready = true): CaseListItem[] | undefined {
  return useVaultQuery(async () => (ready ? readCaseListLive() : undefined), [ready]);
}

/** The case list's sealed first page: undefined while read, null when there is no trusted one. */
export function useCaseListFirstPage(): FirstPage | null | undefined {
  return useVaultQuery(readFirstPageLive, []);
}

/** One case with all its parts; null when there is no such (readable) case. */
export function useCaseDetail(id: string | undefined): CaseDetail | null | undefined {
  return useVaultQuery(async () => (id === undefined ? null : readCaseDetailLive(id)), [id]);
}
