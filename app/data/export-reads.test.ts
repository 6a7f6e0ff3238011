import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildAuditAggregates } from '../../schema/audit-aggregates';
import type { AuditEvent } from '../../schema/records/audit';
import { db } from './db';
import {
  makeExportKeyedHash,
  readAggregateInputs,
  recordPseudonymisedLogExport,
  recordSummaryExport,
} from './export-reads';
import { readLogInputs } from './export-log-reads';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const MARK = 'MRK-export-reads-z9';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

async function newCase(knownOn: string) {
  const kase = await runOperation('createCase', {
    knownOn,
    knownVia: 'klasgenoot',
    types: ['sexting'],
    schools: [MARK],
    description: MARK,
  });
  const party = await runOperation('addParty', {
    caseId: kase.id,
    role: 'afgebeelde-jongere',
    age: 15,
    realName: MARK,
  });
  return { kase, party };
}

async function auditEvents(): Promise<AuditEvent[]> {
  return (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
}

describe('summaries as shares', () => {
  it('records what a summary rested on in its audit event, without any content', async () => {
    const { kase } = await newCase('2026-03-02');
    await recordSummaryExport({
      caseId: kase.id,
      recipient: 'school',
      categories: ['feiten'],
      parts: [{ basis: 'toestemming' }],
    });
    await recordSummaryExport({
      caseId: kase.id,
      recipient: 'school',
      categories: ['feiten', 'afspraken'],
      parts: [{ basis: 'toestemming' }, { basis: 'noodtoestand' }],
    });
    await recordSummaryExport({ caseId: kase.id, recipient: 'school', categories: [], parts: [] });
    const summaries = (await auditEvents())
      .filter((e) => e.action === 'export.summary')
      .sort((x, y) => (x.chain?.seq ?? 0) - (y.chain?.seq ?? 0));
    expect(summaries.map((e) => e.details)).toEqual([
      { recipient: 'school', categories: ['feiten'], basis: 'toestemming' },
      { recipient: 'school', categories: ['feiten', 'afspraken'], basis: 'noodtoestand' },
      { recipient: 'school', categories: [] },
    ]);
    expect(JSON.stringify(await auditEvents())).not.toContain(MARK);
  });

  it('reads the summaries and takedown steps of each case in the quarter, and leaves out empty summaries and other quarters', async () => {
    const a = await newCase('2026-03-02');
    const b = await newCase('2025-12-30');
    await recordSummaryExport({
      caseId: a.kase.id,
      recipient: 'school',
      categories: ['feiten'],
      parts: [{ basis: 'toestemming' }],
    });
    await recordSummaryExport({ caseId: a.kase.id, recipient: 'school', categories: [], parts: [] });
    await recordSummaryExport({
      caseId: b.kase.id,
      recipient: 'school',
      categories: ['feiten'],
      parts: [{ basis: 'toestemming' }],
    });
    await runOperation('recordTakedownStep', {
      caseId: a.kase.id,
      step: 'child-focus',
      status: 'gedaan',
      on: '2026-03-05',
      byInitials: 'KV',
    });
    // Issue 15: the row-level log also reads evidence and grooming observations.
    await runOperation('recordEvidence', {
      caseId: a.kase.id,
      exists: 'ja',
      heldBy: ['politie'],
      on: '2026-03-05',
      byInitials: 'KV',
    });
    await runOperation('recordGroomingObservation', {
      caseId: a.kase.id,
      phases: ['slachtofferselectie'],
      observedOn: '2026-03-05',
      byInitials: 'KV',
    });
    const { inputs, damaged } = await readAggregateInputs(Q1);
    expect(damaged).toBe(0);
    expect(inputs.map((i) => i.case.id)).toEqual([a.kase.id]);
    expect(inputs[0]?.summaries).toEqual([{ basis: 'toestemming', day: '2026-03-12', recipient: 'school' }]);
    expect(inputs[0]?.takedowns?.map((r) => [r.step, r.status])).toEqual([['child-focus', 'gedaan']]);
    // The row-level log's reader also brings the evidence and grooming records (issue 15).
    const forLog = (await readLogInputs(Q1)).inputs;
    expect(forLog.map((i) => i.case.id)).toEqual([a.kase.id]);
    expect(forLog[0]?.summaries).toEqual([{ basis: 'toestemming', day: '2026-03-12', recipient: 'school' }]);
    expect(forLog[0]?.evidence?.map((r) => [r.exists, r.heldBy])).toEqual([['ja', ['politie']]]);
    expect(forLog[0]?.grooming?.map((r) => r.phases)).toEqual([['slachtofferselectie']]);
  });

  it('counts actual shares in the figures: summaries on consent and shares without consent, not consent records', async () => {
    for (let i = 0; i < 6; i++) {
      const { kase, party } = await newCase('2026-02-10');
      await runOperation('recordConsent', {
        caseId: kase.id,
        partyId: party.id,
        recipient: 'school',
        categories: ['feiten'],
        givenBy: 'jongere',
        givenOn: '2026-02-11',
        how: 'mondeling-genoteerd',
      });
      if (i < 5) {
        await recordSummaryExport({
          caseId: kase.id,
          recipient: 'school',
          categories: ['feiten'],
          parts: [{ basis: 'toestemming' }],
        });
      } else {
        await runOperation('recordShareWithoutConsent', {
          caseId: kase.id,
          partyId: party.id,
          recipient: 'ouders-voogd',
          categories: ['feiten'],
          basis: 'noodtoestand',
          sharedOn: '2026-02-12',
          justification: MARK,
          checks: {
            solutionWithinTrustImpossible: { answer: 'ja' },
            consultedOthers: { answer: 'ja' },
            discussedWithYoungPerson: { answer: 'ja' },
            canBeMotivatedToReport: { answer: 'nee' },
            bestPlacedToInform: MARK,
          },
          youngPersonInformed: { told: 'ja', on: '2026-02-12', how: MARK },
          bestPlacedToHelp: MARK,
        });
      }
    }
    const { inputs } = await readAggregateInputs(Q1);
    const a = buildAuditAggregates(inputs, Q1, '2026-03-12');
    const shares = a.tables.find((t) => t.id === 'shares');
    // 5 with consent, 1 noodtoestand (hidden with its complement), 0 art. 458bis.
    expect(shares).toEqual({
      id: 'shares',
      lessThanK: false,
      total: 6,
      cells: [
        { key: 'toestemming', value: null },
        { key: 'noodtoestand', value: null },
        { key: 'art-458bis', value: 0 },
      ],
    });
  });
});

describe('pseudonymised row-level log', () => {
  it('hashes with a fresh key per export: stable within one, different across two', async () => {
    const id = crypto.randomUUID();
    const first = await makeExportKeyedHash();
    const second = await makeExportKeyedHash();
    expect(await first(id)).toMatch(/^[0-9a-f]{32}$/);
    expect(await first(id)).toBe(await first(id));
    expect(await first(id)).not.toBe(await second(id));
    expect(await first(id)).not.toContain(id.slice(0, 8));
  });

  it('records its export in the audit log without any content', async () => {
    await recordPseudonymisedLogExport();
    const events = await auditEvents();
    expect(events.map((e) => [e.action, e.details])).toEqual([['export.audit', { recordKind: 'case' }]]);
  });
});
