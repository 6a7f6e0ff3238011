// Sharing without consent (DOMAIN.md, "Without consent"; seed 004). Pure rules.
//
// - Noodtoestand: serious, real danger to this young person or others that
//   cannot be averted otherwise. No consent is needed to share relevant
//   information, but with the third party "van wie dat men denkt dat hij/zij
//   het meest hulp gaat kunnen bieden" (seed 004), and "Het moet voor alle
//   betrokkenen alleszins glashelder zijn welke informatie mensen met anderen
//   gaan delen, waarom dat moet en wat er verder zal gebeuren" (seed 004).
// - Art. 458bis Strafwetboek (numbering of the Criminal Code of 1867 as cited
//   in DOMAIN.md; the 2024 code renumbered it, see DOMAIN.md) allows informing
//   only the procureur des Konings (parket). It is no basis for informing a
//   school or parents.
// - A share without consent covers its own day only (consent-rules.ts).
import { isConsentActive } from './consent-rules';
import type {
  ConsentGiven,
  ConsentRecord,
  InfoCategory,
  Recipient,
  ShareChecks,
  ShareWithoutConsent,
} from './records/consent';
import type { Informed } from './records/informed';

/** The only recipient an art. 458bis share may go to. */
export const ART_458BIS_RECIPIENT = 'politie-parket' satisfies Recipient;

/** May a share on this basis go to this recipient? */
export function basisAllowsRecipient(basis: ShareWithoutConsent['basis'], recipient: Recipient): boolean {
  return basis === 'noodtoestand' || recipient === ART_458BIS_RECIPIENT;
}

/**
 * The documented share without consent that allows `category` to `recipient`
 * on `onDate` (newest first), or null. An art. 458bis record for any other
 * recipient than politie-parket (possible in data stored before this rule)
 * never counts. With `partyId`, only a share about that person counts.
 */
export function emergencyRelease(
  records: readonly ConsentRecord[],
  query: { partyId?: string | undefined; recipient: Recipient; category: InfoCategory; onDate: string },
): ShareWithoutConsent | null {
  let best: ShareWithoutConsent | null = null;
  for (const c of records) {
    if (c.basis === 'toestemming') continue;
    if (query.partyId !== undefined && c.partyId !== query.partyId) continue;
    if (c.recipient !== query.recipient || !c.categories.includes(query.category)) continue;
    if (!basisAllowsRecipient(c.basis, c.recipient) || !isConsentActive(c, query.onDate)) continue;
    if (best === null || c.createdAt > best.createdAt) best = c;
  }
  return best;
}

/** Answers to the check questions that argue against sharing without consent. */
export const contradictionCodes = [
  // "Is a solution within the relationship of trust impossible?" — no: it is possible.
  'oplossing-binnen-vertrouwensrelatie-mogelijk',
  // "Can they be motivated to report themselves?" — yes: the danger can be averted otherwise.
  'jongere-kan-zelf-melden',
  // "Did you discuss it with the young person?" — no (seed 004: "We doen dat in overleg met de leerling").
  'niet-besproken-met-jongere',
] as const;
export type ContradictionCode = (typeof contradictionCodes)[number];

/**
 * The check answers that contradict sharing without consent; the worker must
 * confirm each before the share is recorded. Unanswered questions give none
 * (they are refused as missing elsewhere).
 */
export function checkContradictions(
  checks: Partial<
    Pick<ShareChecks, 'solutionWithinTrustImpossible' | 'canBeMotivatedToReport' | 'discussedWithYoungPerson'>
  >,
): ContradictionCode[] {
  const out: ContradictionCode[] = [];
  if (checks.solutionWithinTrustImpossible?.answer === 'nee') out.push('oplossing-binnen-vertrouwensrelatie-mogelijk');
  if (checks.canBeMotivatedToReport?.answer === 'ja') out.push('jongere-kan-zelf-melden');
  if (checks.discussedWithYoungPerson?.answer === 'nee') out.push('niet-besproken-met-jongere');
  return out;
}

/** Whether every contradiction has been confirmed by the worker. */
export function contradictionsConfirmed(
  found: readonly ContradictionCode[],
  confirmed: readonly ContradictionCode[],
): boolean {
  return found.every((c) => confirmed.includes(c));
}

/**
 * Whether an "Andere scholen en CLB's" entry has its basis on record under Toestemming (DOMAIN.md:
 * "Either way, record the justification"): a noodtoestand share to that kind of recipient for an
 * entry "zonder toestemming", a consent given to it for one "met toestemming". The entry is kept
 * either way (it records what happened); the case page says what is missing.
 * `releases` says whether a consent, on that day, released anything at all under the rules of who
 * decides (consent-validity.ts: a Dutch 13-year-old's consent alone releases nothing); the case page
 * passes it, so "met toestemming" on a consent that was not enough is said to lack its basis (a review).
 */
export function informedBasisDocumented(
  entry: Pick<Informed, 'institutionKind' | 'basis' | 'on'>,
  consents: readonly ConsentRecord[],
  releases: (consent: ConsentGiven, onDate: string) => boolean = () => true,
): boolean {
  const recipient: Recipient = entry.institutionKind === 'school' ? 'school' : 'ander-clb';
  return consents.some((c) => {
    if (c.recipient !== recipient) return false;
    if (entry.basis === 'dreiging') return c.basis === 'noodtoestand';
    // A consent given by that day, not withdrawn then, and enough to release something that day.
    return c.basis === 'toestemming' && isConsentActive(c, entry.on) && releases(c, entry.on);
  });
}
