// The Opvolging groups that are not about a date (issue 15): cases that are
// not closed and have no open follow-up ("Zonder opvolgdatum"), and cases with
// an open checklist step the worker marked for Opvolging. Whether a case is
// closed, and which steps are marked, is only in the ciphertext, so this reads
// more than the date groups: every case without an open follow-up (found from
// the plaintext `due` and `kind` indexes) and every step record are decrypted.
// It is a separate live query, so the date groups do not wait for it.
// Pattern as in follow-up-overview.ts: Dexie reads first, decryption inside Dexie.waitFor.
import { Dexie, liveQuery } from 'dexie';
import type { Observable } from 'dexie';

import { groupBy } from '../../schema/group-by';
import { latestFlag } from '../../schema/latest-flag';
import type { Flag } from '../../schema/records/assessment';
import type { Case, CaseStatus, CaseType } from '../../schema/records/case';
import { matchesQuery } from '../../schema/text-search';
import { db } from './db';
import type { RecordRow } from './db';
import { openRows } from './records-io';
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

function okRecords<T>(results: ReadonlyArray<{ ok: true; record: T } | { ok: false }>): T[] {
  const out: T[] = [];
  for (const r of results) if (r.ok) out.push(r.record);
  return out;
}

function byKnownOnThenReference(a: AttentionItem, b: AttentionItem): number {
  if (a.knownOn !== b.knownOn) return a.knownOn < b.knownOn ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

function isFiltered(filter: AttentionFilter | undefined): boolean {
  return Boolean(filter && ((filter.school?.trim() ?? '') !== '' || filter.type || filter.flag));
}

/**
 * Querier: both attention groups, each sorted oldest case first, after the
 * same filter as the date groups. Undefined while locked (or when the vault
 * locks while it runs). Offline: works. Damaged records are left out (the
 * case list reports them).
 */
export async function readFollowUpAttention(filter?: AttentionFilter): Promise<FollowUpAttention | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const [dueRows, caseRows, stepRows] = await Promise.all([
    db.records.where('due').aboveOrEqual('').toArray(),
    db.records.where('kind').equals('case').toArray(),
    db.records.where('kind').equals('step').toArray(),
  ]);
  const withOpenFollowUp = new Set(dueRows.filter((r) => r.kind === 'followup').map((r) => r.caseId));
  const steps = okRecords(await Dexie.waitFor(openRows(key, 'step', { table: 'records', rows: stepRows })));
  if (getDataKey() !== key) return undefined;
  const reminders = new Map<string, number>();
  for (const s of steps) if (s.remind === true && s.doneOn === undefined) reminders.set(s.caseId, (reminders.get(s.caseId) ?? 0) + 1);

  // Only the cases that can be in a group are decrypted.
  const candidates = caseRows.filter((r) => !withOpenFollowUp.has(r.id) || reminders.has(r.id));
  const ids = candidates.map((r) => r.id);
  const filtered = isFiltered(filter);
  const [partyRows, assessmentRows] = await Promise.all([
    rowsOfKind(ids, 'party'),
    filtered && filter?.flag ? rowsOfKind(ids, 'assessment') : Promise.resolve([]),
  ]);
  const [cases, parties, assessments] = await Dexie.waitFor(
    Promise.all([
      openRows(key, 'case', { table: 'records', rows: candidates }),
      openRows(key, 'party', { table: 'records', rows: partyRows }),
      openRows(key, 'assessment', { table: 'records', rows: assessmentRows }),
    ]),
  );
  if (getDataKey() !== key) return undefined;
  const partiesOf = groupBy(okRecords(parties), (p) => p.caseId);
  const assessmentsOf = groupBy(okRecords(assessments), (a) => a.caseId);

  const matches = (c: Case): boolean => {
    if (!filter || !filtered) return true;
    const school = filter.school?.trim() ?? '';
    if (school !== '' && !matchesQuery(c.schools, school)) return false;
    if (filter.type && !c.types.includes(filter.type)) return false;
    if (filter.flag && latestFlag(assessmentsOf.get(c.id) ?? []) !== filter.flag) return false;
    return true;
  };

  const result: FollowUpAttention = { 'zonder-opvolgdatum': [], 'stappen-met-herinnering': [] };
  for (const c of okRecords(cases)) {
    if (c.status === 'afgesloten' || !matches(c)) continue;
    const item: AttentionItem = {
      caseId: c.id,
      reference: c.reference,
      status: c.status,
      knownOn: c.knownOn,
      pseudonyms: [...(partiesOf.get(c.id) ?? [])]
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
        .map((p) => p.pseudonym),
      reminderSteps: reminders.get(c.id) ?? 0,
    };
    if (!withOpenFollowUp.has(c.id)) result['zonder-opvolgdatum'].push(item);
    if (item.reminderSteps > 0) result['stappen-met-herinnering'].push(item);
  }
  for (const g of attentionGroups) result[g].sort(byKnownOnThenReference);
  return result;
}

/** Rows of one kind for some cases: parallel `equals` lookups on the compound index. */
async function rowsOfKind(caseIds: readonly string[], kind: RecordRow['kind']): Promise<RecordRow[]> {
  const lists = await Promise.all(caseIds.map((id) => db.records.where('[caseId+kind]').equals([id, kind]).toArray()));
  return lists.flat();
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
