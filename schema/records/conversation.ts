// Conversations ("gesprekken", issue 15; DOMAIN.md step 3, seed 004): held
// only with consent, jointly with the depicted pupil and the one who
// forwarded it if both want that, otherwise separately. A record says when,
// joint or separate, with which betrokkenen, and that each of them agreed to
// the conversation. What was said belongs in the timeline (notes); this record
// has no free text. Append-only.
import { z } from 'zod';

import { recordErrors } from '../errors';
import {
  caseRecordHead,
  choiceList,
  initialsSchema,
  isoDateSchema,
  recordIdSchema,
  timestampSchema,
  trimmedInput,
} from './base';

/** Together in one conversation, or separately (one conversation each). */
export const conversationFormatSchema = z.enum(['samen', 'apart']);
export type ConversationFormat = z.infer<typeof conversationFormatSchema>;

const conversationFields = {
  on: isoDateSchema,
  format: conversationFormatSchema,
  /** The betrokkenen spoken with (each must belong to the case; checked by the operation). */
  partyIds: choiceList(recordIdSchema).max(20),
  /** Each of them agreed to the conversation: a conversation is only held with consent. */
  allAgreed: z.literal(true, { error: recordErrors.conversationAgreementRequired }),
};

/** A joint conversation is with at least two betrokkenen. */
function jointNeedsTwo(v: { format: ConversationFormat; partyIds: readonly string[] }, ctx: z.core.$RefinementCtx) {
  if (v.format === 'samen' && v.partyIds.length < 2) {
    const code = recordErrors.conversationJointNeedsTwo;
    ctx.addIssue({ code: 'custom', message: code, params: { code }, path: ['partyIds'] });
  }
}

export const conversationSchema = z
  .strictObject({
    ...caseRecordHead('conversation', 1),
    ...conversationFields,
    byInitials: initialsSchema,
    createdAt: timestampSchema,
  })
  .superRefine(jointNeedsTwo);
export type Conversation = z.infer<typeof conversationSchema>;

const inputFields = { ...conversationFields, byInitials: trimmedInput(initialsSchema) };
/** The form's fields (the case comes from the page). */
export const conversationFormInput = z.strictObject(inputFields).superRefine(jointNeedsTwo);
/** The input of recordConversation. */
export const recordConversationInput = z
  .strictObject({ caseId: recordIdSchema, ...inputFields })
  .superRefine(jointNeedsTwo);
export type RecordConversationInput = z.input<typeof recordConversationInput>;
