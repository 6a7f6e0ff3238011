// The step-plan checklist of a case. Fails as described in ./case.ts; on failure nothing was written.
import { currentSchemaVersion } from '../../../schema/records';
import { setStepCheckInput } from '../../../schema/records/step';
import type { StepCheck } from '../../../schema/records/step';
import { assertNotFuture, defineOperation, okRecords, withCase, withoutUndefined } from '../unit-of-work';

/**
 * Checks (or unchecks) one step of a step plan for a case. There is one
 * record per (case, plan, step): an existing one is updated. Its id is random
 * and found by decrypting the case's step records, because an id derived
 * from plan and step would reveal on disk which steps were done. A note
 * given as undefined keeps the current note; a blank one removes it.
 * `remind` (true/false) marks or unmarks the step for Opvolging; left out, the
 * current mark stays. Two devices that each checked the step first made a
 * record each: the newest is the step, and a note given here takes in the
 * others' notes (they are removed from those records).
 */
export const setStepCheck = defineOperation({
  input: setStepCheckInput,
  audit: ['step.checked', 'step.unchecked'],
  run: async (input, { commit }): Promise<StepCheck> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      const [existing, ...older] = (await okRecords('step', kase.id))
        .filter((s) => s.planId === input.planId && s.stepId === input.stepId)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
      // The day it was done may not lie in the future; the day stored earlier is not checked again.
      if (input.doneOn !== existing?.doneOn) assertNotFuture('doneOn', input.doneOn, now);
      const note = input.note === undefined ? existing?.note : input.note.trim() || undefined;
      const step: StepCheck = withoutUndefined({
        kind: 'step',
        schemaVersion: currentSchemaVersion.step,
        id: existing?.id ?? crypto.randomUUID(),
        caseId: kase.id,
        planId: input.planId,
        stepId: input.stepId,
        doneOn: input.doneOn ?? undefined,
        note,
        remind: (input.remind ?? existing?.remind === true) ? true : undefined,
        updatedAt: now.toISOString(),
      });
      // Another device's record of the same step (both checked it first): a note typed now is the
      // step's note, and the form offered theirs in it (app/features/logbook/steps-section.tsx), so
      // theirs is taken in and no longer shown apart. A tap on the box leaves their notes as they are.
      const takenIn =
        input.note === undefined
          ? []
          : older.filter((s) => s.note !== undefined).map(({ note: _taken, ...rest }): StepCheck => rest);
      await commit(now, kase, [step, ...takenIn], step.doneOn === undefined ? 'step.unchecked' : 'step.checked');
      return step;
    }),
});

export const stepOperations = { setStepCheck };
