// The optional row-level log for an auditor (DOMAIN.md, "What the auditor may
// see"; issue 15): one row per case that became known in the quarter, with a
// keyed-hash pseudonym under a key that is fresh for every export (so rows of
// two exports cannot be linked), the ISO week instead of a date, and only
// enums, counts and ISO weeks: no names, schools, free text or exact dates. It is still
// personal data (pseudonymised, not anonymous) and says so in the file. Pure:
// the keyed hash is injected (HMAC-SHA-256 with WebCrypto in app/data).
import { getISOWeek, getISOWeekYear } from 'date-fns';

import { ageBand, depictedAge, caseShares, periodLabel, periodRange } from './audit-aggregates';
import type { AggregateInput, AgeBand, AuditPeriod } from './audit-aggregates';
import { latestFlag } from './latest-flag';
import type { Flag } from './records/assessment';
import type { CaseType } from './records/case';
import { conversationFormatSchema } from './records/conversation';
import type { Conversation, ConversationFormat } from './records/conversation';
import { latestEvidence } from './records/evidence';
import type { Evidence, EvidenceExists, EvidenceForm, EvidenceHolder } from './records/evidence';
import { latestGrooming } from './records/grooming';
import type { Grooming, GroomingPhaseId } from './records/grooming';
import { informedBasisSchema } from './records/informed';
import type { Informed, InformedBasis } from './records/informed';
import { latestPolice, policeStageSchema } from './records/police';
import type { Police, PoliceActor, PoliceStage } from './records/police';
import { latestTakedowns, takedownStepSchema } from './records/takedown';
import type { TakedownStatus, TakedownStep } from './records/takedown';

export const PSEUDONYMISED_LOG_TYPE = 'baken-auditor-pseudonymised-log';
// Version 2 (issue 15): the structured parts (takedown status per step,
// evidence, police complaint, other schools informed, grooming phases,
// conversations) replace version 1's `takedownDone`. Version 3 (session 33): the
// takedown status has a `helpwanted` step (Helpwanted.nl, a case in the Netherlands).
export const PSEUDONYMISED_LOG_VERSION = 3;
export const PSEUDONYMISED_DATA_CLASS = 'gepseudonimiseerde-persoonsgegevens';

/** Keyed hash of a case id, lowercase hex; the key lives only for one export. */
export type KeyedHash = (caseId: string) => Promise<string>;

/** `geen`: nothing recorded. */
type OrNone<T> = T | 'geen';

export interface PseudonymisedRow {
  pseudonym: string;
  /** ISO week the case became known, e.g. `2026-W10`. */
  knownWeek: string;
  type: CaseType;
  ageBand: AgeBand;
  flag: Flag | 'geen';
  followUpsDone: number;
  followUpsOverdue: number;
  sharesWithConsent: number;
  sharesWithoutConsent: number;
  /** The current status of each takedown step. */
  takedown: Record<TakedownStep, OrNone<TakedownStatus>>;
  /** Whether evidence exists, of which kind and who holds it (the latest record; never the evidence). */
  evidence: OrNone<EvidenceExists>;
  evidenceForms: EvidenceForm[];
  evidenceHeldBy: EvidenceHolder[];
  /** Who considered, advised or made a complaint, per stage (the latest record of each). */
  police: Record<PoliceStage, OrNone<PoliceActor>>;
  /** Someone was told what a complaint means, in any police record. */
  policeExplained: boolean;
  /** How many times another school or CLB was informed, on which bases, and how often the pupils were told first. */
  otherInstitutionsInformed: number;
  informedBases: InformedBasis[];
  informedPupilsToldFirst: number;
  /** The grooming phases currently observed, as tags in the phases' own order. */
  groomingPhases: GroomingPhaseId[];
  /** Conversations held, by format, and the ISO week of the first (null without any). */
  conversations: Record<ConversationFormat, number>;
  firstConversationWeek: string | null;
}

export interface PseudonymisedLog {
  type: typeof PSEUDONYMISED_LOG_TYPE;
  version: typeof PSEUDONYMISED_LOG_VERSION;
  dataClass: typeof PSEUDONYMISED_DATA_CLASS;
  generatedOn: string;
  period: string;
  rows: PseudonymisedRow[];
}

/**
 * One case as the row-level log reads it: the figures' input, with the issue
 * 15 parts as whole records, since the log reads more of them than the figures
 * (and than the case index holds). Made from the records (app/data/export-log-reads.ts).
 */
