// The encrypted case index (issue 19): what the case list, search, Opvolging
// and the app badge need of every case, decrypted once after unlock and held
// in memory until the vault locks. On disk it is a plaintext head row
// `{ gen, rows, shards }` and SHARDS shard rows, each AES-GCM ciphertext under
// the data key (AAD `baken/v1|index|shard:N|3`, 3 the format), in the `caseIndex`
// table. A shard's plaintext is compact tapes (shard-codec.ts), not per-case JSON.
// A `page` row (first-page.ts) holds the case list's first screen, put with every head.
//
// Kept in step with the records: every write of an indexed kind (store.ts)
// encrypts the new shard contents BEFORE its transaction and, inside the same
// transaction as the records, checks that the head's `gen` is still the one
// it planned from (else IndexMovedError: another tab wrote; reload, re-plan)
// and puts the shards and a head with gen + 1. A kill therefore leaves either
// the old records with the old index or the new ones with the new index.
// Opening checks staleness anyway (head present, `rows` equal to the number
// of indexed rows on disk, every shard at the generation the head names and
// decryptable); a stale index is rebuilt from the records, with progress.
import { Dexie } from 'dexie';

import { decryptRecord, encryptRecord } from '../crypto';
import { db } from '../db';
import type { IndexHeadRow, IndexShardRow, RecordRow } from '../db';
import { VaultLockedError } from '../errors';
import { openRecordRow } from '../records-io';
import { getDataKey, subscribeVault } from '../session';
import type { StoredRecord } from '../../../schema/records';
import {
  INDEXED_KINDS,
  caseIdOf,
  emptyEntry,
  entryRows,
  isIndexedKind,
  shardOf,
  withDamaged,
  withRecord,
} from './entries';
import type { CaseEntry } from './entries';
import { sealFirstPage } from './first-page';
import { firstPageOf, pageAfterChange, samePage } from './page-candidates';
import type { PageContent } from './page-candidates';
import { setRebuildProgress } from './progress';
import { SHARD_FORMAT, decodeShard, encodeShard, shardTapesSchema } from './shard-codec';

// A one-case write re-encrypts and puts one shard. 256 (issue 19; 64 before) keep a shard at
// 10,000 cases near 40 cases and ≈ 28 KiB of ciphertext: Chromium stores an IndexedDB value over
// 64 KiB as a separate blob file, which made each note save's shard put several times slower.
// An index with another shard count is stale (rebuilt once from the records).
export const SHARDS = 256;
// Format 3 (compact tapes, shard-codec.ts): a format-2 shard fails its AAD check, so the index is rebuilt.
const FORMAT = SHARD_FORMAT;
const DECRYPT_BATCH = 256;

export interface IndexMemory {
  readonly key: CryptoKey;
  readonly gen: number;
  readonly rows: number;
  readonly shardGens: readonly number[];
  readonly shards: ReadonlyArray<ReadonlyMap<string, CaseEntry>>;
  /** The generation of the sealed first page row this index's head trusts (absent: `gen`). */
  readonly pageGen?: number;
  /**
   * Issue 19: this index's first page when the plan that made it computed it, so the next save
   * compares against it instead of merging every shard's candidates again (absent: computed then).
   */
  readonly page?: PageContent;
}

/** Another writer moved the index since it was planned; reload and plan again. */
export class IndexMovedError extends Error {
  constructor() {
    super('The case index changed since this write was planned.');
    this.name = 'IndexMovedError';
  }
}

export function isIndexMoved(e: unknown): boolean {
  return e instanceof IndexMovedError;
}

let memory: IndexMemory | null = null;
let rebuilding: { key: CryptoKey; run: Promise<IndexMemory | null> } | null = null;

// Decrypted values are forgotten the moment the vault locks.
subscribeVault(() => {
  if (memory && memory.key !== getDataKey()) memory = null;
});

/** The index in memory for the current key, without reading the disk. */
export function indexInMemory(): IndexMemory | null {
  return memory && memory.key === getDataKey() ? memory : null;
}

