// The need-to-know summary of one case for one recipient (DOMAIN.md, "Consent
// and sharing"). Pure: it takes a case with its parts and returns only what an
// active consent record — or a documented noodtoestand / art. 458bis share on
// that very day — allows for that recipient and information category, each
// section with its source. What is left out is named by category only.
//
// Which record allows what:
// - Case-level categories (feiten, afspraken, vlaggen-beoordeling, opvolging)
//   need a record of this case for that recipient and category, from any of
//   its betrokkenen; `allowsShare` prefers consent over an emergency share and
//   the newest consent, and the section names whose record it is.
// - namen-betrokkenen is per person: a betrokkene is named only with a record
//   about that same person. Without it, sources call the person by role and
//   age only ("afgebeelde jongere (15)"), never by pseudonym.
// - Conversation notes other than agreements (afspraken) are never included.
// Labels come from the caller (app/i18n), so this file holds no interface text.
import { allowsShare } from './consent-rules';
import { latestAssessment } from './latest-flag';
import type { Flag, FlagAssessment } from './records/assessment';
import type { CaseType, KnownVia, Case } from './records/case';
import type { ConsentGiven, ConsentRecord, InfoCategory, Recipient } from './records/consent';
import type { FollowUp } from './records/follow-up';
import type { Note } from './records/note';
import type { Party, PartyRole } from './records/party';

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
}

export interface PartyLabel {
  role: PartyRole;
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
    }
  | { basis: 'noodtoestand' | 'art-458bis'; party: PartyLabel; sharedOn: string; justification: string };

export type SummaryFact =
  | { kind: 'types'; types: CaseType[] }
  | { kind: 'known'; knownOn: string; knownVia: KnownVia }
  | { kind: 'description'; text: string }
  | { kind: 'schools'; schools: string[] }
  | { kind: 'agreement'; on: string; text: string }
  | { kind: 'assessment'; flag: Flag; assessedOn: string; reasoning: string }
  | {
      kind: 'party';
      role: PartyRole;
      pseudonym: string;
      realName?: string | undefined;
      age?: number | undefined;
      school?: string | undefined;
      className?: string | undefined;
    }
  | { kind: 'followup'; due: string; purpose: string };

export interface SummarySection {
  category: InfoCategory;
  source: SummarySource;
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
}

const CATEGORY_ORDER: readonly InfoCategory[] = [
  'feiten',
  'namen-betrokkenen',
  'afspraken',
  'vlaggen-beoordeling',
  'opvolging',
  'contactgegevens',
];

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Notes that are the current version (not superseded by a later correction). */
function currentNotes(notes: readonly Note[]): Note[] {
  const superseded = new Set(notes.flatMap((n) => (n.supersedes === undefined ? [] : [n.supersedes])));
  return notes.filter((n) => !superseded.has(n.id));
}

/** The case-level facts of each category; empty when there is nothing to share. */
function caseFacts(input: SummaryInput): Record<Exclude<InfoCategory, 'namen-betrokkenen'>, SummaryFact[]> {
  const kase = input.case;
  const feiten: SummaryFact[] = [
    { kind: 'types', types: [...kase.types] },
    { kind: 'known', knownOn: kase.knownOn, knownVia: kase.knownVia },
  ];
  if (kase.description.trim() !== '') feiten.push({ kind: 'description', text: kase.description });
  if (kase.schools.length > 0) feiten.push({ kind: 'schools', schools: [...kase.schools] });
  const afspraken: SummaryFact[] = currentNotes(input.notes.filter((n) => n.caseId === kase.id))
    .filter((n) => n.noteKind === 'afspraak')
    .sort((a, b) => byText(a.at, b.at))
    .map((n) => ({ kind: 'agreement', on: n.at.slice(0, 10), text: n.text }));
  const latest = latestAssessment(input.assessments.filter((a) => a.caseId === kase.id));
  const vlaggen: SummaryFact[] = latest
    ? [{ kind: 'assessment', flag: latest.flag, assessedOn: latest.assessedOn, reasoning: latest.reasoning }]
    : [];
  const opvolging: SummaryFact[] = input.followUps
    .filter((f) => f.caseId === kase.id && f.doneOn === undefined)
    .sort((a, b) => byText(a.due, b.due))
    .map((f) => ({ kind: 'followup', due: f.due, purpose: f.purpose }));
  // 'offline-halen' (issue 15): not in summaries yet, so it is never shared (nor listed as withheld).
  return { feiten, afspraken, 'vlaggen-beoordeling': vlaggen, opvolging, contactgegevens: [], 'offline-halen': [] };
}

