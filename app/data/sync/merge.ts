// Merging the versions of one document after decryption (pure: no Dexie, no
// network). Called when a pulled document has several live leaf revisions,
// or when a local change is still waiting while another device changed the
// same document.
//
// - Append-only kinds (notes, audit events) never change after creation, so
//   two versions of one id are the same record: any one is kept. The union
//   of notes needs no merge at all: different ids are different documents.
// - Changeable records merge field by field against their common ancestor
//   (the last version this device synced, the "base"): a field changed on one
//   side only takes that change; a field changed on both sides to the same
//   value is fine; a field changed differently is a "tegenstrijdige
//   wijziging": the record keeps the value of the winning revision and a
//   conflict item keeps every value until the worker chooses.
// - A consent (toestemming) keeps its strictest value while the item is open: the
//   earliest withdrawal (any withdrawal beats none) and only the categories
//   every version names. Once the worker chose (the item is closed, `chosen`),
//   the latest change holds, as for every other record.
// - `updatedAt` takes the latest, a follow-up's `sequence` the highest; a list that only grew on each side (a
//   follow-up's history) keeps every addition; a conflict item takes the
//   resolved version.
// Every device picks the same winner (CouchDB's rule: highest revision number,
// then highest hash), and conflict item ids are derived from their content, so
// two devices that merge the same versions make the same item, not two.
import type { StoredRecord } from '../../../schema/records';
import type { SyncConflict } from '../../../schema/sync-conflict';
import type { SyncPayload } from './codec';

export interface Candidate {
  /** Revision of this version; a local change not yet pushed sorts by the revision it edits. */
  rev: string;
  payload: SyncPayload;
}

export interface MergeResult {
  payload: SyncPayload;
  conflicts: Array<Omit<SyncConflict, 'id' | 'createdAt'>>;
}

const APPEND_ONLY = new Set(['note', 'audit']);
const NEVER_CONFLICT = new Set(['id', 'kind', 'schemaVersion', 'caseId', 'createdAt', 'updatedAt']);
/** Lists that only ever grow (a follow-up's reschedules, a case's earlier descriptions). */
const APPEND_ONLY_LISTS = new Set(['history', 'factsHistory']);

export function revNumber(rev: string): number {
  return Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
}