/** Test seam: forget the in-memory index (as after a reload). */
export function dropIndexMemory(): void {
  memory = null;
}

const shardId = (i: number): string => `shard:${i}`;
const shardHeader = (i: number) => ({ kind: 'index', id: shardId(i), schemaVersion: FORMAT });

type Wrap = <T>(work: Promise<T>) => Promise<T>;
const plain: Wrap = (work) => work;
export const forLiveQuery: Wrap = (work) => Dexie.waitFor(work);

export function isHead(row: unknown): row is IndexHeadRow {
  return typeof row === 'object' && row !== null && (row as { id?: unknown }).id === 'head';
}

/** A head the index can be read by: not the marker invalidateIndex leaves (no shards). */
export function isUsableHead(row: unknown): row is IndexHeadRow {
  return isHead(row) && row.shards.length === SHARDS;
}

/** The generation the `page` row must have to be trusted with this head (a head before issue 19's note save: its own). */
export function pageGenOf(head: IndexHeadRow): number {
  return head.page ?? head.gen;
}

async function openShard(key: CryptoKey, i: number, row: IndexShardRow): Promise<Map<string, CaseEntry> | null> {
  try {
    const parsed = shardTapesSchema.safeParse(await decryptRecord(key, shardHeader(i), row));
    if (!parsed.success || parsed.data.gen !== row.gen) return null;
    return decodeShard(parsed.data);
  } catch {
    // Not decryptable, not valid or not decodable (RangeError): stale, so rebuilt.
    return null;
  }
}

async function sealShard(key: CryptoKey, i: number, gen: number, cases: ReadonlyMap<string, CaseEntry>) {
  const { iv, data } = await encryptRecord(key, shardHeader(i), encodeShard(gen, cases));
  return { id: shardId(i), gen, iv, data } satisfies IndexShardRow;
}

const SORTED_KINDS = [...INDEXED_KINDS].sort();

/**
 * The rows of indexed kinds, for the staleness check: all rows, minus the rows
 * of every other kind (native counts over the gaps between the indexed kinds
 * in the `kind` index). Issue 19: about 3x cheaper than one count per kind, as
 * a count over an index checks each entry against its row and a count of the
 * table does not. Never lower than the exact count: a row without a kind (only
 * by tampering) counts here, so it can only make the index look stale
 * (rebuilt on every open), never fresh.
 */
async function countIndexedRows(): Promise<number> {
  const kind = db.records.where('kind');
  const all = db.records.count();
  const counts = await Promise.all(
    [
      kind.below(SORTED_KINDS[0]),
      ...SORTED_KINDS.map((k, i) =>
        i ? kind.between(SORTED_KINDS[i - 1], k, false, false) : kind.above(SORTED_KINDS.at(-1)),
      ),
    ].map((c) => c.count()),
  );
  return counts.reduce((a, b) => a - b, await all);
}

/**
 * Reads the index from disk (decryption through `wrap`, the row count alongside).
 * Reuses shards of `base` whose generation did not change. Null when stale.
 */
