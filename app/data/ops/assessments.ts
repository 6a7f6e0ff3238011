// Vlaggensysteem assessments. Fails as described in ./case.ts; on failure nothing was written.
import { criteria2021Ids, criteriaOuderNlIds } from '../../../schema/content-ids';
import { recordErrors } from '../../../schema/errors';
import { assessFlagsInput } from '../../../schema/records/assessment';
import type { FlagAssessment } from '../../../schema/records/assessment';
import { getRecord } from '../store';
import {
  assertNotBeforeKnown,
  assertNotFuture,
  check,
  defineOperation,
  newRecordHead,
  ruleError,
  withCase,
} from '../unit-of-work';

const CRITERIA: Record<FlagAssessment['criteriaVersion'], readonly string[]> = {
  '2021': criteria2021Ids,
  // The content calls this version "ouder-nl"; the stored value is "nl-oud".
  'nl-oud': criteriaOuderNlIds,
};

/**
 * Records an assessment: an answer for every criterion of the chosen version
 * ("onbekend" allowed; `assessment.criterionMissing` / `criterionUnknown`),
 * the professional's flag and reasoning. The flag is taken as given, never
 * computed from the answers (Sensoa). Earlier assessments are kept. Issue
 * 15: it may name the behaviour and the betrokkenen of the case it is about
 * (`consent.partyNotInCase` otherwise), so one case can hold a flag per behaviour.
 */
export const assessFlags = defineOperation({
  input: assessFlagsInput,
  audit: 'assessment.recorded',
  run: async (input, { commit }): Promise<FlagAssessment> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      assertNotFuture('assessedOn', input.assessedOn, now);
      // An assessment of this incident is made once it is known.
      assertNotBeforeKnown('assessedOn', input.assessedOn, kase);
      const assessment: FlagAssessment = {
        ...newRecordHead('assessment', kase.id),
        criteriaVersion: input.criteriaVersion,
        answers: { ...input.answers },
        flag: input.flag,
        reasoning: input.reasoning,
        assessedOn: input.assessedOn,
        ...(input.behaviour === undefined ? {} : { behaviour: input.behaviour }),
        ...(input.partyIds === undefined || input.partyIds.length === 0 ? {} : { partyIds: [...input.partyIds] }),
        createdAt: now.toISOString(),
      };
      check(assessment);
      const ids = CRITERIA[assessment.criteriaVersion];
      const unknown = Object.keys(assessment.answers).find((k) => !ids.includes(k));
      if (unknown !== undefined) throw ruleError(assessment.id, ['answers', unknown], recordErrors.criterionUnknown);
      const missing = ids.find((k) => !Object.hasOwn(assessment.answers, k));
      if (missing !== undefined) throw ruleError(assessment.id, ['answers', missing], recordErrors.criterionMissing);
      // Issue 15: the betrokkenen an assessment is about belong to its case.
      for (const [i, partyId] of (assessment.partyIds ?? []).entries()) {
        const party = await getRecord(partyId, 'party');
        if (!party?.ok || party.record.caseId !== kase.id)
          throw ruleError(assessment.id, ['partyIds', i], recordErrors.partyNotInCase);
      }
      await commit(now, kase, [assessment], 'assessment.recorded', { flag: assessment.flag });
      return assessment;
    }),
});

export const assessmentOperations = { assessFlags };
