// What the case index holds per case: a small projection of each record the
// case list, search, Opvolging, the app badge and the auditor figures need
// (only enums, dates and ages: no names, no free text), keyed by record id, so
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
type Ids<V> = Record<string, V>;

/**
 * One case's entry. `c`: the case (0 when its record is damaged, absent when
 * only parts exist); `p` parties, `a` assessments; `f` follow-ups (the whole
 * record while open, [due, doneOn] once done); `s` step checks (1 while an
 * open step is marked for Opvolging, else 0); `x` damaged parts by kind.
 * For the auditor figures: `k` consent records (consent given is 0, a share
 * without consent [basis, sharedOn]), `t` takedown steps [step, status, on,
 * createdAt], `o` police records (1 when the complaint was made, else 0), `i`
 * other schools informed (1 each), `v` conversations (the day held).
 */
export interface CaseEntry {
  c?: CaseProjection | 0;
  p: Ids<PartyProjection>;
  a: Ids<AssessmentProjection>;
  f: Ids<FollowUp | [string, string]>;
  s: Ids<0 | 1>;
  k: Ids<0 | [ShareWithoutConsent['basis'], string]>;
  t: Ids<[TakedownStep, TakedownStatus, string, string]>;
  o: Ids<0 | 1>;
  i: Ids<1>;
  v: Ids<string>;
  x: Ids<string>;
}

// Null-prototype copies are dictionaries from the start: record ids as keys add no hidden classes
// (with tens of thousands of unique keys those cost time and heap).
function put<V>(map: Record<string, V>, id?: string, value?: V): Record<string, V> {
  const out = Object.assign(Object.create(null) as Record<string, V>, map);
  if (id !== undefined) out[id] = value as V;
  return out;
}

export function emptyEntry(): CaseEntry {
  return { p: {}, a: {}, f: {}, s: {}, k: {}, t: {}, o: {}, i: {}, v: {}, x: {} };
}

/** Rows of the records table an entry stands for (the staleness check compares it with the disk). */
export function entryRows(e: CaseEntry): number {
  let n = e.c === undefined ? 0 : 1;
  for (const map of [e.p, e.a, e.f, e.s, e.k, e.t, e.o, e.i, e.v, e.x]) n += Object.keys(map).length;
  return n;
}

export function caseIdOf(record: StoredRecord): string | undefined {
  if (record.kind === 'case') return record.id;
  return 'caseId' in record ? record.caseId : undefined;
}

/** A copy of `entry` with `record`'s projection put in place of whatever the id had. */
export function withRecord(entry: CaseEntry, record: StoredRecord): CaseEntry {
  const next: CaseEntry = { ...entry };
  if (next.c === undefined) delete next.c;
  if (record.id in next.x) {
    next.x = put(next.x);
    delete next.x[record.id];
  }
  switch (record.kind) {
    case 'case': {
      const { reference, status, types, schools, knownOn, updatedAt, retentionUntil } = record;
      next.c = {
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
      next.p = put(next.p, record.id, {
        pseudonym: record.pseudonym,
        createdAt: record.createdAt,
        ...(record.role === 'afgebeelde-jongere' && record.age !== undefined ? { d: record.age } : {}),
      });
      break;
    case 'assessment':
      next.a = put(next.a, record.id, {
        flag: record.flag,
        assessedOn: record.assessedOn,
        createdAt: record.createdAt,
      });
      break;
    case 'followup':
      next.f = put(next.f, record.id, record.doneOn === undefined ? record : [record.due, record.doneOn]);
      break;
    case 'step':
      next.s = put(next.s, record.id, record.remind === true && record.doneOn === undefined ? 1 : 0);
      break;
    case 'consent':
      next.k = put(next.k, record.id, record.basis === 'toestemming' ? 0 : [record.basis, record.sharedOn]);
      break;
    case 'takedown':
      next.t = put(next.t, record.id, [record.step, record.status, record.on, record.createdAt]);
      break;
    case 'police':
      next.o = put(next.o, record.id, record.stage === 'neergelegd' ? 1 : 0);
      break;
    case 'informed':
      next.i = put(next.i, record.id, 1);
      break;
    case 'conversation':
      next.v = put(next.v, record.id, record.on);
      break;
    default:
      break;
  }
  return next;
}

/** Marks a record that could not be decrypted or validated (rebuild only). */
export function withDamaged(entry: CaseEntry, id: string, kind: string, caseId: string): CaseEntry {
  if (kind === 'case' && id === caseId) return { ...entry, c: 0 };
  // Kinds are short; a tampered one is cut so the shard stays within its tape limits.
  return { ...entry, x: put(entry.x, id, kind.slice(0, 40)) };
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