async function loadFromDisk(key: CryptoKey, wrap: Wrap, base: IndexMemory | null): Promise<IndexMemory | null> {
  // The head alone first: an unchanged index is one small read (a live query then watches only the head,
  // which every index write replaces).
  const head = await db.caseIndex.get('head');
  if (!isUsableHead(head)) return null;
  if (base && base.gen === head.gen) return base;
  const reuse = base !== null && base.key === key;
  const wanted = head.shards.flatMap((gen, i) => (reuse && base.shardGens[i] === gen ? [] : [shardId(i)]));
  // A changed row count means a write that bypassed the index: stale. Checked
  // on a full open (counted while the shards are read and decrypted); an
  // incremental refresh follows a head this code wrote.
  const readAndOpen = async () => {
    const rows = await db.caseIndex.bulkGet(wanted);
    const byId = new Map(rows.filter((r): r is IndexShardRow => r !== undefined && !isHead(r)).map((r) => [r.id, r]));
    return wrap(
      Promise.all(
        head.shards.map(async (gen, i) => {
          if (reuse && base.shardGens[i] === gen) return base.shards[i] ?? null;
          const row = byId.get(shardId(i));
          return row && row.gen === gen ? openShard(key, i, row) : null;
        }),
      ),
    );
  };
  const [counted, opened] = await Promise.all([reuse ? head.rows : countIndexedRows(), readAndOpen()]);
  if (counted !== head.rows || opened.some((s) => s === null)) return null;
  const shards = opened as Array<ReadonlyMap<string, CaseEntry>>;
  let total = 0;
  for (const shard of shards) for (const entry of shard.values()) total += entryRows(entry);
  if (total !== head.rows) return null;
  return { key, gen: head.gen, rows: head.rows, shardGens: [...head.shards], shards, pageGen: pageGenOf(head) };
}

/**
 * Rebuilds the index from every indexed record (decrypting them all, with
 * progress) and stores it in one transaction. Retries if a write moved the
 * head meanwhile. Resolves null when the vault locked.
 */
