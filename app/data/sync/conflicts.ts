// "Tegenstrijdige wijziging" items for the case page: the open items of a
// case (live), and the worker's choice, which writes the chosen value into
// the record and closes the item. Both changes replicate.
import { Dexie } from 'dexie';

import type { Case, FactsVersion } from '../../../schema/records/case';
import type { SyncConflict } from '../../../schema/sync-conflict';
import { db } from '../db';
import { getDataKey, requireDataKey } from '../session';
import { getRecord, saveRecords } from '../store';
import { toStorageError } from '../errors';
import { useVaultQuery } from '../use-vault-query';
import { openConflictRow, sealConflict } from './local';
import { markChanged } from './track';

async function readOpenConflicts(caseId: string): Promise<SyncConflict[] | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const rows = await db.conflicts.where('caseId').equals(caseId).toArray();
  const opened = await Dexie.waitFor(Promise.all(rows.map((r) => openConflictRow(key, r))));
  return opened
    .filter((c): c is SyncConflict => c !== null && c.resolvedAt === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** A case with at least one open conflict item, for a notice outside its page. */
export interface CaseWithConflict {
  caseId: string;
  reference: string;
}

async function readCasesWithConflicts(): Promise<CaseWithConflict[] | undefined> {
  const key = getDataKey();
  if (!key) return undefined;
  const rows = await db.conflicts.toArray();
  const opened = await Dexie.waitFor(Promise.all(rows.map((r) => openConflictRow(key, r))));
  const caseIds = [...new Set(opened.flatMap((c) => (c !== null && c.resolvedAt === undefined ? [c.caseId] : [])))];
  const cases = await Promise.all(caseIds.map((id) => getRecord(id, 'case')));
  return cases
    .flatMap((c) => (c?.ok ? [{ caseId: c.record.id, reference: c.record.reference }] : []))
    .sort((a, b) => a.reference.localeCompare(b.reference));
}

/**
 * Every case with an open conflict item (a review: they showed only on that case's page, while the
 * later value applied everywhere). Undefined while loading or locked.
 */
export function useCasesWithConflicts(): CaseWithConflict[] | undefined {
  return useVaultQuery(readCasesWithConflicts, []);
}

/** Whether a case has a conflict item waiting for the worker's choice (VaultLockedError when locked). */
export async function hasOpenConflicts(caseId: string): Promise<boolean> {
  requireDataKey();
  return ((await readOpenConflicts(caseId)) ?? []).length > 0;
}

/** Open conflict items of one case; undefined while loading or locked. */
export function useCaseConflicts(caseId: string): SyncConflict[] | undefined {
  return useVaultQuery(() => readOpenConflicts(caseId), [caseId]);
}

/**
 * The worker chose `values[choice]`: the record gets that value (validated
 * like every write) and the item is closed. Offline: works. A case's facts
 * are never lost by a choice: the texts not chosen go into its earlier
 * versions (`factsHistory`), with `replacedReason` as the reason, as a
 * correction keeps the text it replaces.
 */
export async function resolveConflict(
  conflictId: string,
  choice: number,
  /** The reason a text not chosen is kept with (the catalogue's words). */
  replacedReason: string,
): Promise<void> {
  const key = requireDataKey();
  const row = await db.conflicts.get(conflictId);
  const conflict = row ? await openConflictRow(key, row) : null;
  if (!conflict || choice < 0 || choice >= conflict.values.length) throw new Error('unknown conflict');
  const current = await getRecord(conflict.recordId, conflict.recordKind);
  if (current?.ok) {
    const next: Record<string, unknown> = { ...current.record };
    const value = conflict.values[choice];
    if (value === null) delete next[conflict.field];
    else next[conflict.field] = value;
    // The choice is the latest change: a merge with a version from before it keeps the chosen value.
    if (typeof next.updatedAt === 'string') next.updatedAt = new Date().toISOString();
    if (current.record.kind === 'case' && conflict.field === 'description') {
      next.factsHistory = keepUnchosenFacts(current.record, conflict.values, choice, replacedReason);
    }
    await saveRecords([next as typeof current.record]);
  }
  const closed = await sealConflict(key, { ...conflict, resolvedAt: new Date().toISOString() });
  try {
    await db.transaction('rw', db.conflicts, db.sync, async () => {
      await db.conflicts.put(closed);
      await markChanged([closed.id]);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** The case's earlier facts plus every text of the item that was not chosen and is not kept yet. */
function keepUnchosenFacts(kase: Case, values: readonly unknown[], choice: number, reason: string): FactsVersion[] {
  const history = [...(kase.factsHistory ?? [])];
  const chosen = values[choice];
  const replacedAt = new Date().toISOString();
  // The text on the case now, when it is none of the item's (written after the item came, e.g. both merged
  // by hand through "Feiten aanpassen"), is replaced by the choice too: keep it as well.
  for (const value of [...values, kase.description]) {
    if (typeof value !== 'string' || value === chosen || value.trim() === '') continue;
    if (history.some((v) => v.text === value)) continue;
    history.push({ text: value, replacedAt, reason });
  }
  return history;
}
