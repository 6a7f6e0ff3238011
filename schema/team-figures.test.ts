import { describe, expect, it } from 'vitest';

import { buildAuditAggregates, countAggregates } from './audit-aggregates';
import type { AggregateInput, AuditAggregates, AuditPeriod } from './audit-aggregates';
import { makeAssessment, makeCase, makeFollowUp, makeParty } from './factories';
import type { CaseType } from './records/case';
import { buildTeamFigures, memberCountsSchema, signedTeamFiguresSchema, teamFiguresSchema } from './team-figures';
import type { MemberCounts } from './team-figures';

const Q1: AuditPeriod = { kind: 'quarter', year: 2026, quarter: 1 };
const Q2: AuditPeriod = { kind: 'quarter', year: 2026, quarter: 2 };

function oneCase(type: CaseType, flag: 'rood' | 'geel', age: number, doneAfter?: number, knownOn = '2026-02-02') {
  const kase = makeCase({ knownOn, types: [type] });
  const caseId = kase.id;
  const done = doneAfter === undefined ? undefined : `2026-02-${String(2 + doneAfter).padStart(2, '0')}`;
  return {
    case: kase,
    parties: [makeParty({ caseId, role: 'afgebeelde-jongere', age })],
    consents: [],
    assessments: [makeAssessment({ caseId, flag, assessedOn: knownOn })],
    followUps: done === undefined ? [] : [makeFollowUp({ caseId, due: done, doneOn: done })],
    summaries: [],
  } satisfies AggregateInput;
}

/**
 * Worker A: 7 cases in Q1: 6 sexting + 1 sextortion, all rood, depicted age 14;
 * cases 0–5 had a follow-up done 2 days after intake.
 * Worker B: 5 cases in Q1: 1 sexting, 2 sextortion, 2 grooming; 3 rood, 2 geel;
 * ages 14, 16, 16, 12, 12; cases 0–1 a follow-up done 10 days after intake;
 * and one case in Q2.
 */
const workerA = [
  ...Array.from({ length: 6 }, () => oneCase('sexting', 'rood', 14, 2)),
  oneCase('sextortion', 'rood', 14),
];
const workerB = [
  oneCase('sexting', 'rood', 14, 10),
  oneCase('sextortion', 'rood', 16, 10),
  oneCase('sextortion', 'rood', 16),
  oneCase('grooming', 'geel', 12),
  oneCase('grooming', 'geel', 12),
  oneCase('sexting', 'rood', 15, undefined, '2026-05-04'),
];

const COUNTED_ON = '2026-06-20';

function countsOf(member: string, cases: AggregateInput[], countedOn = COUNTED_ON): MemberCounts {
  // Through JSON and the schema, as it travels.
  return memberCountsSchema.parse(
    JSON.parse(
      JSON.stringify({
        member,
        countedOn,
        quarters: [countAggregates(cases, Q1, countedOn), countAggregates(cases, Q2, countedOn)],
      }),
    ),
  );
}

function values(a: AuditAggregates): Record<string, unknown> {
  return Object.fromEntries(
    a.tables.map((t) => [
      t.id,
      t.lessThanK ? 'minder dan k' : { total: t.total, ...Object.fromEntries(t.cells.map((c) => [c.key, c.value])) },
    ]),
  );
}

