// The need-to-know summary of one case for one recipient (DOMAIN.md, "Consent
// and sharing"; seed 004: "Niet alle details moeten gedeeld worden … het gaat
// om 'need to know'-informatie"). Pure: it takes a case with its parts and
// returns only what valid consent — or a documented noodtoestand on that very
// day — allows for that recipient and information category, each section with
// the records that allow it. What is left out is named by category only.
//
// Whose information (DOMAIN.md, issue 14):
// - Case-level categories (feiten, afspraken, vlaggen-beoordeling, opvolging)
//   are about the depicted young person(s): released only when the valid
//   consent of (or for) every depicted young person covers them
//   (consent-validity.ts), or by a noodtoestand share of this case on that day
//   about a depicted young person. A melder's, bystander's or forwarding
//   pupil's consent never releases them, and neither does a share about them.
// - namen-betrokkenen is per person: released only by that person's valid
//   consent (or their decider's) or a noodtoestand share about that person.
//   Without it, the person is called by role only (a depicted young person by
//   role and age, with the case's information), also inside shared
//   free text, where their real name and pseudonym are replaced
//   (name-redaction.ts: "names typed into free text are still names").
// - A betrokkene's role (afgebeelde jongere, jongere die doorstuurde, …) tells
//   what happened, so it is case-level too: while no case-level category is
//   released for the recipient, a person is named only as "betrokkene", also
//   when their own consent shares their name (a forwarder's consent never
//   reveals the case, e.g. after the depicted young person withdrew).
// - offline-halen (issue 15: the takedown steps, schema/records/takedown.ts)
//   is case-level too, released by that same rule: the current status of each
//   step, never who recorded it (it is in consent-validity.ts's case-level list).
// - bewijsmateriaal (issue 15: whether evidence exists and who holds it,
//   schema/records/evidence.ts) is case-level by the same rule; never who recorded it.
// - klacht-politie (issue 15: a police complaint considered, advised or made,
//   schema/records/police.ts) is case-level by the same rule; never who recorded it.
// - andere-scholen (issue 15: other schools and CLBs informed,
//   schema/records/informed.ts) is case-level by the same rule: which
//   institution and when, never the basis note or who recorded it.
// - grooming-signalen (issue 15: the grooming phases observed,
//   schema/records/grooming.ts) is case-level by the same rule: the current set.
// - gesprekken (issue 15: conversations, schema/records/conversation.ts) is
//   case-level by the same rule: date and joint or separate, never with whom.
// - vlaggen-beoordeling: the newest assessment per behaviour (issue 15), with
//   the behaviour's words (names replaced like all free text), never the
//   betrokkenen it names (that is person information).
// - Art. 458bis shares only ever go to politie-parket, which is no summary
//   recipient (share-rules.ts). Conversation notes other than agreements
//   (afspraken) are never included; an agreement gives its date and text,
//   never who wrote the note (a team note's `by`, issue 21).
// Labels come from the caller (app/i18n), so this file holds no interface text;
// the plain-text form of a summary is in summary-text.ts.
import type { Jurisdiction } from './competence';
import {
  caseLevelCategories,
  consentRelease,
  decidersOn,
  isCaseLevel,
  isDepicted,
  personLevelCategories,
  type ConsentContext,
} from './consent-validity';
import { brusselsDayOf } from './follow-up';
import { latestPerBehaviour } from './latest-flag';
import { withoutContactDetails } from './contact-details';
import { withoutImageLinks } from './image-links';
import { namesSharePart, replaceNames, withoutClasses } from './name-redaction';
import { emergencyRelease } from './share-rules';
import type { Flag, FlagAssessment } from './records/assessment';
import type { CaseType, KnownVia, Case } from './records/case';
import type { ConsentGiven, ConsentRecord, InfoCategory, Recipient } from './records/consent';
import type { FollowUp } from './records/follow-up';
import type { Note } from './records/note';
import type { Party, PartyRole } from './records/party';
import {
  latestTakedowns,
  takedownStepSchema,
  type Takedown,
  type TakedownStatus,
  type TakedownStep,
} from './records/takedown';
import {
  latestEvidence,
  type Evidence,
  type EvidenceExists,
  type EvidenceForm,
  type EvidenceHolder,
} from './records/evidence';
import { latestPolice, policeStageSchema, type Police, type PoliceActor, type PoliceStage } from './records/police';
import type { Informed, InstitutionKind } from './records/informed';
import { latestGrooming, type Grooming, type GroomingPhaseId } from './records/grooming';
import type { Conversation, ConversationFormat } from './records/conversation';

