import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-grooming-b15';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  return runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'ouder',
    types: ['grooming'],
    schools: [MARK],
    description: MARK,
  });
}

describe('recordGroomingObservation', () => {
  it('adds each set of phases as a new record, and audits only the action', async () => {
    const kase = await newCase();
    await runOperation('recordGroomingObservation', {
      caseId: kase.id,
      phases: ['informatie-en-vertrouwen'],
      observedOn: '2026-03-03',
      byInitials: 'KV',
    });
    await runOperation('recordGroomingObservation', {
      caseId: kase.id,
      phases: ['verleggen-van-grenzen', 'informatie-en-vertrouwen'],
      observedOn: '2026-03-05',
      byInitials: 'KV',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.grooming.map((r) => [r.phases, r.observedOn])).toEqual([
      [['informatie-en-vertrouwen'], '2026-03-03'],
      [['informatie-en-vertrouwen', 'verleggen-van-grenzen'], '2026-03-05'],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'grooming.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded.every((e) => e.caseId === kase.id && e.details === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(MARK);
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('grooming');
    expect(raw).not.toContain('verleggen-van-grenzen');
  });

  it('refuses a phase that is not in the seed, and writes nothing', async () => {
    const kase = await newCase();
    const failed = await runOperation('recordGroomingObservation', {
      caseId: kase.id,
      phases: ['afpersing' as never],
      observedOn: '2026-03-03',
      byInitials: 'KV',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(InvalidRecordError);
    expect((await readCaseDetail(kase.id))?.grooming).toEqual([]);
  });
});