export type LogInput = Omit<AggregateInput, 'police' | 'informed' | 'conversations'> & {
  police?: readonly Police[] | undefined;
  informed?: readonly Informed[] | undefined;
  conversations?: readonly Conversation[] | undefined;
  evidence?: readonly Evidence[] | undefined;
  grooming?: readonly Grooming[] | undefined;
};

/** `YYYY-Www` of a YYYY-MM-DD date (ISO 8601 week). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

type StructuredParts = Pick<
  PseudonymisedRow,
  | 'takedown'
  | 'evidence'
  | 'evidenceForms'
  | 'evidenceHeldBy'
  | 'police'
  | 'policeExplained'
  | 'otherInstitutionsInformed'
  | 'informedBases'
  | 'informedPupilsToldFirst'
  | 'groomingPhases'
  | 'conversations'
  | 'firstConversationWeek'
>;

/** The issue 15 parts of one case as enums, counts and weeks: no free text, no initials, no date, no one named. */
function structuredParts(c: LogInput): StructuredParts {
  const steps = latestTakedowns(c.takedowns ?? []);
  const evidence = latestEvidence(c.evidence ?? []);
  const police = latestPolice(c.police ?? []);
  const informed = c.informed ?? [];
  const conversations = c.conversations ?? [];
  const firstConversation = conversations.reduce<string | undefined>(
    (min, r) => (min === undefined || r.on < min ? r.on : min),
    undefined,
  );
  return {
    takedown: Object.fromEntries(
      takedownStepSchema.options.map((step) => [step, steps.get(step)?.status ?? 'geen']),
    ) as StructuredParts['takedown'],
    evidence: evidence?.exists ?? 'geen',
    evidenceForms: [...(evidence?.forms ?? [])],
    evidenceHeldBy: [...(evidence?.heldBy ?? [])],
    police: Object.fromEntries(
      policeStageSchema.options.map((stage) => [stage, police.get(stage)?.by ?? 'geen']),
    ) as StructuredParts['police'],
    policeExplained: (c.police ?? []).some((r) => r.informed),
    otherInstitutionsInformed: informed.length,
    informedBases: informedBasisSchema.options.filter((b) => informed.some((r) => r.basis === b)),
    informedPupilsToldFirst: informed.filter((r) => r.pupilsToldFirst).length,
    groomingPhases: [...(latestGrooming(c.grooming ?? [])?.phases ?? [])],
    conversations: Object.fromEntries(
      conversationFormatSchema.options.map((f) => [f, conversations.filter((r) => r.format === f).length]),
    ) as StructuredParts['conversations'],
    firstConversationWeek: firstConversation === undefined ? null : isoWeek(firstConversation),
  };
}

/**
 * The rows for `period`, sorted by pseudonym (so the order says nothing about
 * when cases were logged). `generatedOn` decides which open follow-ups are overdue.
 */
export async function buildPseudonymisedLog(
  cases: readonly LogInput[],
  period: AuditPeriod,
  generatedOn: string,
  hash: KeyedHash,
): Promise<PseudonymisedLog> {
  const { from, until } = periodRange(period);
  const rows: PseudonymisedRow[] = [];
  for (const c of cases) {
    if (c.case.knownOn < from || c.case.knownOn >= until) continue;
    const shares = caseShares(c);
    rows.push({
      pseudonym: await hash(c.case.id),
      knownWeek: isoWeek(c.case.knownOn),
      type: c.case.types[0] ?? 'anders',
      ageBand: ageBand(depictedAge(c.parties)),
      flag: latestFlag(c.assessments) ?? 'geen',
      followUpsDone: c.followUps.filter((f) => f.doneOn !== undefined).length,
      followUpsOverdue: c.followUps.filter((f) => (f.doneOn === undefined ? f.due < generatedOn : f.doneOn > f.due))
        .length,
      sharesWithConsent: shares.filter((b) => b === 'toestemming').length,
      sharesWithoutConsent: shares.filter((b) => b !== 'toestemming').length,
      ...structuredParts(c),
    });
  }
  rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return {
    type: PSEUDONYMISED_LOG_TYPE,
    version: PSEUDONYMISED_LOG_VERSION,
    dataClass: PSEUDONYMISED_DATA_CLASS,
    generatedOn,
    period: periodLabel(period),
    rows,
  };
}

export function pseudonymisedLogToJson(log: PseudonymisedLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
