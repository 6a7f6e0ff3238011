import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-evidence-b15';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  return runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [MARK],
    description: MARK,
  });
}

describe('recordEvidence', () => {
  it('adds each state as a new record, shows them on the case, and audits only the action', async () => {
    const kase = await newCase();
    await runOperation('recordEvidence', {
      caseId: kase.id,
      exists: 'onbekend',
      on: '2026-03-03',
      byInitials: 'KV',
    });
    await runOperation('recordEvidence', {
      caseId: kase.id,
      exists: 'ja',
      forms: ['schermafbeeldingen'],
      heldBy: ['jongere', 'politie'],
      on: '2026-03-05',
      byInitials: ' KV ',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.evidence.map((r) => [r.exists, r.forms, r.heldBy, r.on, r.byInitials])).toEqual([
      ['onbekend', [], [], '2026-03-03', 'KV'],
      ['ja', ['schermafbeeldingen'], ['jongere', 'politie'], '2026-03-05', 'KV'],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'evidence.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded.every((e) => e.caseId === kase.id && e.details === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(MARK);
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('evidence'); // the plaintext kind column, so the dump is real
    expect(raw).not.toContain('schermafbeeldingen');
  });

  it('refuses a link or any field the record does not know, and writes nothing', async () => {
    const kase = await newCase();
    const failed = await runOperation('recordEvidence', {
      caseId: kase.id,
      exists: 'ja',
      heldBy: ['jongere'],
      on: '2026-03-03',
      byInitials: 'KV',
      url: 'https://voorbeeld.test/foto',
    } as never).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(InvalidRecordError);
    expect((await readCaseDetail(kase.id))?.evidence).toEqual([]);
  });
});