/** The recipients a summary can be written for. */
export const summaryRecipients = [
  'school',
  'ander-clb',
  'ouders-voogd',
  'hulpverlening',
] as const satisfies readonly Recipient[];
export type SummaryRecipient = (typeof summaryRecipients)[number];

/** What the builder reads; the logbook's CaseDetail fits it. */
export interface SummaryInput {
  case: Case;
  parties: readonly Party[];
  consents: readonly ConsentRecord[];
  assessments: readonly FlagAssessment[];
  notes: readonly Note[];
  followUps: readonly FollowUp[];
  /** The takedown steps (issue 15). Left out, nothing about them is shared. */
  takedowns?: readonly Takedown[] | undefined;
  /** Whether evidence exists (issue 15). Left out, nothing about it is shared. */
  evidence?: readonly Evidence[] | undefined;
  /** Police complaint (issue 15). Left out, nothing about it is shared. */
  police?: readonly Police[] | undefined;
  /** Other schools and CLBs informed (issue 15). Left out, nothing about them is shared. */
  informed?: readonly Informed[] | undefined;
  /** Grooming phases observed (issue 15). Left out, nothing about them is shared. */
  grooming?: readonly Grooming[] | undefined;
  /** Conversations held (issue 15). Left out, nothing about them is shared. */
  conversations?: readonly Conversation[] | undefined;
}

export interface SummaryOptions {
  jurisdiction: Jurisdiction;
  /** What replaces a name in free text: role and age (the caller's words; default the role id). */
  nameReplacement?: ((party: PartyLabel) => string) | undefined;
  /**
   * What replaces a phone number or an e-mail address in free text (the caller's words; default "[…]").
   * No consent category covers them and Baken cannot tell whose they are, so a summary never shares
   * them (a review: a number went out as part of "afspraken", an address half replaced).
   */
  contactReplacement?: { email: string; phone: string } | undefined;
  /** What replaces the recorded class of a betrokkene whose name is not shared, in shared free text. */
  classReplacement?: string | undefined;
  /**
   * What replaces a link to an image in free text (default "[…]"): a summary never carries one, also
   * when the worker said in the form that it is no image (a link is a way back to the material;
   * a security review found one in a flag's "Toelichting" going to the school).
   */
  imageLinkReplacement?: string | undefined;
}

/** A party's role as a summary may show it: 'betrokkene' while no case-level category is released. */
export type SummaryRole = PartyRole | 'betrokkene';

export interface PartyLabel {
  role: SummaryRole;
  age?: number | undefined;
  /** Only when namen-betrokkenen may be shared about this person. */
  pseudonym?: string | undefined;
}

export type SummarySource =
  | {
      basis: 'toestemming';
      party: PartyLabel;
      givenBy: ConsentGiven['givenBy'];
      how: ConsentGiven['how'];
      givenOn: string;
      /** The competence judgement that decides who consents for this person (Flanders), cited with it. */
      judgement?: { competent: boolean; by: string; on: string } | undefined;
    }
  | { basis: 'noodtoestand' | 'art-458bis'; party: PartyLabel; sharedOn: string; justification: string };

