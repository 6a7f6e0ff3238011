// The stored records of Baken: one zod schema per kind, each in its own
// module under records/ next to the input schemas of its operations; this
// module assembles them into the one union every read and write is checked by.
// Shaped after DOMAIN.md. Every record carries `kind` and a literal
// `schemaVersion`; a later shape gets a new version plus a step in
// `restore.ts`, never an edit of the old one. All free text goes through
// `safeText()` (length limits + never-images). Objects are strict: a field the
// schema does not know is refused, so nothing unvalidated is ever stored.
import { z } from 'zod';

import { flagAssessmentSchema } from './records/assessment';
import { auditEventSchema } from './records/audit';
import type { RecordKind } from './records/base';
import { caseSchema } from './records/case';
import { consentGivenSchema, consentRecordSchema } from './records/consent';
import { draftSchema } from './records/draft';
import { evidenceSchema } from './records/evidence';
import { policeSchema } from './records/police';
import { informedSchema } from './records/informed';
import { groomingSchema } from './records/grooming';
import { conversationSchema } from './records/conversation';
import { followUpSchema } from './records/follow-up';
import { noteSchema } from './records/note';
import { partySchema } from './records/party';
import { referralSchema } from './records/referral';
import { stepCheckSchema } from './records/step';
import { takedownSchema } from './records/takedown';

export const storedRecordSchema = z.discriminatedUnion('kind', [
  caseSchema,
  partySchema,
  consentRecordSchema,
  flagAssessmentSchema,
  noteSchema,
  followUpSchema,
  referralSchema,
  stepCheckSchema,
  takedownSchema,
  evidenceSchema,
  policeSchema,
  informedSchema,
  groomingSchema,
  conversationSchema,
  auditEventSchema,
  draftSchema,
]);
export type StoredRecord = z.infer<typeof storedRecordSchema>;
export type RecordOfKind<K extends RecordKind> = Extract<StoredRecord, { kind: K }>;

/**
 * What this version of Baken accepts of the records other versions write. Raise it whenever a record
 * schema starts to accept something an older version refuses (a new optional field; the schemas are
 * strict). A pull checkpoint saved under another number is read again from the start once, so a
 * document this device refused before its update (a newer device's record) is fetched again.
 * 1: up to session 13; 2: a note may name who wrote it (`by`, issue 21); 3: an audit event may be
 * `followup.undone` (a follow-up's "Klaar" undone, session 19); 4: a takedown step may be `helpwanted`
 * (Helpwanted.nl contacted, a case in the Netherlands; session 33).
 */
export const RECORD_READ_FORMAT = 4;

/**
 * Current schema version per kind, read from each record schema's literal: a
 * new shape raises that literal (plus a step in `restore.ts`), and operations
 * write records with these versions.
 */
export const currentSchemaVersion = {
  case: caseSchema.shape.schemaVersion.value,
  party: partySchema.shape.schemaVersion.value,
  consent: consentGivenSchema.shape.schemaVersion.value,
  assessment: flagAssessmentSchema.shape.schemaVersion.value,
  note: noteSchema.shape.schemaVersion.value,
  followup: followUpSchema.shape.schemaVersion.value,
  referral: referralSchema.shape.schemaVersion.value,
  step: stepCheckSchema.shape.schemaVersion.value,
  takedown: takedownSchema.shape.schemaVersion.value,
  evidence: evidenceSchema.shape.schemaVersion.value,
  police: policeSchema.shape.schemaVersion.value,
  informed: informedSchema.shape.schemaVersion.value,
  grooming: groomingSchema.shape.schemaVersion.value,
  conversation: conversationSchema.shape.schemaVersion.value,
  audit: auditEventSchema.shape.schemaVersion.value,
  draft: draftSchema.shape.schemaVersion.value,
} as const satisfies Record<RecordKind, number>;
