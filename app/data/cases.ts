// The logbook's data operations (issue 5). Each operation validates its
// input, then writes the records it changes, the case with a new `updatedAt`
// and exactly one audit event (kind, case id, time; enums only) in ONE
// saveRecords() call: all or nothing. Operations on one case are queued in
// this tab, so two quick taps cannot overwrite each other's case status.
// Notes are append-only: nothing here edits or deletes a note; a correction is
// a new note, and eraseCaseNow removes a whole case at once.
//
// Every operation works offline (everything is local) and needs an unlocked
// vault. Failures, on which nothing was written:
// - VaultLockedError;
// - RecordNotFoundError / RecordDamagedError for the case or record named;
// - InvalidRecordError with schema or rule codes (schema/errors.ts) per path;
// - AppendOnlyError, RecordConflictError, StorageFullError, StorageFailedError
//   from saveRecords.
import { formatIsoDate } from '../../schema/calendar-date';

import { formatCaseReference, samePseudonym, suggestPseudonym } from '../../schema/case-rules';
import { criteria2021Ids, criteriaOuderNlIds } from '../../schema/content-ids';
import { recordErrors } from '../../schema/errors';
import type { RecordErrorCode } from '../../schema/errors';
import { storedRecordSchema } from '../../schema/records';
import type { RecordOfKind, StoredRecord } from '../../schema/records';
import type { AssessFlagsInput, FlagAssessment } from '../../schema/records/assessment';
import type { AuditAction, AuditDetails } from '../../schema/records/audit';
import type { RecordKind } from '../../schema/records/base';
import type { Case, CaseFields } from '../../schema/records/case';
import type {
  ConsentGiven,
  ConsentRecord,
  RecordConsentInput,
  ShareWithoutConsent,
  ShareWithoutConsentInput,
} from '../../schema/records/consent';
import type { FollowUp } from '../../schema/records/follow-up';
import type { AppendNoteInput, CorrectNoteInput, Note } from '../../schema/records/note';
import type { AddPartyInput, Party, PartyFields } from '../../schema/records/party';
import type { RecordReferralInput, Referral } from '../../schema/records/referral';
import type { SetStepCheckInput, StepCheck } from '../../schema/records/step';
import { reserveCaseReference } from './case-reference';
import { InvalidRecordError, RecordDamagedError, RecordNotFoundError } from './errors';
import { eraseCase, getRecord, listRecords, makeAuditEvent, saveRecords } from './store';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Today on this device, `YYYY-MM-DD` (local calendar, as the worker sees it). */
function today(now: Date = new Date()): string {
  return formatIsoDate(now);
}

function ruleError(id: string | undefined, path: PropertyKey[], code: RecordErrorCode): InvalidRecordError {
  return new InvalidRecordError(id, [{ path, message: code }]);
}

