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

export function emptyEntry(): CaseEntry {
  return { ids: '', p: NONE, a: NONE, f: NONE, s: NONE, k: NONE, t: NONE, o: NONE, i: NONE, v: NONE, x: NONE };
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
  for (const list of LISTS) out[list] = all.slice(at, (at += e[list].length));
  return out;
}

/** The entry with each list as a record id → value map (for comparing entries whatever their list order). */
export function entryAsMaps(e: CaseEntry): Record<string, unknown> {
  const ids = idsOf(e);
  const out: Record<string, unknown> = e.c === undefined ? {} : { c: e.c };
  for (const list of LISTS) out[list] = Object.fromEntries(ids[list].map((id, i) => [id, e[list][i]]));
  return out;
}

/**
 * A copy of `e` with `value` as the value of `id` in `list`: in place of the
 * id's value, or after the others when the id is new; without a value, the
 * id is taken out of the list. Write path only (one case at a time).
 */
function edited<K extends ListKey>(e: CaseEntry, list: K, id: string, value?: ListItem<K>): CaseEntry {
  // Nothing to take out (withRecord clears `x` on every record, and `x` is nearly always empty): no unpacking.
  if (value === undefined && e[list].length === 0) return e;
  const ids = unpackIds(e.ids);
  let at = 0;
  for (const l of LISTS.slice(0, LISTS.indexOf(list))) at += e[l].length;
  const values: Array<ListItem<K>> = [...e[list]];
  const i = ids.slice(at, at + values.length).indexOf(id);
  if (value === undefined) {
    if (i < 0) return e;
    ids.splice(at + i, 1);
    values.splice(i, 1);
  } else if (i < 0) {
    ids.splice(at + values.length, 0, id);
    values.push(value);
  } else values[i] = value;
  return { ...e, ids: packIds(ids), [list]: values.length === 0 ? NONE : values };
}

export function caseIdOf(record: StoredRecord): string | undefined {
  if (record.kind === 'case') return record.id;
  return 'caseId' in record ? record.caseId : undefined;
}

/** A copy of `entry` with `record`'s projection put in place of whatever the id had. */
export function withRecord(entry: CaseEntry, record: StoredRecord): CaseEntry {
  // A record that reads again is no longer damaged.
  const e = edited(entry, 'x', record.id);
  const { id } = record;
  switch (record.kind) {
    case 'case': {
      const { reference, status, types, schools, knownOn, updatedAt, retentionUntil } = record;
      const c = { reference, status, types, schools, knownOn, updatedAt };
      return { ...e, c: retentionUntil === undefined ? c : { ...c, retentionUntil } };
    }
    case 'party':
      return edited(e, 'p', id, {
        pseudonym: record.pseudonym,
        createdAt: record.createdAt,
        ...(record.role === 'afgebeelde-jongere' && record.age !== undefined ? { d: record.age } : {}),
      });
    case 'assessment':
      return edited(e, 'a', id, { flag: record.flag, assessedOn: record.assessedOn, createdAt: record.createdAt });
    case 'followup':
      return edited(e, 'f', id, record.doneOn === undefined ? record : [record.due, record.doneOn]);
    case 'step':
      return edited(e, 's', id, record.remind === true && record.doneOn === undefined ? 1 : 0);
    case 'consent':
      return edited(e, 'k', id, record.basis === 'toestemming' ? 0 : [record.basis, record.sharedOn]);
    case 'takedown':
      return edited(e, 't', id, [record.step, record.status, record.on, record.createdAt]);
    case 'police':
      return edited(e, 'o', id, record.stage === 'neergelegd' ? 1 : 0);
    case 'informed':
      return edited(e, 'i', id, 1);
    case 'conversation':
      return edited(e, 'v', id, record.on);
    default:
      return e;
  }
}

/** Marks a record that could not be decrypted or validated (rebuild only). */
export function withDamaged(entry: CaseEntry, id: string, kind: string, caseId: string): CaseEntry {
  if (kind === 'case' && id === caseId) return { ...entry, c: 0 };
  // Kinds are short; a tampered one is cut so the shard stays within its tape limits.
  return edited(entry, 'x', id, kind.slice(0, 40));
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