/**
 * Builds the summary of `input.case` for `recipient` on `onDate` (YYYY-MM-DD).
 * Only consent records of this case about its own betrokkenen count.
 */
export function buildSummary(input: SummaryInput, recipient: SummaryRecipient, onDate: string): Summary {
  const caseId = input.case.id;
  const parties = input.parties.filter((p) => p.caseId === caseId);
  const partyIds = new Set(parties.map((p) => p.id));
  const consents = input.consents.filter((c) => c.caseId === caseId && partyIds.has(c.partyId));
  const partyById = new Map(parties.map((p) => [p.id, p]));

  const namedParties = new Set(
    parties
      .filter(
        (p) => allowsShare(consents, { partyId: p.id, recipient, category: 'namen-betrokkenen', onDate }) !== null,
      )
      .map((p) => p.id),
  );
  const label = (partyId: string): PartyLabel => {
    const p = partyById.get(partyId);
    return {
      role: p?.role ?? 'andere',
      age: p?.age,
      pseudonym: p !== undefined && namedParties.has(p.id) ? p.pseudonym : undefined,
    };
  };
  const sourceOf = (record: ConsentRecord): SummarySource =>
    record.basis === 'toestemming'
      ? {
          basis: 'toestemming',
          party: label(record.partyId),
          givenBy: record.givenBy,
          how: record.how,
          givenOn: record.givenOn,
        }
      : {
          basis: record.basis,
          party: label(record.partyId),
          sharedOn: record.sharedOn,
          justification: record.justification,
        };

  const facts = caseFacts(input);
  const sections: SummarySection[] = [];
  const withheld = new Set<InfoCategory>();

  for (const category of CATEGORY_ORDER) {
    if (category === 'namen-betrokkenen') {
      for (const p of parties) {
        const record = allowsShare(consents, { partyId: p.id, recipient, category, onDate });
        if (record === null) {
          withheld.add(category);
          continue;
        }
        sections.push({
          category,
          source: sourceOf(record),
          facts: [
            {
              kind: 'party',
              role: p.role,
              pseudonym: p.pseudonym,
              realName: p.realName,
              age: p.age,
              school: p.school,
              className: p.className,
            },
          ],
        });
      }
      continue;
    }
    const items = facts[category];
    if (items.length === 0) continue;
    const record = allowsShare(consents, { recipient, category, onDate });
    if (record === null) withheld.add(category);
    else sections.push({ category, source: sourceOf(record), facts: items });
  }

  const sharedSet = new Set(sections.map((s) => s.category));
  return {
    reference: input.case.reference,
    recipient,
    onDate,
    sections,
    shared: CATEGORY_ORDER.filter((c) => sharedSet.has(c)),
    withheld: CATEGORY_ORDER.filter((c) => withheld.has(c)),
  };
}

// ---------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------

