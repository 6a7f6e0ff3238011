import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-takedown-w8';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  return runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'child-focus',
    types: ['shame-sexting'],
    schools: [MARK],
    description: MARK,
  });
}

describe('recordTakedownStep', () => {
  it('adds each status as a new record, shows them on the case, and audits only the action', async () => {
    const kase = await newCase();
    await runOperation('recordTakedownStep', {
      caseId: kase.id,
      step: 'platform-gemeld',
      status: 'lukte-niet',
      on: '2026-03-03',
      byInitials: 'KV',
    });
    await runOperation('recordTakedownStep', {
      caseId: kase.id,
      step: 'platform-gemeld',
      status: 'gedaan',
      on: '2026-03-05',
      byInitials: ' KV ',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.takedowns.map((r) => [r.step, r.status, r.on, r.byInitials])).toEqual([
      ['platform-gemeld', 'lukte-niet', '2026-03-03', 'KV'],
      ['platform-gemeld', 'gedaan', '2026-03-05', 'KV'],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'takedown.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded.every((e) => e.caseId === kase.id && e.details === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(MARK);
    // On disk the step and its status are ciphertext like every other record.
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('takedown'); // the plaintext kind column, so the dump is real
    expect(raw).not.toContain('platform-gemeld');
  });

  it('refuses a step that is not one of the four, and writes nothing', async () => {
    const kase = await newCase();
    const failed = await runOperation('recordTakedownStep', {
      caseId: kase.id,
      step: 'beeld-bewaard' as never,
      status: 'gedaan',
      on: '2026-03-03',
      byInitials: 'KV',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(InvalidRecordError);
    expect((await readCaseDetail(kase.id))?.takedowns).toEqual([]);
  });
});
