// The unit of work behind every logbook operation (app/data/ops/*.ts): one
// input check, a per-case queue, loading the records an operation works on,
// and one commit that writes its records, the touched case and exactly one
// audit event in ONE saveRecords() call: all or nothing.
//
// Operations on one case are queued in this tab, so two quick taps cannot
// overwrite each other's case status. Internal to app/data: features call
// operations through app/data/operations.ts (lint-enforced).
import type { z } from 'zod';

import { recordErrors, type RecordErrorCode } from '../../schema/errors';
import { addYearsIso, brusselsToday, isFutureDate } from '../../schema/follow-up';
import { currentSchemaVersion } from '../../schema/records';
import type { RecordOfKind, StoredRecord } from '../../schema/records';
import type { AuditAction, AuditDetails, AuditEvent } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import type { Case } from '../../schema/records/case';
import { InvalidRecordError, RecordDamagedError, RecordNotFoundError } from './errors';
import type { RecordRow } from './db';
import { getCaseForWrite, getRecord, listRecords, makeAuditEvent, saveRecords, validateRecord } from './store';

// ---------------------------------------------------------------------------
// Defining an operation
// ---------------------------------------------------------------------------

/** What an operation's `run` may write: only the audit actions it declared. */
export interface OperationContext<A extends AuditAction> {
  /** Writes `records`, the case (bumped to `now`) and one audit event, in one transaction. */
  commit(now: Date, kase: Case, records: readonly StoredRecord[], action: A, details?: AuditDetails): Promise<Case>;
  /** An audit event for a write that does not go through `commit` (a new case). */
  auditEvent(action: A, caseId: string, details: AuditDetails | undefined, now: Date): AuditEvent;
}

export interface Operation<S extends z.ZodType, A extends AuditAction, R> {
  /** The input schema (schema/records/*.ts); the form parses the same one. */
  readonly input: S;
  /** The audit actions this operation can write; each call writes exactly one. */
  readonly audit: readonly A[];
  /** Checks the input, then runs the operation. */
  run(input: z.input<S>): Promise<R>;
}

/**
 * Declares an operation: its input schema, the audit action(s) it writes and
 * its work. The input is parsed first; a failure throws InvalidRecordError
 * with the schema codes per input path, and nothing is written.
 */
export function defineOperation<S extends z.ZodType, A extends AuditAction, R>(definition: {
  input: S;
  audit: A | readonly A[];
  run: (input: z.output<S>, context: OperationContext<A>) => Promise<R>;
}): Operation<S, A, R> {
  const audit: readonly A[] = typeof definition.audit === 'string' ? [definition.audit] : definition.audit;
  const context: OperationContext<A> = {
    commit,
    auditEvent: (action, caseId, details, now) => makeAuditEvent({ action, caseId, details }, now),
  };
  return {
    input: definition.input,
    audit,
    run: async (input) => definition.run(checkInput(definition.input, input), context),
  };
}

/**
 * Declares the common operation that adds one new record to a case: parse the
 * input, queue on the case, build the record, commit it with one audit action.
 */
export function defineAddOperation<
  S extends z.ZodType<{ caseId: string }>,
  A extends AuditAction,
  R extends StoredRecord,
>(definition: {
  input: S;
  audit: A;
  build: (input: z.output<S>, kase: Case, now: Date) => R;
  /** What the audit event says (enums only, never text). */
  details?: (record: R) => AuditDetails;
}): Operation<S, A, R> {
  return defineOperation({
    input: definition.input,
    audit: definition.audit,
    run: async (input, { commit: write }): Promise<R> =>
      withCase(input.caseId, async (kase) => {
        const now = new Date();
        const record = definition.build(input, kase, now);
        await write(now, kase, [record], definition.audit, definition.details?.(record));
        return record;
      }),
  });
}

