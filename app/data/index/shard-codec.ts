// The on-disk form of one index shard, format 3 (issue 19, scale): instead of
// one JSON object per case with repeated keys (format 2: ≈ 11 MB of JSON at
// 10,000 cases, seconds of JSON.parse and zod), a shard is two flat tapes, one
// of strings and one of small ints (enum codes, counts), plus the open
// follow-ups in full. Validation after decrypt is cheap zod over the tapes
// (one typed loop each: strings of bounded length, small non-negative ints)
// and a full followUpSchema parse of each open follow-up; the decoder then rejects any enum code out of
// range, any count that overruns a tape and any
// leftover value, so a torn or foreign shard is never half-read. Pure: no Dexie.
import { z } from 'zod';

import { flagSchema } from '../../../schema/records/assessment';
import { caseStatusSchema, caseTypeSchema } from '../../../schema/records/case';
import { shareWithoutConsentSchema } from '../../../schema/records/consent';
import { followUpSchema } from '../../../schema/records/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import { takedownStatusSchema, takedownStepSchema } from '../../../schema/records/takedown';
import { NONE } from './entries';
import type { CaseEntry } from './entries';
import { packIds, unpackIds } from './entry-ids';

export const SHARD_FORMAT = 3;
// Longer than any text the index holds (pseudonym 60, school 120, reference, ids, dates).
const MAX_TEXT = 200;

// One typed loop per tape (no per-element zod node): tens of thousands of values per shard.
const tape = <T>(ok: (x: unknown) => boolean) => z.custom<T[]>((v) => Array.isArray(v) && v.every(ok));

export const shardTapesSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  gen: z.int().min(0),
  s: tape<string>((x) => typeof x === 'string' && x.length <= MAX_TEXT),
  // A 16-bit int equals itself masked; a float, a negative, a string or null does not.
  n: tape<number>((x) => x === ((x as number) & 0xffff)),
  f: z.array(followUpSchema),
});
export type ShardTapes = z.infer<typeof shardTapesSchema>;

const STATUS = caseStatusSchema.options;
const TYPES = caseTypeSchema.options;
const FLAGS = flagSchema.options;
const BASES = shareWithoutConsentSchema.shape.basis.options;
const STEPS = takedownStepSchema.options;
const TAKEDOWN_STATUS = takedownStatusSchema.options;

// A shard's tapes do not describe a valid index (torn, foreign or tampered): it is rebuilt.
const bad = (): never => {
  throw new RangeError('index shard');
};

// Records are validated before they reach the index, so a value is always found (a -1 would fail the tape check).
const code = <T>(options: readonly T[], value: T): number => options.indexOf(value);

/** The tapes of a shard's cases. */
export function encodeShard(gen: number, cases: ReadonlyMap<string, CaseEntry>): ShardTapes {
  const s: string[] = [];
  const n: number[] = [];
  const f: FollowUp[] = [];
  // Each list: its size on the int tape, then per item its record id and value (`write`).
  let ids: string[] = [];
  let at = 0;
  const each = <V>(list: readonly V[], write: (v: V) => void): void => {
    n.push(list.length);
    for (const v of list) {
      s.push(ids[at++] ?? bad());
      write(v);
    }
  };
  for (const [caseId, e] of cases) {
    ids = unpackIds(e.ids);
    at = 0;
    s.push(caseId);
    if (e.c === undefined) n.push(0);
    else if (e.c === 0) n.push(1);
    else {
      const c = e.c;
      n.push(2, code(STATUS, c.status), c.types.length, ...c.types.map((t) => code(TYPES, t)), c.schools.length);
      s.push(c.reference, c.knownOn, c.updatedAt, ...c.schools);
      // No retention date: an empty string (never a valid day).
      s.push(c.retentionUntil ?? '');
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
    if (at !== ids.length) bad();
  }
  return { format: SHARD_FORMAT, gen, s, n, f };
}

/** The cases of validated tapes; throws a RangeError when they do not fit together. */
export function decodeShard(tapes: ShardTapes): Map<string, CaseEntry> {
  const { s, n, f } = tapes;
  let si = 0;
  let ni = 0;
  let fi = 0;
  const str = (): string => s[si++] ?? bad();
  // Issue 19 (heap): days, pseudonyms and school names repeat across cases (a year has 365 days), so equal
  // ones share one string, as do equal type and school lists (never mutated: entries are replaced on write).
  const strings = new Map<string, string>();
  const lists = new Map<string, unknown>();
  const share = (v: string): string => strings.get(v) ?? (strings.set(v, v), v);
  const shareList = <T extends string>(list: T[], key = JSON.stringify(list)): T[] =>
    (lists.get(key) as T[] | undefined) ?? (lists.set(key, list), list);
  // Days are kept as written (ISO, from validated records); the tapes are authenticated by AES-GCM.
  const day = (): string => share(str());
  const int = (max: number): number => {
    const v = n[ni++];
    return v === undefined || v > max ? bad() : v;
  };
  const pick = <T>(options: readonly T[]): T => options[int(options.length - 1)] as T;
  let ids: string[] = [];
  const list = <V>(read: (id: string) => V): readonly V[] => {
    const k = int(0xffff);
    if (k === 0) return NONE;
    // Exact size (an array grown by push keeps spare room).
    const out = new Array<V>(k);
    for (let j = 0; j < k; j++) {
      const id = str();
      ids.push(id);
      out[j] = read(id);
    }
    return out;
  };
  const cases = new Map<string, CaseEntry>();
  while (si < s.length) {
    const caseId = str();
    const state = int(2);
    let c: CaseEntry['c'];
    if (state === 1) c = 0;
    else if (state === 2) {
      const status = pick(STATUS);
      const types = shareList(Array.from({ length: int(TYPES.length) }, () => pick(TYPES)));
      const schoolCount = int(20);
      const reference = str();
      const knownOn = day();
      const updatedAt = str();
      const schools = new Array<string>(schoolCount);
      for (let j = 0; j < schoolCount; j++) schools[j] = share(str());
      c = { reference, status, types, schools: shareList(schools), knownOn, updatedAt };
      const until = str();
      if (until !== '') c.retentionUntil = share(until);
    }
    ids = [];
    // Read in tape order (= LISTS order).
    const p = list(() => {
      const pseudonym = share(str());
      const createdAt = str();
      const d = int(121);
      return d === 0 ? { pseudonym, createdAt } : { pseudonym, createdAt, d: d - 1 };
    });
    const a = list(() => {
      const assessedOn = day();
      const createdAt = str();
      return { flag: pick(FLAGS), assessedOn, createdAt };
    });
    const fs = list((id): FollowUp | [string, string] => {
      if (int(1) === 1) return [day(), day()];
      const open = f[fi++];
      return open?.id === id ? open : bad();
    });
    const st = list(() => int(1) as 0 | 1);
    const k = list((): 0 | [(typeof BASES)[number], string] => {
      const v = int(BASES.length);
      return v === 0 ? 0 : [BASES[v - 1] as (typeof BASES)[number], day()];
    });
    const t = list((): CaseEntry['t'][number] => {
      const on = day();
      const createdAt = str();
      return [pick(STEPS), pick(TAKEDOWN_STATUS), on, createdAt];
    });
    const o = list(() => int(1) as 0 | 1);
    const i = list(() => 1 as const);
    const v = list(day);
    const x = list(str);
    const e: CaseEntry = { ids: packIds(ids), p, a, f: fs, s: st, k, t, o, i, v, x };
    if (c !== undefined) e.c = c;
    cases.set(caseId, e);
  }
  return ni !== n.length || fi !== f.length ? bad() : cases;
}
