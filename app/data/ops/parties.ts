// Betrokkenen: add and change. Fails as described in ./case.ts; on failure nothing was written.
import { samePseudonym, suggestPseudonym } from '../../../schema/case-rules';
import { changedMeanwhile } from '../../../schema/edit-base';
import { recordErrors } from '../../../schema/errors';
import { addPartyInput, partyFieldsSchema, updatePartyInput } from '../../../schema/records/party';
import type { Party } from '../../../schema/records/party';
import {
  applyPatch,
  assertNotBeforeKnown,
  assertNotFuture,
  check,
  defineOperation,
  newRecordHead,
  okRecords,
  ruleError,
  withCase,
  withoutUndefined,
  withRecord,
} from '../unit-of-work';

// The fields a worker can change: all of the form schema's, so a new field needs no edit here.
const PARTY_FIELDS = partyFieldsSchema.keyof().options;

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
export const addParty = defineOperation({
  input: addPartyInput,
  audit: 'party.added',
  run: async ({ caseId, ...input }, { commit }): Promise<Party> =>
    withCase(caseId, async (kase) => {
      const now = new Date();
      assertNotFuture(['competence', 'assessedOn'], input.competence?.assessedOn, now);
      assertNotBeforeKnown(['competence', 'assessedOn'], input.competence?.assessedOn, kase);
      const parties = await okRecords('party', caseId);
      const party: Party = withoutUndefined({
        ...newRecordHead('party', caseId),
        ...input,
        pseudonym: input.pseudonym ?? suggestPseudonym(parties, input.role),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      check(party);
      assertPseudonymFree(parties, party);
      await commit(now, kase, [party], 'party.added');
      return party;
    }),
});

/**
 * Changes a betrokkene. A field given as undefined (or blank text) is
 * removed, e.g. `{ competence: undefined }` drops an override; role and
 * pseudonym cannot be removed. A pseudonym used by another betrokkene of the
 * case is refused (`party.pseudonymTaken`).
 */
export const updateParty = defineOperation({
  input: updatePartyInput,
  audit: 'party.updated',
  run: async ({ id, expected, ...patch }, { commit }): Promise<Party> =>
    withRecord(id, 'party', async (party, kase) => {
      const now = new Date();
      // A field changed elsewhere since the form opened is not overwritten (schema/edit-base.ts).
      const meanwhile = changedMeanwhile(party, expected);
      if (meanwhile !== undefined) throw ruleError(id, [meanwhile], recordErrors.changedMeanwhile);
      // A competence judgement given now is dated today or earlier; the date stored earlier is not checked again.
      if (Object.hasOwn(patch, 'competence') && patch.competence?.assessedOn !== party.competence?.assessedOn) {
        assertNotFuture(['competence', 'assessedOn'], patch.competence?.assessedOn, now);
        assertNotBeforeKnown(['competence', 'assessedOn'], patch.competence?.assessedOn, kase);
      }
      // Role and pseudonym are required: undefined there means "unchanged".
      if (patch.role === undefined) delete patch.role;
      if (patch.pseudonym === undefined) delete patch.pseudonym;
      const next: Party = { ...applyPatch(party, patch, PARTY_FIELDS), updatedAt: now.toISOString() };
      check(next);
      assertPseudonymFree(await okRecords('party', party.caseId), next);
      await commit(now, kase, [next], 'party.updated');
      return next;
    }),
});

export const partyOperations = { addParty, updateParty };
