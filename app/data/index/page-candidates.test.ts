import { describe, expect, it } from 'vitest';

import { CASE_LIST_PAGE_SIZE, compareByNextFollowUp } from '../../../schema/case-list';
import { makeCase, makeFollowUp } from '../../../schema/factories';
import { getDataKey, setDataKey } from '../session';
import { seededRandom as rng } from '../test-utils';
import { emptyEntry, withDamaged, withRecord } from './entries';
import type { CaseEntry } from './entries';
import { itemsOfShard } from './list-items';
import { firstOfRuns, firstPageOf, hasCachedCandidates, pageAfterChange } from './page-candidates';

type Shards = Array<ReadonlyMap<string, CaseEntry>>;

// Few distinct values, so ties in every key of the list order and of the retention order are common;
// `wide`: about a hundred days and any second of them instead, as in a real caseload (ties are rare).
function randomEntry(next: () => number, id: string, wide = false): CaseEntry {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const spread = (xs: readonly string[], time = false): string => {
    const base = pick(xs);
    if (!wide) return base;
    const at = new Date(
      Date.parse(base) + Math.floor(next() * 100) * 86_400_000 + (time ? Math.floor(next() * 86_400) * 1000 : 0),
    );
    return time ? at.toISOString() : at.toISOString().slice(0, 10);
  };
  if (next() < 0.05) return withDamaged(emptyEntry(), id, 'case', id);
  const closed = next() < 0.3;
  const kase = makeCase({
    id,
    reference: pick(['2026-001', '2026-002', '2026-003']),
    updatedAt: spread(['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z'], true),
    ...(closed
      ? {
          status: 'afgesloten' as const,
          ...(next() < 0.8 ? { retentionUntil: spread(['2027-01-31', '2027-02-28']) } : {}),
        }
      : {}),
  });
  let entry = withRecord(emptyEntry(), kase);
  const followUps = Math.floor(next() * 3);
  for (let i = 0; i < followUps; i++) {
    entry = withRecord(entry, makeFollowUp({ caseId: id, due: spread(['2026-04-01', '2026-04-02', '2026-05-01']) }));
  }
  return entry;
}

/** The page by the definition: a stable sort of every item, in shard order, cut at the page size. */
function fullPass(shards: Shards): { total: number; ids: string[] } {
  const all = shards.flatMap((shard) => itemsOfShard(shard));
  const first = [...all].sort(compareByNextFollowUp).slice(0, CASE_LIST_PAGE_SIZE);
  const retention = (i: (typeof all)[number]) => (i.ok ? (i.retentionUntil ?? '') : '');
  const due = all
    .filter((i) => i.ok && i.status === 'afgesloten' && i.retentionUntil !== undefined)
    .sort((a, b) => retention(a).localeCompare(retention(b)))
    .slice(0, CASE_LIST_PAGE_SIZE);
  return { total: all.length, ids: [...new Set([...first, ...due].map((i) => i.id))] };
}

function incremental(shards: Shards): { total: number; ids: string[] } {
  const { total, cases } = firstPageOf(shards);
  // The entries handed to the sealer are the index's own.
  for (const [id, entry] of cases) expect(shards.some((s) => s.get(id) === entry)).toBe(true);
  return { total, ids: [...cases.keys()] };
}