/** Validates a record before anything is written (saveRecords validates again). */
function check<R extends StoredRecord>(record: R): R {
  const parsed = storedRecordSchema.safeParse(record);
  if (!parsed.success) {
    throw new InvalidRecordError(
      record.id,
      parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  return record;
}

async function load<K extends RecordKind>(id: string, kind: K): Promise<RecordOfKind<K>> {
  const result = await getRecord(id, kind);
  if (!result) throw new RecordNotFoundError(id);
  if (!result.ok) throw new RecordDamagedError(id);
  return result.record;
}

async function okRecords<K extends RecordKind>(kind: K, caseId: string): Promise<Array<RecordOfKind<K>>> {
  const results = await listRecords({ kind, caseId });
  return results.flatMap((r) => (r.ok ? [r.record] : []));
}

const queues = new Map<string, Promise<void>>();

/** Runs `work` after earlier operations on the same case (in this tab) have settled. */
function queued<T>(caseId: string, work: () => Promise<T>): Promise<T> {
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

/** Loads the case inside its queue and hands it to `work`. */
function withCase<T>(caseId: string, work: (kase: Case) => Promise<T>): Promise<T> {
  return queued(caseId, async () => work(await load(caseId, 'case')));
}

/** Loads a record to find its case, then reloads it inside that case's queue. */
async function withRecord<K extends Exclude<RecordKind, 'case' | 'audit' | 'draft'>, T>(
  id: string,
  kind: K,
  work: (record: RecordOfKind<K>, kase: Case) => Promise<T>,
): Promise<T> {
  const first = await load(id, kind);
  const caseId = (first as { caseId: string }).caseId;
  return withCase(caseId, async (kase) => work(await load(id, kind), kase));
}

/** Writes `records`, the case (bumped to `now`) and one audit event, in one transaction. */
async function commit(
  now: Date,
  kase: Case,
  records: readonly StoredRecord[],
  action: AuditAction,
  details?: AuditDetails,
): Promise<Case> {
  const touched: Case = check({ ...kase, updatedAt: now.toISOString() });
  const event = makeAuditEvent({ action, caseId: kase.id, details }, now);
  await saveRecords([...records.map(check), touched, event]);
  return touched;
}

/** Copies `patch` onto `base` for `keys` only; a key given as undefined removes that optional field. */
function applyPatch<T extends object, P extends object>(base: T, patch: P, keys: ReadonlyArray<keyof P & keyof T>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(patch, key)) continue;
    const value = patch[key];
    if (value === undefined) delete out[key as string];
    else out[key as string] = value;
  }
  return out as T;
}

/** Optional free text: trimmed, and blank counts as not given. */
function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function hasOpenFollowUp(followUps: readonly FollowUp[], except?: string): boolean {
  return followUps.some((f) => f.doneOn === undefined && f.id !== except);
}

// ---------------------------------------------------------------------------
// Case
// ---------------------------------------------------------------------------

function cleanSchools(schools: readonly string[]): string[] {
  return schools.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Opens a new case (status "open") with a random id and the next readable
 * reference of the current year on this device, e.g. `2026-015`. The year is
 * the year the case is logged, not `knownOn`, so the reference never has to
 * change when `knownOn` is corrected. Numbers run per year, are never reused
 * (not even after erasure; a failed save leaves a gap), see case-reference.ts.
 * Input is validated before a number is reserved. School names are trimmed,
 * blank ones dropped. Fails as described at the top of this file.
 */
export async function createCase(input: CaseFields): Promise<Case> {
  const now = new Date();
  const at = now.toISOString();
  const draft: Case = {
    kind: 'case',
    schemaVersion: 1,
    id: crypto.randomUUID(),
    reference: formatCaseReference(now.getFullYear(), 0),
    knownOn: input.knownOn,
    knownVia: input.knownVia,
    types: [...input.types],
    schools: cleanSchools(input.schools),
    description: input.description,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
  check(draft);
  const kase: Case = { ...draft, reference: await reserveCaseReference(now.getFullYear()) };
  const event = makeAuditEvent({ action: 'case.created', caseId: kase.id, details: { status: 'open' } }, now);
  await saveRecords([check(kase), event]);
  return kase;
}

/** Changes the intake fields of a case (reference, status and dates stay). Fails as described above. */
export async function updateCase(id: string, patch: Partial<CaseFields>): Promise<Case> {
  return withCase(id, async (kase) => {
    const cleaned = patch.schools === undefined ? patch : { ...patch, schools: cleanSchools(patch.schools) };
    const next = applyPatch(kase, cleaned, ['knownOn', 'knownVia', 'types', 'schools', 'description']);
    return commit(new Date(), next, [], 'case.updated', { status: next.status });
  });
}

/**
 * Closes a case: status "afgesloten", `closedAt` now, kept until
 * `retentionUntil` (today or later). Refused while a follow-up is open
 * (`case.openFollowUps`) or when already closed (`case.closed`).
 */
export async function closeCase(id: string, input: { retentionUntil: string }): Promise<Case> {
  return withCase(id, async (kase) => {
    const now = new Date();
    if (kase.status === 'afgesloten') throw ruleError(id, ['status'], recordErrors.caseClosed);
    if (hasOpenFollowUp(await okRecords('followup', id))) throw ruleError(id, ['status'], recordErrors.openFollowUps);
    const next: Case = {
      ...kase,
      status: 'afgesloten',
      retentionUntil: input.retentionUntil,
      closedAt: now.toISOString(),
    };
    check(next);
    if (input.retentionUntil < today(now)) throw ruleError(id, ['retentionUntil'], recordErrors.retentionInPast);
    return commit(now, next, [], 'case.closed', { status: 'afgesloten' });
  });
}

/** Reopens a closed case (status "open"; retention date and `closedAt` removed). Refused when not closed. */
export async function reopenCase(id: string): Promise<Case> {
  return withCase(id, async (kase) => {
    if (kase.status !== 'afgesloten') throw ruleError(id, ['status'], recordErrors.caseNotClosed);
    const status = hasOpenFollowUp(await okRecords('followup', id)) ? 'in-rust' : 'open';
    const { retentionUntil: _r, closedAt: _c, ...rest } = kase;
    return commit(new Date(), { ...rest, status }, [], 'case.reopened', { status });
  });
}

/**
 * Erases a case and every record of it (parties, consent, assessments,
 * notes, follow-ups, referrals, step checks, drafts) in one transaction,
 * with one `case.erased` audit event holding only the case id and a count.
 * Works for a case whose record is damaged. Resolves `{ erased: 0 }` and
 * writes nothing when `id` is not a case. Fails with VaultLockedError,
 * StorageFullError or StorageFailedError; then nothing was deleted.
 */
export async function eraseCaseNow(id: string): Promise<{ erased: number }> {
  return queued(id, async () => {
    // Only a case id may reach eraseCase (it would log an erasure for any id).
    if ((await getRecord(id, 'case')) === undefined) return { erased: 0 };
    return eraseCase(id);
  });
}

/**
 * Closed cases whose retention date has passed (`retentionUntil` before
 * `today`, YYYY-MM-DD), oldest date first: Baken offers to erase them.
 * Damaged cases are not listed (their date cannot be read). Offline: works.
 * Fails with VaultLockedError.
 */
export async function listCasesDueForErasure(
  today: string,
): Promise<Array<{ id: string; reference: string; retentionUntil: string }>> {
  const cases = await listRecords({ kind: 'case' });
  return cases
    .flatMap((r) =>
      r.ok &&
      r.record.status === 'afgesloten' &&
      r.record.retentionUntil !== undefined &&
      r.record.retentionUntil < today
        ? [{ id: r.record.id, reference: r.record.reference, retentionUntil: r.record.retentionUntil }]
        : [],
    )
    .sort((a, b) =>
      a.retentionUntil < b.retentionUntil
        ? -1
        : a.retentionUntil > b.retentionUntil
          ? 1
          : a.reference < b.reference
            ? -1
            : 1,
    );
}

// ---------------------------------------------------------------------------
// Betrokkenen
// ---------------------------------------------------------------------------

const PARTY_FIELDS = [
  'role',
  'pseudonym',
  'realName',
  'age',
  'birthYear',
  'school',
  'className',
  'competence',
] as const;

function cleanPartyText<P extends Partial<PartyFields>>(input: P): P {
  const out: Record<string, unknown> = { ...input };
  for (const key of ['pseudonym', 'realName', 'school', 'className'] as const) {
    if (Object.hasOwn(input, key)) out[key] = key === 'pseudonym' ? input[key]?.trim() : optionalText(input[key]);
  }
  return out as P;
}

function assertPseudonymFree(parties: readonly Party[], party: Party): void {
  if (parties.some((p) => p.id !== party.id && samePseudonym(p.pseudonym, party.pseudonym))) {
    throw ruleError(party.id, ['pseudonym'], recordErrors.pseudonymTaken);
  }
}

/**
 * Adds a betrokkene to a case. Without a pseudonym, the first free
 * "Jongere A", "Jongere B", … of the case is used; a pseudonym already used
 * in the case is refused (`party.pseudonymTaken`). Blank optional text
 * counts as not given.
 */
export async function addParty(caseId: string, input: Omit<AddPartyInput, 'caseId'>): Promise<Party> {
  return withCase(caseId, async (kase) => {
    const now = new Date();
    const parties = await okRecords('party', caseId);
    const cleaned = cleanPartyText(input);
    const party: Party = withoutUndefined({
      kind: 'party',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId,
      role: cleaned.role,
      pseudonym:
        cleaned.pseudonym === undefined || cleaned.pseudonym === '' ? suggestPseudonym(parties) : cleaned.pseudonym,
      realName: cleaned.realName,
      age: cleaned.age,
      birthYear: cleaned.birthYear,
      school: cleaned.school,
      className: cleaned.className,
      competence: cleaned.competence,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    check(party);
    assertPseudonymFree(parties, party);
    await commit(now, kase, [party], 'party.added');
    return party;
  });
}

/**
 * Changes a betrokkene. A field given as undefined (or blank text) is
 * removed, e.g. `{ competence: undefined }` drops an override; role and
 * pseudonym cannot be removed. A pseudonym used by another betrokkene of the
 * case is refused (`party.pseudonymTaken`).
 */
export async function updateParty(id: string, patch: Partial<PartyFields>): Promise<Party> {
  return withRecord(id, 'party', async (party, kase) => {
    const now = new Date();
    const cleaned = cleanPartyText(patch);
    // Role and pseudonym are required: undefined there means "unchanged".
    if (cleaned.role === undefined) delete cleaned.role;
    if (cleaned.pseudonym === undefined) delete cleaned.pseudonym;
    const next: Party = { ...applyPatch(party, cleaned, PARTY_FIELDS), updatedAt: now.toISOString() };
    check(next);
    assertPseudonymFree(await okRecords('party', party.caseId), next);
    await commit(now, kase, [next], 'party.updated');
    return next;
  });
}

// ---------------------------------------------------------------------------
// Consent and sharing without consent
// ---------------------------------------------------------------------------

async function assertPartyOfCase(caseId: string, partyId: string): Promise<void> {
  const party = await getRecord(partyId, 'party');
  if (!party?.ok || party.record.caseId !== caseId)
    throw ruleError(undefined, ['partyId'], recordErrors.partyNotInCase);
}

/**
 * Records consent (`toestemming`) of one betrokkene for one recipient and
 * the listed information categories. Noting it in the dossier suffices
 * (DOMAIN.md). The betrokkene must belong to the case (`consent.partyNotInCase`).
 */
export async function recordConsent(input: RecordConsentInput): Promise<ConsentRecord> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    await assertPartyOfCase(kase.id, input.partyId);
    const consent: ConsentGiven = {
      kind: 'consent',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: kase.id,
      partyId: input.partyId,
      basis: 'toestemming',
      recipient: input.recipient,
      categories: [...input.categories],
      givenBy: input.givenBy,
      givenOn: input.givenOn,
      how: input.how,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await commit(now, kase, [consent], 'consent.recorded', {
      basis: 'toestemming',
      recipient: consent.recipient,
      categories: consent.categories,
    });
    return consent;
  });
}

/**
 * Withdraws consent from `withdrawnOn` on (that day no longer counts, see
 * isConsentActive). Refused before `givenOn` (`consent.withdrawnBeforeGiven`),
 * when already withdrawn (`consent.alreadyWithdrawn`) and for a share
 * without consent, which is a one-off decision (`consent.notWithdrawable`).
 */
export async function withdrawConsent(id: string, withdrawnOn: string): Promise<ConsentRecord> {
  return withRecord(id, 'consent', async (consent, kase) => {
    if (consent.basis !== 'toestemming') throw ruleError(id, ['basis'], recordErrors.notWithdrawable);
    if (consent.withdrawnOn !== undefined) throw ruleError(id, ['withdrawnOn'], recordErrors.alreadyWithdrawn);
    const now = new Date();
    const next: ConsentGiven = check({ ...consent, withdrawnOn, updatedAt: now.toISOString() });
    await commit(now, kase, [next], 'consent.withdrawn', {
      basis: next.basis,
      recipient: next.recipient,
      categories: next.categories,
    });
    return next;
  });
}

/**
 * Records sharing without consent, in a noodtoestand or under art. 458bis
 * Sw. A written justification and an answer to every check question are
 * required (`text.required`, `share.checkRequired` on their paths). The app
 * always shows it as sharing without consent; it cannot be withdrawn.
 */
export async function recordShareWithoutConsent(input: ShareWithoutConsentInput): Promise<ConsentRecord> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    const share: ShareWithoutConsent = {
      kind: 'consent',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: kase.id,
      partyId: input.partyId,
      basis: input.basis,
      recipient: input.recipient,
      categories: [...input.categories],
      sharedOn: input.sharedOn,
      justification: input.justification,
      checks: input.checks,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    check(share);
    await assertPartyOfCase(kase.id, input.partyId);
    await commit(now, kase, [share], 'share.without-consent', {
      basis: share.basis,
      recipient: share.recipient,
      categories: share.categories,
    });
    return share;
  });
}

// ---------------------------------------------------------------------------
// Vlaggensysteem
// ---------------------------------------------------------------------------

const CRITERIA: Record<FlagAssessment['criteriaVersion'], readonly string[]> = {
  '2021': criteria2021Ids,
  // The content calls this version "ouder-nl"; the stored value is "nl-oud".
  'nl-oud': criteriaOuderNlIds,
};

/**
 * Records an assessment: an answer for every criterion of the chosen version
 * ("onbekend" allowed; `assessment.criterionMissing` / `criterionUnknown`),
 * the professional's flag and reasoning. The flag is taken as given, never
 * computed from the answers (Sensoa). Earlier assessments are kept.
 */
export async function assessFlags(input: AssessFlagsInput): Promise<FlagAssessment> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    const assessment: FlagAssessment = {
      kind: 'assessment',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: kase.id,
      criteriaVersion: input.criteriaVersion,
      answers: { ...input.answers },
      flag: input.flag,
      reasoning: input.reasoning,
      assessedOn: input.assessedOn,
      createdAt: now.toISOString(),
    };
    check(assessment);
    const ids = CRITERIA[assessment.criteriaVersion];
    const unknown = Object.keys(assessment.answers).find((k) => !ids.includes(k));
    if (unknown !== undefined) throw ruleError(assessment.id, ['answers', unknown], recordErrors.criterionUnknown);
    const missing = ids.find((k) => !Object.hasOwn(assessment.answers, k));
    if (missing !== undefined) throw ruleError(assessment.id, ['answers', missing], recordErrors.criterionMissing);
    await commit(now, kase, [assessment], 'assessment.recorded', { flag: assessment.flag });
    return assessment;
  });
}

