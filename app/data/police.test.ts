import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-police-b15';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  return runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'leerkracht',
    types: ['sextortion'],
    schools: [MARK],
    description: MARK,
  });
}

describe('recordPoliceStep', () => {
  it('adds each stage as a new record, shows them on the case, and audits only the action', async () => {
    const kase = await newCase();
    await runOperation('recordPoliceStep', {
      caseId: kase.id,
      stage: 'aangeraden',
      by: 'clb',
      on: '2026-03-03',
      informed: true,
      byInitials: 'KV',
    });
    await runOperation('recordPoliceStep', {
      caseId: kase.id,
      stage: 'neergelegd',
      by: 'jongere',
      on: '2026-03-05',
      byInitials: 'KV',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.police.map((r) => [r.stage, r.by, r.on, r.informed])).toEqual([
      ['aangeraden', 'clb', '2026-03-03', true],
      ['neergelegd', 'jongere', '2026-03-05', false],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'police.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded.every((e) => e.caseId === kase.id && e.details === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(MARK);
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('police');
    expect(raw).not.toContain('neergelegd');
  });

  it('refuses a stage that is not one of the three, and writes nothing', async () => {
    const kase = await newCase();
    const failed = await runOperation('recordPoliceStep', {
      caseId: kase.id,
      stage: 'pv-opgemaakt' as never,
      by: 'jongere',
      on: '2026-03-03',
      byInitials: 'KV',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(InvalidRecordError);
    expect((await readCaseDetail(kase.id))?.police).toEqual([]);
  });
});
