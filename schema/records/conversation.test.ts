import { describe, expect, it } from 'vitest';

import { recordErrors } from '../errors';
import { makeConversation } from '../factories';
import { storedRecordSchema } from '../records';
import { conversationSchema, recordConversationInput } from './conversation';

const two = [crypto.randomUUID(), crypto.randomUUID()];

describe('conversation record', () => {
  it('holds when, joint or separate, with whom and that each agreed, and no free text', () => {
    expect(storedRecordSchema.safeParse(makeConversation()).success).toBe(true);
    expect(storedRecordSchema.safeParse(makeConversation({ format: 'samen', partyIds: two })).success).toBe(true);
    expect(conversationSchema.safeParse({ ...makeConversation(), summary: 'wat er gezegd werd' }).success).toBe(false);
  });

  it('cannot be stored without the agreement of each betrokkene', () => {
    const bad = conversationSchema.safeParse({ ...makeConversation(), allAgreed: false });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([recordErrors.conversationAgreementRequired]);
  });

  it('needs two betrokkenen for a joint conversation, and at least one for any', () => {
    const joint = conversationSchema.safeParse(makeConversation({ format: 'samen', partyIds: [two[0] ?? ''] }));
    expect(joint.error?.issues.map((i) => i.message)).toEqual([recordErrors.conversationJointNeedsTwo]);
    expect(conversationSchema.safeParse(makeConversation({ partyIds: [] })).success).toBe(false);
  });

  it('refuses the form input without agreement, and trims the initials', () => {
    const base = { caseId: crypto.randomUUID(), on: '2026-03-12', format: 'apart', partyIds: two, byInitials: ' KV ' };
    expect(recordConversationInput.safeParse({ ...base, allAgreed: false }).success).toBe(false);
    expect(recordConversationInput.parse({ ...base, allAgreed: true }).byInitials).toBe('KV');
  });
});
