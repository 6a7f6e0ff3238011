// Test factories: a valid record of each kind, with overrides, e.g.
// `makeCase({ status: 'afgesloten' })`. Not validated, so tests can build
// invalid records on purpose.
import { currentSchemaVersion } from './records';
import type { FlagAssessment } from './records/assessment';
import type { AuditEvent } from './records/audit';
import type { Case } from './records/case';
import type { ConsentGiven, ShareWithoutConsent } from './records/consent';
import type { Draft } from './records/draft';
import type { Evidence } from './records/evidence';
import type { Police } from './records/police';
import type { Informed } from './records/informed';
import type { Grooming } from './records/grooming';
import type { Conversation } from './records/conversation';
import type { FollowUp } from './records/follow-up';
import type { Note } from './records/note';
import type { Party } from './records/party';
import type { Referral } from './records/referral';
import type { StepCheck } from './records/step';
import type { Takedown } from './records/takedown';
import type { SyncConflict } from './sync-conflict';

const NOW = '2026-03-12T09:30:00.000Z';
const uuid = (): string => crypto.randomUUID();

export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    kind: 'case',
    schemaVersion: currentSchemaVersion.case,
    id: uuid(),
    reference: '2026-014',
    knownOn: '2026-03-11',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: ['Sint-Jozefscollege'],
    description: 'Foto doorgestuurd in een klasgroep zonder toestemming; gemeld door een klasgenoot.',
    status: 'open',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeParty(overrides: Partial<Party> = {}): Party {
  return {
    kind: 'party',
    schemaVersion: currentSchemaVersion.party,
    id: uuid(),
    caseId: uuid(),
    role: 'afgebeelde-jongere',
    pseudonym: 'Jongere A',
    age: 14,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeConsent(overrides: Partial<ConsentGiven> = {}): ConsentGiven {
  return {
    kind: 'consent',
    schemaVersion: currentSchemaVersion.consent,
    id: uuid(),
    caseId: uuid(),
    partyId: uuid(),
    basis: 'toestemming',
    recipient: 'school',
    categories: ['feiten', 'afspraken'],
    givenBy: 'jongere',
    givenOn: '2026-03-12',
    how: 'mondeling-genoteerd',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeShareWithoutConsent(overrides: Partial<ShareWithoutConsent> = {}): ShareWithoutConsent {
  return {
    kind: 'consent',
    schemaVersion: currentSchemaVersion.consent,
    id: uuid(),
    caseId: uuid(),
    partyId: uuid(),
    basis: 'noodtoestand',
    recipient: 'politie-parket',
    categories: ['feiten'],
    sharedOn: '2026-03-12',
    justification: 'Ernstig en reëel gevaar: dreiging met verspreiding vandaag, niet anders af te wenden.',
    checks: {
      solutionWithinTrustImpossible: { answer: 'ja' },
      consultedOthers: { answer: 'ja', note: 'VK geraadpleegd zonder naam.' },
      discussedWithYoungPerson: { answer: 'ja' },
      canBeMotivatedToReport: { answer: 'nee' },
      bestPlacedToInform: 'Politie, via de jeugdconsulent.',
    },
    bestPlacedToHelp: 'De jeugdconsulent van de politie.',
    youngPersonInformed: { told: 'ja', on: '2026-03-12', how: 'In een gesprek op het CLB.' },
    confirmedWarnings: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeAssessment(overrides: Partial<FlagAssessment> = {}): FlagAssessment {
  return {
    kind: 'assessment',
    schemaVersion: currentSchemaVersion.assessment,
    id: uuid(),
    caseId: uuid(),
    criteriaVersion: '2021',
    answers: { 'wederzijdse-toestemming': 'niet-in-orde', impact: 'onbekend' },
    flag: 'rood',
    reasoning: 'Doorsturen zonder toestemming is altijd grensoverschrijdend.',
    assessedOn: '2026-03-12',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    kind: 'note',
    schemaVersion: currentSchemaVersion.note,
    id: uuid(),
    caseId: uuid(),
    noteKind: 'gesprek',
    text: 'Gesprek met Jongere A. Afgesproken: terugkomen op 26 maart.',
    at: NOW,
    createdAt: NOW,
    ...overrides,
  };
}

export function makeFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    kind: 'followup',
    schemaVersion: currentSchemaVersion.followup,
    id: uuid(),
    caseId: uuid(),
    due: '2026-03-26',
    purpose: 'Terugkomen op het gesprek',
    history: [],
    icsUid: `${uuid()}@baken`,
    sequence: 0,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'referral',
    schemaVersion: currentSchemaVersion.referral,
    id: uuid(),
    caseId: uuid(),
    organisationId: 'child-focus',
    organisationName: 'Child Focus',
    referredOn: '2026-03-12',
    byInitials: 'AV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeStepCheck(overrides: Partial<StepCheck> = {}): StepCheck {
  return {
    kind: 'step',
    schemaVersion: currentSchemaVersion.step,
    id: uuid(),
    caseId: uuid(),
    planId: 'sexting-18',
    stepId: 'gesprek-jongere',
    doneOn: '2026-03-12',
    note: 'Samen met de jongere besproken.',
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    kind: 'audit',
    schemaVersion: currentSchemaVersion.audit,
    id: uuid(),
    at: NOW,
    action: 'case.created',
    ...overrides,
  };
}

export function makeDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    kind: 'draft',
    schemaVersion: currentSchemaVersion.draft,
    id: 'case-new',
    fields: { description: 'Half ingevuld…' },
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeTakedown(overrides: Partial<Takedown> = {}): Takedown {
  return {
    kind: 'takedown',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    step: 'verspreider-gevraagd',
    status: 'gedaan',
    on: '2026-03-12',
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    kind: 'evidence',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    exists: 'ja',
    forms: ['schermafbeeldingen'],
    heldBy: ['jongere'],
    on: '2026-03-12',
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makePolice(overrides: Partial<Police> = {}): Police {
  return {
    kind: 'police',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    stage: 'aangeraden',
    by: 'clb',
    on: '2026-03-12',
    informed: true,
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeInformed(overrides: Partial<Informed> = {}): Informed {
  return {
    kind: 'informed',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    institutionKind: 'school',
    institution: 'Atheneum Berchem',
    on: '2026-03-12',
    basis: 'toestemming',
    pupilsToldFirst: true,
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeGrooming(overrides: Partial<Grooming> = {}): Grooming {
  return {
    kind: 'grooming',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    phases: ['informatie-en-vertrouwen', 'verleggen-van-grenzen'],
    observedOn: '2026-03-12',
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    kind: 'conversation',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    on: '2026-03-12',
    format: 'apart',
    partyIds: [uuid()],
    allAgreed: true,
    byInitials: 'KV',
    createdAt: NOW,
    ...overrides,
  };
}

/** A "tegenstrijdige wijziging" on a follow-up's due date (two devices chose different dates). */
export function makeConflict(overrides: Partial<SyncConflict> = {}): SyncConflict {
  return {
    kind: 'conflict',
    schemaVersion: 1,
    id: uuid(),
    caseId: uuid(),
    recordId: uuid(),
    recordKind: 'followup',
    field: 'due',
    values: ['2026-05-15', '2026-05-20'],
    createdAt: NOW,
    ...overrides,
  };
}
