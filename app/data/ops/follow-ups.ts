// Follow-ups (opvolgdatum): schedule, complete, reschedule. Fails as
// described in ./case.ts; on failure nothing was written.
import { hasOpenFollowUp } from '../../../schema/case-rules';
import { recordErrors } from '../../../schema/errors';
import { FOLLOW_UP_MAX_YEARS_AHEAD } from '../../../schema/follow-up';
import {
  completeFollowUpInput,
  rescheduleFollowUpInput,
  scheduleFollowUpInput,
  undoFollowUpDoneInput,
} from '../../../schema/records/follow-up';
import type { FollowUp } from '../../../schema/records/follow-up';
import {
  assertNotFuture,
  assertWithinYears,
  check,
  defineOperation,
  newRecordHead,
  okRecords,
  ruleError,
  today,
  withCase,
  withRecord,
} from '../unit-of-work';

/**
 * Lets the case rest until `due` (today or later; `followup.dueInPast`) with
 * a purpose; the case goes to "in-rust". Refused on a closed case
 * (`case.closed`). A case may have several open follow-ups.
 */
export const scheduleFollowUp = defineOperation({
  input: scheduleFollowUpInput,
  audit: 'followup.scheduled',
  run: async (input, { commit }): Promise<FollowUp> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      if (kase.status === 'afgesloten') throw ruleError(kase.id, ['status'], recordErrors.caseClosed);
      const followUp: FollowUp = check({
        ...newRecordHead('followup', kase.id),
        due: input.due,
        purpose: input.purpose,
        history: [],
        icsUid: `${crypto.randomUUID()}@baken`,
        sequence: 0,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      if (followUp.due < today(now)) throw ruleError(followUp.id, ['due'], recordErrors.dueInPast);
      const at = { id: followUp.id, field: 'due' };
      assertWithinYears(at, followUp.due, FOLLOW_UP_MAX_YEARS_AHEAD, recordErrors.dueTooFar, now);
      await commit(now, { ...kase, status: 'in-rust' }, [followUp], 'followup.scheduled', { status: 'in-rust' });
      return followUp;
    }),
});

/**
 * Marks a follow-up done on `doneOn`; its date leaves the plaintext `due`
 * index. The case goes back to "open" when no other follow-up is open.
 * Refused when already done (`followup.alreadyDone`).
 */
export const completeFollowUp = defineOperation({
  input: completeFollowUpInput,
  audit: 'followup.done',
  run: async ({ id, doneOn }, { commit }): Promise<FollowUp> =>
    withRecord(id, 'followup', async (followUp, kase) => {
      if (followUp.doneOn !== undefined) throw ruleError(id, ['doneOn'], recordErrors.alreadyDone);
      const now = new Date();
      assertNotFuture('doneOn', doneOn, now);
      const next: FollowUp = check({ ...followUp, doneOn, updatedAt: now.toISOString() });
      const othersOpen = hasOpenFollowUp(await okRecords('followup', kase.id), id);
      const status = kase.status === 'in-rust' && !othersOpen ? 'open' : kase.status;
      await commit(now, { ...kase, status }, [next], 'followup.done', { status });
      return next;
    }),
});

/**
 * Undoes "Klaar" (a tap by mistake): the follow-up is open again with its date,
 * purpose and history, and an open case rests again ("in-rust"). Refused when
 * it is not done (`followup.notDone`) or the case is closed (`case.closed`).
 */
export const undoFollowUpDone = defineOperation({
  input: undoFollowUpDoneInput,
  audit: 'followup.undone',
  run: async ({ id }, { commit }): Promise<FollowUp> =>
    withRecord(id, 'followup', async (followUp, kase) => {
      if (followUp.doneOn === undefined) throw ruleError(id, ['doneOn'], recordErrors.notDone);
      if (kase.status === 'afgesloten') throw ruleError(kase.id, ['status'], recordErrors.caseClosed);
      const now = new Date();
      const { doneOn: _undone, ...open } = followUp;
      const next: FollowUp = check({ ...open, updatedAt: now.toISOString() });
      await commit(now, { ...kase, status: 'in-rust' }, [next], 'followup.undone', { status: 'in-rust' });
      return next;
    }),
});

/**
 * Moves an open follow-up to `to` (today or later, not the current date)
 * with a reason. Keeps its calendar UID, raises `sequence` by one (so
 * calendars update the event) and adds `{ from, to, reason, at }` to its
 * history. Refused when done (`followup.alreadyDone`).
 */
export const rescheduleFollowUp = defineOperation({
  input: rescheduleFollowUpInput,
  audit: 'followup.rescheduled',
  run: async ({ id, to, reason }, { commit }): Promise<FollowUp> =>
    withRecord(id, 'followup', async (followUp, kase) => {
      if (followUp.doneOn !== undefined) throw ruleError(id, ['doneOn'], recordErrors.alreadyDone);
      const now = new Date();
      const at = now.toISOString();
      // `to` and `reason` were checked with the history entry's schema, on the input's names.
      const next: FollowUp = check({
        ...followUp,
        due: to,
        history: [...followUp.history, { from: followUp.due, to, reason, at }],
        sequence: followUp.sequence + 1,
        updatedAt: at,
      });
      if (to === followUp.due) throw ruleError(id, ['to'], recordErrors.sameDate);
      if (to < today(now)) throw ruleError(id, ['to'], recordErrors.dueInPast);
      assertWithinYears({ id, field: 'to' }, to, FOLLOW_UP_MAX_YEARS_AHEAD, recordErrors.dueTooFar, now);
      await commit(now, kase, [next], 'followup.rescheduled', { status: kase.status });
      return next;
    }),
});

export const followUpOperations = { scheduleFollowUp, completeFollowUp, undoFollowUpDone, rescheduleFollowUp };
