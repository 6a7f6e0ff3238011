// What the case index holds per case: a small projection of each record the
// case list, search, Opvolging, the app badge and the auditor figures need
// (only enums, dates and ages: no names, no free text), keyed by record id, so
// a write replaces only its own records' projections (no other record has to
// be read). Nothing else of a case is in it: no notes, consent, names of
// schools beyond the case's own list, no descriptions. Pure: no Dexie.
import { z } from 'zod';

import type { StoredRecord } from '../../../schema/records';
import { flagAssessmentSchema } from '../../../schema/records/assessment';
import { isoDateSchema } from '../../../schema/records/base';
import { caseSchema } from '../../../schema/records/case';
import { shareWithoutConsentSchema } from '../../../schema/records/consent';
import { followUpSchema } from '../../../schema/records/follow-up';
import { partySchema } from '../../../schema/records/party';
import { takedownSchema } from '../../../schema/records/takedown';

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

const caseProjection = caseSchema.pick({
  reference: true,
  status: true,
  types: true,
  schools: true,
  knownOn: true,
  updatedAt: true,
  retentionUntil: true,
});
// `d`: the age of a depicted young person (the auditor's age band); nobody else's age.
const partyProjection = partySchema.pick({ pseudonym: true, createdAt: true }).extend({ d: partySchema.shape.age });
const assessmentProjection = flagAssessmentSchema.pick({ flag: true, assessedOn: true, createdAt: true });

const ids = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** A done follow-up: [due, doneOn] (whether it was late). */
const doneFollowUp = z.tuple([isoDateSchema, isoDateSchema]);
/** A share without consent: [basis, sharedOn]; consent given is 0 (the figures count summaries instead). */
const shareProjection = z.union([
  z.literal(0),
  z.tuple([shareWithoutConsentSchema.shape.basis, shareWithoutConsentSchema.shape.sharedOn]),
]);
const takedownProjection = z.tuple([
  takedownSchema.shape.step,
  takedownSchema.shape.status,
  takedownSchema.shape.on,
  takedownSchema.shape.createdAt,
]);

/**
 * One case's entry. `c`: the case (0 when its record is damaged, absent when
 * only parts exist); `p` parties, `a` assessments; `f` follow-ups (the whole
 * record while open, [due, doneOn] once done); `s` step checks (1 while an
 * open step is marked for Opvolging, else 0); `x` damaged parts by kind.
 * For the auditor figures: `k` consent records, `t` takedown steps, `o`
 * police records (1 when the complaint was made, else 0), `i` other schools
 * informed (1 each), `v` conversations (the day held).
 */
export const caseEntrySchema = z.strictObject({
  c: z.union([caseProjection, z.literal(0)]).optional(),
  p: ids(partyProjection),
  a: ids(assessmentProjection),
  f: ids(z.union([followUpSchema, doneFollowUp])),
  s: ids(z.union([z.literal(0), z.literal(1)])),
  k: ids(shareProjection),
  t: ids(takedownProjection),
  o: ids(z.union([z.literal(0), z.literal(1)])),
  i: ids(z.literal(1)),
  v: ids(isoDateSchema),
  x: ids(z.string()),
});
export type CaseEntry = z.infer<typeof caseEntrySchema>;
export type CaseProjection = z.infer<typeof caseProjection>;

/** The decrypted content of one shard record. */
export const shardSchema = z.strictObject({
  format: z.literal(2),
  gen: z.int().min(0),
  cases: z.record(z.string(), caseEntrySchema),
});
export type ShardContent = z.infer<typeof shardSchema>;

export function emptyEntry(): CaseEntry {
  return { p: {}, a: {}, f: {}, s: {}, k: {}, t: {}, o: {}, i: {}, v: {}, x: {} };
}

/** Rows of the records table an entry stands for (the staleness check compares it with the disk). */
export function entryRows(e: CaseEntry): number {
  return (
    (e.c === undefined ? 0 : 1) +
    Object.keys(e.p).length +
    Object.keys(e.a).length +
    Object.keys(e.f).length +
    Object.keys(e.s).length +
    Object.keys(e.k).length +
    Object.keys(e.t).length +
    Object.keys(e.o).length +
    Object.keys(e.i).length +
    Object.keys(e.v).length +
    Object.keys(e.x).length
  );
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
    next.x = { ...next.x };
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
      next.p = {
        ...next.p,
        [record.id]: {
          pseudonym: record.pseudonym,
          createdAt: record.createdAt,
          ...(record.role === 'afgebeelde-jongere' && record.age !== undefined ? { d: record.age } : {}),
        },
      };
      break;
    case 'assessment':
      next.a = {
        ...next.a,
        [record.id]: { flag: record.flag, assessedOn: record.assessedOn, createdAt: record.createdAt },
      };
      break;
    case 'followup':
      next.f = { ...next.f, [record.id]: record.doneOn === undefined ? record : [record.due, record.doneOn] };
      break;
    case 'step':
      next.s = { ...next.s, [record.id]: record.remind === true && record.doneOn === undefined ? 1 : 0 };
      break;
    case 'consent':
      next.k = { ...next.k, [record.id]: record.basis === 'toestemming' ? 0 : [record.basis, record.sharedOn] };
      break;
    case 'takedown':
      next.t = { ...next.t, [record.id]: [record.step, record.status, record.on, record.createdAt] };
      break;
    case 'police':
      next.o = { ...next.o, [record.id]: record.stage === 'neergelegd' ? 1 : 0 };
      break;
    case 'informed':
      next.i = { ...next.i, [record.id]: 1 };
      break;
    case 'conversation':
      next.v = { ...next.v, [record.id]: record.on };
      break;
    default:
      break;
  }
  return next;
}

/** Marks a record that could not be decrypted or validated (rebuild only). */
export function withDamaged(entry: CaseEntry, id: string, kind: string, caseId: string): CaseEntry {
  if (kind === 'case' && id === caseId) return { ...entry, c: 0 };
  return { ...entry, x: { ...entry.x, [id]: kind } };
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