// ---------------------------------------------------------------------------
// Notes (append-only)
// ---------------------------------------------------------------------------

/** Adds a note to the case timeline; `at` (when it happened) defaults to now. Notes can never be changed. */
export async function appendNote(input: AppendNoteInput): Promise<Note> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    const note: Note = {
      kind: 'note',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: kase.id,
      noteKind: input.noteKind,
      text: input.text,
      at: input.at ?? now.toISOString(),
      createdAt: now.toISOString(),
    };
    await commit(now, kase, [note], 'note.added', { noteKind: note.noteKind });
    return note;
  });
}

/**
 * Corrects a note by adding a new one that supersedes it, with a reason; the
 * old note stays unchanged and visible. The correction keeps the old note's
 * `at` and (unless given) its kind. Only the latest version can be corrected
 * (`note.alreadySuperseded`), so the history stays one line.
 */
export async function correctNote(input: CorrectNoteInput): Promise<Note> {
  return withRecord(input.supersedes, 'note', async (old, kase) => {
    const notes = await okRecords('note', old.caseId);
    if (notes.some((n) => n.supersedes === old.id)) {
      throw ruleError(old.id, ['supersedes'], recordErrors.alreadySuperseded);
    }
    const now = new Date();
    const note: Note = {
      kind: 'note',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: old.caseId,
      noteKind: input.noteKind ?? old.noteKind,
      text: input.text,
      at: old.at,
      supersedes: old.id,
      reason: input.reason,
      createdAt: now.toISOString(),
    };
    await commit(now, kase, [note], 'note.superseded', { noteKind: note.noteKind });
    return note;
  });
}

