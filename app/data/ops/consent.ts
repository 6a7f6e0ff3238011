// Consent and sharing without consent. Fails as described in ./case.ts; on failure nothing was written.
import { entitlementError } from '../../../schema/consent-validity';
import { recordErrors } from '../../../schema/errors';
import { recordConsentInput, shareWithoutConsentInput, withdrawConsentInput } from '../../../schema/records/consent';
import type { ConsentGiven, ConsentRecord, ShareWithoutConsent } from '../../../schema/records/consent';
import type { AuditDetails } from '../../../schema/records/audit';
import { caseJurisdiction } from '../../../schema/settings';
import { checkContradictions, contradictionsConfirmed } from '../../../schema/share-rules';
import { getSettings } from '../settings';
import { getRecord } from '../store';
import {
  assertNotBeforeKnown,
  assertNotFuture,
  check,
  defineOperation,
  newRecordHead,
  ruleError,
  withCase,
  withRecord,
} from '../unit-of-work';

/** What the audit event says about a consent record: enums only, never text. */
function consentDetails(consent: ConsentRecord): AuditDetails {
  return { basis: consent.basis, recipient: consent.recipient, categories: consent.categories };
}

async function assertPartyOfCase(caseId: string, partyId: string): Promise<void> {
  const party = await getRecord(partyId, 'party');
  if (!party?.ok || party.record.caseId !== caseId)
    throw ruleError(undefined, ['partyId'], recordErrors.partyNotInCase);
}

/**
 * Records consent (`toestemming`) of one betrokkene for one recipient and
 * the listed information categories. Noting it in the dossier suffices
 * (DOMAIN.md). The betrokkene must belong to the case (`consent.partyNotInCase`),
 * and the giver must be able to decide for them on that day under the
 * case's jurisdiction (caseJurisdiction) (`consent.giverNotEntitled*`, consent-validity.ts).
 * `givenOn` may not lie in the future (`date.inFuture`) nor before the case's knownOn (`date.beforeKnown`).
 */
export const recordConsent = defineOperation({
  input: recordConsentInput,
  audit: 'consent.recorded',
  run: async (input, { commit }): Promise<ConsentRecord> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      assertNotFuture('givenOn', input.givenOn, now);
      assertNotBeforeKnown('givenOn', input.givenOn, kase);
      await assertPartyOfCase(kase.id, input.partyId);
      // Issue 14: a consent from someone who may not give it could never count, so it is refused.
      const party = await getRecord(input.partyId, 'party');
      if (party?.ok) {
        const ctx = { jurisdiction: caseJurisdiction(kase, await getSettings()), knownOn: kase.knownOn };
        const refused = entitlementError(party.record, input.givenBy, input.givenOn, ctx);
        if (refused !== null) throw ruleError(undefined, ['givenBy'], refused);
      }
      const consent: ConsentGiven = {
        ...newRecordHead('consent', kase.id),
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
      await commit(now, kase, [consent], 'consent.recorded', consentDetails(consent));
      return consent;
    }),
});

/**
 * Withdraws consent from `withdrawnOn` on (that day no longer counts, see
 * isConsentActive). Refused before `givenOn` (`consent.withdrawnBeforeGiven`),
 * when already withdrawn (`consent.alreadyWithdrawn`) and for a share
 * without consent, which is a one-off decision (`consent.notWithdrawable`).
 * A withdrawal may be dated ahead ("until Friday"): from that day on it counts.
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
      await commit(now, kase, [next], 'consent.withdrawn', consentDetails(next));
      return next;
    }),
});

/**
 * Records sharing without consent, in a noodtoestand or under art. 458bis
 * Sw. A written justification and an answer to every check question are
 * required (`text.required`, `share.checkRequired` on their paths). Art.
 * 458bis goes to politie-parket only (`share.art458bisParketOnly`) and is
 * Belgian law, so a case under Dutch rules cannot use it (`share.art458bisNotInNl`); a
 * noodtoestand names who is best placed to help; whether the young person
 * was told is required; contradicting check answers must be confirmed
 * (`share.warningNotConfirmed`). The app always shows it as sharing without
 * consent; it cannot be withdrawn. `sharedOn` may not lie in the future (`date.inFuture`) nor
 * before the case's knownOn (`date.beforeKnown`).
 */
export const recordShareWithoutConsent = defineOperation({
  input: shareWithoutConsentInput,
  audit: 'share.without-consent',
  run: async (input, { commit }): Promise<ConsentRecord> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      assertNotFuture('sharedOn', input.sharedOn, now);
      assertNotBeforeKnown('sharedOn', input.sharedOn, kase);
      if (input.basis === 'art-458bis' && caseJurisdiction(kase, await getSettings()) === 'nederland')
        throw ruleError(undefined, ['basis'], recordErrors.art458bisNotInNl);
      if (input.youngPersonInformed.told === 'ja')
        assertNotFuture(['youngPersonInformed', 'on'], input.youngPersonInformed.on, now);
      const found = checkContradictions(input.checks);
      if (!contradictionsConfirmed(found, input.confirmedWarnings)) {
        throw ruleError(undefined, ['confirmedWarnings'], recordErrors.warningNotConfirmed);
      }
      const share: ShareWithoutConsent = {
        ...newRecordHead('consent', kase.id),
        partyId: input.partyId,
        basis: input.basis,
        recipient: input.recipient,
        categories: [...input.categories],
        sharedOn: input.sharedOn,
        justification: input.justification,
        checks: input.checks,
        ...(input.basis === 'noodtoestand' && input.bestPlacedToHelp !== undefined
          ? { bestPlacedToHelp: input.bestPlacedToHelp }
          : {}),
        youngPersonInformed: input.youngPersonInformed,
        confirmedWarnings: found,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      check(share);
      await assertPartyOfCase(kase.id, input.partyId);
      await commit(now, kase, [share], 'share.without-consent', consentDetails(share));
      return share;
    }),
});

export const consentOperations = { recordConsent, withdrawConsent, recordShareWithoutConsent };
