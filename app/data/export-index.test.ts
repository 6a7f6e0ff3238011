// Issue 19: the auditor export reads the case index, not the records. The
// figures and the pseudonymised log made from the index must equal those made
// from every record decrypted (the way the export read them before).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildAuditAggregates, periodRange } from '../../schema/audit-aggregates';
import type { AggregateInput, AuditPeriod } from '../../schema/audit-aggregates';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeConversation,
  makeFollowUp,
  makeInformed,
  makeParty,
  makePolice,
  makeShareWithoutConsent,
  makeTakedown,
} from '../../schema/factories';
import { buildPseudonymisedLog } from '../../schema/pseudonymised-log';
import type { LogInput } from '../../schema/pseudonymised-log';
import { readLogInputs } from './export-log-reads';
import type { StoredRecord } from '../../schema/records';
import { caseTypeSchema } from '../../schema/records/case';
import { takedownStatusSchema, takedownStepSchema } from '../../schema/records/takedown';
import { coarseDay } from '../../schema/audit-chain';
import { db } from './db';
import { readAggregateInputs, recordSummaryExport } from './export-reads';
import { SHARDS, dropIndexMemory } from './index/case-index';
import { listRecords, saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const Q1: AuditPeriod = { kind: 'quarter', year: 2026, quarter: 1 };
const TYPES = caseTypeSchema.options;
const STEPS = takedownStepSchema.options;
const STATUSES = takedownStatusSchema.options;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-04-02T09:00:00.000Z'));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A logbook of `n` cases around Q1 2026, with every kind of part the figures read, in varied shapes. */
function generateLogbook(n: number, seed: number): StoredRecord[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const day = (month: number, d: number): string =>
    `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const out: StoredRecord[] = [];
  for (let i = 0; i < n; i++) {
    // Most in Q1, some in Q2 (outside the period).
    const knownOn = day(r() < 0.8 ? 1 + Math.floor(r() * 3) : 4, 1 + Math.floor(r() * 27));
    const kase = makeCase({ knownOn, types: [pick(TYPES)] });
    const caseId = kase.id;
    out.push(kase);
    const depicted = makeParty({
      caseId,
      role: 'afgebeelde-jongere',
      pseudonym: 'Jongere A',
      ...(r() < 0.8 ? { age: 10 + Math.floor(r() * 10) } : { age: undefined }),
    });
    const other = makeParty({ caseId, role: 'jongere-die-doorstuurde', pseudonym: 'Jongere B', age: 9 });
    out.push(depicted, other);
    if (r() < 0.3)
      out.push(
        makeParty({ caseId, role: 'afgebeelde-jongere', pseudonym: 'Jongere C', age: 12 + Math.floor(r() * 6) }),
      );
    for (let a = Math.floor(r() * 3); a > 0; a--)
      out.push(
        makeAssessment({
          caseId,
          flag: pick(['groen', 'geel', 'rood', 'zwart'] as const),
          assessedOn: day(3, 1 + Math.floor(r() * 28)),
          createdAt: `2026-03-0${1 + a}T10:00:00.000Z`,
        }),
      );
    for (let f = Math.floor(r() * 4); f > 0; f--) {
      const due = day(2 + Math.floor(r() * 3), 1 + Math.floor(r() * 28));
      out.push(
        makeFollowUp({
          caseId,
          due,
          ...(r() < 0.5 ? { doneOn: day(2 + Math.floor(r() * 3), 1 + Math.floor(r() * 28)) } : {}),
        }),
      );
    }
    if (r() < 0.5) out.push(makeConsent({ caseId, partyId: depicted.id }));
    if (r() < 0.25)
      out.push(makeShareWithoutConsent({ caseId, partyId: depicted.id, sharedOn: day(3, 1 + Math.floor(r() * 28)) }));
    for (let t = Math.floor(r() * 3); t > 0; t--)
      out.push(
        makeTakedown({
          caseId,
          step: pick(STEPS),
          status: pick(STATUSES),
          on: day(3, 1 + Math.floor(r() * 28)),
          createdAt: `2026-03-0${1 + t}T10:00:00.000Z`,
        }),
      );
    if (r() < 0.4) out.push(makePolice({ caseId, stage: pick(['overwogen', 'aangeraden', 'neergelegd'] as const) }));
    if (r() < 0.3) out.push(makeInformed({ caseId }));
    for (let v = Math.floor(r() * 3); v > 0; v--)
      out.push(makeConversation({ caseId, partyIds: [depicted.id], on: day(3, 1 + Math.floor(r() * 28)) }));
  }
  return out;
}

/** The old way: every record of the period's cases decrypted, and the summaries from the audit log. */
async function inputsFromRecords(period: AuditPeriod): Promise<LogInput[]> {
  const { from, until } = periodRange(period);
  const ok = <T>(rs: ReadonlyArray<{ ok: true; record: T } | { ok: false }>): T[] =>
    rs.flatMap((x) => (x.ok ? [x.record] : []));
  const cases = ok(await listRecords({ kind: 'case' })).filter((c) => c.knownOn >= from && c.knownOn < until);
  const [parties, consents, assessments, followUps, takedowns, police, informed, conversations, audit, evidence, grooming] =
    await Promise.all([
      listRecords({ kind: 'party' }).then(ok),
      listRecords({ kind: 'consent' }).then(ok),
      listRecords({ kind: 'assessment' }).then(ok),
      listRecords({ kind: 'followup' }).then(ok),
      listRecords({ kind: 'takedown' }).then(ok),
      listRecords({ kind: 'police' }).then(ok),
      listRecords({ kind: 'informed' }).then(ok),
      listRecords({ kind: 'conversation' }).then(ok),
      listRecords({ kind: 'audit' }).then(ok),
      listRecords({ kind: 'evidence' }).then(ok),
      listRecords({ kind: 'grooming' }).then(ok),
    ]);
  return cases.map((c) => {
    const of = <T extends { caseId: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.caseId === c.id);
    return {
      case: c,
      parties: of(parties),
      consents: of(consents),
      assessments: of(assessments),
      followUps: of(followUps),
      takedowns: of(takedowns),
      police: of(police),
      informed: of(informed),
      conversations: of(conversations),
      evidence: of(evidence),
      grooming: of(grooming),
      summaries: audit
        .filter((e) => e.action === 'export.summary' && e.caseId === c.id && (e.details?.categories?.length ?? 0) > 0)
        .map((e) => ({ basis: e.details?.basis, day: coarseDay(e.at) })),
    };
  });
}

describe('auditor export from the case index', () => {
  it('makes the same figures and pseudonymised log as from every record, without decrypting a case record', async () => {
    const records = generateLogbook(160, 19); // more records than 3 × (256 shards + audit rows), so decrypting any record would show
    await saveRecords(records, { newIds: true });
    const caseIds = records.filter((x) => x.kind === 'case').map((x) => x.id);
    for (const [i, caseId] of caseIds.slice(0, 30).entries()) {
      await recordSummaryExport({
        caseId,
        recipient: 'school',
        categories: i % 7 === 0 ? [] : ['feiten'],
        parts: i % 3 === 0 ? [{ basis: 'toestemming' }, { basis: 'noodtoestand' }] : [{ basis: 'toestemming' }],
      });
    }
    const expected = await inputsFromRecords(Q1);
    dropIndexMemory();
    // The export decrypts no record row: only the index shards and the audit rows.
    const auditRows = await db.audit.count();
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    let fromIndex: AggregateInput[];
    try {
      fromIndex = (await readAggregateInputs(Q1)).inputs;
      expect(decrypt.mock.calls.length).toBeLessThanOrEqual(SHARDS + auditRows);
      expect(records.length).toBeGreaterThan(3 * (SHARDS + auditRows));
    } finally {
      decrypt.mockRestore();
    }
    expect(fromIndex.map((x) => x.case.id).sort()).toEqual(expected.map((x) => x.case.id).sort());
    expect(expected.length).toBeGreaterThan(40);
    for (const k of [5, 1]) {
      const a = buildAuditAggregates(fromIndex, Q1, '2026-04-02', k);
      expect(a).toEqual(buildAuditAggregates(expected, Q1, '2026-04-02', k));
      // Not a comparison of empty tables: at k = 1 every cell is published.
      if (k === 1) expect(a.tables.every((t) => !t.lessThanK && t.cells.every((c) => c.value !== null))).toBe(true);
    }
    // The optional row-level log reads more than the index holds: it is made from the records (issue 15).
    const hash = (id: string) => Promise.resolve(id);
    const forLog = (await readLogInputs(Q1)).inputs;
    expect(await buildPseudonymisedLog(forLog, Q1, '2026-04-02', hash)).toEqual(
      await buildPseudonymisedLog(expected, Q1, '2026-04-02', hash),
    );
  });
});