export type SummaryFact =
  | { kind: 'types'; types: CaseType[] }
  | { kind: 'known'; knownOn: string; knownVia: KnownVia }
  | { kind: 'description'; text: string }
  | { kind: 'schools'; schools: string[] }
  | { kind: 'agreement'; on: string; text: string }
  | { kind: 'assessment'; flag: Flag; assessedOn: string; reasoning: string; behaviour?: string | undefined }
  | {
      kind: 'party';
      role: SummaryRole;
      pseudonym: string;
      realName?: string | undefined;
      age?: number | undefined;
      school?: string | undefined;
      className?: string | undefined;
    }
  | { kind: 'followup'; due: string; purpose: string }
  | { kind: 'takedown'; step: TakedownStep; status: TakedownStatus; on: string }
  | { kind: 'evidence'; exists: EvidenceExists; forms: EvidenceForm[]; heldBy: EvidenceHolder[]; on: string }
  | { kind: 'police'; stage: PoliceStage; by: PoliceActor; on: string; informed: boolean }
  | { kind: 'informed'; institutionKind: InstitutionKind; institution: string; on: string }
  | { kind: 'grooming'; phases: GroomingPhaseId[]; observedOn: string }
  | { kind: 'conversation'; on: string; format: ConversationFormat };

export interface SummarySection {
  category: InfoCategory;
  /** Every record that together allows this section: consents of each person who decides, or one emergency share. */
  sources: SummarySource[];
  facts: SummaryFact[];
}

export interface Summary {
  reference: string;
  recipient: SummaryRecipient;
  onDate: string;
  sections: SummarySection[];
  /** Categories with at least one shared item, in catalogue order. */
  shared: InfoCategory[];
  /** Categories with content that is (partly) not shared, in catalogue order. */
  withheld: InfoCategory[];
  /** Whether a phone number or e-mail address was left out of the shared text. */
  contactsLeftOut: boolean;
  /**
   * Whether a name that is shared has a part (a surname) in common with the name of a betrokkene whose
   * name is not shared: the worker is warned before sharing (a review: "Nora El Amrani" named her sister).
   */
  namesSharePart: boolean;
}

// The facts, then the names, then the other case-level categories in the enum's order.
const CATEGORY_ORDER: readonly InfoCategory[] = [
  'feiten',
  ...personLevelCategories,
  ...caseLevelCategories.filter((c) => c !== 'feiten'),
];

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Notes that are the current version (not superseded by a later correction). */
function currentNotes(notes: readonly Note[]): Note[] {
  const superseded = new Set(notes.flatMap((n) => (n.supersedes === undefined ? [] : [n.supersedes])));
  return notes.filter((n) => !superseded.has(n.id));
}

