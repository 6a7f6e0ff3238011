// The on-disk form of one index shard, format 3 (issue 19, scale): instead of
// one JSON object per case with repeated keys (format 2: ≈ 11 MB of JSON at
// 10,000 cases, seconds of JSON.parse and zod), a shard is two flat tapes, one
// of strings and one of small ints (enum codes, counts), plus the open
// follow-ups in full. Validation after decrypt is cheap zod over the tapes
// (one typed loop each: strings of bounded length, small non-negative ints)
// and a full followUpSchema parse of each open follow-up; the decoder then rejects any enum code out of
// range, any count that overruns a tape, a date that is not a date and any
// leftover value, so a torn or foreign shard is never half-read. Pure: no Dexie.
import { z } from 'zod';

import { flagSchema } from '../../../schema/records/assessment';
import { caseStatusSchema, caseTypeSchema } from '../../../schema/records/case';
import { shareWithoutConsentSchema } from '../../../schema/records/consent';
import { followUpSchema } from '../../../schema/records/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import { takedownStatusSchema, takedownStepSchema } from '../../../schema/records/takedown';
import type { CaseEntry } from './entries';

export const SHARD_FORMAT = 3;
// Longer than any text the index holds (pseudonym 60, school 120, reference, ids, dates).
const MAX_TEXT = 200;

export const shardTapesSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  gen: z.int().min(0),
  s: z.custom<string[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= MAX_TEXT)),
  n: z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff)),
  f: z.array(followUpSchema),
});
export type ShardTapes = z.infer<typeof shardTapesSchema>;

const STATUS = caseStatusSchema.options;
const TYPES = caseTypeSchema.options;
const FLAGS = flagSchema.options;
const BASES = shareWithoutConsentSchema.shape.basis.options;
const STEPS = takedownStepSchema.options;
const TAKEDOWN_STATUS = takedownStatusSchema.options;

// Empty maps are shared (frozen): most cases have several, and entries are copied on write, never mutated.
const EMPTY: Record<string, never> = Object.freeze({}) as Record<string, never>;

function code<T>(options: readonly T[], value: T): number {
  const i = options.indexOf(value);
  if (i < 0) throw new ShardCodecError();
  return i;
}

/** A shard's tapes do not describe a valid index (torn, foreign or tampered): it is rebuilt. */
export class ShardCodecError extends Error {
  constructor() {
    super('An index shard could not be decoded.');
    this.name = 'ShardCodecError';
  }
}

