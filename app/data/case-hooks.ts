// React reads of the logbook (pattern as in hooks.ts): undefined while loading
// and while the vault is locked; the vault epoch re-runs the query on every
// unlock and lock, so decrypted values are forgotten the moment it locks.
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';

import type { CaseListItem } from '../../schema/case-list';
import { readCaseDetailLive, readCaseListLive } from './case-reads';
import type { CaseDetail } from './case-reads';
import { getVaultSnapshot, subscribeVault } from './session';

export type { CaseListItem, OkCaseListItem } from '../../schema/case-list';
export type { CaseDetail } from './case-reads';
// The non-hook readers, for code outside React (exports, backup) and tests.
export { readCaseDetail, readCaseList } from './case-reads';

function useVaultSnapshot() {
  return useSyncExternalStore(subscribeVault, getVaultSnapshot, getVaultSnapshot);
}

/** Every case as a list item, unordered (filter and sort with schema/case-list.ts). */
export function useCaseList(): CaseListItem[] | undefined {
  const { status, epoch } = useVaultSnapshot();
  const result = useLiveQuery(async () => readCaseListLive(), [epoch]);
  return status === 'unlocked' ? result : undefined;
}

/** One case with all its parts; null when there is no such (readable) case. */
export function useCaseDetail(id: string | undefined): CaseDetail | null | undefined {
  const { status, epoch } = useVaultSnapshot();
  const result = useLiveQuery(async () => (id === undefined ? null : readCaseDetailLive(id)), [id, epoch]);
  return status === 'unlocked' ? result : undefined;
}