describe('team figures (hand-computed)', () => {
  const a = countsOf('member-aaaa-aaaa-aaaa', workerA, '2026-06-18');
  const b = countsOf('member-bbbb-bbbb-bbbb', workerB);

  it('suppresses the team totals, which publish what neither worker alone could', () => {
    const team = buildTeamFigures('clb-noord', '2026-Q1', [a, b], '2026-06-21');
    expect(team.members).toBe(2);
    expect(team.countedFrom).toBe('2026-06-18');
    const v = values(team.aggregates);
    // 12 cases: sexting 7, sextortion 3, grooming 2. The hidden 3 and 2 add up to k: no complement needed.
    expect(v.types).toEqual({
      total: 12,
      sexting: 7,
      'ongewenste-sexting': 0,
      'shame-sexting': 0,
      sextortion: null,
      grooming: null,
      exposing: 0,
      doxing: 0,
      anders: 0,
    });
    // rood 10, geel 2: one hidden cell, so its only complement (rood) is hidden too.
    expect(v.flags).toEqual({ total: 12, groen: 0, geel: null, rood: null, zwart: 0, geen: 0 });
    // 14-15: 8 (A's 7 + B's one of 14), 16-17: 2, 12-13: 2 → 2 + 2 < k, so 8 is hidden too.
    expect(v.ageBands).toEqual({
      total: 12,
      'tot-11': 0,
      '12-13': null,
      '14-15': null,
      '16-17': null,
      '18-plus': 0,
      onbekend: 0,
    });
    // 8 cases with a follow-up done, 4 without: the 4 is hidden with its complement.
    expect(v.firstFollowUp).toEqual({ total: 12, afgerond: null, 'nog-niet': null });
    expect(v.followUps).toEqual({ total: 8, 'niet-te-laat': 8, 'te-laat': 0 });
    // Days to the first follow-up: 6 × 2 and 2 × 10 → median rank 4 of 8 = 2, p90 rank 8 = 10.
    expect(team.aggregates.stats.medianDaysToFirstFollowUp).toBe(2);
    expect(team.aggregates.stats.p90DaysToFirstFollowUp).toBe(10);
    expect(team.aggregates.period).toBe('2026-Q1');
    expect(team.aggregates.generatedOn).toBe('2026-06-21');
  });

  it('shows each worker alone far less: A hides every type, B is below k for its days', () => {
    const onlyA = buildTeamFigures('clb-noord', '2026-Q1', [a], '2026-06-21').aggregates;
    expect(values(onlyA).types).toMatchObject({ total: 7, sexting: null, sextortion: null });
    const onlyB = buildTeamFigures('clb-noord', '2026-Q1', [b], '2026-06-21').aggregates;
    expect(values(onlyB).types).toMatchObject({ total: 5, sexting: null, sextortion: null, grooming: null });
    expect(onlyB.stats.medianDaysToFirstFollowUp).toBeNull();
  });

  it('says only "less than k" for a quarter with one case in the team', () => {
    const team = buildTeamFigures('clb-noord', '2026-Q2', [a, b], '2026-06-21');
    expect(team.members).toBe(2);
    expect(team.aggregates.tables.every((t) => t.lessThanK)).toBe(true);
  });

  it('gives a team of one exactly the personal auditor export of the same cases', () => {
    const team = buildTeamFigures('clb-noord', '2026-Q1', [countsOf('member-bbbb-bbbb-bbbb', workerB)], COUNTED_ON);
    expect(team.aggregates).toEqual(buildAuditAggregates(workerB, Q1, COUNTED_ON));
  });

  it('validates what it builds, and refuses figures with a small count published', () => {
    const team = buildTeamFigures('clb-noord', '2026-Q1', [a, b], '2026-06-21');
    expect(teamFiguresSchema.parse(JSON.parse(JSON.stringify(team)))).toEqual(team);
    const signed = {
      figures: team,
      signer: 'member-cccc-cccc-cccc',
      signedAt: '2026-06-21T10:00:00.000Z',
      sig: 'AAAA',
    };
    expect(signedTeamFiguresSchema.safeParse(signed).success).toBe(true);
    expect(signedTeamFiguresSchema.safeParse({ ...signed, extra: 1 }).success).toBe(false);
  });

  it('holds counts only: no case id, name, school or exact date of any case', () => {
    const text = JSON.stringify([a, b]);
    for (const c of [...workerA, ...workerB]) {
      expect(text).not.toContain(c.case.id);
      expect(text).not.toContain(c.case.reference);
      expect(text).not.toContain(c.case.knownOn);
      for (const p of c.parties) expect(text).not.toContain(p.pseudonym);
    }
  });
});
