// The Opvolging groups that are not about a date (issue 15): cases that are
// not closed and have no open follow-up ("Zonder opvolgdatum"), and cases with
// an open checklist step the worker marked for Opvolging. Computed from the
// encrypted case index (index/), which holds each case's status, open
// follow-ups and count of marked open steps; nothing is decrypted per visit.
import { liveQuery } from 'dexie';
import type { Observable } from 'dexie';

import type { Flag } from '../../schema/records/assessment';
import type { CaseStatus, CaseType } from '../../schema/records/case';
import { entriesOf, readIndexLive } from './index/case-index';
import type { IndexMemory } from './index/case-index';
import {
  caseOf,
  isCaseFilterSet,
  matchesCaseFilter,
  openFollowUpsOfEntry,
  pseudonymsOf,
  reminderStepsOf,
} from './index/index-reads';
import { getDataKey } from './session';
import { useVaultQuery } from './use-vault-query';

export const attentionGroups = ['zonder-opvolgdatum', 'stappen-met-herinnering'] as const;
export type AttentionGroup = (typeof attentionGroups)[number];

/** One case in an attention group: what the card shows, no free text. */
export interface AttentionItem {
  caseId: string;
  reference: string;
  status: Exclude<CaseStatus, 'afgesloten'>;
  knownOn: string;
  pseudonyms: string[];
  /** Open steps marked for Opvolging (0 in "Zonder opvolgdatum" when there are none). */
  reminderSteps: number;
}

export type FollowUpAttention = Record<AttentionGroup, AttentionItem[]>;

/** The date groups' filter (follow-up-overview.ts FollowUpFilter has the same shape). */
export interface AttentionFilter {
  school?: string | undefined;
  type?: CaseType | undefined;
  flag?: Flag | undefined;
}

function byKnownOnThenReference(a: AttentionItem, b: AttentionItem): number {
  if (a.knownOn !== b.knownOn) return a.knownOn < b.knownOn ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

// Unfiltered groups per index generation: Opvolging and the app badge ask for them on every visit.
const unfilteredOf = new WeakMap<IndexMemory, FollowUpAttention>();

/** Both attention groups from the in-memory case index (no decryption). Treat the result as read-only. */
export function attentionOf(index: IndexMemory, filter?: AttentionFilter): FollowUpAttention {
  const filtered = isCaseFilterSet(filter);
  const cached = filtered ? undefined : unfilteredOf.get(index);
  if (cached) return cached;
  const result: FollowUpAttention = { 'zonder-opvolgdatum': [], 'stappen-met-herinnering': [] };
  for (const [caseId, entry] of entriesOf(index)) {
    const c = caseOf(entry);
    if (!c || c.status === 'afgesloten') continue;
    const withOpenFollowUp = openFollowUpsOfEntry(entry).length > 0;
    const reminderSteps = reminderStepsOf(entry);
    if ((withOpenFollowUp && reminderSteps === 0) || (filtered && !matchesCaseFilter(filter, entry))) continue;
    const item: AttentionItem = {
      caseId,
      reference: c.reference,
      status: c.status,
      knownOn: c.knownOn,
      pseudonyms: pseudonymsOf(entry),
      reminderSteps,
    };
    if (!withOpenFollowUp) result['zonder-opvolgdatum'].push(item);
    if (reminderSteps > 0) result['stappen-met-herinnering'].push(item);
  }
  for (const g of attentionGroups) result[g].sort(byKnownOnThenReference);
  if (!filtered) unfilteredOf.set(index, result);
  return result;
}

/**
 * Querier: both attention groups, each sorted oldest case first, after the
 * same filter as the date groups. Undefined while locked (or when the vault
 * locks while it runs) and while the case index is rebuilt. Offline: works.
 * Damaged records are left out (the case list reports them).
 */
export async function readFollowUpAttention(filter?: AttentionFilter): Promise<FollowUpAttention | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const index = await readIndexLive(key);
  if (!index || getDataKey() !== key) return undefined;
  return attentionOf(index, filter);
}

/** Querier: the sizes of both groups together (unfiltered), for the app badge. Undefined while locked. */
export async function readAttentionCount(): Promise<number | undefined> {
  const attention = await readFollowUpAttention();
  return attention === undefined ? undefined : attentionGroups.reduce((sum, g) => sum + attention[g].length, 0);
}

/** Observable groups, for code outside React (tests). */
export function observeFollowUpAttention(filter?: AttentionFilter): Observable<FollowUpAttention | undefined> {
  return liveQuery(async () => readFollowUpAttention(filter));
}

/** The attention groups, live; undefined while loading and while locked. */
export function useFollowUpAttention(filter: AttentionFilter): FollowUpAttention | undefined {
  const key = JSON.stringify([filter.school?.trim() ?? '', filter.type ?? '', filter.flag ?? '']);
  return useVaultQuery(async () => readFollowUpAttention(filter), [key]);
}