/** The case-level facts of each category, free text passed through `clean`; empty when there is nothing. */
function caseFacts(
  input: SummaryInput,
  clean: (text: string) => string,
): Record<Exclude<InfoCategory, 'namen-betrokkenen'>, SummaryFact[]> {
  const kase = input.case;
  const feiten: SummaryFact[] = [
    { kind: 'types', types: [...kase.types] },
    { kind: 'known', knownOn: kase.knownOn, knownVia: kase.knownVia },
  ];
  if (kase.description.trim() !== '') feiten.push({ kind: 'description', text: clean(kase.description) });
  if (kase.schools.length > 0) feiten.push({ kind: 'schools', schools: kase.schools.map(clean) });
  const afspraken: SummaryFact[] = currentNotes(input.notes.filter((n) => n.caseId === kase.id))
    .filter((n) => n.noteKind === 'afspraak')
    .sort((a, b) => byText(a.at, b.at))
    .map((n) => ({ kind: 'agreement', on: brusselsDayOf(n.at), text: clean(n.text) }));
  // Issue 15, flags per behaviour: the newest assessment of each behaviour
  // (none named = the case as a whole), so one behaviour's flag never hides another's.
  const vlaggen: SummaryFact[] = latestPerBehaviour(input.assessments.filter((a) => a.caseId === kase.id)).map((a) => ({
    kind: 'assessment',
    flag: a.flag,
    assessedOn: a.assessedOn,
    reasoning: clean(a.reasoning),
    ...(a.behaviour === undefined ? {} : { behaviour: clean(a.behaviour) }),
  }));
  const opvolging: SummaryFact[] = input.followUps
    .filter((f) => f.caseId === kase.id && f.doneOn === undefined)
    .sort((a, b) => byText(a.due, b.due))
    .map((f) => ({ kind: 'followup', due: f.due, purpose: clean(f.purpose) }));
  // The current status of each step, in the order of the steps; no initials (not needed to know).
  const steps = latestTakedowns((input.takedowns ?? []).filter((r) => r.caseId === kase.id));
  const offline: SummaryFact[] = takedownStepSchema.options.flatMap((step): SummaryFact[] => {
    const r = steps.get(step);
    return r ? [{ kind: 'takedown', step, status: r.status, on: r.on }] : [];
  });
  const evidence = latestEvidence((input.evidence ?? []).filter((r) => r.caseId === kase.id));
  const bewijs: SummaryFact[] = evidence
    ? [
        {
          kind: 'evidence',
          exists: evidence.exists,
          forms: [...evidence.forms],
          heldBy: [...evidence.heldBy],
          on: evidence.on,
        },
      ]
    : [];
  const police = latestPolice((input.police ?? []).filter((r) => r.caseId === kase.id));
  const klacht: SummaryFact[] = policeStageSchema.options.flatMap((stage): SummaryFact[] => {
    const r = police.get(stage);
    return r ? [{ kind: 'police', stage, by: r.by, on: r.on, informed: r.informed }] : [];
  });
  const scholen: SummaryFact[] = (input.informed ?? [])
    .filter((r) => r.caseId === kase.id)
    .sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt))
    .map((r) => ({
      kind: 'informed',
      institutionKind: r.institutionKind,
      institution: clean(r.institution),
      on: r.on,
    }));
  const grooming = latestGrooming((input.grooming ?? []).filter((r) => r.caseId === kase.id));
  const signalen: SummaryFact[] =
    grooming && grooming.phases.length > 0
      ? [{ kind: 'grooming', phases: [...grooming.phases], observedOn: grooming.observedOn }]
      : [];
  // Date and format only: who took part is person information (namen-betrokkenen).
  const gesprekken: SummaryFact[] = (input.conversations ?? [])
    .filter((r) => r.caseId === kase.id)
    .sort((a, b) => byText(a.on, b.on) || byText(a.createdAt, b.createdAt))
    .map((r) => ({ kind: 'conversation', on: r.on, format: r.format }));
  return {
    feiten,
    afspraken,
    'vlaggen-beoordeling': vlaggen,
    opvolging,
    'offline-halen': offline,
    bewijsmateriaal: bewijs,
    'klacht-politie': klacht,
    'andere-scholen': scholen,
    'grooming-signalen': signalen,
    gesprekken,
  };
}

const defaultReplacement = (p: PartyLabel): string => (p.age === undefined ? p.role : `${p.role} (${p.age})`);

/** Only records of this case about its own betrokkenen count, under the case's rules. */
function caseScope(input: SummaryInput, options: Pick<SummaryOptions, 'jurisdiction'>) {
  const caseId = input.case.id;
  const ctx = { jurisdiction: options.jurisdiction, knownOn: input.case.knownOn };
  const parties = input.parties.filter((p) => p.caseId === caseId);
  const partyIds = new Set(parties.map((p) => p.id));
  const consents = input.consents.filter((c) => c.caseId === caseId && partyIds.has(c.partyId));
  return { ctx, parties, consents };
}

/**
 * For the worker only (never part of the summary or its text): the pseudonyms of the depicted young
 * persons whose valid consent (or their decider's) for `recipient` is missing where another depicted
 * young person's consent is there, for incident information the case holds. The incident is about each
 * of them, so it goes out only with every one's consent (a review: one pupil's "Geldig" consent next to a
 * summary that said "geen geldige toestemming"). Empty when no one or everyone consented.
 */