describe('the first page from per-shard candidates', () => {
  it('merges sorted runs into exactly the first n of a stable sort', () => {
    const next = rng(7);
    for (let round = 0; round < 200; round++) {
      const runs = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, r) =>
        Array.from({ length: Math.floor(next() * 12) }, (_, i) => ({
          key: Math.floor(next() * 4),
          tag: `${r}.${i}`,
        })).sort((a, b) => a.key - b.key),
      );
      const n = 1 + Math.floor(next() * 10);
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(firstOfRuns(runs, n, byKey)).toEqual(runs.flat().sort(byKey).slice(0, n));
    }
  });

  it('equals the full computation, tie order included, on random indexes after random edits, erasures and rebuilds', () => {
    for (const seed of [1, 2, 3, 4]) {
      const next = rng(seed);
      const shardCount = 3 + Math.floor(next() * 6);
      let serial = 0;
      const newId = () => `case-${seed}-${serial++}`;
      const build = (n: number): Shards => {
        const shards = Array.from({ length: shardCount }, () => new Map<string, CaseEntry>());
        for (let i = 0; i < n; i++) {
          const id = newId();
          shards[Math.floor(next() * shardCount)]?.set(id, randomEntry(next, id));
        }
        return shards;
      };
      let shards = build(CASE_LIST_PAGE_SIZE * 2 + Math.floor(next() * 150));
      expect(incremental(shards)).toEqual(fullPass(shards));
      for (let step = 0; step < 60; step++) {
        // As planIndexChange does: the changed shard is a copy, the others are kept.
        const i = Math.floor(next() * shardCount);
        const copy = new Map(shards[i]);
        const ids = [...copy.keys()];
        const roll = next();
        if (roll < 0.5 && ids.length > 0) {
          // A save in an existing case (a note bumps updatedAt; a follow-up, a status change).
          const id = ids[Math.floor(next() * ids.length)] as string;
          copy.set(id, randomEntry(next, id));
        } else if (roll < 0.75) {
          const id = newId();
          copy.set(id, randomEntry(next, id));
        } else if (roll < 0.95 && ids.length > 0) {
          copy.delete(ids[Math.floor(next() * ids.length)] as string);
        } else {
          // A rebuild: every shard a new Map.
          shards = build(Math.floor(next() * 250));
          expect(incremental(shards)).toEqual(fullPass(shards));
          continue;
        }
        shards = shards.map((s, j) => (j === i ? copy : s));
        expect(incremental(shards)).toEqual(fullPass(shards));
      }
    }
  });

  it('keeps the page after a write only when the full computation gives the same page', () => {
    let kept = 0;
    let recomputed = 0;
    for (const seed of [21, 22, 23]) {
      const next = rng(seed);
      const shardCount = 128;
      let serial = 0;
      const newId = () => `case-${seed}-${serial++}`;
      let shards: Shards = Array.from({ length: shardCount }, () => new Map<string, CaseEntry>());
      const cases = 1500 + Math.floor(next() * 1500);
      for (let n = 0; n < cases; n++) {
        const id = newId();
        (shards[Math.floor(next() * shardCount)] as Map<string, CaseEntry>).set(id, randomEntry(next, id, true));
      }
      for (let step = 0; step < 150; step++) {
        const before = firstPageOf(shards);
        const i = Math.floor(next() * shardCount);
        const copy = new Map(shards[i]);
        const ids = [...copy.keys()];
        const roll = next();
        if (roll < 0.7 && ids.length > 0) {
          const id = ids[Math.floor(next() * ids.length)] as string;
          copy.set(id, randomEntry(next, id, true));
        } else if (roll < 0.85 || ids.length === 0) {
          const id = newId();
          copy.set(id, randomEntry(next, id, true));
        } else {
          copy.delete(ids[Math.floor(next() * ids.length)] as string);
        }
        const after = pageAfterChange(before, shards, new Map([[i, copy]]));
        shards = shards.map((s, j) => (j === i ? copy : s));
        if (after === null) {
          recomputed++;
          continue;
        }
        kept++;
        expect(after).toBe(before);
        expect({ total: after.total, ids: [...after.cases.keys()] }).toEqual(fullPass(shards));
        expect(incremental(shards)).toEqual(fullPass(shards));
      }
    }
    // Both paths are taken (a write on a case of the page, or a new case, is recomputed).
    expect(kept).toBeGreaterThan(50);
    expect(recomputed).toBeGreaterThan(50);
  });

  it('derives only the changed shard again after a write', () => {
    const next = rng(11);
    const shards: Shards = Array.from({ length: 4 }, (_, s) => {
      const m = new Map<string, CaseEntry>();
      for (let i = 0; i < 30; i++) m.set(`c${s}-${i}`, randomEntry(next, `c${s}-${i}`));
      return m;
    });
    firstPageOf(shards);
    expect(shards.every(hasCachedCandidates)).toBe(true);
    const changed = new Map(shards[2]);
    changed.set('c2-0', randomEntry(next, 'c2-0'));
    expect(hasCachedCandidates(changed)).toBe(false);
    firstPageOf(shards.map((s, j) => (j === 2 ? changed : s)));
    expect(hasCachedCandidates(changed)).toBe(true);
  });

  it('forgets every cached candidate when the vault locks', async () => {
    setDataKey(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
    expect(getDataKey()).not.toBeNull();
    const next = rng(5);
    const shard = new Map<string, CaseEntry>([['a', randomEntry(next, 'a')]]);
    firstPageOf([shard]);
    expect(hasCachedCandidates(shard)).toBe(true);
    setDataKey(null);
    expect(hasCachedCandidates(shard)).toBe(false);
  });
});