// ---------------------------------------------------------------------------
// Follow-up
// ---------------------------------------------------------------------------

/**
 * Lets the case rest until `due` (today or later; `followup.dueInPast`) with
 * a purpose; the case goes to "in-rust". Refused on a closed case
 * (`case.closed`). A case may have several open follow-ups.
 */
export async function scheduleFollowUp(input: Pick<FollowUp, 'caseId' | 'due' | 'purpose'>): Promise<FollowUp> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    if (kase.status === 'afgesloten') throw ruleError(kase.id, ['status'], recordErrors.caseClosed);
    const id = crypto.randomUUID();
    const followUp: FollowUp = check({
      kind: 'followup',
      schemaVersion: 1,
      id,
      caseId: kase.id,
      due: input.due,
      purpose: input.purpose,
      history: [],
      icsUid: `${crypto.randomUUID()}@baken`,
      sequence: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    if (followUp.due < today(now)) throw ruleError(id, ['due'], recordErrors.dueInPast);
    await commit(now, { ...kase, status: 'in-rust' }, [followUp], 'followup.scheduled', { status: 'in-rust' });
    return followUp;
  });
}

/**
 * Marks a follow-up done on `doneOn`; its date leaves the plaintext `due`
 * index. The case goes back to "open" when no other follow-up is open.
 * Refused when already done (`followup.alreadyDone`).
 */
