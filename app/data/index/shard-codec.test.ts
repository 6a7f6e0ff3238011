import { describe, expect, it } from 'vitest';

import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeConversation,
  makeFollowUp,
  makeInformed,
  makeParty,
  makePolice,
  makeShareWithoutConsent,
  makeStepCheck,
  makeTakedown,
} from '../../../schema/factories';
import type { StoredRecord } from '../../../schema/records';
import { caseIdOf, emptyEntry, entryAsMaps, withDamaged, withRecord } from './entries';
import type { CaseEntry } from './entries';
import { decodeShard, encodeShard, shardTapesSchema } from './shard-codec';

/** Seeded, so a failure is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Through JSON (as AES-GCM stores it), the zod check and the decoder. */
function roundTrip(cases: ReadonlyMap<string, CaseEntry>, gen = 1): Map<string, CaseEntry> {
  const stored: unknown = JSON.parse(JSON.stringify(encodeShard(gen, cases)));
  return decodeShard(shardTapesSchema.parse(stored));
}

/** Key order aside, the same entries (maps compared as sorted [key, value] lists). */
function canonical(cases: ReadonlyMap<string, CaseEntry>): unknown {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep);
    if (v && typeof v === 'object') {
      return Object.keys(v)
        .sort()
        .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]);
    }
    return v;
  };
  return [...cases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, e]) => [id, sortDeep(entryAsMaps(e))]);
}

const day = (r: () => number): string =>
  `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-1${Math.floor(r() * 9)}`;

/** A random indexed record for `caseId` (a fresh id, or `reuse` to update one). */
function randomRecord(r: () => number, caseId: string, reuse?: StoredRecord): StoredRecord {
  if (reuse) {
    switch (reuse.kind) {
      case 'case':
        return { ...reuse, status: r() < 0.5 ? 'in-rust' : 'afgesloten', retentionUntil: day(r) };
      case 'followup':
        return { ...reuse, doneOn: day(r) };
      case 'party':
        return { ...reuse, pseudonym: `Jongere ${'ABCDEFGH'[Math.floor(r() * 8)] ?? 'A'}`, age: 14 };
      case 'step':
        return { ...reuse, doneOn: day(r) };
      default:
        return reuse;
    }
  }
  const pick = Math.floor(r() * 11);
  switch (pick) {
    case 0:
      return makeParty({
        caseId,
        role: r() < 0.5 ? 'afgebeelde-jongere' : 'ontvanger-omstander',
        age: 11 + Math.floor(r() * 8),
      });
    case 1:
      return makeAssessment({
        caseId,
        flag: (['groen', 'geel', 'rood', 'zwart'] as const)[Math.floor(r() * 4)]!,
        assessedOn: day(r),
      });
    case 2:
      return makeFollowUp({
        caseId,
        due: day(r),
        history:
          r() < 0.3 ? [{ from: '2026-01-02', to: '2026-01-09', reason: 'Ziek', at: '2026-01-01T10:00:00.000Z' }] : [],
      });
    case 3:
      return makeFollowUp({ caseId, due: day(r), doneOn: day(r) });
    case 4:
      return makeStepCheck({
        caseId,
        ...(r() < 0.5 ? { remind: true as const } : {}),
        ...(r() < 0.5 ? {} : { doneOn: undefined }),
      });
    case 5:
      return makeConsent({ caseId, partyId: caseId });
    case 6:
      return makeShareWithoutConsent({ caseId, partyId: caseId, sharedOn: day(r) });
    case 7:
      return makeTakedown({ caseId, on: day(r), status: r() < 0.5 ? 'gedaan' : 'lukte-niet' });
    case 8:
      return makePolice({ caseId, stage: r() < 0.5 ? 'neergelegd' : 'aangeraden' });
    case 9:
      return makeInformed({ caseId });
    default:
      return makeConversation({ caseId, on: day(r) });
  }
}

