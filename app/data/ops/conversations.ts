// Conversations (issue 15). Fails as described in ./case.ts; on failure nothing was written.
import { recordErrors } from '../../../schema/errors';
import { recordConversationInput } from '../../../schema/records/conversation';
import type { Conversation } from '../../../schema/records/conversation';
import { getRecord } from '../store';
import { assertNotFuture, defineOperation, newRecordHead, ruleError, withCase } from '../unit-of-work';

/**
 * Records a conversation: when, joint or separate, with which betrokkenen of
 * the case (`consent.partyNotInCase` otherwise), and that each agreed to it
 * (required). Append-only. The audit event carries only its action and the
 * case: no names, no party ids.
 */
export const recordConversation = defineOperation({
  input: recordConversationInput,
  audit: 'conversation.recorded',
  run: async (input, { commit }): Promise<Conversation> =>
    withCase(input.caseId, async (kase) => {
      const now = new Date();
      assertNotFuture('on', input.on, now);
      for (const [i, partyId] of input.partyIds.entries()) {
        const party = await getRecord(partyId, 'party');
        if (!party?.ok || party.record.caseId !== kase.id)
          throw ruleError(undefined, ['partyIds', i], recordErrors.partyNotInCase);
      }
      const record: Conversation = {
        ...newRecordHead('conversation', kase.id),
        on: input.on,
        format: input.format,
        partyIds: [...input.partyIds],
        allAgreed: true,
        byInitials: input.byInitials,
        createdAt: now.toISOString(),
      };
      await commit(now, kase, [record], 'conversation.recorded');
      return record;
    }),
});

export const conversationOperations = { recordConversation };
