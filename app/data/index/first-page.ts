// The sealed first page of the case list (issue 19): what the list's first
// screen shows in its default order (no search, no filter, soonest follow-up
// first), so it can be shown right after unlock without reading the whole
// index. Stored as one more `caseIndex` row `{ id: 'page', gen, iv, data }`,
// AES-GCM under the data key (AAD `baken/v1|index|page|3`), written in the
// same transaction as the head it was computed for (case-index.ts) and only
// trusted when its `gen` is the one the head names (`page`, else the head's
// own `gen`: a write that changes nothing on the page keeps the row). Its plaintext is the number of
// cases and a small shard (the same tapes, checks and decoder as a shard row)
// of the first CASE_LIST_PAGE_SIZE cases in list order plus the closed cases
// with the earliest retention dates (the "due for erasure" callout), computed
// from per-shard candidates (page-candidates.ts).
import { z } from 'zod';

import { sortByNextFollowUp } from '../../../schema/case-list';
import type { CaseListItem } from '../../../schema/case-list';
import { decryptRecord, encryptRecord } from '../crypto';
import type { IndexShardRow } from '../db';
import { itemsOfShard } from './list-items';
import type { PageContent } from './page-candidates';
import { SHARD_FORMAT, decodeShard, encodeShard, shardTapesSchema } from './shard-codec';

export const PAGE_ROW_ID = 'page';
const pageHeader = { kind: 'index', id: PAGE_ROW_ID, schemaVersion: SHARD_FORMAT };

const firstPageSchema = z.strictObject({ total: z.int().min(0), tapes: shardTapesSchema });

export interface FirstPage {
  readonly gen: number;
  /** Every case the full list holds (damaged ones included). */
  readonly total: number;
  /** The page's cases in list order: the first screen, then any other closed case due for erasure. */
  readonly items: readonly CaseListItem[];
}

/** The page row for `gen` (content from firstPageOf), sealed under `key` (outside any transaction: it encrypts). */
export async function sealFirstPage(
  key: CryptoKey,
  gen: number,
  { total, cases }: PageContent,
): Promise<IndexShardRow> {
  const { iv, data } = await encryptRecord(key, pageHeader, { total, tapes: encodeShard(gen, cases) });
  return { id: PAGE_ROW_ID, gen, iv, data };
}

/** The page in `row`, or null when it does not decrypt, validate, decode or name the row's generation. */
export async function openFirstPage(key: CryptoKey, row: IndexShardRow): Promise<FirstPage | null> {
  try {
    const parsed = firstPageSchema.safeParse(await decryptRecord(key, pageHeader, row));
    if (!parsed.success || parsed.data.tapes.gen !== row.gen) return null;
    const items = sortByNextFollowUp(itemsOfShard(decodeShard(parsed.data.tapes)));
    return { gen: row.gen, total: parsed.data.total, items };
  } catch {
    // Not decryptable, not valid or not decodable (RangeError): no page; the full list follows.
    return null;
  }
}