async function rebuild(key: CryptoKey): Promise<IndexMemory | null> {
  for (let attempt = 1; ; attempt++) {
    const startHead = await db.caseIndex.get('head');
    const startGen = isHead(startHead) ? startHead.gen : 0;
    // Taken before the rows are read: any row written or removed meanwhile changes it.
    const startCount = await countIndexedRows();
    const rows: RecordRow[] = await db.records
      .where('kind')
      .anyOf([...INDEXED_KINDS])
      .toArray();
    const shards = Array.from({ length: SHARDS }, () => new Map<string, CaseEntry>());
    setRebuildProgress({ done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += DECRYPT_BATCH) {
      const batch = rows.slice(i, i + DECRYPT_BATCH);
      const results = await Promise.all(batch.map((row) => openRecordRow(key, row)));
      if (getDataKey() !== key) {
        setRebuildProgress(null);
        return null;
      }
      results.forEach((result, j) => {
        const row = batch[j];
        if (!row) return;
        // A row without a case id (only by tampering) gets an entry of its own, so it is counted.
        const caseId = row.caseId ?? row.id;
        const shard = shards[shardOf(caseId, SHARDS)];
        if (!shard) return;
        const entry = shard.get(caseId) ?? emptyEntry();
        shard.set(
          caseId,
          result.ok && isIndexedKind(result.record.kind)
            ? withRecord(entry, result.record)
            : withDamaged(entry, row.id, row.kind, caseId),
        );
      });
      setRebuildProgress({ done: Math.min(i + batch.length, rows.length), total: rows.length });
      // Yield so the progress can render.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const gen = startGen + 1;
    const [page, ...sealed] = await Promise.all([
      sealFirstPage(key, gen, firstPageOf(shards)),
      ...shards.map((cases, i) => sealShard(key, i, gen, cases)),
    ]);
    const head: IndexHeadRow = { id: 'head', gen, rows: rows.length, shards: sealed.map(() => gen), page: gen };
    // Locked meanwhile: write nothing under a key that is gone.
    if (getDataKey() !== key) {
      setRebuildProgress(null);
      return null;
    }
    try {
      await db.transaction('rw', db.caseIndex, db.records, async () => {
        const current = await db.caseIndex.get('head');
        const currentGen = isHead(current) ? current.gen : 0;
        if (currentGen !== startGen || (await countIndexedRows()) !== startCount) throw new IndexMovedError();
        await db.caseIndex.clear();
        await db.caseIndex.bulkPut([head, page, ...sealed]);
      });
    } catch (e) {
      if (isIndexMoved(e) && attempt < 5) continue;
      setRebuildProgress(null);
      throw e;
    }
    setRebuildProgress(null);
    if (getDataKey() !== key) return null;
    return { key, gen, rows: rows.length, shardGens: head.shards, shards, pageGen: gen };
  }
}

function startRebuild(key: CryptoKey): Promise<IndexMemory | null> {
  if (rebuilding?.key === key) return rebuilding.run;
  const run = Dexie.ignoreTransaction(() => rebuild(key)).then((built) => {
    if (built && getDataKey() === key) memory = built;
    return built;
  });
  const entry = { key, run };
  rebuilding = entry;
  const clear = (): void => {
    if (rebuilding === entry) rebuilding = null;
  };
  run.then(clear, clear);
  return run;
}

/**
 * The index for `key`, fresh with respect to the disk: reloads changed shards
 * when another write moved the head, rebuilds when stale. Null when the vault
 * locked meanwhile.
 */
export async function ensureIndex(key: CryptoKey): Promise<IndexMemory | null> {
  const base = memory && memory.key === key ? memory : null;
  const loaded = await loadFromDisk(key, plain, base);
  if (getDataKey() !== key) return null;
  if (loaded) {
    memory = loaded;
    return loaded;
  }
  return startRebuild(key);
}

/**
 * For live queries: the index if it can be read now (its head was read, so a
 * write re-runs the query). When stale, starts a rebuild in the background and
 * resolves null; the rebuild's own write of the head re-runs the query.
 */
export async function readIndexLive(key: CryptoKey): Promise<IndexMemory | null> {
  const base = memory && memory.key === key ? memory : null;
  const loaded = await loadFromDisk(key, forLiveQuery, base);
  if (getDataKey() !== key) return null;
  if (loaded) {
    memory = loaded;
    return loaded;
  }
  // Outside the live query's zone: a rebuild writes, and a live query may only read.
  setTimeout(() => void startRebuild(key).catch(() => undefined), 0);
  return null;
}

// ---------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------

export interface IndexPlan {
  readonly base: IndexMemory;
  readonly gen: number;
  readonly shards: ReadonlyMap<number, Map<string, CaseEntry>>;
  readonly sealed: IndexShardRow[];
  /** The first page of the case list at `gen`, put with the head; null when it did not change. */
  readonly page: IndexShardRow | null;
  /** The generation of the page row the new head trusts: `gen`, or the base's when the page did not change. */
  readonly pageGen: number;
  /** The first page's content at `gen` (sealed in `page` when it changed). */
  readonly pageContent: PageContent;
}

async function sealPlan(base: IndexMemory, shards: Map<number, Map<string, CaseEntry>>): Promise<IndexPlan> {
  const gen = base.gen + 1;
  // Issue 19: most saves change no case on the first page, and then its row (≈ 45 KiB at 10,000
  // cases) is not sealed and put again; the new head keeps trusting the base's page row. Most of
  // them are also shown not to change it without merging every shard's candidates (pageAfterChange).
  const before = base.page ?? firstPageOf(base.shards);
  const content =
    pageAfterChange(before, base.shards, shards) ?? firstPageOf(base.shards.map((shard, i) => shards.get(i) ?? shard));
  const unchanged = content === before || samePage(before, content);
  const [page, ...sealed] = await Promise.all([
    unchanged ? null : sealFirstPage(base.key, gen, content),
    ...[...shards].map(([i, cases]) => sealShard(base.key, i, gen, cases)),
  ]);
  return {
    base,
    gen,
    shards,
    sealed,
    page,
    pageGen: unchanged ? (base.pageGen ?? base.gen) : gen,
    pageContent: content,
  };
}

/**
 * Plans the index change for validated records about to be written and cases
 * about to be erased (call before the transaction: it encrypts). Null when
 * nothing indexed changes. `trustMemory`: plan from the index in memory
 * without reading the head first (issue 19: one read less per save); safe
 * because commitIndexPlan checks the head's generation inside the
 * transaction, and a caller that gets IndexMovedError must plan again
 * without it, so the changed shards are reloaded.
 */
export async function planIndexChange(
  key: CryptoKey,
  records: readonly StoredRecord[],
  erasedCaseIds: readonly string[] = [],
  trustMemory = false,
): Promise<IndexPlan | null> {
  const indexed = records.filter((r) => isIndexedKind(r.kind));
  if (indexed.length === 0 && erasedCaseIds.length === 0) return null;
  const inMemory = trustMemory ? indexInMemory() : null;
  const base = inMemory?.key === key ? inMemory : await ensureIndex(key);
  // Never write indexed records without their index change.
  if (!base) throw new VaultLockedError();
  const shards = new Map<number, Map<string, CaseEntry>>();
  const shardFor = (caseId: string): Map<string, CaseEntry> => {
    const i = shardOf(caseId, SHARDS);
    let shard = shards.get(i);
    if (!shard) {
      shard = new Map(base.shards[i]);
      shards.set(i, shard);
    }
    return shard;
  };
  for (const caseId of erasedCaseIds) shardFor(caseId).delete(caseId);
  for (const record of indexed) {
    const caseId = caseIdOf(record);
    if (caseId === undefined) continue;
    const shard = shardFor(caseId);
    shard.set(caseId, withRecord(shard.get(caseId) ?? emptyEntry(), record));
  }
  return sealPlan(base, shards);
}

/**
 * Inside a rw transaction over db.caseIndex: replaces the head with a marker
 * that names no shards, so the next read rebuilds the index from the records
 * (for a change no plan describes, such as one replicated record removed on
 * its own). The marker keeps the generation and the rebuild continues from
 * it: a generation is never used twice, so an index still in memory (in this
 * tab or another) at an older generation is never taken for the rebuilt one.
 */
export async function invalidateIndex(): Promise<void> {
  const head = await db.caseIndex.get('head');
  const gen = isHead(head) ? head.gen : 0;
  // `page: -1`: no page row has that generation, so the first page is not trusted either.
  await db.caseIndex.put({ id: 'head', gen, rows: 0, shards: [], page: -1 } satisfies IndexHeadRow);
}

/** The stored head row (inside a transaction: for commitIndexPlan's `stored`). */
export function readIndexHead(): Promise<unknown> {
  return db.caseIndex.get('head');
}

/**
 * Inside the write's rw transaction (with db.caseIndex in scope): checks the
 * head is still the planned base, then puts the shards and the new head.
 * `rowsDelta`: indexed rows added (or, negative, removed) by this write.
 * `stored`: the head already read in this same transaction (readIndexHead;
 * issue 19: read together with the write's other reads); omitted, it is read here.
 */
export async function commitIndexPlan(plan: IndexPlan, rowsDelta: number, stored?: { row: unknown }): Promise<void> {
  const head = stored ? stored.row : await readIndexHead();
  if (!isUsableHead(head) || head.gen !== plan.base.gen) throw new IndexMovedError();
  const shards = [...head.shards];
  for (const row of plan.sealed) shards[Number(row.id.slice('shard:'.length))] = plan.gen;
  const next: IndexHeadRow = { id: 'head', gen: plan.gen, rows: head.rows + rowsDelta, shards, page: plan.pageGen };
  await db.caseIndex.bulkPut([next, ...(plan.page ? [plan.page] : []), ...plan.sealed]);
}

/** After the transaction committed: the memory follows (unless it already moved on). */
export function applyIndexPlan(plan: IndexPlan, rowsDelta: number): void {
  if (memory !== plan.base) return;
  const shards = [...plan.base.shards];
  const shardGens = [...plan.base.shardGens];
  for (const [i, cases] of plan.shards) {
    shards[i] = cases;
    shardGens[i] = plan.gen;
  }
  memory = {
    key: plan.base.key,
    gen: plan.gen,
    rows: plan.base.rows + rowsDelta,
    shardGens,
    shards,
    pageGen: plan.pageGen,
    page: plan.pageContent,
  };
}

/** Every case entry of the index (iteration order: by shard). */
export function* entriesOf(index: IndexMemory): Generator<[string, CaseEntry]> {
  for (const shard of index.shards) yield* shard;
}
