import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-conversation-b15';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  const kase = await runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [],
    description: MARK,
  });
  const a = await runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere', pseudonym: `${MARK} A` });
  const b = await runOperation('addParty', { caseId: kase.id, role: 'jongere-die-doorstuurde' });
  return { kase, a, b };
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe('recordConversation', () => {
  it('stores a joint conversation with both betrokkenen, and audits only the action', async () => {
    const { kase, a, b } = await newCase();
    await runOperation('recordConversation', {
      caseId: kase.id,
      on: '2026-03-04',
      format: 'samen',
      partyIds: [a.id, b.id],
      allAgreed: true,
      byInitials: 'KV',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.conversations.map((r) => [r.on, r.format, r.partyIds, r.allAgreed])).toEqual([
      ['2026-03-04', 'samen', [a.id, b.id], true],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'conversation.recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.details).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain(MARK);
    expect(JSON.stringify(events)).not.toContain(a.id);
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('conversation');
    expect(raw).not.toContain('samen');
  });

  it('refuses a conversation without agreement, and writes nothing', async () => {
    const { kase, a } = await newCase();
    const error = await failure(
      runOperation('recordConversation', {
        caseId: kase.id,
        on: '2026-03-04',
        format: 'apart',
        partyIds: [a.id],
        allAgreed: false as never,
        byInitials: 'KV',
      }),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => i.message)).toEqual(['conversation.agreementRequired']);
    expect((await readCaseDetail(kase.id))?.conversations).toEqual([]);
  });

  it('refuses a betrokkene of another case', async () => {
    const { kase, a } = await newCase();
    const other = await newCase();
    const error = await failure(
      runOperation('recordConversation', {
        caseId: kase.id,
        on: '2026-03-04',
        format: 'samen',
        partyIds: [a.id, other.b.id],
        allAgreed: true,
        byInitials: 'KV',
      }),
    );
    expect((error as InvalidRecordError).issues).toEqual([
      { path: ['partyIds', 1], message: 'consent.partyNotInCase' },
    ]);
    expect((await readCaseDetail(kase.id))?.conversations).toEqual([]);
  });
});