/** The one input check: parses with the operation's schema, or throws InvalidRecordError. */
function checkInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const id = (input as { id?: unknown } | null)?.id;
  throw new InvalidRecordError(
    typeof id === 'string' ? id : undefined,
    parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

// ---------------------------------------------------------------------------
// Loading, checking and committing records
// ---------------------------------------------------------------------------

/**
 * Today in Brussels, `YYYY-MM-DD`: the day a planned date (a follow-up, the retention date) may not lie
 * before. Opvolging groups by the same day, so a date the forms accept is never "te laat" there, also on
 * a device set to another time zone (a review found the two disagreeing).
 */
export function today(now: Date = new Date()): string {
  return brusselsToday(now);
}

/** The fields every new record of a case starts with: its kind, the schema version this Baken writes, a fresh id, its case. */
export function newRecordHead<K extends Exclude<RecordKind, 'case' | 'audit' | 'draft'>>(kind: K, caseId: string) {
  return { kind, schemaVersion: currentSchemaVersion[kind], id: crypto.randomUUID(), caseId };
}

export function ruleError(id: string | undefined, path: PropertyKey[], code: RecordErrorCode): InvalidRecordError {
  return new InvalidRecordError(id, [{ path, message: code }]);
}

/**
 * The date of something that happened (an assessment, a conversation, a step
 * done, consent given…) may not be a day that has not come yet anywhere
 * (`date.inFuture` on `field`). Planned dates (a follow-up's `due`) are not checked here.
 */
export function assertNotFuture(field: string | PropertyKey[], isoDate: string | null | undefined, now: Date): void {
  if (typeof isoDate === 'string' && isFutureDate(isoDate, now))
    throw ruleError(undefined, Array.isArray(field) ? field : [field], recordErrors.dateInFuture);
}

/**
 * A consent, a share without consent, a competence judgement or a flag assessment about this case
 * cannot be dated before the day the case became known (`date.beforeKnown` on `field`). Checked when
 * written; of stored records only a consent given before knownOn is never counted (consent-validity.ts).
 */
export function assertNotBeforeKnown(
  field: string | PropertyKey[],
  isoDate: string | null | undefined,
  kase: Pick<Case, 'knownOn'>,
): void {
  if (typeof isoDate === 'string' && isoDate < kase.knownOn)
    throw ruleError(undefined, Array.isArray(field) ? field : [field], recordErrors.dateBeforeKnown);
}

/**
 * Baken's bounds on a slip of the year in a typed date: at most `years` before today (negative: a
 * "bekend sinds", KNOWN_ON_MAX_YEARS_BACK) or after it (positive: a follow-up or retention date).
 */
export function assertWithinYears(
  at: { id?: string; field: string },
  isoDate: string,
  years: number,
  code: RecordErrorCode,
  now: Date,
): void {
  const bound = addYearsIso(today(now), years);
  if (years < 0 ? isoDate < bound : isoDate > bound) throw ruleError(at.id, [at.field], code);
}

/** Validates a record before anything is written (saveRecords validates again); the same check and error as saveRecords. */
export function check<R extends StoredRecord>(record: R): R {
  validateRecord(record);
  return record;
}

export async function load<K extends RecordKind>(id: string, kind: K): Promise<RecordOfKind<K>> {
  return readable(id, await getRecord(id, kind));
}

/** The record of a read result; RecordNotFoundError when absent, RecordDamagedError when unreadable. */
function readable<R>(id: string, result: { ok: true; record: R } | { ok: false } | undefined): R {
  if (!result) throw new RecordNotFoundError(id);
  if (!result.ok) throw new RecordDamagedError(id);
  return result.record;
}

/** The readable records of one kind of a case; damaged ones are skipped. */
export async function okRecords<K extends RecordKind>(kind: K, caseId: string): Promise<Array<RecordOfKind<K>>> {
  const results = await listRecords({ kind, caseId });
  return results.flatMap((r) => (r.ok ? [r.record] : []));
}

const queues = new Map<string, Promise<void>>();

/** Runs `work` after earlier operations on the same case (in this tab) have settled. */
export function queued<T>(caseId: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(caseId) ?? Promise.resolve();
  const run = before.then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(caseId, settled);
  void settled.then(() => {
    if (queues.get(caseId) === settled) queues.delete(caseId);
  });
  return run;
}

// Issue 19: the row of each case whose operation is running (one per case in this tab: the queue),
// as withCase read it, so commit's saveRecords seals with the key that row names instead of reading
// it again (saveRecords' `caseRows`: the transaction still checks the stored row's key).
const loadedCaseRows = new Map<string, RecordRow>();

/** Loads the case inside its queue and hands it to `work`. */
export function withCase<T>(caseId: string, work: (kase: Case) => Promise<T>): Promise<T> {
  return queued(caseId, async () => {
    const { result, row } = await getCaseForWrite(caseId);
    const kase = readable(caseId, result);
    if (row) loadedCaseRows.set(caseId, row);
    try {
      return await work(kase);
    } finally {
      loadedCaseRows.delete(caseId);
    }
  });
}

/** Loads a record to find its case, then reloads it inside that case's queue. */
export async function withRecord<K extends Exclude<RecordKind, 'case' | 'audit' | 'draft'>, T>(
  id: string,
  kind: K,
  work: (record: RecordOfKind<K>, kase: Case) => Promise<T>,
): Promise<T> {
  const first = await load(id, kind);
  const caseId = (first as { caseId: string }).caseId;
  return withCase(caseId, async (kase) => work(await load(id, kind), kase));
}

async function commit(
  now: Date,
  kase: Case,
  records: readonly StoredRecord[],
  action: AuditAction,
  details?: AuditDetails,
): Promise<Case> {
  const touched: Case = { ...kase, updatedAt: now.toISOString() };
  const event = makeAuditEvent({ action, caseId: kase.id, details }, now);
  // saveRecords validates each record before anything is written (same InvalidRecordError); no second pass here.
  const row = loadedCaseRows.get(kase.id);
  // The audit event's id and a note's (notes are append-only: every note written is new, with an id
  // from newRecordHead) were made with crypto.randomUUID() for this write: saveRecords' freshIds.
  const freshIds = new Set([event.id, ...records.filter((r) => r.kind === 'note').map((r) => r.id)]);
  await saveRecords([...records, touched, event], {
    freshIds,
    ...(row ? { caseRows: new Map([[kase.id, row]]) } : {}),
  });
  return touched;
}

/** Copies `patch` onto `base` for `keys` only; a key given as undefined removes that optional field. */
export function applyPatch<T extends object, P extends object>(
  base: T,
  patch: P,
  keys: ReadonlyArray<keyof P & keyof T>,
): T {
  const out = { ...base } as Record<string, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(patch, key)) continue;
    const value = patch[key];
    if (value === undefined) delete out[key as string];
    else out[key as string] = value;
  }
  return out as T;
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
