// Case operations: open, change, close, reopen and erase a case. Every
// operation works offline and needs an unlocked vault; on failure nothing was
// written (VaultLockedError; RecordNotFoundError / RecordDamagedError;
// InvalidRecordError with schema or rule codes per path; AppendOnlyError,
// RecordConflictError, StorageFullError, StorageFailedError from saveRecords).
import { earliestDatedAfterKnown, formatCaseReference, hasOpenFollowUp } from '../../../schema/case-rules';
import { changedMeanwhile } from '../../../schema/edit-base';
import { currentSchemaVersion } from '../../../schema/records';
import { recordErrors } from '../../../schema/errors';
import { KNOWN_ON_MAX_YEARS_BACK, RETENTION_MAX_YEARS_AHEAD } from '../../../schema/follow-up';
import {
  caseFieldsSchema,
  caseIdInput,
  closeCaseInput,
  createCaseInput,
  updateCaseInput,
} from '../../../schema/records/case';
import type { Case } from '../../../schema/records/case';
import { reserveCaseReference } from '../case-reference';
import { getSettings } from '../settings';
import { eraseCase, getRecord, listRecords, saveRecords } from '../store';
import {
  applyPatch,
  assertNotFuture,
  assertWithinYears,
  check,
  defineOperation,
  okRecords,
  queued,
  ruleError,
  today,
  withCase,
} from '../unit-of-work';

/** A typed "bekend sinds": not in the future, and not a slip of the year (KNOWN_ON_MAX_YEARS_BACK). */
function assertKnownOn(knownOn: string, now: Date): void {
  assertNotFuture('knownOn', knownOn, now);
  assertWithinYears({ field: 'knownOn' }, knownOn, -KNOWN_ON_MAX_YEARS_BACK, recordErrors.knownOnTooLongAgo, now);
}

/**
 * Opens a new case (status "open") with a random id and the next readable
 * reference of the current year on this device, e.g. `2026-015`. The year is
 * the year the case is logged, not `knownOn`, so the reference never has to
 * change when `knownOn` is corrected. Numbers run per year, are never reused
 * (not even after erasure; a failed save leaves a gap), see case-reference.ts.
 * Input is validated before a number is reserved. School names are trimmed,
 * blank ones dropped.
 */
export const createCase = defineOperation({
  input: createCaseInput,
  audit: 'case.created',
  run: async (input, { auditEvent }): Promise<Case> => {
    const now = new Date();
    assertKnownOn(input.knownOn, now);
    const at = now.toISOString();
    // The device's Rechtsgebied unless the form chose one; the case keeps it (caseJurisdiction).
    const jurisdiction = input.jurisdiction ?? (await getSettings()).jurisdiction;
    const draft: Case = {
      kind: 'case',
      schemaVersion: currentSchemaVersion.case,
      id: crypto.randomUUID(),
      reference: formatCaseReference(now.getFullYear(), 0),
      knownOn: input.knownOn,
      knownVia: input.knownVia,
      types: [...input.types],
      schools: input.schools,
      description: input.description,
      status: 'open',
      jurisdiction,
      createdAt: at,
      updatedAt: at,
    };
    check(draft);
    const kase: Case = { ...draft, reference: await reserveCaseReference(now.getFullYear()) };
    await saveRecords([check(kase), auditEvent('case.created', kase.id, { status: 'open' }, now)]);
    return kase;
  },
});

/**
 * Changes the intake fields of a case (reference, status and dates stay).
 * A changed description is a correction, like a note's: `factsReason` is
 * required (`case.factsReasonRequired`), the earlier text is kept in
 * `factsHistory`, and the audit event is `case.facts-corrected` (no text).
 */
