// The bench harness page (bench only; never part of the app build). It loads
// the app's real data modules and exposes timed operations on `window.bench`
// for bench/run.mjs, which drives this page in Chromium with a disk-backed
// profile and sets the CPU throttling over CDP. Every function returns plain
// JSON (milliseconds from performance.now()).
import '../../app/zod-setup';
import '../../app/styles.css';

import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

import { filterCaseList, sortByNextFollowUp } from '../../schema/case-list';
import type { CaseListItem } from '../../schema/case-list';
import { buildAuditAggregates } from '../../schema/audit-aggregates';
import { aggregatesToCsv, aggregatesToJson } from '../../schema/audit-aggregates-file';
import type { AuditPeriod } from '../../schema/audit-aggregates';
import { brusselsToday } from '../../schema/follow-up';
import { storedRecordSchema } from '../../schema/records';
import type { Case } from '../../schema/records/case';
import { readCaseList } from '../../app/data/case-reads';
import { runOperation } from '../../app/data/operations';
import { decryptRecord } from '../../app/data/crypto';
import { db } from '../../app/data/db';
import type { IndexShardRow, RecordRow } from '../../app/data/db';
import { readAggregateInputs, recordAggregatesExport } from '../../app/data/export-reads';
import { overviewOf, readFollowUpOverview } from '../../app/data/follow-up-overview';
import {
  applyIndexPlan,
  commitIndexPlan,
  dropIndexMemory,
  ensureIndex,
  planIndexChange,
} from '../../app/data/index/case-index';
import { INDEXED_KINDS } from '../../app/data/index/entries';
import { readFirstPageNow } from '../../app/data/index/first-page-read';
import { caseListOf } from '../../app/data/index/index-reads';
import { SHARD_FORMAT, decodeShard, shardTapesSchema } from '../../app/data/index/shard-codec';
import { openRecordRow, sealRecord } from '../../app/data/records-io';
import { getDataKey } from '../../app/data/session';
import { restoreRecord } from '../../schema/restore';
import { getRecord, saveRecords, validateRecord } from '../../app/data/store';
import { caseKeyById, casesWithRows, createCaseKey, packCaseKeyRows } from '../../app/data/case-key-store';
import { bulkMarksNeeded, markChanged } from '../../app/data/sync/track';
import { createVault, hasVault, lock, unlock } from '../../app/data/vault';
import { FollowUpScreen } from '../../app/features/follow-up/follow-up-screen';
import { pbkdf2Sha256 } from './pbkdf2';
import { makeCases, makeLogbook } from './seed';
import type { SeedShape } from './seed';

