// Audit events: what happened, never what was written (enums and counts only).
import { z } from 'zod';

import { flagSchema } from './assessment';
import { isoDateSchema, kindSchema, recordHead, recordIdSchema, timestampSchema } from './base';
import { caseStatusSchema } from './case';
import { consentBasisSchema, infoCategorySchema, recipientSchema, retiredCategorySchema } from './consent';
import { noteKindSchema } from './note';

export const auditActionSchema = z.enum([
  'vault.created',
  'vault.unlocked',
  'vault.unlocked-with-recovery-code',
  'vault.passphrase-changed',
  'vault.recovery-code-replaced',
  'vault.recovery-code-revoked',
  'case.created',
  'case.updated',
  'case.facts-corrected',
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
  'takedown.recorded',
  'evidence.recorded',
  'police.recorded',
  'informed.recorded',
  'grooming.recorded',
  'conversation.recorded',
  'step.unchecked',
  'export.summary',
  'export.audit',
  'export.calendar',
  'backup.exported',
  'backup.imported',
  // Issue 21: sharing a case inside the team (professional secrecy), never a consent-based share.
  'case.team-shared',
  'case.team-unshared',
  // A shared case erased by its owner for every holder / a holder's own copy erased and access given up.
  'case.team-erased',
  'case.team-left',
  // A follow-up marked done by mistake, open again (its "Klaar" undone).
  'followup.undone',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Only enums and counts: the schema has no place for free text. */
export const auditDetailsSchema = z.strictObject({
  count: z.int().min(0).optional(),
  recordKind: kindSchema.optional(),
  recipient: recipientSchema.optional(),
  // Issue 15 grew the list of categories past ten; a wider limit keeps every older event valid.
  // Events are hash-chained and never rewritten: an older one may name a retired category.
  categories: z
    .array(z.union([infoCategorySchema, retiredCategorySchema]))
    .max(20)
    .optional(),
  basis: consentBasisSchema.optional(),
  noteKind: noteKindSchema.optional(),
  flag: flagSchema.optional(),
  status: caseStatusSchema.optional(),
  // Issue 21: the random member id of a team share or withdrawal (never a name).
  member: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
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
  ...recordHead('audit', 1),
  at: timestampSchema,
  action: auditActionSchema,
  caseId: recordIdSchema.optional(),
  details: auditDetailsSchema.optional(),
  chain: auditChainLinkSchema.optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