export const updateCase = defineOperation({
  input: updateCaseInput,
  audit: ['case.updated', 'case.facts-corrected'],
  run: async ({ id, factsReason, expected, ...patch }, { commit }): Promise<Case> =>
    withCase(id, async (kase) => {
      const now = new Date();
      // A field changed elsewhere since the form opened is not overwritten (schema/edit-base.ts).
      const meanwhile = changedMeanwhile(kase, expected);
      if (meanwhile !== undefined) throw ruleError(id, [meanwhile], recordErrors.changedMeanwhile);
      // A changed "bekend sinds" is checked like a new one (assertKnownOn); an unchanged one is not checked again.
      if (patch.knownOn !== undefined && patch.knownOn !== kase.knownOn) assertKnownOn(patch.knownOn, now);
      // A later "bekend sinds" may not pass what is already recorded as done about the incident.
      if (patch.knownOn !== undefined && patch.knownOn > kase.knownOn) {
        const [consents, assessments, parties] = await Promise.all([
          okRecords('consent', id),
          okRecords('assessment', id),
          okRecords('party', id),
        ]);
        const earliest = earliestDatedAfterKnown({ consents, assessments, parties });
        if (earliest !== undefined && patch.knownOn > earliest)
          throw ruleError(id, ['knownOn'], recordErrors.knownOnAfterRecords);
      }
      const corrected = patch.description !== undefined && patch.description !== kase.description;
      if (corrected && factsReason === undefined)
        throw ruleError(id, ['factsReason'], recordErrors.factsReasonRequired);
      const next = applyPatch(kase, patch, caseFieldsSchema.keyof().options);
      if (!corrected) return commit(now, next, [], 'case.updated', { status: next.status });
      const version = { text: kase.description, replacedAt: now.toISOString(), reason: factsReason ?? '' };
      const withHistory: Case = { ...next, factsHistory: [...(kase.factsHistory ?? []), version] };
      return commit(now, withHistory, [], 'case.facts-corrected', { status: next.status });
    }),
});

/**
 * Closes a case: status "afgesloten", `closedAt` now, kept until
 * `retentionUntil` (today or later). Refused while a follow-up is open
 * (`case.openFollowUps`) or when already closed (`case.closed`).
 */
export const closeCase = defineOperation({
  input: closeCaseInput,
  audit: 'case.closed',
  run: async ({ id, retentionUntil }, { commit }): Promise<Case> =>
    withCase(id, async (kase) => {
      const now = new Date();
      if (kase.status === 'afgesloten') throw ruleError(id, ['status'], recordErrors.caseClosed);
      if (hasOpenFollowUp(await okRecords('followup', id))) throw ruleError(id, ['status'], recordErrors.openFollowUps);
      const next: Case = { ...kase, status: 'afgesloten', retentionUntil, closedAt: now.toISOString() };
      check(next);
      if (retentionUntil < today(now)) throw ruleError(id, ['retentionUntil'], recordErrors.retentionInPast);
      assertWithinYears(
        { id, field: 'retentionUntil' },
        retentionUntil,
        RETENTION_MAX_YEARS_AHEAD,
        recordErrors.retentionTooFar,
        now,
      );
      return commit(now, next, [], 'case.closed', { status: 'afgesloten' });
    }),
});

/** Reopens a closed case (status "open"; retention date and `closedAt` removed). Refused when not closed. */
export const reopenCase = defineOperation({
  input: caseIdInput,
  audit: 'case.reopened',
  run: async ({ id }, { commit }): Promise<Case> =>
    withCase(id, async (kase) => {
      if (kase.status !== 'afgesloten') throw ruleError(id, ['status'], recordErrors.caseNotClosed);
      const status = hasOpenFollowUp(await okRecords('followup', id)) ? 'in-rust' : 'open';
      const { retentionUntil: _r, closedAt: _c, ...rest } = kase;
      return commit(new Date(), { ...rest, status }, [], 'case.reopened', { status });
    }),
});

/**
 * Erases a case and every record of it (parties, consent, assessments,
 * notes, follow-ups, referrals, step checks, drafts) in one transaction,
 * with one `case.erased` audit event holding only the case id and a count.
 * Works for a case whose record is damaged. Resolves `{ erased: 0 }` and
 * writes nothing when `id` is not a case. Fails with VaultLockedError,
 * StorageFullError or StorageFailedError; then nothing was deleted.
 */
export const eraseCaseNow = defineOperation({
  input: caseIdInput,
  // Written by store.eraseCase, in the same transaction as the deletion.
  audit: 'case.erased',
  run: async ({ id }): Promise<{ erased: number }> =>
    queued(id, async () => {
      // Only a case id may reach eraseCase (it would log an erasure for any id).
      if ((await getRecord(id, 'case')) === undefined) return { erased: 0 };
      return eraseCase(id);
    }),
});

/**
 * Closed cases whose retention date has passed (`retentionUntil` before
 * `today`, YYYY-MM-DD), oldest date first: Baken offers to erase them.
 * Damaged cases are not listed (their date cannot be read). A read, so not
 * in the operation map. Offline: works. Fails with VaultLockedError.
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

export const caseOperations = { createCase, updateCase, closeCase, reopenCase, eraseCaseNow };