/** CouchDB's deterministic winner order: higher revision number first, then the higher hash. */
export function compareRevs(a: string, b: string): number {
  const d = revNumber(b) - revNumber(a);
  if (d !== 0) return d;
  const ha = a.slice(a.indexOf('-') + 1);
  const hb = b.slice(b.indexOf('-') + 1);
  return ha < hb ? 1 : ha > hb ? -1 : 0;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function caseIdOf(record: { id: string; kind: string; caseId?: string | undefined }): string | undefined {
  return record.kind === 'case' ? record.id : record.caseId;
}

/**
 * Merges two or more versions of one document. `base` is the common ancestor
 * when known (undefined: every differing field counts as changed on both sides).
 */
export function mergeVersions(
  candidates: readonly Candidate[],
  base: SyncPayload | undefined,
  /** `conflictKey` of this record's closed items: the worker chose, so the latest change (the choice) holds. */
  chosen: ReadonlySet<string> = new Set(),
): MergeResult {
  const sorted = [...candidates].sort((a, b) => compareRevs(a.rev, b.rev));
  const winner = sorted[0];
  if (!winner) throw new Error('nothing to merge');
  if (sorted.length === 1) return { payload: winner.payload, conflicts: [] };

  if (winner.payload.t === 'conflicts') {
    const resolved = sorted.find((c) => c.payload.t === 'conflicts' && c.payload.record.resolvedAt !== undefined);
    return { payload: (resolved ?? winner).payload, conflicts: [] };
  }
  if (winner.payload.t === 'audit' || APPEND_ONLY.has(winner.payload.record.kind)) {
    return { payload: winner.payload, conflicts: [] };
  }

  const records = sorted.map((c) => c.payload.record as Record<string, unknown>);
  const baseRecord = base?.record as Record<string, unknown> | undefined;
  const merged: Record<string, unknown> = { ...records[0] };
  const conflicts: MergeResult['conflicts'] = [];
  const fields = new Set(records.flatMap((r) => Object.keys(r)));
  const stamp = (r: Record<string, unknown>) => (typeof r.updatedAt === 'string' ? r.updatedAt : '');
  // The latest change; `sorted` is the winner order, so equal times keep the winner first.
  const latest = records.reduce((a, b) => (stamp(b) > stamp(a) ? b : a));
  const winnerRecord = winner.payload.record as StoredRecord;
  const caseId = caseIdOf(winnerRecord);

  for (const field of [...fields].sort()) {
    const values = records.map((r) => r[field]);
    if (values.every((v) => same(v, values[0]))) continue;
    if (field === 'updatedAt') {
      merged[field] = values
        .filter((v): v is string => typeof v === 'string')
        .sort()
        .at(-1);
      continue;
    }
    if (NEVER_CONFLICT.has(field)) continue;
    // A follow-up's calendar sequence only counts up (one per reschedule): the highest wins, no item
    // (a worker cannot judge a counter; the dates themselves still become an item when they differ).
    if (field === 'sequence' && winnerRecord.kind === 'followup') {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      if (numbers.length > 0) merged[field] = Math.max(...numbers);
      continue;
    }
    const changed = baseRecord === undefined ? values : values.filter((v) => !same(v, baseRecord[field]));
    const distinct: unknown[] = [];
    for (const v of changed) if (!distinct.some((d) => same(d, v))) distinct.push(v);
    if (distinct.length === 1) {
      setField(merged, field, distinct[0]);
      continue;
    }
    // Lists that only grew on each side (e.g. a follow-up's history): keep every addition. Without a
    // known ancestor only the append-only histories: a choice list (types, categories, …) that one
    // side shortened and the other lengthened would otherwise silently get the removed choice back.
    const grown =
      baseRecord !== undefined || APPEND_ONLY_LISTS.has(field)
        ? appendedUnion(baseRecord?.[field], distinct, field === 'factsHistory' ? FACTS_VERSION : undefined)
        : null;
    if (grown) {
      merged[field] = grown;
      continue;
    }
    // Both sides changed it differently: the value of the latest change stays (by `updatedAt`, which a
    // choice in an item sets; same time: the winner's), all values are kept in the item. So when a
    // version from before the choice meets the chosen one again, the same item (same id, already
    // closed) is not made twice and the chosen value stays, whichever revision wins.
    // A consent's open item: the strictest value until the worker chooses (a review: the latest change
    // kept a later withdrawal, and the need-to-know summary shared on it).
    const all: unknown[] = [];
    for (const v of values) if (!all.some((d) => same(d, v))) all.push(v);
    const item = itemValues(all);
    const strict =
      winnerRecord.kind === 'consent' && !chosen.has(conflictKey({ recordId: winnerRecord.id, field, values: item }))
        ? STRICTER[field]?.(values)
        : undefined;
    setField(merged, field, strict ?? latest[field]);
    if (caseId !== undefined && winnerRecord.kind !== 'audit' && winnerRecord.kind !== 'draft') {
      conflicts.push({
        kind: 'conflict',
        schemaVersion: 1,
        caseId,
        recordId: winnerRecord.id,
        recordKind: winnerRecord.kind as SyncConflict['recordKind'],
        field,
        values: item,
      });
    }
  }
  return { payload: { ...winner.payload, record: merged } as SyncPayload, conflicts };
}

/** An item's values: an absent field is stored as null. */
const itemValues = (all: readonly unknown[]): unknown[] => all.map((v) => (v === undefined ? null : v));

/** Consent fields where one value shares less than another: the value that shares least (undefined: none). */
const STRICTER: Partial<Record<string, (values: readonly unknown[]) => unknown>> = {
  // The earliest withdrawal; a withdrawal beats none.
  withdrawnOn: (values) => values.filter((v): v is string => typeof v === 'string').sort()[0],
  // The categories every version names; none in common: undefined (a consent names one).
  categories: (values) => {
    const lists = values.filter(Array.isArray);
    const common = (lists[0] ?? []).filter((c: unknown) => lists.every((l) => l.includes(c)));
    return lists.length === values.length && common.length > 0 ? common : undefined;
  },
};

/**
 * How a list's additions are told apart and ordered. A case's earlier facts: the same text replaced
 * for the same reason on two devices (or kept by the same choice made on both) is one version, and
 * the versions stay oldest first.
 */
interface ListItems {
  key: (item: unknown) => string;
  order: (a: unknown, b: unknown) => number;
}
const prop = (item: unknown, name: string): string => {
  const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};
const FACTS_VERSION: ListItems = {
  key: (item) => JSON.stringify([prop(item, 'text'), prop(item, 'reason')]),
  order: (a, b) => prop(a, 'replacedAt').localeCompare(prop(b, 'replacedAt')),
};

/** When every version is the base list plus additions at its end: base + all additions (deduplicated). */
function appendedUnion(base: unknown, versions: readonly unknown[], items?: ListItems): unknown[] | null {
  const start = base === undefined ? [] : base;
  if (!Array.isArray(start)) return null;
  const out: unknown[] = [...start];
  const added: unknown[] = [];
  const sameItem = (a: unknown, b: unknown): boolean => (items ? items.key(a) === items.key(b) : same(a, b));
  const isKept = (candidate: unknown): boolean =>
    out.some((o) => sameItem(o, candidate)) || added.some((o) => sameItem(o, candidate));
  for (const v of versions) {
    if (!Array.isArray(v) || v.length < start.length) return null;
    if (!start.every((item, i) => same(item, v[i]))) return null;
    for (const addition of v.slice(start.length)) if (!isKept(addition)) added.push(addition);
  }
  if (items) added.sort((a, b) => items.order(a, b) || items.key(a).localeCompare(items.key(b)));
  return [...out, ...added];
}

function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

/** What an item's id derives from: its record, field and values in any order. */
export function conflictKey(c: Pick<SyncConflict, 'recordId' | 'field' | 'values'>): string {
  return JSON.stringify([c.recordId, c.field, c.values.map((v) => JSON.stringify(v)).sort()]);
}

/** A UUID-shaped id derived from the conflict's content, so every device derives the same one. */
export async function conflictId(c: Omit<SyncConflict, 'id' | 'createdAt'>): Promise<string> {
  const text = conflictKey(c);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const hex = [...hash.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // Version 8 (custom) UUID layout with the RFC variant bits.
  const v = `8${hex.slice(13, 16)}`;
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${v}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