const now = (): number => performance.now();
interface Keystroke {
  query: string;
  ms: number;
  filterMs: number;
  sortMs: number;
  matches: number;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let passphrase = '';
let bulkCases: Case[] = [];
let bulkRows: RecordRow[] = [];
let caseList: CaseListItem[] = [];
let caseIds: string[] = [];

// ---------------------------------------------------------------------------
// Raw IndexedDB baseline: the same rows, the same indexes, no Baken code.
// ---------------------------------------------------------------------------

const RAW_DB = 'bench-raw';

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(RAW_DB, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('records', { keyPath: 'id' });
      // The indexes Baken's `records` table has (app/data/db.ts, STORES_V4).
      store.createIndex('kind', 'kind');
      store.createIndex('caseId', 'caseId');
      store.createIndex('caseId+kind', ['caseId', 'kind']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

let raw: IDBDatabase | undefined;

/** Empties Baken's records and its case index (else the index is stale and the next write rebuilds it). */
/** Laps of one diagnostic: `lap(name)` records the time since the previous lap (or the start) under `name`. */
function stopwatch(): { out: Record<string, number>; lap: (name: string) => void } {
  const out: Record<string, number> = {};
  let start = now();
  const lap = (name: string): void => {
    const t = now();
    out[name] = t - start;
    start = t;
  };
  return { out, lap };
}

async function clearBaken(): Promise<void> {
  // The sync marks go too: they belong to the rows cleared here (left in place, the next bulk write
  // would overwrite marks of rows that no longer exist, which a restore into a new logbook never does).
  await db.transaction('rw', db.records, db.caseKeys, db.caseIndex, db.sync, async () => {
    await db.records.clear();
    await db.caseKeys.clear();
    await db.caseIndex.clear();
    await db.sync.clear();
  });
  dropIndexMemory();
}

function rawTransaction(work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!raw) throw new Error('raw database not open');
    const tx = raw.transaction('records', 'readwrite');
    work(tx.objectStore('records'));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

// ---------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------

const api = {
  /** Creates (or unlocks) the vault; opens the raw baseline database. */
  async setup(secret: string): Promise<{ created: boolean }> {
    passphrase = secret;
    raw = await openRaw();
    if (await hasVault()) {
      await unlock(secret);
      return { created: false };
    }
    await createVault(secret, { recoveryCode: false });
    return { created: true };
  },

  async clearRecords(): Promise<void> {
    await clearBaken();
    await rawTransaction((store) => store.clear());
  },

  // Figure 3 -----------------------------------------------------------------

  prepareBulk(n: number): void {
    bulkCases = makeCases(n);
  },

  /** saveRecords() of all prepared cases as a restore writes them (new ids): validate, encrypt, one transaction. */
  async writeBaken(): Promise<{ ms: number; bytes: number }> {
    await clearBaken();
    // An empty index, as on a new vault (not part of the timed write).
    await ensureIndex(getDataKey()!);
    const start = now();
    await saveRecords(bulkCases, { newIds: true });
    const ms = now() - start;
    bulkRows = await db.records.toArray();
    const bytes = bulkRows.reduce((sum, r) => sum + r.data.byteLength + r.iv.byteLength, 0);
    return { ms, bytes };
  },

  /** The rows Baken just wrote, `put` one by one in one raw transaction. */
  async writeRaw(): Promise<{ ms: number; rows: number }> {
    if (bulkRows.length === 0) throw new Error('writeBaken first');
    await rawTransaction((store) => store.clear());
    const rows = bulkRows;
    const start = now();
    await rawTransaction((store) => {
      for (const row of rows) store.put(row);
    });
    return { ms: now() - start, rows: rows.length };
  },

  // Seed for figures 4, 5, 7, 8 ----------------------------------------------

  async seed(n: number): Promise<SeedShape & { ms: number }> {
    await api.clearRecords();
    // An empty index, as on a new vault (the first write would build it anyway).
    await ensureIndex(getDataKey()!);
    const start = now();
    const today = brusselsToday(new Date());
    let records = 0;
    let openFollowUps = 0;
    // Bigger chunks at scale: each write re-encrypts the shards it touches (all 64 for a chunk of many cases).
    for (const chunk of makeLogbook(n, today, n >= 20_000 ? 5000 : 1000)) {
      // Fresh random ids: the write skips its existence reads (issue 19).
      await saveRecords(chunk, { newIds: true });
      records += chunk.length;
      openFollowUps += chunk.filter((r) => r.kind === 'followup' && r.doneOn === undefined).length;
    }
    caseIds = (await db.records.where('kind').equals('case').primaryKeys()).map(String);
    return { cases: caseIds.length, records, openFollowUps, ms: now() - start };
  },

  // Figure 4 -----------------------------------------------------------------

  /** readFollowUpOverview(): index counts, first page of each group, decrypted with its case context. */
  async overviewQuery(): Promise<{ ms: number; total: number; shown: number }> {
    const start = now();
    const overview = await readFollowUpOverview({ today: brusselsToday(new Date()) });
    const ms = now() - start;
    if (!overview) throw new Error('locked');
    const shown = Object.values(overview.groups).reduce((sum, g) => sum + g.items.length, 0);
    return { ms, total: overview.total, shown };
  },

  /**
   * Mounts the real "Opvolging" screen; time until its first follow-up cards
   * are in the DOM (`ms`), and until all `expected` cards are (`allMs`: the
   * first render shows the first page of the first groups, the rest follows).
   */
  async overviewRender(
    expected: number,
  ): Promise<{ ms: number; allMs: number; firstDomMs: number; cards: number; firstCards: number }> {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const start = now();
    let firstDomMs = Number.NaN;
    let ms = Number.NaN;
    let firstCards = 0;
    const allMs = await new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`not ${expected} follow-up cards within 30 s`)), 30_000);
      const observer = new MutationObserver(() => {
        const at = now();
        if (Number.isNaN(firstDomMs)) firstDomMs = at - start;
        const count = host.querySelectorAll('.follow-up-card').length;
        if (count > 0 && Number.isNaN(ms)) {
          ms = at - start;
          firstCards = count;
        }
        if (count >= expected) {
          observer.disconnect();
          clearTimeout(timeout);
          resolve(at - start);
        }
      });
      observer.observe(host, { childList: true, subtree: true });
      root.render(createElement(FollowUpScreen));
    });
    const cards = host.querySelectorAll('.follow-up-card').length;
    root.unmount();
    host.remove();
    return { ms, allMs, firstDomMs, cards, firstCards };
  },

  // Figure 5 -----------------------------------------------------------------

  /** The appendNote operation on `count` different cases, one after the other. */
  async saveNotes(count: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const caseId = caseIds[(i * 7919) % caseIds.length];
      if (caseId === undefined) throw new Error('seed first');
      await macrotask();
      const start = now();
      await runOperation('appendNote', {
        caseId,
        noteKind: 'gesprek',
        text: `Korte notitie ${i}: afspraak bevestigd.`,
      });
      times.push(now() - start);
    }
    return times;
  },

  /** For bench/ab-save.mjs: the seeded case ids of a logbook seeded earlier (by another page load). */
  async attachSeeded(): Promise<number> {
    caseIds = (await db.records.where('kind').equals('case').primaryKeys()).map(String);
    return caseIds.length;
  },

  /**
   * Diagnostics for figure 5: the IndexedDB requests of one appendNote (on a case not saved to before
   * in this page), counted by wrapping IDBObjectStore/IDBIndex/IDBCursor methods for the duration of
   * that one save, by `<store>.<method>` (`<store>[<index>].<method>` on an index).
   */
  async saveRequests(): Promise<Record<string, number>> {
    const caseId = caseIds[caseIds.length - 1];
    if (caseId === undefined) throw new Error('seed first');
    const counts: Record<string, number> = {};
    const bump = (name: string): void => {
      counts[name] = (counts[name] ?? 0) + 1;
    };
    const restore: Array<() => void> = [];
    const wrap = <T extends object>(proto: T, methods: string[], label: (self: T, method: string) => string): void => {
      for (const method of methods) {
        const original = (proto as Record<string, unknown>)[method];
        if (typeof original !== 'function') continue;
        (proto as Record<string, unknown>)[method] = function (this: T, ...args: unknown[]) {
          bump(label(this, method));
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        };
        restore.push(() => {
          (proto as Record<string, unknown>)[method] = original;
        });
      }
    };
    const requests = [
      'get',
      'getAll',
      'getAllKeys',
      'getKey',
      'put',
      'add',
      'delete',
      'clear',
      'count',
      'openCursor',
      'openKeyCursor',
    ];
    wrap(IDBObjectStore.prototype, requests, (store, m) => `${store.name}.${m}`);
    wrap(IDBIndex.prototype, requests, (index, m) => `${index.objectStore.name}[${index.name}].${m}`);
    wrap(IDBCursor.prototype, ['continue', 'advance', 'continuePrimaryKey'], (_c, m) => `cursor.${m}`);
    try {
      await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Notitie voor de telling.' });
    } finally {
      for (const undo of restore) undo();
    }
    return counts;
  },

  // Figure 6 -----------------------------------------------------------------

  /** lock() then the real unlock(): KDF (Argon2id in a worker) + unwrap + audit event. */
  async unlockTimed(): Promise<number> {
    lock();
    const start = now();
    await unlock(passphrase);
    return now() - start;
  },

  /**
   * Unlock, then the first case opened (issue 18: its per-case key is unwrapped
   * on first use, after the unlock). Needs seed() first.
   */
  async unlockThenOpenCase(): Promise<{ unlockMs: number; totalMs: number }> {
    const id = caseIds[0];
    if (id === undefined) throw new Error('seed first');
    lock();
    const start = now();
    await unlock(passphrase);
    const unlocked = now();
    const result = await getRecord(id, 'case');
    if (!result?.ok) throw new Error('case did not open');
    return { unlockMs: unlocked - start, totalMs: now() - start };
  },

  /** The pure-JS PBKDF2 on this page's main thread for `iterations` rounds. */
  pureKdf(iterations: number): number {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const start = now();
    pbkdf2Sha256(new TextEncoder().encode(passphrase), salt, iterations);
    return now() - start;
  },

  /** True when the pure-JS PBKDF2 matches WebCrypto's (so its timing means something). */
  async checkPureKdf(): Promise<boolean> {
    const secret = new TextEncoder().encode(passphrase);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
    const native = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt }, base, 256),
    );
    const mine = pbkdf2Sha256(secret, salt, 1000);
    return native.length === mine.length && native.every((byte, i) => byte === mine[i]);
  },

  // Scale (issue 19) ---------------------------------------------------------

  /**
   * The case list as opened first after unlock, in the screen's order of reads
   * (case-list-view.tsx): `ms` until its first screen can show (the sealed first
   * page read and decrypted), `fullMs` until the full list is ready (the index
   * read and decrypted from disk after it, listed and sorted: search, filters and
   * "Toon meer" wait for it).
   */
  async caseListOpen(): Promise<{ ms: number; fullMs: number; items: number; firstItems: number }> {
    dropIndexMemory();
    caseList = [];
    const key = getDataKey();
    if (!key) throw new Error('locked');
    const start = now();
    const page = await readFirstPageNow(key);
    if (!page) throw new Error('no trusted first page');
    const ms = now() - start;
    const items = sortByNextFollowUp(await readCaseList());
    return { ms, fullMs: now() - start, items: items.length, firstItems: page.items.length };
  },

  /**
   * lock(), then unlock() until the case list's first screen can show (`ms`), and
   * on until the full list is ready (`fullMs`; the heap is read after this).
   */
  async unlockToUsable(): Promise<{ ms: number; fullMs: number; unlockMs: number; items: number }> {
    lock();
    dropIndexMemory();
    caseList = [];
    const start = now();
    await unlock(passphrase);
    const unlocked = now();
    const key = getDataKey();
    if (!key || !(await readFirstPageNow(key))) throw new Error('no trusted first page');
    const ms = now() - start;
    const items = sortByNextFollowUp(await readCaseList());
    return { ms, fullMs: now() - start, unlockMs: unlocked - start, items: items.length };
  },

  /** Locks the vault (the index is dropped from memory). */
  lockOnly(): void {
    lock();
    api.forgetHarnessState();
  },

  /** Drops what only the harness holds (bulk arrays, its copy of the list), before a heap reading. */
  forgetHarnessState(): void {
    bulkCases = [];
    bulkRows = [];
    caseList = [];
  },

  // Diagnostics --------------------------------------------------------------

  /**
   * Where the time of reading `n` records goes (all at once, as the reads
   * batch them): WebCrypto decrypt alone, then JSON.parse + restoreRecord
   * (zod) alone, then the real openRecordRow (all of it).
   */
  async readCost(n: number): Promise<{ rows: number; decryptMs: number; validateMs: number; openMs: number }> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    const rows = await db.records.limit(n).toArray();
    // A case's rows are under its own key (issue 18): unwrap those first, outside the timing.
    const rowKeys = await Promise.all(rows.map((row) => (row.k === undefined ? key : caseKeyById(key, row.k))));
    let start = now();
    const values = await Promise.all(
      rows.map((row, i) => decryptRecord(rowKeys[i] ?? key, { kind: row.kind, id: row.id, schemaVersion: row.v }, row)),
    );
    const decryptMs = now() - start;
    start = now();
    for (const value of values) restoreRecord(value);
    const validateMs = now() - start;
    start = now();
    await Promise.all(rows.map((row) => openRecordRow(key, row)));
    const openMs = now() - start;
    return { rows: rows.length, decryptMs, validateMs, openMs };
  },

  // Figure 7 -----------------------------------------------------------------

  /** The auditor export as the export screen makes it: read + decrypt, aggregate, CSV + JSON, audit event. */
  async auditorExport(period: AuditPeriod): Promise<{ ms: number; cases: number; bytes: number }> {
    const start = now();
    const { inputs } = await readAggregateInputs(period);
    const aggregates = buildAuditAggregates(inputs, period, brusselsToday(new Date()));
    const csv = aggregatesToCsv(aggregates);
    const json = aggregatesToJson(aggregates);
    await recordAggregatesExport();
    return { ms: now() - start, cases: inputs.length, bytes: csv.length + json.length };
  },

  // Figure 8 -----------------------------------------------------------------

  /** readCaseList(): every case decrypted into list items, search text normalised. */
  async loadCaseList(): Promise<{ ms: number; items: number }> {
    const start = now();
    // The screen sorts once per list change (case-list-view.tsx), not per keystroke.
    caseList = sortByNextFollowUp(await readCaseList());
    return { ms: now() - start, items: caseList.length };
  },

  /**
   * Types `query` one character at a time; per keystroke what the case list
   * screen computes: filterCaseList over the sorted list → first page (50).
   */
  async typeQuery(query: string): Promise<Keystroke[]> {
    if (caseList.length === 0) throw new Error('loadCaseList first');
    const out: Keystroke[] = [];
    for (let i = 1; i <= query.length; i++) {
      const prefix = query.slice(0, i);
      await macrotask();
      const start = now();
      const filtered = filterCaseList(caseList, { query: prefix });
      const filteredAt = now();
      const page = filtered.slice(0, 50);
      const end = now();
      if (page.length > 50) throw new Error('unreachable');
      out.push({
        query: prefix,
        ms: end - start,
        filterMs: filteredAt - start,
        sortMs: end - filteredAt,
        matches: filtered.length,
      });
    }
    return out;
  },

  /**
   * Diagnostics for figure 3: the parts of saveRecords() for the prepared
   * cases, each timed on its own (validation, encryption, the existence checks
   * it reads before writing). Nothing is written.
   */
  async writeCost(): Promise<{ validateMs: number; encryptMs: number; recordsGetMs: number; auditGetMs: number }> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    let start = now();
    for (const c of bulkCases) storedRecordSchema.safeParse(c);
    const validateMs = now() - start;
    start = now();
    await Promise.all(bulkCases.map((c) => sealRecord(key, c)));
    const encryptMs = now() - start;
    const ids = bulkCases.map((c) => c.id);
    start = now();
    await db.records.bulkGet(ids);
    const recordsGetMs = now() - start;
    start = now();
    await db.audit.bulkGet(ids);
    const auditGetMs = now() - start;
    return { validateMs, encryptMs, recordsGetMs, auditGetMs };
  },

  /**
   * Diagnostics for figure 4 (issue 19): the overview reads the in-memory
   * case index. Its parts: reading and decrypting the index from disk (as
   * after unlock), and deriving the overview from memory.
   */
  async overviewCost(): Promise<{ indexMs: number; deriveMs: number; shown: number }> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    dropIndexMemory();
    let start = now();
    const index = await ensureIndex(key);
    const indexMs = now() - start;
    if (!index) throw new Error('locked');
    start = now();
    const overview = overviewOf(index, { today: brusselsToday(new Date()) });
    const deriveMs = now() - start;
    const shown = Object.values(overview.groups).reduce((sum, g) => sum + g.items.length, 0);
    return { indexMs, deriveMs, shown };
  },

  /**
   * Diagnostics for the scale "list" figure: where opening the case list after
   * unlock goes, phase by phase (the same steps as the index load: read the
   * rows, count the indexed rows, decrypt, validate the tapes, decode; then
   * derive the list and sort it).
   */
  async caseListCost(): Promise<Record<string, number>> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    const { out, lap } = stopwatch();
    await readFirstPageNow(key);
    lap('firstPage');
    const rows = (await db.caseIndex.toArray()).filter((r) => r.id.startsWith('shard:')) as IndexShardRow[];
    lap('readRows');
    const bytes = rows.reduce((sum, r) => sum + r.data.byteLength, 0);
    await Promise.all(INDEXED_KINDS.map((kind) => db.records.where('kind').equals(kind).count()));
    lap('countRows');
    await db.records.count();
    lap('countAllRows');
    const kinds = [...INDEXED_KINDS].sort();
    await Promise.all([
      db.records.where('kind').below(kinds[0]!).count(),
      ...kinds.slice(1).map((k, i) => db.records.where('kind').between(kinds[i]!, k, false, false).count()),
      db.records
        .where('kind')
        .above(kinds[kinds.length - 1]!)
        .count(),
    ]);
    lap('countOtherKinds');
    const plain = await Promise.all(
      rows.map((row) => decryptRecord(key, { kind: 'index', id: row.id, schemaVersion: SHARD_FORMAT }, row)),
    );
    lap('decrypt');
    const tapes = plain.map((p) => shardTapesSchema.parse(p));
    lap('validate');
    const shards = tapes.map((t) => decodeShard(t));
    lap('decode');
    const index = { key, gen: -1, rows: 0, shardGens: [], shards };
    const items = caseListOf(index);
    lap('derive');
    sortByNextFollowUp(items);
    lap('sort');
    return { ...out, kib: bytes / 1024 };
  },

  /**
   * Diagnostics for figure 3: saveRecords()'s own steps for the prepared cases
   * (new ids), each timed alone and in order, on a cleared logbook (as
   * writeBaken starts): validate; find which cases have rows (one read, bulk
   * writes only: casesWithRows); make the new case keys; encrypt; plan the
   * index; then inside one rw transaction each write awaited in turn (the app
   * issues them together; the keys in bundle rows; replication marks only when
   * sync is set up, which the bench logbook is not).
   * Wall-clock ms; `syncRows` is the sync table's size before the marks.
   */
  async writeParts(): Promise<Record<string, number>> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    await clearBaken();
    await ensureIndex(key);
    const { out, lap } = stopwatch();
    const valid = bulkCases.map(validateRecord);
    lap('validate');
    const ids = valid.map((r) => r.id);
    const withRows = await casesWithRows(ids);
    if (withRows?.size !== 0) throw new Error('writeParts expects an empty logbook');
    lap('casesWithRows');
    const created = await Promise.all(ids.map(() => createCaseKey(key)));
    lap('createCaseKey');
    const sealed = await Promise.all(valid.map((r, i) => sealRecord(created[i]!.key, r, created[i]!.keyId)));
    const rows = sealed.flatMap((s) => (s.table === 'records' ? [s.row] : []));
    lap('encrypt');
    const plan = await planIndexChange(key, valid, [], true);
    lap('planIndex');
    await db.transaction(
      'rw',
      [db.records, db.audit, db.meta, db.caseKeys, db.caseIndex, db.sync, db.conflicts],
      async () => {
        lap('txOpen');
        await db.caseKeys.bulkAdd(packCaseKeyRows(created.map((c) => c.row)));
        lap('txCaseKeysAdd');
        await db.records.bulkAdd(rows);
        lap('txRecordsAdd');
        if (plan) await commitIndexPlan(plan, rows.length);
        lap('txIndexCommit');
        out.syncRows = await db.sync.count();
        lap('txSyncCount');
        // As saveRecords: a write of new ids on a device without sync adds no replication marks.
        if (await bulkMarksNeeded()) await markChanged(ids);
        lap('txMarkChanged');
      },
    );
    lap('txCommit');
    if (plan) applyIndexPlan(plan, rows.length);
    return out;
  },

  /**
   * What-if for figure 3: saveRecords() without its existence reads —
   * validate, encrypt, one Dexie bulkPut transaction. Not an app code path.
   */
  async writeLean(): Promise<number> {
    const key = getDataKey();
    if (!key) throw new Error('locked');
    await clearBaken();
    const start = now();
    for (const c of bulkCases) storedRecordSchema.parse(c);
    const sealed = await Promise.all(bulkCases.map((c) => sealRecord(key, c)));
    const rows = sealed.flatMap((s) => (s.table === 'records' ? [s.row] : []));
    await db.transaction('rw', db.records, () => db.records.bulkPut(rows));
    return now() - start;
  },

  /**
   * Diagnostics for figure 7: reading the parts of every case with
   * `where('caseId').anyOf(all case ids)` (as export-reads.ts does) against one
   * `where('kind').equals(kind)` per part kind, filtered in memory.
   */
  async exportReadCost(): Promise<{ anyOfMs: number; byKindMs: number; rows: number }> {
    const ids = (await db.records.where('kind').equals('case').primaryKeys()).map(String);
    let start = now();
    const viaAnyOf = await db.records.where('caseId').anyOf(ids).toArray();
    const anyOfMs = now() - start;
    start = now();
    const wanted = new Set(ids);
    const byKind = await Promise.all(
      (['party', 'consent', 'assessment', 'followup'] as const).map((kind) =>
        db.records.where('kind').equals(kind).toArray(),
      ),
    );
    const kept = byKind.flat().filter((row) => row.caseId !== undefined && wanted.has(row.caseId));
    const byKindMs = now() - start;
    return { anyOfMs, byKindMs, rows: Math.max(viaAnyOf.length, kept.length) };
  },
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = api;
document.body.dataset.ready = 'true';