export function depictedAwaitingConsent(
  input: SummaryInput,
  recipient: SummaryRecipient,
  onDate: string,
  options: SummaryOptions,
): string[] {
  const { ctx, parties, consents } = caseScope(input, options);
  const depicted = parties.filter(isDepicted);
  const facts = caseFacts(input, (text) => text);
  const missing = new Set<string>();
  for (const category of caseLevelCategories) {
    if (facts[category as Exclude<InfoCategory, 'namen-betrokkenen'>].length === 0) continue;
    const without = depictedWithout(depicted, parties, consents, { recipient, category, onDate }, ctx);
    if (without.length > 0 && without.length < depicted.length) for (const p of without) missing.add(p.id);
  }
  return depicted.filter((p) => missing.has(p.id)).map((p) => p.pseudonym);
}

/**
 * Of `depicted`, those whose consent (or their decider's) does not release incident information
 * `category` to `recipient` on `onDate`; none when a documented noodtoestand about a depicted young
 * person of the case (`parties`) shares it without anyone's consent.
 */
function depictedWithout(
  depicted: readonly Party[],
  parties: readonly Party[],
  consents: readonly ConsentRecord[],
  query: { recipient: Recipient; category: InfoCategory; onDate: string },
  ctx: ConsentContext,
): Party[] {
  const aboutDepicted = consents.filter((c) => parties.some((p) => p.id === c.partyId && isDepicted(p)));
  if (emergencyRelease(aboutDepicted, query)) return [];
  return depicted.filter((p) => !consentRelease(consents, p, query, ctx).released);
}

/** What a depicted young person's valid consent still waits for (depictedWaitingFor). */
export interface DepictedWaiting {
  /** Its incident (case-level) categories that no one may share yet with its recipient. */
  categories: InfoCategory[];
  /** The pseudonyms of the other depicted young persons whose consent (or their decider's) is missing. */
  pseudonyms: string[];
}

/**
 * For the case page: the incident information a depicted young person's consent names that does not go
 * to its recipient on `onDate` because another depicted young person's consent is missing (the incident
 * is about each of them, as in buildSummary; a review: a "Geldig" consent that released nothing).
 * Empty lists when the consent is about someone else, or nothing waits. `parties` and `consents` are
 * the case's own.
 */
export function depictedWaitingFor(
  consent: ConsentGiven,
  parties: readonly Party[],
  consents: readonly ConsentRecord[],
  ctx: ConsentContext,
  onDate: string,
): DepictedWaiting {
  const own = parties.find((p) => p.id === consent.partyId);
  if (own === undefined || !isDepicted(own)) return { categories: [], pseudonyms: [] };
  const others = parties.filter((p) => p.id !== own.id && isDepicted(p));
  const missing = new Set<string>();
  const categories = consent.categories.filter((category) => {
    if (!isCaseLevel(category)) return false;
    const query = { recipient: consent.recipient, category, onDate };
    const without = depictedWithout(others, parties, consents, query, ctx);
    for (const p of without) missing.add(p.id);
    return without.length > 0;
  });
  return { categories, pseudonyms: others.filter((p) => missing.has(p.id)).map((p) => p.pseudonym) };
}

/**
 * Builds the summary of `input.case` for `recipient` on `onDate` (YYYY-MM-DD)
 * under the rules of `options.jurisdiction`. Only records of this case about
 * its own betrokkenen count.
 */