export async function completeFollowUp(id: string, doneOn: string): Promise<FollowUp> {
  return withRecord(id, 'followup', async (followUp, kase) => {
    if (followUp.doneOn !== undefined) throw ruleError(id, ['doneOn'], recordErrors.alreadyDone);
    const now = new Date();
    const next: FollowUp = check({ ...followUp, doneOn, updatedAt: now.toISOString() });
    const othersOpen = hasOpenFollowUp(await okRecords('followup', kase.id), id);
    const status = kase.status === 'in-rust' && !othersOpen ? 'open' : kase.status;
    await commit(now, { ...kase, status }, [next], 'followup.done', { status });
    return next;
  });
}

/**
 * Moves an open follow-up to `to` (today or later, not the current date)
 * with a reason. Keeps its calendar UID, raises `sequence` by one (so
 * calendars update the event) and adds `{ from, to, reason, at }` to its
 * history. Refused when done (`followup.alreadyDone`).
 */
export async function rescheduleFollowUp(id: string, input: { to: string; reason: string }): Promise<FollowUp> {
  return withRecord(id, 'followup', async (followUp, kase) => {
    if (followUp.doneOn !== undefined) throw ruleError(id, ['doneOn'], recordErrors.alreadyDone);
    const now = new Date();
    const at = now.toISOString();
    const next: FollowUp = {
      ...followUp,
      due: input.to,
      history: [...followUp.history, { from: followUp.due, to: input.to, reason: input.reason, at }],
      sequence: followUp.sequence + 1,
      updatedAt: at,
    };
    try {
      check(next);
    } catch (e) {
      // Report on the input's names (`to`, `reason`), not the history entry's path.
      if (!(e instanceof InvalidRecordError)) throw e;
      throw new InvalidRecordError(
        id,
        e.issues.map((i) => {
          const last = i.path[i.path.length - 1];
          return { ...i, path: last === 'reason' ? ['reason'] : last === 'due' || last === 'to' ? ['to'] : i.path };
        }),
      );
    }
    if (input.to === followUp.due) throw ruleError(id, ['to'], recordErrors.sameDate);
    if (input.to < today(now)) throw ruleError(id, ['to'], recordErrors.dueInPast);
    await commit(now, kase, [next], 'followup.rescheduled', { status: kase.status });
    return next;
  });
}

