// Consent and sharing without consent. Fails as described in ./case.ts; on failure nothing was written.
import { recordErrors } from '../../../schema/errors';
import { recordConsentInput, shareWithoutConsentInput, withdrawConsentInput } from '../../../schema/records/consent';
import type { ConsentGiven, ConsentRecord, ShareWithoutConsent } from '../../../schema/records/consent';
import { getRecord } from '../store';
import { check, defineOperation, ruleError, withCase, withRecord } from '../unit-of-work';

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
export const recordConsent = defineOperation({
  input: recordConsentInput,
  audit: 'consent.recorded',
  run: async (input, { commit }): Promise<ConsentRecord> =>
    withCase(input.caseId, async (kase) => {
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
    }),
});

/**
 * Withdraws consent from `withdrawnOn` on (that day no longer counts, see
 * isConsentActive). Refused before `givenOn` (`consent.withdrawnBeforeGiven`),
 * when already withdrawn (`consent.alreadyWithdrawn`) and for a share
 * without consent, which is a one-off decision (`consent.notWithdrawable`).
 */
export const withdrawConsent = defineOperation({
  input: withdrawConsentInput,
  audit: 'consent.withdrawn',
  run: async ({ id, withdrawnOn }, { commit }): Promise<ConsentRecord> =>
    withRecord(id, 'consent', async (consent, kase) => {
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
    }),
});

/**
 * Records sharing without consent, in a noodtoestand or under art. 458bis
 * Sw. A written justification and an answer to every check question are
 * required (`text.required`, `share.checkRequired` on their paths). The app
 * always shows it as sharing without consent; it cannot be withdrawn.
 */
export const recordShareWithoutConsent = defineOperation({
  input: shareWithoutConsentInput,
  audit: 'share.without-consent',
  run: async (input, { commit }): Promise<ConsentRecord> =>
    withCase(input.caseId, async (kase) => {
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
    }),
});

export const consentOperations = { recordConsent, withdrawConsent, recordShareWithoutConsent };