export function buildSummary(
  input: SummaryInput,
  recipient: SummaryRecipient,
  onDate: string,
  options: SummaryOptions,
): Summary {
  const { ctx, parties, consents } = caseScope(input, options);
  const partyById = new Map(parties.map((p) => [p.id, p]));

  /** The records that release `category` about one party, or null. */
  const personRelease = (p: Party, category: InfoCategory): ConsentRecord[] | null => {
    const release = consentRelease(consents, p, { recipient, category, onDate }, ctx);
    if (release.released) return release.records;
    const emergency = emergencyRelease(consents, { partyId: p.id, recipient, category, onDate });
    return emergency ? [emergency] : null;
  };
  /**
   * Case-level: every depicted young person's valid consent, else a documented emergency share about a
   * depicted young person: the case's information is theirs, so a share recorded about a melder or a
   * bystander releases it no more than their consent would (a review: the form and card said "whose
   * information: Melder A", and the summary shared the depicted pupils' facts).
   */
  const caseRelease = (category: InfoCategory): ConsentRecord[] | null => {
    const depicted = parties.filter((p) => p.role === 'afgebeelde-jongere');
    const releases = depicted.map((p) => consentRelease(consents, p, { recipient, category, onDate }, ctx));
    if (depicted.length > 0 && releases.every((r) => r.released)) return releases.flatMap((r) => r.records);
    const aboutDepicted = new Set(depicted.map((p) => p.id));
    const emergency = emergencyRelease(
      consents.filter((c) => aboutDepicted.has(c.partyId)),
      { recipient, category, onDate },
    );
    return emergency ? [emergency] : null;
  };

  const named = new Map(
    parties.flatMap((p) => {
      const records = personRelease(p, 'namen-betrokkenen');
      return records ? [[p.id, records] as const] : [];
    }),
  );
  // Each case-level category's release, decided once: the roles and the sections below both use it.
  const releases = new Map(caseLevelCategories.map((category) => [category as InfoCategory, caseRelease(category)]));
  // A role tells what happened: shown only where some case-level information may be shared.
  const rolesShown = [...releases.values()].some((records) => records !== null);
  const roleOf = (role: PartyRole): SummaryRole => (rolesShown ? role : 'betrokkene');
  // A pseudonym made from a role ("Melder A", "Ouder A") would tell that role too: without roles it is
  // "Betrokkene 1", "Betrokkene 2", … counted among those people only, so the number does not tell
  // their place in the case's list either (digits, unlike "Betrokkene A" of the role "andere").
  const roleMade = rolesShown
    ? []
    : parties.filter((p) => named.has(p.id) && /^(melder|ouder|volwassene)\b/i.test(p.pseudonym.trim()));
  const pseudonymOf = (p: Party): string =>
    roleMade.includes(p) ? `Betrokkene ${roleMade.indexOf(p) + 1}` : p.pseudonym;
  // An age is that person's information too: shown with a released name, and for a depicted young person
  // with the case's information (the incident is about them); never for an unnamed melder, bystander,
  // forwarding pupil or parent (a review: "melder (14)" beside a class named the melder to the school).
  const ageShown = (p: Party): boolean => named.has(p.id) || (rolesShown && p.role === 'afgebeelde-jongere');
  const label = (partyId: string): PartyLabel => {
    const p = partyById.get(partyId);
    return {
      role: roleOf(p?.role ?? 'andere'),
      age: p !== undefined && ageShown(p) ? p.age : undefined,
      pseudonym: p !== undefined && named.has(p.id) ? pseudonymOf(p) : undefined,
    };
  };
  const replacement = options.nameReplacement ?? defaultReplacement;
  const unnamed = parties.filter((p) => !named.has(p.id));
  // A named person's full name stays whole when an unnamed person shares a part of it ("Lotte Peeters",
  // with an unnamed parent Peeters); the shared part alone is still replaced, as it may mean the other.
  const released = parties.filter((p) => named.has(p.id));
  // "Lotte (14)" becomes "afgebeelde jongere (14)", not "afgebeelde jongere (14) (14)"; an age typed after
  // a name that differs from the recorded one ("Milan (11)", recorded 10) gives way to the recorded one,
  // and one typed after a name whose age is not shown ("Jens (16)") goes.
  // (A private-use mark after each replacement keeps other numbers in brackets as typed.)
  // A word two unnamed people share ("Peeters" of a pupil and a parent): which of them it meant is not
  // known, so it is neither one's role unless they read the same; then it says "betrokkene".
  const sharedWord = (owners: readonly { id: string }[]): string => {
    const said = new Set(owners.map((o) => replacement(label(o.id))));
    return `${said.size === 1 ? [...said][0] : replacement({ role: 'betrokkene', age: undefined, pseudonym: undefined })}\uE000`;
  };
  const contact = options.contactReplacement ?? { email: '[…]', phone: '[…]' };
  // Never a link to an image in a summary, also one the worker said was no image.
  const noImageLink = <T extends string | undefined>(text: T): T =>
    (text === undefined ? text : withoutImageLinks(text, options.imageLinkReplacement ?? '[…]')) as T;
  const clean = (text: string): string =>
    replaceNames(
      withoutClasses(
        withoutContactDetails(noImageLink(text), contact.email, contact.phone),
        unnamed,
        options.classReplacement ?? '[…]',
      ),
      unnamed,
      (owner) => `${replacement(label(owner.id))}\uE000`,
      released,
      sharedWord,
    )
      .replace(/\((\d{1,3})\)\uE000\s*\(\d{1,3}\)/gu, '($1)')
      // A typed age after a name whose age is not shown goes with the name.
      .replace(/\uE000\s*\(\d{1,3}\)/gu, '')
      .replace(/\uE000/gu, '');
  /** A "bekwaam" judgement that lets the party decide today (none: the age rule, not Flanders, or "niet bekwaam"). */
  const judgementOf = (partyId: string): { competent: boolean; by: string; on: string } | undefined => {
    const p = partyById.get(partyId);
    const basis = p === undefined ? undefined : decidersOn(p, ctx, onDate).basis;
    // Only a judgement that lets the young person decide is cited: it is what the own consent rests on.
    // "Niet bekwaam" is a sensitive finding about a minor that no category releases; the parents' consent
    // is cited without it.
    return basis?.kind === 'oordeel' && basis.override.competent
      ? { competent: true, by: clean(basis.override.assessedBy), on: basis.override.assessedOn }
      : undefined;
  };
  const sourceOf = (record: ConsentRecord): SummarySource =>
    record.basis === 'toestemming'
      ? {
          basis: 'toestemming',
          party: label(record.partyId),
          givenBy: record.givenBy,
          how: record.how,
          givenOn: record.givenOn,
          judgement: judgementOf(record.partyId),
        }
      : {
          basis: record.basis,
          party: label(record.partyId),
          sharedOn: record.sharedOn,
          justification: clean(record.justification),
        };

  const facts = caseFacts(input, clean);
  const sections: SummarySection[] = [];
  const withheld = new Set<InfoCategory>();

  for (const category of CATEGORY_ORDER) {
    if (!isCaseLevel(category)) {
      // Person-level: each person on their own consent.
      for (const p of parties) {
        const records = named.get(p.id);
        if (!records) {
          withheld.add(category);
          continue;
        }
        const { role, age } = p;
        // A name field warns about any link, but the worker can say it is no image (noImageLink above).
        sections.push({
          category,
          sources: records.map(sourceOf),
          facts: [
            {
              kind: 'party',
              role: roleOf(role),
              pseudonym: noImageLink(pseudonymOf(p)),
              realName: noImageLink(p.realName),
              age,
              school: noImageLink(p.school),
              className: noImageLink(p.className),
            },
          ],
        });
      }
      continue;
    }
    const items = facts[category as Exclude<InfoCategory, 'namen-betrokkenen'>];
    if (items.length === 0) continue;
    const records = releases.get(category) ?? null;
    if (records === null) withheld.add(category);
    else sections.push({ category, sources: records.map(sourceOf), facts: items });
  }

  const sharedSet = new Set(sections.map((s) => s.category));
  // Only what is shared counts (a number in a withheld note was never going out): its placeholders.
  const sharedText = JSON.stringify(sections);
  const contactsLeftOut = [contact.email, contact.phone].some((placeholder) =>
    sharedText.includes(JSON.stringify(placeholder).slice(1, -1)),
  );
  return {
    reference: input.case.reference,
    recipient,
    onDate,
    sections,
    shared: CATEGORY_ORDER.filter((c) => sharedSet.has(c)),
    withheld: CATEGORY_ORDER.filter((c) => withheld.has(c)),
    contactsLeftOut,
    namesSharePart: sharedSet.has('namen-betrokkenen') && namesSharePart(released, unnamed),
  };
}