describe('index shard codec (format 3)', () => {
  it('after random operation sequences, the incremental index equals one built from the records and survives storage', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = rng(seed);
      const records = new Map<string, StoredRecord>();
      const damaged = new Map<string, { kind: string; caseId: string }>();
      const live = new Map<string, CaseEntry>();
      const caseIds: string[] = [];
      for (let op = 0; op < 60; op++) {
        const roll = r();
        if (roll < 0.15 || caseIds.length === 0) {
          // A new case, with or without its case record (replicated parts can come first).
          const kase = makeCase({ reference: `2026-${String(100 + op)}`, knownOn: day(r), types: ['sexting'] });
          caseIds.push(kase.id);
          const fate = r();
          if (fate < 0.85) {
            records.set(kase.id, kase);
            live.set(kase.id, withRecord(live.get(kase.id) ?? emptyEntry(), kase));
          } else if (fate < 0.92) {
            // A case record that does not decrypt.
            damaged.set(kase.id, { kind: 'case', caseId: kase.id });
            live.set(kase.id, withDamaged(live.get(kase.id) ?? emptyEntry(), kase.id, 'case', kase.id));
          }
          continue;
        }
        const caseId = caseIds[Math.floor(r() * caseIds.length)]!;
        if (roll < 0.2) {
          // Erase a case: its entry and every record go.
          for (const [id, rec] of records) if (caseIdOf(rec) === caseId) records.delete(id);
          for (const [id, d] of damaged) if (d.caseId === caseId) damaged.delete(id);
          live.delete(caseId);
          caseIds.splice(caseIds.indexOf(caseId), 1);
          continue;
        }
        if (roll < 0.25) {
          // A part that does not decrypt (as a rebuild marks it).
          const id = crypto.randomUUID();
          damaged.set(id, { kind: 'note', caseId });
          live.set(caseId, withDamaged(live.get(caseId) ?? emptyEntry(), id, 'note', caseId));
          continue;
        }
        const own = [...records.values()].filter((x) => caseIdOf(x) === caseId);
        const reuse = roll < 0.45 && own.length > 0 ? own[Math.floor(r() * own.length)] : undefined;
        const record = randomRecord(r, caseId, reuse);
        records.set(record.id, record);
        live.set(caseId, withRecord(live.get(caseId) ?? emptyEntry(), record));
        // Each step also survives a store → load cycle, as every write does.
        const reloaded = roundTrip(live, op);
        expect(canonical(reloaded)).toEqual(canonical(live));
        live.clear();
        for (const [id, e] of reloaded) live.set(id, e);
      }
      // A rebuild: every record in its own order, then the damaged parts.
      const rebuilt = new Map<string, CaseEntry>();
      for (const rec of [...records.values()].reverse()) {
        const caseId = caseIdOf(rec)!;
        rebuilt.set(caseId, withRecord(rebuilt.get(caseId) ?? emptyEntry(), rec));
      }
      for (const [id, d] of damaged)
        rebuilt.set(d.caseId, withDamaged(rebuilt.get(d.caseId) ?? emptyEntry(), id, d.kind, d.caseId));
      expect(canonical(live)).toEqual(canonical(rebuilt));
      expect(canonical(roundTrip(live))).toEqual(canonical(rebuilt));
    }
  });

  it('decodes equal type and school lists of different cases to one shared list, and sizes lists exactly', () => {
    const one = makeCase({ types: ['sexting', 'grooming'], schools: ['Het Spectrum'] });
    const two = makeCase({ types: ['sexting', 'grooming'], schools: ['Het Spectrum'] });
    const three = makeCase({ types: ['grooming', 'sexting'], schools: ['Campus Comenius'] });
    const cases = new Map([one, two, three].map((k) => [k.id, withRecord(emptyEntry(), k)]));
    const back = roundTrip(cases);
    const c = (id: string) => back.get(id)?.c || undefined;
    expect(c(one.id)?.types).toBe(c(two.id)?.types);
    expect(c(one.id)?.schools).toBe(c(two.id)?.schools);
    expect(c(three.id)?.types).toEqual(['grooming', 'sexting']);
    expect(c(three.id)?.types).not.toBe(c(one.id)?.types);
    expect(canonical(back)).toEqual(canonical(cases));
  });

  it('detects a torn or altered shard: cut tapes, codes out of range, values left over, wrong types', () => {
    const kase = makeCase();
    const cases = new Map<string, CaseEntry>([
      [
        kase.id,
        [makeParty({ caseId: kase.id }), makeFollowUp({ caseId: kase.id }), makeAssessment({ caseId: kase.id })].reduce(
          withRecord,
          withRecord(emptyEntry(), kase),
        ),
      ],
    ]);
    const tapes = encodeShard(4, cases);
    expect(decodeShard(shardTapesSchema.parse(tapes)).size).toBe(1);
    const decodeOf = (value: unknown) => () => decodeShard(shardTapesSchema.parse(value));
    // Cut anywhere: never a half-read shard.
    for (let cut = 1; cut < tapes.s.length; cut++) {
      expect(decodeOf({ ...tapes, s: tapes.s.slice(0, cut) })).toThrow('index shard');
    }
    for (let cut = 0; cut < tapes.n.length; cut++) {
      expect(decodeOf({ ...tapes, n: tapes.n.slice(0, cut) })).toThrow('index shard');
    }
    expect(decodeOf({ ...tapes, f: [] })).toThrow('index shard');
    expect(decodeOf({ ...tapes, n: [...tapes.n, 0] })).toThrow('index shard');
    expect(decodeOf({ ...tapes, f: [...tapes.f, makeFollowUp()] })).toThrow('index shard');
    // A status code past the enum.
    expect(decodeOf({ ...tapes, n: tapes.n.map((v, i) => (i === 1 ? 99 : v)) })).toThrow('index shard');
    // A follow-up in the wrong place: its id must be the one on the tape.
    expect(decodeOf({ ...tapes, f: [makeFollowUp({ caseId: kase.id })] })).toThrow('index shard');
    // The zod check: wrong types or sizes are refused before decoding.
    expect(shardTapesSchema.safeParse({ ...tapes, n: [...tapes.n.slice(0, -1), 1.5] }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, n: [...tapes.n, -1] }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, n: [...tapes.n, 0x10000] }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, n: [...tapes.n, '1'] }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, s: [...tapes.s, 'x'.repeat(600)] }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, format: 2 }).success).toBe(false);
    expect(shardTapesSchema.safeParse({ ...tapes, cases: {} }).success).toBe(false);
  });
});
