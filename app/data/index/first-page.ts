// The sealed first page of the case list (issue 19): what the list's first
// screen shows in its default order (no search, no filter, soonest follow-up
// first), so it can be shown right after unlock without reading the whole
// index. Stored as one more `caseIndex` row `{ id: 'page', gen, iv, data }`,
// AES-GCM under the data key (AAD `baken/v1|index|page|3`), written in the
// same transaction as the head it was computed for (case-index.ts) and only
// trusted when its `gen` equals the head's. Holds the first
// CASE_LIST_PAGE_SIZE list items, the number of cases, and the closed cases
// with the earliest retention dates (the "due for erasure" callout).
import { z } from 'zod';

import { CASE_LIST_PAGE_SIZE, compareByNextFollowUp } from '../../../schema/case-list';
import type { CaseListItem, OkCaseListItem } from '../../../schema/case-list';
import { flagSchema } from '../../../schema/records/assessment';
import { isoDateSchema, timestampSchema } from '../../../schema/records/base';
import { caseReferenceSchema, caseStatusSchema, caseTypeSchema } from '../../../schema/records/case';
import { safeText } from '../../../schema/safe-text';
import { decryptRecord, encryptRecord } from '../crypto';
import type { IndexShardRow } from '../db';
import type { CaseEntry } from './entries';
import { itemsOfShard } from './list-items';
import { SHARD_FORMAT } from './shard-codec';

export const PAGE_ROW_ID = 'page';
const pageHeader = { kind: 'index', id: PAGE_ROW_ID, schemaVersion: SHARD_FORMAT };

// Every string passes the image guard; lengths as the records allow (pseudonym 60, school 120).
const text = safeText({ max: 200 });
const okItemSchema = z.strictObject({
  ok: z.literal(true),
  id: text,
  reference: caseReferenceSchema,
  status: caseStatusSchema,
  types: z.array(caseTypeSchema).max(20),
  schools: z.array(text).max(20),
  pseudonyms: z.array(text).max(500),
  latestFlag: flagSchema.optional(),
  nextFollowUp: isoDateSchema.optional(),
  knownOn: isoDateSchema,
  updatedAt: timestampSchema,
  retentionUntil: isoDateSchema.optional(),
});
const itemSchema = z.discriminatedUnion('ok', [
  okItemSchema,
  z.strictObject({ ok: z.literal(false), id: text, problem: z.literal('beschadigd') }),
]);

export const firstPageSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  gen: z.int().min(0),
  /** Every case the full list holds (damaged ones included). */
  total: z.int().min(0),
  items: z.array(itemSchema).max(CASE_LIST_PAGE_SIZE),
  /** Closed cases with a retention date, earliest first. */
  due: z.array(okItemSchema).max(CASE_LIST_PAGE_SIZE),
});
export interface FirstPage {
  readonly gen: number;
  readonly total: number;
  readonly items: readonly CaseListItem[];
  readonly due: readonly OkCaseListItem[];
}

/** The first `n` items of `items` in `compare` order, equal to a stable sort's first `n` (one pass, no full sort). */
function firstOf<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    const last = top[top.length - 1];
    if (top.length === n && last !== undefined && compare(item, last) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}

const byRetention = (a: OkCaseListItem, b: OkCaseListItem): number =>
  (a.retentionUntil ?? '') < (b.retentionUntil ?? '') ? -1 : (a.retentionUntil ?? '') > (b.retentionUntil ?? '') ? 1 : 0;

function* allItems(shards: ReadonlyArray<ReadonlyMap<string, CaseEntry>>): Generator<CaseListItem> {
  for (const shard of shards) yield* itemsOfShard(shard);
}

/** The first page of an index (its shards in shard order, as caseListOf lists them). */
export function firstPageOf(gen: number, shards: ReadonlyArray<ReadonlyMap<string, CaseEntry>>): FirstPage {
  let total = 0;
  const closed: OkCaseListItem[] = [];
  for (const item of allItems(shards)) {
    total++;
    if (item.ok && item.status === 'afgesloten' && item.retentionUntil !== undefined) closed.push(item);
  }
  return {
    gen,
    total,
    items: firstOf(allItems(shards), CASE_LIST_PAGE_SIZE, compareByNextFollowUp),
    due: firstOf(closed, CASE_LIST_PAGE_SIZE, byRetention),
  };
}

/** The page row for `gen`, sealed under `key` (outside any transaction: it encrypts). */
export async function sealFirstPage(
  key: CryptoKey,
  gen: number,
  shards: ReadonlyArray<ReadonlyMap<string, CaseEntry>>,
): Promise<IndexShardRow> {
  const page = firstPageOf(gen, shards);
  const { iv, data } = await encryptRecord(key, pageHeader, { format: SHARD_FORMAT, ...page });
  return { id: PAGE_ROW_ID, gen, iv, data };
}

/** The page in `row`, or null when it does not decrypt, validate or name the row's generation. */
export async function openFirstPage(key: CryptoKey, row: IndexShardRow): Promise<FirstPage | null> {
  try {
    const parsed = firstPageSchema.safeParse(await decryptRecord(key, pageHeader, row));
    if (!parsed.success || parsed.data.gen !== row.gen) return null;
    const { gen, total, items, due } = parsed.data;
    return { gen, total, items, due };
  } catch {
    return null;
  }
}
