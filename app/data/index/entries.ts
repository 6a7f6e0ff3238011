// What the case index holds per case: a small projection of each record the
// case list, search, Opvolging, the app badge and the auditor figures need
// (only enums, dates and ages: no names, no free text), with its record id, so
// a write replaces only its own records' projections (no other record has to
// be read). Nothing else of a case is in it: no notes, consent, names of
// schools beyond the case's own list, no descriptions. Pure: no Dexie.
import type { StoredRecord } from '../../../schema/records';
import type { FlagAssessment } from '../../../schema/records/assessment';
import type { Case } from '../../../schema/records/case';
import type { ShareWithoutConsent } from '../../../schema/records/consent';
import type { FollowUp } from '../../../schema/records/follow-up';
import type { Party } from '../../../schema/records/party';
import type { TakedownStatus, TakedownStep } from '../../../schema/records/takedown';
import { packIds, unpackIds } from './entry-ids';

/** Record kinds the index covers; every other kind is read per case. */
export const INDEXED_KINDS = [
  'case',
  'party',
  'assessment',
  'followup',
  'step',
  // For the auditor figures (issue 19): the export reads the index, not the records.
  'consent',
  'takedown',
  'police',
  'informed',
  'conversation',
] as const;
export type IndexedKind = (typeof INDEXED_KINDS)[number];

export function isIndexedKind(kind: string): kind is IndexedKind {
  return (INDEXED_KINDS as readonly string[]).includes(kind);
}

// Format 3 (shard-codec.ts) stores these as tapes and validates them there; the types are plain TS.
export type CaseProjection = Pick<
  Case,
  'reference' | 'status' | 'types' | 'schools' | 'knownOn' | 'updatedAt' | 'retentionUntil'
>;
// `d`: the age of a depicted young person (the auditor's age band); nobody else's age.
type PartyProjection = Pick<Party, 'pseudonym' | 'createdAt'> & { d?: number };
type AssessmentProjection = Pick<FlagAssessment, 'flag' | 'assessedOn' | 'createdAt'>;
type List<V> = readonly V[];

/**
 * One case's entry. `c`: the case (0 when its record is damaged, absent when
 * only parts exist); `p` parties, `a` assessments; `f` follow-ups (the whole
 * record while open, [due, doneOn] once done); `s` step checks (1 while an
 * open step is marked for Opvolging, else 0); `x` damaged parts by kind.
 * For the auditor figures: `k` consent records (consent given is 0, a share
 * without consent [basis, sharedOn]), `t` takedown steps [step, status, on,
 * createdAt], `o` police records (1 when the complaint was made, else 0), `i`
 * other schools informed (1 each), `v` conversations (the day held).
 * Issue 19 (heap): each is a list in the order its records were first added,
 * not a dictionary keyed by record id; `ids` holds the record ids of every
 * list, packed (entry-ids.ts), in LISTS order, for writes and the disk.
 * Entries are replaced on write, never mutated; empty lists are shared.
 */
export interface CaseEntry {
  c?: CaseProjection | 0;
  ids: string;
  p: List<PartyProjection>;
  a: List<AssessmentProjection>;
  f: List<FollowUp | [string, string]>;
  s: List<0 | 1>;
  k: List<0 | [ShareWithoutConsent['basis'], string]>;
  t: List<[TakedownStep, TakedownStatus, string, string]>;
  o: List<0 | 1>;
  i: List<1>;
  v: List<string>;
  x: List<string>;
}

/** The lists of an entry, in the order of their ids in `ids` (and on a shard's tapes). */
export const LISTS = ['p', 'a', 'f', 's', 'k', 't', 'o', 'i', 'v', 'x'] as const;
export type ListKey = (typeof LISTS)[number];
export type ListItem<K extends ListKey> = CaseEntry[K][number];

export const NONE: readonly never[] = Object.freeze([]);

/** An entry from its case and lists (in LISTS order) and their ids; one shape for every entry. */
export function makeEntry(c: CaseEntry['c'], ids: string, lists: { [K in ListKey]: CaseEntry[K] }): CaseEntry {
  const { p, a, f, s, k, t, o, i, v, x } = lists;
  const e: CaseEntry = { ids, p, a, f, s, k, t, o, i, v, x };
  if (c !== undefined) e.c = c;
  return e;
}

export function emptyEntry(): CaseEntry {
  return makeEntry(undefined, '', {
    p: NONE,
    a: NONE,
    f: NONE,
    s: NONE,
    k: NONE,
    t: NONE,
    o: NONE,
    i: NONE,
    v: NONE,
    x: NONE,
  });
}