/** The tapes of a shard's cases. */
export function encodeShard(gen: number, cases: ReadonlyMap<string, CaseEntry>): ShardTapes {
  const s: string[] = [];
  const n: number[] = [];
  const f: FollowUp[] = [];
  // Each id map: its size on the int tape, then per item its id and value (`write`).
  const each = <V>(map: Record<string, V>, write: (v: V) => void): void => {
    const items = Object.entries(map);
    n.push(items.length);
    for (const [id, v] of items) {
      s.push(id);
      write(v);
    }
  };
  for (const [caseId, e] of cases) {
    s.push(caseId);
    if (e.c === undefined) n.push(0);
    else if (e.c === 0) n.push(1);
    else {
      const c = e.c;
      n.push(2, code(STATUS, c.status), c.types.length, ...c.types.map((t) => code(TYPES, t)), c.schools.length);
      s.push(c.reference, c.knownOn, c.updatedAt, ...c.schools);
      n.push(c.retentionUntil === undefined ? 0 : 1);
      if (c.retentionUntil !== undefined) s.push(c.retentionUntil);
    }
    each(e.p, (p) => {
      s.push(p.pseudonym, p.createdAt);
      n.push(p.d === undefined ? 0 : p.d + 1);
    });
    each(e.a, (a) => {
      s.push(a.assessedOn, a.createdAt);
      n.push(code(FLAGS, a.flag));
    });
    each(e.f, (v) => {
      if (Array.isArray(v)) {
        n.push(1);
        s.push(v[0], v[1]);
      } else {
        n.push(0);
        f.push(v);
      }
    });
    each(e.s, (v) => n.push(v));
    each(e.k, (v) => {
      if (v === 0) n.push(0);
      else {
        n.push(1 + code(BASES, v[0]));
        s.push(v[1]);
      }
    });
    each(e.t, (t) => {
      s.push(t[2], t[3]);
      n.push(code(STEPS, t[0]), code(TAKEDOWN_STATUS, t[1]));
    });
    each(e.o, (v) => n.push(v));
    each(e.i, () => undefined);
    each(e.v, (v) => s.push(v));
    each(e.x, (v) => s.push(v));
  }
  return { format: SHARD_FORMAT, gen, s, n, f };
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The cases of validated tapes; throws ShardCodecError when they do not fit together. */
export function decodeShard(tapes: ShardTapes): Map<string, CaseEntry> {
  const { s, n, f } = tapes;
  let si = 0;
  let ni = 0;
  let fi = 0;
  const str = (): string => {
    const v = s[si++];
    if (v === undefined) throw new ShardCodecError();
    return v;
  };
  const day = (): string => {
    const v = str();
    if (!DAY.test(v)) throw new ShardCodecError();
    return v;
  };
  const stamp = (): string => {
    const v = str();
    if (!STAMP.test(v)) throw new ShardCodecError();
    return v;
  };
  const int = (max: number): number => {
    const v = n[ni++];
    if (v === undefined || v > max) throw new ShardCodecError();
    return v;
  };
  const pick = <T>(options: readonly T[]): T => options[int(options.length - 1)] as T;
  const map = <V>(read: () => V): Record<string, V> => {
    const k = int(0xffff);
    if (k === 0) return EMPTY;
    // Null-prototype objects are dictionaries from the start: ids as keys add no hidden classes.
    const out = Object.create(null) as Record<string, V>;
    for (let j = 0; j < k; j++) {
      const id = str();
      out[id] = read();
    }
    return out;
  };
  const cases = new Map<string, CaseEntry>();
  while (si < s.length) {
    const caseId = str();
    const state = int(2);
    const e: CaseEntry = {
      p: EMPTY,
      a: EMPTY,
      f: EMPTY,
      s: EMPTY,
      k: EMPTY,
      t: EMPTY,
      o: EMPTY,
      i: EMPTY,
      v: EMPTY,
      x: EMPTY,
    };
    if (state === 1) e.c = 0;
    else if (state === 2) {
      const status = pick(STATUS);
      const types = Array.from({ length: int(TYPES.length) }, () => pick(TYPES));
      const schoolCount = int(20);
      const reference = str();
      const knownOn = day();
      const updatedAt = stamp();
      const schools = Array.from({ length: schoolCount }, str);
      e.c = { reference, status, types, schools, knownOn, updatedAt };
      if (int(1) === 1) e.c.retentionUntil = day();
    }
    e.p = map(() => {
      const pseudonym = str();
      const createdAt = stamp();
      const d = int(121);
      return d === 0 ? { pseudonym, createdAt } : { pseudonym, createdAt, d: d - 1 };
    });
    e.a = map(() => {
      const assessedOn = day();
      const createdAt = stamp();
      return { flag: pick(FLAGS), assessedOn, createdAt };
    });
    e.f = map((): FollowUp | [string, string] => {
      if (int(1) === 1) return [day(), day()];
      const open = f[fi++];
      if (open === undefined) throw new ShardCodecError();
      return open;
    });
    e.s = map(() => int(1) as 0 | 1);
    e.k = map((): 0 | [(typeof BASES)[number], string] => {
      const v = int(BASES.length);
      return v === 0 ? 0 : [BASES[v - 1] as (typeof BASES)[number], day()];
    });
    e.t = map((): CaseEntry['t'][string] => {
      const on = day();
      const createdAt = stamp();
      return [pick(STEPS), pick(TAKEDOWN_STATUS), on, createdAt];
    });
    e.o = map(() => int(1) as 0 | 1);
    e.i = map(() => 1 as const);
    e.v = map(day);
    e.x = map(str);
    cases.set(caseId, e);
  }
  for (const [, entry] of cases)
    for (const [id, v] of Object.entries(entry.f)) if (!Array.isArray(v) && v.id !== id) throw new ShardCodecError();
  if (ni !== n.length || fi !== f.length) throw new ShardCodecError();
  return cases;
}