// ---------------------------------------------------------------------------
// Referrals and the step plan
// ---------------------------------------------------------------------------

/** Records a referral to an organisation of the directory (verwijzingen.json), when and by whom (initials). */
export async function recordReferral(input: RecordReferralInput): Promise<Referral> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    const referral: Referral = {
      kind: 'referral',
      schemaVersion: 1,
      id: crypto.randomUUID(),
      caseId: kase.id,
      organisationId: input.organisationId,
      organisationName: input.organisationName.trim(),
      referredOn: input.referredOn,
      byInitials: input.byInitials.trim(),
      createdAt: now.toISOString(),
    };
    await commit(now, kase, [referral], 'referral.recorded');
    return referral;
  });
}

/**
 * Checks (or unchecks) one step of a step plan for a case. There is one
 * record per (case, plan, step): an existing one is updated. Its id is random
 * and found by decrypting the case's step records, because an id derived
 * from plan and step would reveal on disk which steps were done.
 * `remind` (true/false) marks or unmarks the step for Opvolging; left out, the
 * current mark stays.
 */
export async function setStepCheck(input: SetStepCheckInput): Promise<StepCheck> {
  return withCase(input.caseId, async (kase) => {
    const now = new Date();
    const existing = (await okRecords('step', kase.id))
      .filter((s) => s.planId === input.planId && s.stepId === input.stepId)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    const note = input.note === undefined ? existing?.note : optionalText(input.note);
    const step: StepCheck = withoutUndefined({
      kind: 'step',
      schemaVersion: 1,
      id: existing?.id ?? crypto.randomUUID(),
      caseId: kase.id,
      planId: input.planId,
      stepId: input.stepId,
      doneOn: input.doneOn ?? undefined,
      note,
      remind: (input.remind ?? existing?.remind === true) ? true : undefined,
      updatedAt: now.toISOString(),
    });
    await commit(now, kase, [step], step.doneOn === undefined ? 'step.unchecked' : 'step.checked');
    return step;
  });
}
