// The plain-text form of a need-to-know summary (summary.ts builds it): the
// lines a worker pastes into a secure channel, and the per-fact and per-source
// lines the export screen shows. Pure; the words come from the caller
// (app/i18n/nl/export.ts provides SummaryLabels), so this file holds no interface text.
import type { Flag } from './records/assessment';
import type { CaseType, KnownVia } from './records/case';
import type { ConsentGiven, InfoCategory } from './records/consent';
import type { ConversationFormat } from './records/conversation';
import type { EvidenceExists, EvidenceForm, EvidenceHolder } from './records/evidence';
import type { GroomingPhaseId } from './records/grooming';
import type { InstitutionKind } from './records/informed';
import type { PoliceActor, PoliceStage } from './records/police';
import type { TakedownStatus, TakedownStep } from './records/takedown';
import type { PartyLabel, Summary, SummaryFact, SummaryRecipient, SummaryRole, SummarySource } from './summary';

/** Interface words for the text form; app/i18n/nl/export.ts provides them. */
export interface SummaryLabels {
  confidential: string;
  title: (reference: string, recipient: string) => string;
  date: (date: string) => string;
  anchor: (code: string) => string;
  recipients: Record<SummaryRecipient, string>;
  categories: Record<InfoCategory, string>;
  roles: Record<SummaryRole, string>;
  caseTypes: Record<CaseType, string>;
  knownVia: Record<KnownVia, string>;
  flags: Record<Flag, string>;
  takedownSteps: Record<TakedownStep, string>;
  takedownStatuses: Record<TakedownStatus, string>;
  evidenceExists: Record<EvidenceExists, string>;
  evidenceForms: Record<EvidenceForm, string>;
  evidenceHolders: Record<EvidenceHolder, string>;
  policeStages: Record<PoliceStage, string>;
  policeActors: Record<PoliceActor, string>;
  institutionKinds: Record<InstitutionKind, string>;
  groomingPhases: Record<GroomingPhaseId, string>;
  conversationFormats: Record<ConversationFormat, string>;
  how: Record<ConsentGiven['how'], string>;
  basis: Record<'noodtoestand' | 'art-458bis', string>;
  party: (name: string, age: number | undefined) => string;
  sourceConsent: (who: string, givenBy: ConsentGiven['givenBy'], how: string, date: string) => string;
  /** Appended to sourceConsent when a competence judgement decides who consents. */
  sourceJudgement: (competent: boolean, by: string, date: string) => string;
  sourceWithout: (basis: string, who: string, date: string) => string;
  justification: (text: string) => string;
  facts: {
    types: (list: string) => string;
    known: (date: string, via: string) => string;
    description: (text: string) => string;
    schools: (list: string) => string;
    agreement: (date: string, text: string) => string;
    assessment: (flag: string, date: string) => string;
    /** Issue 15: the behaviour an assessment is about, when it names one. */
    behaviour: (text: string) => string;
    reasoning: (text: string) => string;
    party: (role: string, pseudonym: string, age: number | undefined) => string;
    realName: (name: string) => string;
    school: (school: string, className: string | undefined) => string;
    followUp: (date: string, purpose: string) => string;
    takedown: (step: string, status: string, date: string) => string;
    evidence: (exists: string, forms: string, holders: string, date: string) => string;
    police: (stage: string, by: string, date: string, informed: boolean) => string;
    informed: (kind: string, institution: string, date: string) => string;
    grooming: (phases: string, date: string) => string;
    conversation: (date: string, format: string) => string;
  };
  withheld: (list: string) => string;
  /** A person-level category shared about some betrokkenen and withheld about the others. */
  withheldOthers: (category: string) => string;
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
  if (source.basis !== 'toestemming') return t.sourceWithout(t.basis[source.basis], who, formatDateBe(source.sharedOn));
  const judgement = source.judgement;
  const consent = t.sourceConsent(who, source.givenBy, t.how[source.how], formatDateBe(source.givenOn));
  return judgement === undefined
    ? consent
    : `${consent}${t.sourceJudgement(judgement.competent, judgement.by, formatDateBe(judgement.on))}`;
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
      return [
        t.facts.assessment(t.flags[fact.flag], formatDateBe(fact.assessedOn)),
        ...(fact.behaviour === undefined ? [] : [t.facts.behaviour(fact.behaviour)]),
        t.facts.reasoning(fact.reasoning),
      ];
    case 'party': {
      const lines = [t.facts.party(t.roles[fact.role], fact.pseudonym, fact.age)];
      if (fact.realName !== undefined) lines.push(t.facts.realName(fact.realName));
      if (fact.school !== undefined) lines.push(t.facts.school(fact.school, fact.className));
      return lines;
    }
    case 'followup':
      return [t.facts.followUp(formatDateBe(fact.due), fact.purpose)];
    case 'takedown':
      return [t.facts.takedown(t.takedownSteps[fact.step], t.takedownStatuses[fact.status], formatDateBe(fact.on))];
    case 'evidence':
      return [
        t.facts.evidence(
          t.evidenceExists[fact.exists],
          fact.forms.map((f) => t.evidenceForms[f]).join(', '),
          fact.heldBy.map((h) => t.evidenceHolders[h]).join(', '),
          formatDateBe(fact.on),
        ),
      ];
    case 'police':
      return [
        t.facts.police(t.policeStages[fact.stage], t.policeActors[fact.by], formatDateBe(fact.on), fact.informed),
      ];
    case 'conversation':
      return [t.facts.conversation(formatDateBe(fact.on), t.conversationFormats[fact.format])];
    case 'grooming':
      return [t.facts.grooming(fact.phases.map((p) => t.groomingPhases[p]).join(', '), formatDateBe(fact.observedOn))];
    case 'informed':
      return [t.facts.informed(t.institutionKinds[fact.institutionKind], fact.institution, formatDateBe(fact.on))];
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
    out.push('', t.categories[section.category]);
    for (const source of section.sources) {
      out.push(sourceText(source, t));
      if (source.basis !== 'toestemming') out.push(t.justification(source.justification));
    }
    for (const fact of section.facts) for (const line of factLines(fact, t)) out.push(`- ${line}`);
  }
  if (summary.withheld.length > 0) out.push('', withheldText(summary, t));
  return `${out.join('\n')}\n`;
}

/**
 * "Niet gedeeld: …" for the summary's withheld categories. A category also in
 * `shared` (names shared about some betrokkenen, not about others) is named as
 * withheld about the others, so the line never contradicts names shown above it.
 */
export function withheldText(summary: Pick<Summary, 'shared' | 'withheld'>, t: SummaryLabels): string {
  const shared = new Set(summary.shared);
  return t.withheld(
    summary.withheld.map((c) => (shared.has(c) ? t.withheldOthers(t.categories[c]) : t.categories[c])).join(', '),
  );
}
