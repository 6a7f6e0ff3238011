// The stored records of Baken: one zod schema per kind, types inferred from them.
// Shaped after DOMAIN.md. Every record carries `kind` and a literal
// `schemaVersion`; a later shape gets a new version plus a step in
// `restore.ts`, never an edit of the old one. All free text goes through
// `safeText()` (length limits + never-images). Objects are strict: a field the
// schema does not know is refused, so nothing unvalidated is ever stored.
import { z } from 'zod';

import { competenceOverrideSchema } from './competence';
import { fieldErrors, recordErrors } from './errors';
import { safeText } from './safe-text';

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/** Random UUID (crypto.randomUUID()). */
export const recordIdSchema = z.uuid({ error: fieldErrors.invalidId });
/** Calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: fieldErrors.invalidDate });
/** Point in time, ISO 8601 with zone, e.g. `2026-03-12T09:30:00.000Z`. */
export const timestampSchema = z.iso.datetime({ offset: true, error: fieldErrors.invalidTimestamp });

/** A non-empty list of distinct enum values. */
function choiceList<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1, { error: fieldErrors.emptyList })
    .refine((list) => new Set(list).size === list.length, { error: fieldErrors.duplicate });
}

const stamps = {
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

// ---------------------------------------------------------------------------
// Case
// ---------------------------------------------------------------------------

export const caseTypeSchema = z.enum([
  'sexting',
  'ongewenste-sexting',
  'shame-sexting',
  'sextortion',
  'grooming',
  'exposing',
  'doxing',
  'anders',
]);
export type CaseType = z.infer<typeof caseTypeSchema>;

export const knownViaSchema = z.enum(['betrokkene-zelf', 'klasgenoot', 'leerkracht', 'ouder', 'andere']);
export type KnownVia = z.infer<typeof knownViaSchema>;

export const caseStatusSchema = z.enum(['open', 'in-rust', 'afgesloten']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Readable case number, e.g. `2026-014`. */
export const caseReferenceSchema = z.string().regex(/^\d{4}-\d{3,5}$/, { error: fieldErrors.invalidReference });

export const caseSchema = z.strictObject({
  kind: z.literal('case'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  reference: caseReferenceSchema,
  knownOn: isoDateSchema,
  knownVia: knownViaSchema,
  types: choiceList(caseTypeSchema),
  schools: z.array(safeText({ min: 1, max: 120 })).max(20),
  description: safeText(),
  status: caseStatusSchema,
  retentionUntil: isoDateSchema.optional(),
  closedAt: timestampSchema.optional(),
  ...stamps,
});
export type Case = z.infer<typeof caseSchema>;

// ---------------------------------------------------------------------------
// Party (betrokkene)
// ---------------------------------------------------------------------------

export const partyRoleSchema = z.enum([
  'afgebeelde-jongere',
  'jongere-die-doorstuurde',
  'ontvanger-omstander',
  'melder',
  'ouder-voogd',
  'volwassene',
  'andere',
]);
export type PartyRole = z.infer<typeof partyRoleSchema>;

export const partySchema = z.strictObject({
  kind: z.literal('party'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  role: partyRoleSchema,
  /** What the interface shows, e.g. "Jongere A". */
  pseudonym: safeText({ min: 1, max: 60 }),
  /** Sensitive; optional, shown only on demand. */
  realName: safeText({ min: 1, max: 120 }).optional(),
  /** Age in years when the case became known. */
  age: z.int().min(0).max(120).optional(),
  birthYear: z.int().min(1900).max(2100).optional(),
  school: safeText({ min: 1, max: 120 }).optional(),
  className: safeText({ min: 1, max: 40 }).optional(),
  competence: competenceOverrideSchema.optional(),
  ...stamps,
});
export type Party = z.infer<typeof partySchema>;

// ---------------------------------------------------------------------------
// Consent (toestemming) and sharing without consent
// ---------------------------------------------------------------------------

export const recipientSchema = z.enum([
  'school',
  'ander-clb',
  'ouders-voogd',
  'politie-parket',
  'child-focus',
  'hulpverlening',
]);
export type Recipient = z.infer<typeof recipientSchema>;

export const infoCategorySchema = z.enum([
  'feiten',
  'afspraken',
  'vlaggen-beoordeling',
  'namen-betrokkenen',
  'opvolging',
  'contactgegevens',
]);
export type InfoCategory = z.infer<typeof infoCategorySchema>;

export const consentBasisSchema = z.enum(['toestemming', 'noodtoestand', 'art-458bis']);
export type ConsentBasis = z.infer<typeof consentBasisSchema>;

const consentCommon = {
  kind: z.literal('consent'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  /** Whose information. */
  partyId: recordIdSchema,
  recipient: recipientSchema,
  categories: choiceList(infoCategorySchema),
  ...stamps,
};

export const consentGivenSchema = z
  .strictObject({
    ...consentCommon,
    basis: z.literal('toestemming'),
    givenBy: z.enum(['jongere', 'ouder-voogd']),
    givenOn: isoDateSchema,
    how: z.enum(['mondeling-genoteerd', 'schriftelijk']),
    withdrawnOn: isoDateSchema.optional(),
  })
  .refine((c) => c.withdrawnOn === undefined || c.withdrawnOn >= c.givenOn, {
    error: recordErrors.withdrawnBeforeGiven,
    path: ['withdrawnOn'],
  });

const yesNo = z.enum(['ja', 'nee'], { error: recordErrors.checkRequired });
const checkAnswer = z.strictObject(
  { answer: yesNo, note: safeText({ max: 1000 }).optional() },
  { error: recordErrors.checkRequired },
);

/** The DOMAIN.md check questions for sharing without consent; all required. */
export const shareChecksSchema = z.strictObject(
  {
    /** Is a solution within the relationship of trust impossible? */
    solutionWithinTrustImpossible: checkAnswer,
    /** Did you consult others (e.g. the VK), without naming the young person? */
    consultedOthers: checkAnswer,
    /** Did you discuss it with the young person? */
    discussedWithYoungPerson: checkAnswer,
    /** Can they be motivated to report themselves? */
    canBeMotivatedToReport: checkAnswer,
    /** Who is best placed to be informed? */
    bestPlacedToInform: safeText({ min: 1, max: 1000 }),
  },
  { error: recordErrors.checkRequired },
);
export type ShareChecks = z.infer<typeof shareChecksSchema>;

export const shareWithoutConsentSchema = z.strictObject({
  ...consentCommon,
  basis: z.enum(['noodtoestand', 'art-458bis']),
  sharedOn: isoDateSchema,
  justification: safeText({ min: 1 }),
  checks: shareChecksSchema,
});

export const consentRecordSchema = z.discriminatedUnion('basis', [consentGivenSchema, shareWithoutConsentSchema]);
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
export type ConsentGiven = z.infer<typeof consentGivenSchema>;
export type ShareWithoutConsent = z.infer<typeof shareWithoutConsentSchema>;

// ---------------------------------------------------------------------------
// Vlaggensysteem assessment
// ---------------------------------------------------------------------------

export const criteriaVersionSchema = z.enum(['2021', 'nl-oud']);
export const criterionAnswerSchema = z.enum(['in-orde', 'twijfel', 'niet-in-orde', 'onbekend']);
export const flagSchema = z.enum(['groen', 'geel', 'rood', 'zwart']);
export type Flag = z.infer<typeof flagSchema>;
export type CriterionAnswer = z.infer<typeof criterionAnswerSchema>;

/** Kebab-case criterion id, e.g. `wederzijdse-toestemming` (content defines them). */
export const criterionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60);

export const flagAssessmentSchema = z.strictObject({
  kind: z.literal('assessment'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  criteriaVersion: criteriaVersionSchema,
  answers: z.record(criterionIdSchema, criterionAnswerSchema),
  /** Chosen by the professional; never computed from the answers (Sensoa). */
  flag: flagSchema,
  reasoning: safeText({ min: 1 }),
  assessedOn: isoDateSchema,
  createdAt: timestampSchema,
});
export type FlagAssessment = z.infer<typeof flagAssessmentSchema>;

// ---------------------------------------------------------------------------
// Note (append-only)
// ---------------------------------------------------------------------------

export const noteKindSchema = z.enum(['gesprek', 'overleg', 'stap', 'melding', 'afspraak']);
export type NoteKind = z.infer<typeof noteKindSchema>;

export const noteSchema = z
  .strictObject({
    kind: z.literal('note'),
    schemaVersion: z.literal(1),
    id: recordIdSchema,
    caseId: recordIdSchema,
    noteKind: noteKindSchema,
    text: safeText({ min: 1, max: 8000 }),
    /** When it happened (may be earlier than createdAt). */
    at: timestampSchema,
    /** A correction is a new note that supersedes the old one, with a reason. */
    supersedes: recordIdSchema.optional(),
    reason: safeText({ min: 1, max: 500 }).optional(),
    createdAt: timestampSchema,
  })
  .superRefine((note, ctx) => {
    if (note.supersedes !== undefined && note.reason === undefined) {
      const code = recordErrors.reasonRequired;
      ctx.addIssue({ code: 'custom', message: code, params: { code }, path: ['reason'] });
    }
    if (note.supersedes === note.id) {
      const code = recordErrors.supersedesSelf;
      ctx.addIssue({ code: 'custom', message: code, params: { code }, path: ['supersedes'] });
    }
  });
export type Note = z.infer<typeof noteSchema>;

// ---------------------------------------------------------------------------
// Follow-up (opvolgdatum)
// ---------------------------------------------------------------------------

/** Stable iCalendar UID; `sequence` grows with each reschedule. */
export const icsUidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@baken$/);

export const rescheduleSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  reason: safeText({ min: 1, max: 500 }),
  at: timestampSchema,
});
export type Reschedule = z.infer<typeof rescheduleSchema>;

export const followUpSchema = z.strictObject({
  kind: z.literal('followup'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  due: isoDateSchema,
  purpose: safeText({ min: 1, max: 500 }),
  doneOn: isoDateSchema.optional(),
  history: z.array(rescheduleSchema).max(200),
  icsUid: icsUidSchema,
  sequence: z.int().min(0),
  ...stamps,
});
export type FollowUp = z.infer<typeof followUpSchema>;

// ---------------------------------------------------------------------------
// Referral (verwijzing) and step-plan checklist
// ---------------------------------------------------------------------------

/** Kebab-case id of a knowledge-content item (directory entry, plan, step). */
export const contentRefSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: fieldErrors.invalidId })
  .max(80, { error: fieldErrors.invalidId });

export const referralSchema = z.strictObject({
  kind: z.literal('referral'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  /** Entry id in public/content/verwijzingen.json. */
  organisationId: contentRefSchema,
  /** The name as shown when referring, so the record stays readable if the directory changes. */
  organisationName: safeText({ min: 1, max: 120 }),
  referredOn: isoDateSchema,
  /** Initials of the professional who referred: 1–5 letters. */
  byInitials: z.string().regex(/^\p{L}{1,5}$/u, { error: fieldErrors.invalidInitials }),
  createdAt: timestampSchema,
});
export type Referral = z.infer<typeof referralSchema>;

/** One step of a step plan (stappenplan.json) checked off for a case; one per (caseId, planId, stepId). */
export const stepCheckSchema = z.strictObject({
  kind: z.literal('step'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  planId: contentRefSchema,
  stepId: contentRefSchema,
  doneOn: isoDateSchema.optional(),
  note: safeText({ min: 1, max: 500 }).optional(),
  updatedAt: timestampSchema,
});
export type StepCheck = z.infer<typeof stepCheckSchema>;

// ---------------------------------------------------------------------------
// Audit event (no content, ever)
// ---------------------------------------------------------------------------

export const auditActionSchema = z.enum([
  'vault.created',
  'vault.unlocked',
  'vault.unlocked-with-recovery-code',
  'vault.passphrase-changed',
  'vault.recovery-code-replaced',
  'vault.recovery-code-revoked',
  'case.created',
  'case.updated',
  'case.closed',
  'case.reopened',
  'case.erased',
  'party.added',
  'party.updated',
  'note.added',
  'note.superseded',
  'assessment.recorded',
  'consent.recorded',
  'consent.withdrawn',
  'share.without-consent',
  'followup.scheduled',
  'followup.rescheduled',
  'followup.done',
  'referral.recorded',
  'step.checked',
  'step.unchecked',
  'export.summary',
  'export.audit',
  'export.calendar',
  'backup.exported',
  'backup.imported',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const kindSchema = z.enum([
  'case',
  'party',
  'consent',
  'assessment',
  'note',
  'followup',
  'referral',
  'step',
  'audit',
  'draft',
]);
export type RecordKind = z.infer<typeof kindSchema>;

/** Only enums and counts: the schema has no place for free text. */
export const auditDetailsSchema = z.strictObject({
  count: z.int().min(0).optional(),
  recordKind: kindSchema.optional(),
  recipient: recipientSchema.optional(),
  categories: z.array(infoCategorySchema).max(10).optional(),
  basis: consentBasisSchema.optional(),
  noteKind: noteKindSchema.optional(),
  flag: flagSchema.optional(),
  status: caseStatusSchema.optional(),
});
export type AuditDetails = z.infer<typeof auditDetailsSchema>;

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The event's link in the tamper-evident audit chain (schema/audit-chain.ts).
 * Set by saveRecords, never by callers. `salt` opens `commitment` (over id,
 * at, caseId, details) and stays inside the encrypted event; an exported log
 * carries only seq, prev, action, day, commitment and hash.
 */
export const auditChainLinkSchema = z.strictObject({
  seq: z.int().min(0),
  prev: sha256HexSchema,
  /** Coarse time: the UTC day of `at`. */
  day: isoDateSchema,
  salt: sha256HexSchema,
  commitment: sha256HexSchema,
  hash: sha256HexSchema,
});
export type AuditChainLink = z.infer<typeof auditChainLinkSchema>;

// `chain` is optional without a version bump: events written before the chain
// existed stay valid as they are ("pre-chain"), and a link cannot be computed
// in restore.ts (it needs WebCrypto and the order of appends).
export const auditEventSchema = z.strictObject({
  kind: z.literal('audit'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  at: timestampSchema,
  action: auditActionSchema,
  caseId: recordIdSchema.optional(),
  details: auditDetailsSchema.optional(),
  chain: auditChainLinkSchema.optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

// ---------------------------------------------------------------------------
// Draft (half-filled form, encrypted like everything else)
// ---------------------------------------------------------------------------

/** Form key, e.g. `case-new` or `note:<caseId>`. */
export const draftIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(?::[0-9a-f-]{36})?$/)
  .max(80);

export const draftSchema = z.strictObject({
  kind: z.literal('draft'),
  schemaVersion: z.literal(1),
  id: draftIdSchema,
  /** The case the form belongs to, so erasing the case erases the draft. */
  caseId: recordIdSchema.optional(),
  fields: z.record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]*$/)
      .max(60),
    safeText({ max: 8000 }),
  ),
  updatedAt: timestampSchema,
});
export type Draft = z.infer<typeof draftSchema>;

// ---------------------------------------------------------------------------
// All stored records
// ---------------------------------------------------------------------------

export const storedRecordSchema = z.discriminatedUnion('kind', [
  caseSchema,
  partySchema,
  consentRecordSchema,
  flagAssessmentSchema,
  noteSchema,
  followUpSchema,
  referralSchema,
  stepCheckSchema,
  auditEventSchema,
  draftSchema,
]);
export type StoredRecord = z.infer<typeof storedRecordSchema>;
export type RecordOfKind<K extends RecordKind> = Extract<StoredRecord, { kind: K }>;

/** Current schema version per kind; bump together with a step in `restore.ts`. */
export const currentSchemaVersion = {
  case: 1,
  party: 1,
  consent: 1,
  assessment: 1,
  note: 1,
  followup: 1,
  referral: 1,
  step: 1,
  audit: 1,
  draft: 1,
} as const satisfies Record<RecordKind, number>;