/** Rows of the records table an entry stands for (the staleness check compares it with the disk). */
export function entryRows(e: CaseEntry): number {
  let n = e.c === undefined ? 0 : 1;
  for (const list of LISTS) n += e[list].length;
  return n;
}

/** Each list's record ids (in list order). */
export function idsOf(e: CaseEntry): { [K in ListKey]: string[] } {
  const all = unpackIds(e.ids);
  const out = {} as { [K in ListKey]: string[] };
  let at = 0;
  for (const list of LISTS) {
    out[list] = all.slice(at, at + e[list].length);
    at += e[list].length;
  }
  return out;
}

// A write's working copy of an entry: per list its ids and values.
type Open = { [K in ListKey]: [string[], Array<ListItem<K>>] };

function openEntry(e: CaseEntry): Open {
  const ids = idsOf(e);
  const out = {} as Record<ListKey, [string[], unknown[]]>;
  for (const list of LISTS) out[list] = [ids[list], [...e[list]]];
  return out as Open;
}

// Exact-size copies (an array grown by push keeps spare room).
const fit = <V>(values: V[]): readonly V[] => (values.length === 0 ? NONE : values.slice());

function closeEntry(c: CaseEntry['c'], o: Open): CaseEntry {
  const lists = {} as Record<ListKey, readonly unknown[]>;
  for (const list of LISTS) lists[list] = fit(o[list][1] as unknown[]);
  return makeEntry(c, packIds(LISTS.flatMap((list) => o[list][0])), lists as { [K in ListKey]: CaseEntry[K] });
}

/** Puts `value` in place of the id's value in `list`, or after the others when the id is new. */
function put<K extends ListKey>(o: Open, list: K, id: string, value: ListItem<K>): void {
  const [ids, values] = o[list];
  const at = ids.indexOf(id);
  if (at < 0) {
    ids.push(id);
    values.push(value);
  } else values[at] = value;
}

export function caseIdOf(record: StoredRecord): string | undefined {
  if (record.kind === 'case') return record.id;
  return 'caseId' in record ? record.caseId : undefined;
}

/** A copy of `entry` with `record`'s projection put in place of whatever the id had. */
export function withRecord(entry: CaseEntry, record: StoredRecord): CaseEntry {
  const o = openEntry(entry);
  let c = entry.c;
  const [damagedIds, damaged] = o.x;
  const at = damagedIds.indexOf(record.id);
  if (at >= 0) {
    damagedIds.splice(at, 1);
    damaged.splice(at, 1);
  }
  switch (record.kind) {
    case 'case': {
      const { reference, status, types, schools, knownOn, updatedAt, retentionUntil } = record;
      c = {
        reference,
        status,
        types,
        schools,
        knownOn,
        updatedAt,
        ...(retentionUntil === undefined ? {} : { retentionUntil }),
      };
      break;
    }
    case 'party':
      put(o, 'p', record.id, {
        pseudonym: record.pseudonym,
        createdAt: record.createdAt,
        ...(record.role === 'afgebeelde-jongere' && record.age !== undefined ? { d: record.age } : {}),
      });
      break;
    case 'assessment':
      put(o, 'a', record.id, { flag: record.flag, assessedOn: record.assessedOn, createdAt: record.createdAt });
      break;
    case 'followup':
      put(o, 'f', record.id, record.doneOn === undefined ? record : [record.due, record.doneOn]);
      break;
    case 'step':
      put(o, 's', record.id, record.remind === true && record.doneOn === undefined ? 1 : 0);
      break;
    case 'consent':
      put(o, 'k', record.id, record.basis === 'toestemming' ? 0 : [record.basis, record.sharedOn]);
      break;
    case 'takedown':
      put(o, 't', record.id, [record.step, record.status, record.on, record.createdAt]);
      break;
    case 'police':
      put(o, 'o', record.id, record.stage === 'neergelegd' ? 1 : 0);
      break;
    case 'informed':
      put(o, 'i', record.id, 1);
      break;
    case 'conversation':
      put(o, 'v', record.id, record.on);
      break;
    default:
      break;
  }
  return closeEntry(c, o);
}

/** Marks a record that could not be decrypted or validated (rebuild only). */
export function withDamaged(entry: CaseEntry, id: string, kind: string, caseId: string): CaseEntry {
  if (kind === 'case' && id === caseId) return { ...entry, c: 0 };
  const o = openEntry(entry);
  // Kinds are short; a tampered one is cut so the shard stays within its tape limits.
  put(o, 'x', id, kind.slice(0, 40));
  return closeEntry(entry.c, o);
}

/** Shard of a case: a small stable hash of its id. */
export function shardOf(caseId: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    h ^= caseId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