/** Interface words for the text form; app/i18n/nl/export.ts provides them. */
export interface SummaryLabels {
  confidential: string;
  title: (reference: string, recipient: string) => string;
  date: (date: string) => string;
  anchor: (code: string) => string;
  recipients: Record<SummaryRecipient, string>;
  categories: Record<InfoCategory, string>;
  roles: Record<PartyRole, string>;
  caseTypes: Record<CaseType, string>;
  knownVia: Record<KnownVia, string>;
  flags: Record<Flag, string>;
  how: Record<ConsentGiven['how'], string>;
  basis: Record<'noodtoestand' | 'art-458bis', string>;
  party: (name: string, age: number | undefined) => string;
  sourceConsent: (who: string, givenBy: ConsentGiven['givenBy'], how: string, date: string) => string;
  sourceWithout: (basis: string, who: string, date: string) => string;
  justification: (text: string) => string;
  facts: {
    types: (list: string) => string;
    known: (date: string, via: string) => string;
    description: (text: string) => string;
    schools: (list: string) => string;
    agreement: (date: string, text: string) => string;
    assessment: (flag: string, date: string) => string;
    reasoning: (text: string) => string;
    party: (role: string, pseudonym: string, age: number | undefined) => string;
    realName: (name: string) => string;
    school: (school: string, className: string | undefined) => string;
    followUp: (date: string, purpose: string) => string;
  };
  withheld: (list: string) => string;
  nothingShared: string;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY` (Belgian notation). */
export function formatDateBe(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

export function partyText(p: PartyLabel, t: SummaryLabels): string {
  return t.party(p.pseudonym ?? t.roles[p.role], p.age);
}

export function sourceText(source: SummarySource, t: SummaryLabels): string {
  const who = partyText(source.party, t);
  return source.basis === 'toestemming'
    ? t.sourceConsent(who, source.givenBy, t.how[source.how], formatDateBe(source.givenOn))
    : t.sourceWithout(t.basis[source.basis], who, formatDateBe(source.sharedOn));
}

/** The lines of one fact (most facts are one line; a betrokkene may take more). */
export function factLines(fact: SummaryFact, t: SummaryLabels): string[] {
  switch (fact.kind) {
    case 'types':
      return [t.facts.types(fact.types.map((x) => t.caseTypes[x]).join(', '))];
    case 'known':
      return [t.facts.known(formatDateBe(fact.knownOn), t.knownVia[fact.knownVia])];
    case 'description':
      return [t.facts.description(fact.text)];
    case 'schools':
      return [t.facts.schools(fact.schools.join(', '))];
    case 'agreement':
      return [t.facts.agreement(formatDateBe(fact.on), fact.text)];
    case 'assessment':
      return [t.facts.assessment(t.flags[fact.flag], formatDateBe(fact.assessedOn)), t.facts.reasoning(fact.reasoning)];
    case 'party': {
      const lines = [t.facts.party(t.roles[fact.role], fact.pseudonym, fact.age)];
      if (fact.realName !== undefined) lines.push(t.facts.realName(fact.realName));
      if (fact.school !== undefined) lines.push(t.facts.school(fact.school, fact.className));
      return lines;
    }
    case 'followup':
      return [t.facts.followUp(formatDateBe(fact.due), fact.purpose)];
  }
}

/** The summary as plain text to paste into a secure channel. */
export function summaryToText(summary: Summary, t: SummaryLabels, options: { anchor?: string | null } = {}): string {
  const out: string[] = [
    t.confidential,
    t.title(summary.reference, t.recipients[summary.recipient]),
    t.date(formatDateBe(summary.onDate)),
  ];
  if (options.anchor) out.push(t.anchor(options.anchor));
  if (summary.sections.length === 0) out.push('', t.nothingShared);
  for (const section of summary.sections) {
    out.push('', t.categories[section.category], sourceText(section.source, t));
    if (section.source.basis !== 'toestemming') out.push(t.justification(section.source.justification));
    for (const fact of section.facts) for (const line of factLines(fact, t)) out.push(`- ${line}`);
  }
  if (summary.withheld.length > 0) {
    out.push('', t.withheld(summary.withheld.map((c) => t.categories[c]).join(', ')));
  }
  return `${out.join('\n')}\n`;
}
