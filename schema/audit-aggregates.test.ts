import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  ageBand,
  auditPeriodSchema,
  buildAuditAggregates,
  caseShares,
  depictedAge,
  nothingToCount,
  periodLabel,
  periodRange,
  summaryBasis,
  SUPPRESSION_K,
  suppressTable,
} from './audit-aggregates';
import type { AggregateInput, AuditAggregates, AuditPeriod, SummaryMade } from './audit-aggregates';
import { aggregatesToCsv, aggregatesToJson } from './audit-aggregates-file';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
  makeTakedown,
  makePolice,
  makeInformed,
  makeConversation,
  makeEvidence,
  makeGrooming,
} from './factories';
import { buildPseudonymisedLog, pseudonymisedLogToJson } from './pseudonymised-log';
import type { LogInput } from './pseudonymised-log';
import { conversationFormatSchema } from './records/conversation';
import { evidenceExistsSchema, evidenceHolderSchema } from './records/evidence';
import { groomingPhaseIdSchema } from './records/grooming';
import { informedBasisSchema, institutionKindSchema } from './records/informed';
import { policeActorSchema, policeStageSchema } from './records/police';
import { flagSchema } from './records/assessment';
import { caseTypeSchema } from './records/case';
import { consentBasisSchema } from './records/consent';
import { partyRoleSchema } from './records/party';
import { takedownStatusSchema, takedownStepSchema } from './records/takedown';

const GENERATED_ON = '2031-01-15';

describe('periods', () => {
  it('names a quarter without ever naming a day', () => {
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('2026-Q4');
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
      from: '2026-10-01',
      until: '2027-01-01',
    });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({
      from: '2026-01-01',
      until: '2026-04-01',
    });
  });

  it('refuses a month, so a month and its quarter can never be subtracted from each other', () => {
    expect(auditPeriodSchema.safeParse({ kind: 'month', year: 2026, month: 3 }).success).toBe(false);
    expect(auditPeriodSchema.safeParse({ kind: 'quarter', year: 2026, quarter: 1 }).success).toBe(true);
  });

  it('sorts ages into the five bands', () => {
    expect([11, 12, 13, 14, 15, 16, 17, 18, undefined].map(ageBand)).toEqual([
      'tot-11',
      '12-13',
      '12-13',
      '14-15',
      '14-15',
      '16-17',
      '16-17',
      '18-plus',
      'onbekend',
    ]);
  });

  it('takes the age of the depicted young person (the youngest of several), never of a melder or parent', () => {
    const caseId = crypto.randomUUID();
    expect(
      depictedAge([
        makeParty({ caseId, role: 'melder', age: 12 }),
        makeParty({ caseId, role: 'ouder-voogd', age: 44 }),
      ]),
    ).toBeUndefined();
    expect(
      depictedAge([
        makeParty({ caseId, role: 'melder', age: 12 }),
        makeParty({ caseId, role: 'afgebeelde-jongere', age: 16 }),
        makeParty({ caseId, role: 'afgebeelde-jongere', age: 15 }),
      ]),
    ).toBe(15);
  });
});

describe('suppressTable', () => {
  it('publishes a table where every cell is at least k', () => {
    expect(
      suppressTable('types', [
        { key: 'a', value: 5 },
        { key: 'b', value: 9 },
      ]).cells.map((c) => c.value),
    ).toEqual([5, 9]);
  });

  it('publishes true zeros', () => {
    const t = suppressTable('followUps', [
      { key: 'niet-te-laat', value: 30 },
      { key: 'te-laat', value: 0 },
    ]);
    expect(t).toEqual({
      id: 'followUps',
      lessThanK: false,
      total: 30,
      cells: [
        { key: 'niet-te-laat', value: 30 },
        { key: 'te-laat', value: 0 },
      ],
    });
  });

  it('hides a second cell when the total would reveal the only hidden one, and leaves zeros published', () => {
    const t = suppressTable('types', [
      { key: 'a', value: 3 },
      { key: 'b', value: 6 },
      { key: 'c', value: 20 },
      { key: 'd', value: 0 },
    ]);
    expect(t.total).toBe(29);
    expect(t.cells.map((c) => c.value)).toEqual([null, null, 20, 0]);
  });

  it('keeps hiding non-zero cells while the hidden ones add up to less than k', () => {
    const t = suppressTable('types', [
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'c', value: 0 },
      { key: 'd', value: 6 },
      { key: 'e', value: 7 },
    ]);
    // 1 + 2 = 3 < 5: the smallest published non-zero cell (6) is hidden too; 0 stays.
    expect(t.cells.map((c) => c.value)).toEqual([null, null, 0, null, 7]);
  });

  it('hides every cell, zeros too, when the hidden ones would otherwise all be 1', () => {
    // Five types of 1: five hidden cells adding up to 5 would each be pinned to 1.
    const t = suppressTable('types', [
      { key: 'a', value: 1 },
      { key: 'b', value: 1 },
      { key: 'c', value: 1 },
      { key: 'd', value: 1 },
      { key: 'e', value: 1 },
      { key: 'f', value: 0 },
    ]);
    expect(t.total).toBe(5);
    expect(t.cells.every((c) => c.value === null)).toBe(true);
  });

  it('shows only "less than k" when the total is from 1 to k-1', () => {
    expect(
      suppressTable('types', [
        { key: 'a', value: 4 },
        { key: 'b', value: 0 },
      ]),
    ).toEqual({
      id: 'types',
      lessThanK: true,
      total: null,
      cells: [],
    });
    expect(suppressTable('types', [{ key: 'a', value: 1 }])).toMatchObject({ lessThanK: true, cells: [] });
  });

  it('publishes a table whose total is 0 as zeros: a true zero, not "less than k"', () => {
    expect(
      suppressTable('shares', [
        { key: 'toestemming', value: 0 },
        { key: 'noodtoestand', value: 0 },
      ]),
    ).toEqual({
      id: 'shares',
      lessThanK: false,
      total: 0,
      cells: [
        { key: 'toestemming', value: 0 },
        { key: 'noodtoestand', value: 0 },
      ],
    });
  });
});

describe('caseShares', () => {
  const caseId = crypto.randomUUID();
  const emergency = makeShareWithoutConsent({ caseId, basis: 'noodtoestand', sharedOn: '2026-02-10' });

  it('counts summaries made on consent, not consent records', () => {
    expect(caseShares({ consents: [makeConsent({ caseId }), makeConsent({ caseId })], summaries: [] })).toEqual([]);
    expect(
      caseShares({ consents: [makeConsent({ caseId })], summaries: [{ basis: 'toestemming', day: '2026-02-11' }] }),
    ).toEqual(['toestemming']);
  });

  it('counts the same summary for the same recipient on one day once; another day or recipient is another share', () => {
    const made = (day: string, recipient: string) => ({ basis: 'toestemming' as const, day, recipient });
    const summaries = [
      made('2026-02-11', 'school'),
      made('2026-02-11', 'school'),
      made('2026-02-11', 'school'),
      made('2026-02-11', 'ouders-voogd'),
      made('2026-02-12', 'school'),
    ];
    expect(caseShares({ consents: [makeConsent({ caseId })], summaries })).toEqual([
      'toestemming',
      'toestemming',
      'toestemming',
    ]);
  });

  it('counts a share without consent once, also when a summary carried it out', () => {
    expect(caseShares({ consents: [emergency], summaries: [{ basis: 'noodtoestand', day: '2026-02-10' }] })).toEqual([
      'noodtoestand',
    ]);
  });

  it('reads an older summary event without a basis as consent only when no share without consent preceded it', () => {
    expect(caseShares({ consents: [emergency], summaries: [{ basis: undefined, day: '2026-02-09' }] })).toEqual([
      'noodtoestand',
      'toestemming',
    ]);
    expect(caseShares({ consents: [emergency], summaries: [{ basis: undefined, day: '2026-02-10' }] })).toEqual([
      'noodtoestand',
    ]);
  });

  it('says a summary rested on consent only when every part did', () => {
    expect(summaryBasis([{ basis: 'toestemming' }, { basis: 'toestemming' }])).toBe('toestemming');
    expect(summaryBasis([{ basis: 'toestemming' }, { basis: 'art-458bis' }])).toBe('art-458bis');
  });
});

// ---------------------------------------------------------------------------
// Hand-computed tables
// ---------------------------------------------------------------------------

const Q1: AuditPeriod = { kind: 'quarter', year: 2026, quarter: 1 };

/**
 * 25 cases known in 2026-Q1 (and one in Q2, which must not count):
 * - first type: 12 sexting, 8 ongewenste sexting, 3 sextortion, 2 grooming;
 * - depicted age: 10 × 14, 10 × 16, 4 × 12, 1 case with only a melder of 13;
 * - latest flag: 20 rood, 5 geel (two of them were rood before);
 * - cases 0–21 have a follow-up done 7 days (0–10) or 3 days (11–21) after
 *   intake; cases 0–7 also an open one due after generatedOn: 30 follow-ups, none late;
 * - every case has a consent record; 19 summaries made on consent plus one
 *   older summary event without a basis; extra: cases 0–1 a noodtoestand share;
 * - issue 15: cases 0–5 a complaint made (6–7 only advised); cases 0–1 informed
 *   another school; cases 0–3 a first conversation 1 day after intake (case 0
 *   another at 18 days), cases 4–9 at 9 days.
 */
function handBuiltCohort(options: { emergencies: boolean }): AggregateInput[] {
  const cases: AggregateInput[] = Array.from({ length: 25 }, (_, i) => {
    const type = i < 12 ? 'sexting' : i < 20 ? 'ongewenste-sexting' : i < 23 ? 'sextortion' : 'grooming';
    const kase = makeCase({ knownOn: '2026-02-02', types: [type, 'grooming'] });
    const caseId = kase.id;
    const parties =
      i === 24
        ? [makeParty({ caseId, role: 'melder', age: 13 })]
        : [
            makeParty({ caseId, role: 'afgebeelde-jongere', age: i < 10 ? 14 : i < 20 ? 16 : 12 }),
            makeParty({ caseId, role: 'ouder-voogd', age: 45 }),
          ];
    const assessments =
      i < 20
        ? [makeAssessment({ caseId, flag: 'rood', assessedOn: '2026-02-03' })]
        : [
            makeAssessment({ caseId, flag: i < 22 ? 'rood' : 'geel', assessedOn: '2026-02-03' }),
            makeAssessment({ caseId, flag: 'geel', assessedOn: '2026-02-20' }),
          ];
    const followUps = [
      ...(i < 22 ? [makeFollowUp({ caseId, due: '2026-02-09', doneOn: i < 11 ? '2026-02-09' : '2026-02-05' })] : []),
      ...(i < 8 ? [makeFollowUp({ caseId, due: '2031-02-01' })] : []),
    ];
    const consents = [
      makeConsent({ caseId }),
      ...(options.emergencies && i < 2
        ? [makeShareWithoutConsent({ caseId, basis: 'noodtoestand', sharedOn: '2026-02-12' })]
        : []),
    ];
    const summaries: SummaryMade[] =
      i < 19
        ? [{ basis: 'toestemming', day: '2026-02-10' }]
        : i === 19
          ? [{ basis: undefined, day: '2026-02-10' }]
          : [];
    if (options.emergencies && i < 2) summaries.push({ basis: 'noodtoestand', day: '2026-02-12' });
    const takedowns = [
      ...(i < 12
        ? [
            makeTakedown({ caseId, step: 'ontvangers-gevraagd', status: 'gedaan', on: '2026-02-05' }),
            ...(i === 0
              ? [makeTakedown({ caseId, step: 'ontvangers-gevraagd', status: 'lukte-niet', on: '2026-02-03' })]
              : []),
          ]
        : []),
      ...(i < 3 ? [makeTakedown({ caseId, step: 'platform-gemeld', status: 'gedaan', on: '2026-02-04' })] : []),
      ...(i === 3 ? [makeTakedown({ caseId, step: 'platform-gemeld', status: 'niet-nodig', on: '2026-02-04' })] : []),
    ];
    const police = [
      ...(i < 6 ? [makePolice({ caseId, stage: 'neergelegd', on: '2026-02-06' })] : []),
      ...(i < 8 ? [makePolice({ caseId, stage: 'aangeraden', on: '2026-02-04' })] : []),
    ];
    const informed = i < 2 ? [makeInformed({ caseId, on: '2026-02-07' })] : [];
    const conversations = [
      ...(i === 0 ? [makeConversation({ caseId, on: '2026-02-20' })] : []),
      ...(i < 4 ? [makeConversation({ caseId, on: '2026-02-03' })] : []),
      ...(i >= 4 && i < 10 ? [makeConversation({ caseId, on: '2026-02-11' })] : []),
    ];
    return {
      case: kase,
      parties,
      consents,
      assessments,
      followUps,
      summaries,
      takedowns,
      police,
      informed,
      conversations,
    };
  });
  const later = makeCase({ knownOn: '2026-04-01', types: ['sexting'] });
  return [...cases, { case: later, parties: [], consents: [], assessments: [], followUps: [], summaries: [] }];
}

function values(a: AuditAggregates): Record<string, unknown> {
  return Object.fromEntries(
    a.tables.map((t) => [
      t.id,
      t.lessThanK ? 'minder dan k' : { total: t.total, ...Object.fromEntries(t.cells.map((c) => [c.key, c.value])) },
    ]),
  );
}

describe('buildAuditAggregates (hand-computed)', () => {
  it('publishes true zeros and hides counts of 1 to 4 with their complements', () => {
    const a = buildAuditAggregates(handBuiltCohort({ emergencies: false }), Q1, GENERATED_ON);
    expect(values(a)).toEqual({
      // sextortion 3 + grooming 2 = 5: two hidden cells that add up to k need no complement.
      types: {
        total: 25,
        sexting: 12,
        'ongewenste-sexting': 8,
        'shame-sexting': 0,
        sextortion: null,
        grooming: null,
        exposing: 0,
        doxing: 0,
        anders: 0,
      },
      // 12–13 (4) and onbekend (1) add up to 5; the melder's and parents' ages are not used.
      ageBands: { total: 25, 'tot-11': 0, '12-13': null, '14-15': 10, '16-17': 10, '18-plus': 0, onbekend: null },
      flags: { total: 25, groen: 0, geel: 5, rood: 20, zwart: 0, geen: 0 },
      // nog-niet (3) alone: its complement is the only other non-zero cell.
      firstFollowUp: { total: 25, afgerond: null, 'nog-niet': null },
      followUps: { total: 30, 'niet-te-laat': 30, 'te-laat': 0 },
      shares: { total: 20, toestemming: 20, noodtoestand: 0, 'art-458bis': 0 },
      // Cases 0–11 asked recipients (one of them first noted "lukte niet"), cases 0–2 reported to
      // the platform, case 3 only "niet nodig": 12 and 0 + 25 are published, 3 is hidden with 22.
      'takedown-verspreider-gevraagd': { total: 25, gedaan: 0, 'niet-gedaan': 25 },
      'takedown-ontvangers-gevraagd': { total: 25, gedaan: 12, 'niet-gedaan': 13 },
      'takedown-platform-gemeld': { total: 25, gedaan: null, 'niet-gedaan': null },
      'takedown-child-focus': { total: 25, gedaan: 0, 'niet-gedaan': 25 },
      // Issue 15: 6 complaints made (an advice alone does not count); 2 schools informed, hidden with
      // their complement 23; 10 cases with a conversation.
      complaints: { total: 25, ja: 6, nee: 19 },
      otherSchools: { total: 25, ja: null, nee: null },
      firstConversation: { total: 25, ja: 10, nee: 15 },
    });
    expect(a.stats).toEqual({
      medianDaysToFirstFollowUp: 3, // 11 × 3 and 11 × 7 days: rank 11 of 22
      p90DaysToFirstFollowUp: 7, // rank 20 of 22
      pctFollowUpsOverdue: 0,
      pctSharesWithConsent: 100,
      medianDaysToFirstConversation: 9, // 4 × 1 and 6 × 9 days (case 0's later one not counted): rank 5 of 10
    });
    expect(aggregatesToCsv(a).split('\r\n')).toEqual(
      expect.arrayContaining([
        'type,version,generatedOn,period,k',
        `baken-auditor-aggregates,3,${GENERATED_ON},2026-Q1,5`,
        'followUps,te-laat,0,0',
        'types,sextortion,,1',
        'stats,pctSharesWithConsent,100,0',
      ]),
    );
  });

  it('publishes the median days to the first conversation only with at least k cases behind it', () => {
    const cohort = handBuiltCohort({ emergencies: false }).map((c, i) => (i < 6 ? c : { ...c, conversations: [] }));
    const a = buildAuditAggregates(cohort, Q1, GENERATED_ON);
    // 4 × 1 and 2 × 9 days: six values, rank 3 of 6.
    expect(a.stats.medianDaysToFirstConversation).toBe(1);
    expect(values(a).firstConversation).toEqual({ total: 25, ja: 6, nee: 19 });
    const four = cohort.map((c, i) => (i < 4 ? c : { ...c, conversations: [] }));
    expect(buildAuditAggregates(four, Q1, GENERATED_ON).stats.medianDaysToFirstConversation).toBeNull();
  });

  it('counts each share without consent once and then hides it with its complement', () => {
    const a = buildAuditAggregates(handBuiltCohort({ emergencies: true }), Q1, GENERATED_ON);
    // 20 with consent, 2 noodtoestand (its summaries are not counted again), 0 art. 458bis.
    expect(values(a).shares).toEqual({ total: 22, toestemming: null, noodtoestand: null, 'art-458bis': 0 });
    expect(a.stats.pctSharesWithConsent).toBeNull();
  });

  it('counts a Dutch case that contacted Helpwanted.nl in the helpline table with Child Focus, once per case', () => {
    const cohort = handBuiltCohort({ emergencies: false }).map((c, i) => {
      const caseId = c.case.id;
      const extra =
        i < 4
          ? [makeTakedown({ caseId, step: 'child-focus', status: 'gedaan', on: '2026-02-05' })]
          : i < 10
            ? [makeTakedown({ caseId, step: 'helpwanted', status: 'gedaan', on: '2026-02-05' })]
            : i === 10
              ? [makeTakedown({ caseId, step: 'helpwanted', status: 'lukte-niet', on: '2026-02-05' })]
              : [];
      // Case 0 contacted both: one case.
      const both = i === 0 ? [makeTakedown({ caseId, step: 'helpwanted', status: 'gedaan', on: '2026-02-06' })] : [];
      return { ...c, takedowns: [...(c.takedowns ?? []), ...extra, ...both] };
    });
    const a = buildAuditAggregates(cohort, Q1, GENERATED_ON);
    expect(values(a)['takedown-child-focus']).toEqual({ total: 25, gedaan: 10, 'niet-gedaan': 15 });
    expect(a.tables.map((t) => t.id)).not.toContain('takedown-helpwanted');
  });

  it('publishes a quarter without cases as zeros, and its percentages and medians as nothing to count', () => {
    // Only the Q2 case: nothing became known in Q1.
    const a = buildAuditAggregates(handBuiltCohort({ emergencies: false }).slice(-1), Q1, GENERATED_ON);
    for (const table of a.tables) {
      expect(table.lessThanK).toBe(false);
      expect(table.total).toBe(0);
      expect(table.cells.every((c) => c.value === 0)).toBe(true);
    }
    expect(Object.values(a.stats).every((v) => v === null)).toBe(true);
    expect([...nothingToCount(a)].sort()).toEqual(Object.keys(a.stats).sort());
    const csv = aggregatesToCsv(a);
    expect(csv).toContain('\r\ntypes,total,0,0\r\n');
    expect(csv).toContain('\r\nstats,pctSharesWithConsent,,0\r\n');
    expect(csv).not.toContain('<5');
  });

  it('says "nothing to count" for a day figure whose base is a published 0, and keeps it hidden otherwise', () => {
    // Cases in the quarter, but none with a completed follow-up and none with a conversation.
    const none = handBuiltCohort({ emergencies: false })
      .slice(0, 25)
      .map((c) => ({
        ...c,
        followUps: c.followUps.map(({ doneOn: _, ...open }) => open),
        conversations: [],
      }));
    const a = buildAuditAggregates(none, Q1, GENERATED_ON);
    expect(values(a).firstFollowUp).toEqual({ total: 25, afgerond: 0, 'nog-niet': 25 });
    expect(values(a).firstConversation).toEqual({ total: 25, ja: 0, nee: 25 });
    expect(a.stats.medianDaysToFirstFollowUp).toBeNull();
    const nothing = nothingToCount(a);
    expect(nothing.has('medianDaysToFirstFollowUp')).toBe(true);
    expect(nothing.has('p90DaysToFirstFollowUp')).toBe(true);
    expect(nothing.has('medianDaysToFirstConversation')).toBe(true);
    const csv = aggregatesToCsv(a);
    expect(csv).toContain('\r\nstats,medianDaysToFirstFollowUp,,0\r\n');
    expect(csv).toContain('\r\nstats,medianDaysToFirstConversation,,0\r\n');
    // The JSON tells the two nulls apart too.
    const json = JSON.parse(aggregatesToJson(a)) as { statsNothingToCount: string[] };
    expect(json.statsNothingToCount).toEqual(expect.arrayContaining(['medianDaysToFirstFollowUp']));

    // Two completed follow-ups and one conversation: too few for a median, so hidden, not "nothing to count".
    const few = none.map((c, i) => ({
      ...c,
      followUps: i < 2 ? c.followUps.map((f) => ({ ...f, doneOn: '2026-02-09' })) : c.followUps,
      conversations: i === 0 ? [makeConversation({ caseId: c.case.id, on: '2026-02-11' })] : [],
    }));
    const b = buildAuditAggregates(few, Q1, GENERATED_ON);
    expect(b.stats.medianDaysToFirstFollowUp).toBeNull();
    expect(b.stats.medianDaysToFirstConversation).toBeNull();
    expect(nothingToCount(b).has('medianDaysToFirstFollowUp')).toBe(false);
    expect(nothingToCount(b).has('medianDaysToFirstConversation')).toBe(false);
    expect(aggregatesToCsv(b)).toContain('\r\nstats,medianDaysToFirstFollowUp,,1\r\n');
    const hidden = JSON.parse(aggregatesToJson(b)) as { statsNothingToCount: string[] };
    expect(hidden.statsNothingToCount).not.toContain('medianDaysToFirstFollowUp');
  });

  it('keeps a percentage of hidden cells hidden, not "nothing to count"', () => {
    const a = buildAuditAggregates(handBuiltCohort({ emergencies: true }), Q1, GENERATED_ON);
    expect(a.stats.pctSharesWithConsent).toBeNull();
    expect(nothingToCount(a).has('pctSharesWithConsent')).toBe(false);
    expect(aggregatesToCsv(a)).toContain('\r\nstats,pctSharesWithConsent,,1\r\n');
  });

  it('shows only "less than k" for every table of a cohort below k, even when it has many follow-ups', () => {
    const four = handBuiltCohort({ emergencies: false }).slice(0, 4);
    const a = buildAuditAggregates(four, Q1, GENERATED_ON);
    expect(Object.values(values(a))).toEqual(Array(13).fill('minder dan k'));
    expect(a.stats).toEqual({
      medianDaysToFirstFollowUp: null,
      p90DaysToFirstFollowUp: null,
      pctFollowUpsOverdue: null,
      pctSharesWithConsent: null,
      medianDaysToFirstConversation: null,
    });
    const csv = aggregatesToCsv(a);
    expect(csv).toContain('\r\ntypes,total,<5,1\r\n');
    expect(csv).not.toMatch(/types,sexting/);
  });

  it('adds each row in words as a last column when asked, quoted where it holds a comma', () => {
    const a = buildAuditAggregates(handBuiltCohort({ emergencies: false }), Q1, GENERATED_ON);
    const csv = aggregatesToCsv(a, (table, cell) => (table === 'stats' ? `kern ${cell}` : `${table}, ${cell}`));
    const lines = csv.split('\r\n');
    expect(lines[3]).toBe('table,cell,value,suppressed,omschrijving');
    expect(lines).toContain('types,sexting,12,0,"types, sexting"');
    expect(lines).toContain('types,total,25,0,"types, total"');
    expect(lines.find((l) => l.startsWith('stats,pctFollowUpsOverdue,'))).toMatch(/,kern pctFollowUpsOverdue$/);
    // Without it, the columns are as before.
    expect(aggregatesToCsv(a).split('\r\n')[3]).toBe('table,cell,value,suppressed');
  });
});

// ---------------------------------------------------------------------------
// Properties over random case sets
// ---------------------------------------------------------------------------

const dayArb = fc.integer({ min: 0, max: 3 * 365 - 1 }).map((n) => {
  const d = new Date(Date.UTC(2024, 0, 1));
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
});

const caseSpec = fc.record({
  knownOn: dayArb,
  types: fc.subarray([...caseTypeSchema.options], { minLength: 1 }),
  parties: fc.array(
    fc.record({
      role: fc.constantFrom(...partyRoleSchema.options),
      age: fc.option(fc.integer({ min: 5, max: 40 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  consents: fc.array(fc.record({ basis: fc.constantFrom('toestemming', 'noodtoestand', 'art-458bis'), on: dayArb }), {
    maxLength: 3,
  }),
  flags: fc.array(fc.record({ flag: fc.constantFrom(...flagSchema.options), on: dayArb }), { maxLength: 2 }),
  followUps: fc.array(fc.record({ due: dayArb, doneOn: fc.option(dayArb, { nil: undefined }) }), { maxLength: 3 }),
  summaries: fc.array(
    fc.record({ basis: fc.option(fc.constantFrom(...consentBasisSchema.options), { nil: undefined }), on: dayArb }),
    {
      maxLength: 2,
    },
  ),
  takedowns: fc.array(
    fc.record({
      step: fc.constantFrom(...takedownStepSchema.options),
      status: fc.constantFrom(...takedownStatusSchema.options),
      on: dayArb,
    }),
    { maxLength: 3 },
  ),
  // Issue 15 parts, so every table and the row-level log see them.
  police: fc.array(
    fc.record({
      stage: fc.constantFrom(...policeStageSchema.options),
      by: fc.constantFrom(...policeActorSchema.options),
      informed: fc.boolean(),
      on: dayArb,
    }),
    { maxLength: 2 },
  ),
  informed: fc.array(
    fc.record({
      institutionKind: fc.constantFrom(...institutionKindSchema.options),
      basis: fc.constantFrom(...informedBasisSchema.options),
      pupilsToldFirst: fc.boolean(),
      on: dayArb,
    }),
    { maxLength: 2 },
  ),
  conversations: fc.array(fc.record({ format: fc.constantFrom(...conversationFormatSchema.options), on: dayArb }), {
    maxLength: 2,
  }),
  evidence: fc.array(
    fc.record({
      exists: fc.constantFrom(...evidenceExistsSchema.options),
      heldBy: fc.subarray([...evidenceHolderSchema.options]),
      on: dayArb,
    }),
    { maxLength: 2 },
  ),
  grooming: fc.array(fc.record({ phases: fc.subarray([...groomingPhaseIdSchema.options]), on: dayArb }), {
    maxLength: 2,
  }),
  notes: fc.integer({ min: 0, max: 2 }),
});

const periodArb: fc.Arbitrary<AuditPeriod> = fc.record({
  kind: fc.constant('quarter' as const),
  year: fc.integer({ min: 2024, max: 2026 }),
  quarter: fc.integer({ min: 1, max: 4 }),
});

type CaseSpec = typeof caseSpec extends fc.Arbitrary<infer T> ? T : never;

/** Letters no output uses: the initials of every generated issue 15 record. */
const INITIALS = 'ŊĦŒ';

/** Builds cases with a unique marker in every name, pseudonym, school and free-text field. */
function buildCases(specs: readonly CaseSpec[], concentrate: boolean) {
  let n = 0;
  const markers: string[] = [];
  const dates = new Set<string>();
  const mark = (): string => {
    const m = `MK${String(n++).padStart(5, '0')}Z`;
    markers.push(m);
    return m;
  };
  const date = (d: string): string => {
    dates.add(d);
    return d;
  };
  const cases: LogInput[] = specs.map((s) => {
    const knownOn = date(
      concentrate ? `2025-0${1 + (s.knownOn.charCodeAt(9) % 3)}-1${s.knownOn.charCodeAt(9) % 10}` : s.knownOn,
    );
    const kase = makeCase({ knownOn, types: s.types, description: mark(), schools: [mark(), mark()] });
    const caseId = kase.id;
    markers.push(kase.id, kase.reference);
    const parties = s.parties.map((p) =>
      makeParty({
        caseId,
        role: p.role,
        age: p.age,
        pseudonym: mark(),
        realName: mark(),
        school: mark(),
        className: mark(),
      }),
    );
    const partyId = parties[0]?.id ?? crypto.randomUUID();
    const consents = s.consents.map((c) =>
      c.basis === 'toestemming'
        ? makeConsent({ caseId, partyId, givenOn: date(c.on) })
        : makeShareWithoutConsent({
            caseId,
            partyId,
            basis: c.basis,
            sharedOn: date(c.on),
            justification: mark(),
            checks: {
              solutionWithinTrustImpossible: { answer: 'ja', note: mark() },
              consultedOthers: { answer: 'ja', note: mark() },
              discussedWithYoungPerson: { answer: 'nee', note: mark() },
              canBeMotivatedToReport: { answer: 'nee', note: mark() },
              bestPlacedToInform: mark(),
            },
          }),
    );
    const assessments = s.flags.map((f) =>
      makeAssessment({ caseId, flag: f.flag, assessedOn: date(f.on), reasoning: mark() }),
    );
    const followUps = s.followUps.map((f) =>
      makeFollowUp({
        caseId,
        due: date(f.due),
        doneOn: f.doneOn === undefined ? undefined : date(f.doneOn),
        purpose: mark(),
        history: [{ from: date(f.due), to: date(f.due), reason: mark(), at: `${f.due}T08:00:00.000Z` }],
      }),
    );
    // Notes are not read by the aggregates, but a marker there must not leak either.
    Array.from({ length: s.notes }, () => makeNote({ caseId, text: mark() }));
    for (const r of [kase, ...parties, ...consents, ...assessments, ...followUps]) {
      date(('updatedAt' in r ? r.updatedAt : r.createdAt).slice(0, 10));
    }
    const summaries = s.summaries.map((x) => ({ basis: x.basis, day: date(x.on) }));
    const takedowns = s.takedowns.map((x) =>
      makeTakedown({ caseId, step: x.step, status: x.status, on: date(x.on), byInitials: INITIALS }),
    );
    const police = s.police.map((x) => makePolice({ caseId, ...x, on: date(x.on), byInitials: INITIALS }));
    const informed = s.informed.map((x) =>
      makeInformed({ caseId, ...x, institution: mark(), on: date(x.on), byInitials: INITIALS }),
    );
    const conversations = s.conversations.map((x) =>
      makeConversation({
        caseId,
        format: x.format,
        partyIds: x.format === 'samen' ? [partyId, crypto.randomUUID()] : [partyId],
        on: date(x.on),
        byInitials: INITIALS,
      }),
    );
    const evidence = s.evidence.map((x) =>
      makeEvidence({
        caseId,
        exists: x.exists,
        forms: x.exists === 'ja' ? ['berichten'] : [],
        heldBy: x.exists === 'ja' ? x.heldBy : [],
        on: date(x.on),
        byInitials: INITIALS,
      }),
    );
    const grooming = s.grooming.map((x) =>
      makeGrooming({ caseId, phases: x.phases, observedOn: date(x.on), byInitials: INITIALS }),
    );
    const parts = { police, informed, conversations, evidence, grooming };
    for (const r of Object.values(parts).flat()) {
      markers.push(r.id);
      date(r.createdAt.slice(0, 10));
    }
    return { case: kase, parties, consents, assessments, followUps, summaries, takedowns, ...parts };
  });
  return { cases, markers, dates };
}

const caseSets = fc.record({
  specs: fc.array(caseSpec, { maxLength: 60 }),
  period: periodArb,
  concentrate: fc.boolean(),
});

function outputs(a: AuditAggregates): string[] {
  return [aggregatesToCsv(a), aggregatesToJson(a)];
}

describe('buildAuditAggregates (properties)', () => {
  it('never contains a name, pseudonym, school, free text, id or exact date of any record', () => {
    fc.assert(
      fc.property(caseSets, ({ specs, period, concentrate }) => {
        const { cases, markers, dates } = buildCases(specs, concentrate);
        const p: AuditPeriod = concentrate ? { kind: 'quarter', year: 2025, quarter: 1 } : period;
        for (const text of outputs(buildAuditAggregates(cases, p, GENERATED_ON))) {
          for (const m of markers) expect(text).not.toContain(m);
          for (const d of dates) expect(text).not.toContain(d);
          expect(text.match(/\d{4}-\d{2}-\d{2}/g) ?? []).toEqual([GENERATED_ON]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('publishes every cell as at least k or suppressed, and no suppressed cell can be recomputed', () => {
    fc.assert(
      fc.property(caseSets, ({ specs, period, concentrate }) => {
        const { cases } = buildCases(specs, concentrate);
        const p: AuditPeriod = concentrate ? { kind: 'quarter', year: 2025, quarter: 1 } : period;
        const a = buildAuditAggregates(cases, p, GENERATED_ON);
        for (const table of a.tables) {
          if (table.lessThanK) {
            expect(table.cells).toEqual([]);
            continue;
          }
          const published = table.cells.flatMap((c) => (c.value === null ? [] : [c.value]));
          const hidden = table.cells.length - published.length;
          // True zeros are published (a total of 0 too); anything else published is at least k.
          for (const v of published) if (v !== 0) expect(v).toBeGreaterThanOrEqual(a.k);
          if (table.total !== 0) expect(table.total).toBeGreaterThanOrEqual(a.k);
          // Published total minus published cells = what the hidden cells add up to.
          const hiddenSum = table.total - published.reduce((s, v) => s + v, 0);
          if (hidden === 0) expect(hiddenSum).toBe(0);
          else {
            // With two or more hidden cells adding up to >= k, each hidden cell (at
            // least 1, since zeros are published) is never pinned to one value.
            expect(hidden).toBeGreaterThanOrEqual(2);
            expect(hiddenSum).toBeGreaterThanOrEqual(a.k);
            // ... and more than their number, or all cells (zeros too) are hidden.
            if (hidden < table.cells.length) expect(hiddenSum).toBeGreaterThan(hidden);
          }
        }
        const get = (id: string, key: string) =>
          a.tables.find((t) => t.id === id)?.cells.find((c) => c.key === key)?.value;
        if (a.stats.pctFollowUpsOverdue !== null) {
          expect(get('followUps', 'te-laat')).not.toBeNull();
          expect(get('followUps', 'niet-te-laat')).not.toBeNull();
        }
        if (a.stats.pctSharesWithConsent !== null) {
          for (const key of ['toestemming', 'noodtoestand', 'art-458bis']) expect(get('shares', key)).not.toBeNull();
        }
        if (a.stats.medianDaysToFirstFollowUp !== null || a.stats.p90DaysToFirstFollowUp !== null) {
          const { from, until } = periodRange(p);
          const done = cases.filter(
            (c) => c.case.knownOn >= from && c.case.knownOn < until && c.followUps.some((f) => f.doneOn !== undefined),
          );
          expect(done.length).toBeGreaterThanOrEqual(a.k);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the row-level log one row per case of the period, with no name, text, id, initials or exact date', async () => {
    await fc.assert(
      fc.asyncProperty(caseSets, async ({ specs, period, concentrate }) => {
        const { cases, markers, dates } = buildCases(specs, concentrate);
        const p: AuditPeriod = concentrate ? { kind: 'quarter', year: 2025, quarter: 1 } : period;
        let n = 0;
        const hash = (id: string) => Promise.resolve(`${id.length}${String(n++).padStart(30, '0')}`);
        const log = await buildPseudonymisedLog(cases, p, GENERATED_ON, hash);
        const { from, until } = periodRange(p);
        expect(log.rows).toHaveLength(cases.filter((c) => c.case.knownOn >= from && c.case.knownOn < until).length);
        const text = pseudonymisedLogToJson(log);
        for (const m of markers) expect(text).not.toContain(m);
        for (const d of dates) expect(text).not.toContain(d);
        expect(text).not.toMatch(/[ŊĦŒ]/);
        expect(text.match(/\d{4}-\d{2}-\d{2}/g) ?? []).toEqual([GENERATED_ON]);
      }),
      { numRuns: 100 },
    );
  });

  it('counts each case of the period exactly once in every table that is published', () => {
    fc.assert(
      fc.property(caseSets, ({ specs, period }) => {
        const { cases } = buildCases(specs, false);
        const a = buildAuditAggregates(cases, period, GENERATED_ON);
        const { from, until } = periodRange(period);
        const n = cases.filter((c) => c.case.knownOn >= from && c.case.knownOn < until).length;
        for (const id of ['types', 'ageBands', 'flags', 'firstFollowUp']) {
          const total = a.tables.find((t) => t.id === id)?.total;
          // An empty quarter is published as 0; 1 to k-1 cases only as "less than k".
          const small = n > 0 && n < a.k;
          expect(total).toBe(small ? null : n);
          // Tables of cases follow the cohort; the follow-up and share tables
          // count events, so with k cases or more they follow their own total
          // (no follow-ups in the period is a published 0), and with 1 to k-1
          // cases they too say only "less than k".
          const eventTables = new Set(['followUps', 'shares']);
          expect(a.tables.every((t) => (eventTables.has(t.id) ? !small || t.lessThanK : t.lessThanK === small))).toBe(
            true,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------
// Re-identification: what subtracting published figures can pin down
// ---------------------------------------------------------------------------

/** Σ terms = 0 over named unknowns (coefficient +1 or -1). */
type Equation = Array<{ v: string; c: 1 | -1 }>;

/**
 * An attacker who holds every published file and subtracts totals: interval
 * propagation over all equations until nothing changes. Each unknown starts
 * at [lo, hi]; an unknown is pinned when lo === hi.
 */
function attack(bounds: Map<string, [number, number]>, equations: readonly Equation[]): Map<string, [number, number]> {
  const b = new Map([...bounds].map(([k, v]) => [k, [...v] as [number, number]]));
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const eq of equations) {
      for (const term of eq) {
        // term.c * x = -Σ others: bound x by the others' extremes.
        let lo = 0;
        let hi = 0;
        for (const o of eq) {
          if (o === term) continue;
          const [olo, ohi] = b.get(o.v) ?? [0, Infinity];
          const sign = -o.c * term.c;
          lo += sign > 0 ? olo : -ohi;
          hi += sign > 0 ? ohi : -olo;
        }
        const cur = b.get(term.v) ?? [0, Infinity];
        const next: [number, number] = [Math.max(cur[0], lo), Math.min(cur[1], hi)];
        if (next[0] !== cur[0] || next[1] !== cur[1]) {
          b.set(term.v, next);
          changed = true;
        }
      }
    }
  }
  return b;
}

/**
 * Turns published figures into the attacker's unknowns and equations. Each
 * file is about one group of `unit` unknowns (a quarter, or a month inside
 * it): a published cell is a constant, a hidden cell is at least 1 (zeros are
 * published), a "less than k" table adds up to 0..k-1. `groups` says which
 * units a file's cells add up (a quarter file sums the months it contains).
 */
function model(
  files: ReadonlyArray<{ units: readonly string[]; a: AuditAggregates }>,
  truth: (unit: string, table: string, key: string) => number,
) {
  const bounds = new Map<string, [number, number]>();
  const equations: Equation[] = [];
  const truths = new Map<string, number>();
  const published = new Set<string>();
  const keysOf = new Map<string, readonly string[]>();
  const unknown = (unit: string, table: string, key: string): string => {
    const v = `${unit}|${table}|${key}`;
    if (!bounds.has(v)) {
      bounds.set(v, [0, Infinity]);
      truths.set(v, truth(unit, table, key));
    }
    return v;
  };
  files.forEach((file, f) => {
    for (const t of file.a.tables) {
      const keys = keysOf.get(t.id) ?? [];
      const cellKeys = t.lessThanK ? keys : t.cells.map((c) => c.key);
      if (!t.lessThanK) keysOf.set(t.id, cellKeys);
      const sumOf = (key: string): string => {
        const s = `file${f}|${t.id}|${key}`;
        bounds.set(s, [0, Infinity]);
        equations.push([{ v: s, c: -1 }, ...file.units.map((u) => ({ v: unknown(u, t.id, key), c: 1 as const }))]);
        return s;
      };
      const total = `file${f}|${t.id}|total`;
      bounds.set(total, t.lessThanK ? [0, file.a.k - 1] : [t.total, t.total]);
      equations.push([{ v: total, c: -1 }, ...cellKeys.map((key) => ({ v: sumOf(key), c: 1 as const }))]);
      if (t.lessThanK) continue;
      for (const c of t.cells) {
        const s = `file${f}|${t.id}|${c.key}`;
        // A hidden cell is at least 1, unless the whole table is hidden (then zeros are hidden too).
        const allHidden = t.cells.every((x) => x.value === null);
        bounds.set(s, c.value === null ? [allHidden ? 0 : 1, Infinity] : [c.value, c.value]);
        if (c.value !== null && file.units.length === 1) published.add(`${file.units[0]}|${t.id}|${c.key}`);
      }
    }
  });
  return { bounds, equations, truths, published };
}

/** Unknowns below k that were not published but are pinned to their true value. */
function recovered(m: ReturnType<typeof model>, k: number): string[] {
  const result = attack(m.bounds, m.equations);
  const out: string[] = [];
  for (const [v, truth] of m.truths) {
    const [lo, hi] = result.get(v) ?? [0, Infinity];
    if (truth < k && !m.published.has(v) && lo === hi) out.push(`${v}=${truth}`);
  }
  return out;
}

const YEAR = 2025;
const quarterOf = (knownOn: string): number => Math.floor((Number(knownOn.slice(5, 7)) - 1) / 3) + 1;
const monthOf = (knownOn: string): number => Number(knownOn.slice(5, 7));

/** The true count of one cell for the cases of one unit (`Q2` or `M05`). */
function truthOf(cases: readonly AggregateInput[]) {
  return (unit: string, table: string, key: string): number => {
    const inUnit = cases.filter((c) =>
      unit.startsWith('Q')
        ? quarterOf(c.case.knownOn) === Number(unit.slice(1))
        : monthOf(c.case.knownOn) === Number(unit.slice(1)),
    );
    const q = Number(unit.startsWith('Q') ? unit.slice(1) : quarterOf(`${YEAR}-${unit.slice(1)}-01`));
    // k = 1 suppresses nothing: the raw counts of these cases, read back from the same builder.
    const raw = buildAuditAggregates(inUnit, { kind: 'quarter', year: YEAR, quarter: q }, GENERATED_ON, 1);
    const tbl = raw.tables.find((x) => x.id === table);
    return tbl?.cells.find((c) => c.key === key)?.value ?? 0;
  };
}

describe('re-identification by subtracting published figures', () => {
  it('finds the leak a month next to its quarter would open (so the attacker works)', () => {
    // January: 3 sexting cases ("less than 5"); February and March: 10 each. The quarter
    // then publishes sexting 23 and zeros elsewhere, and 23 - 10 - 10 gives January away.
    const mk = (knownOn: string): AggregateInput => {
      const kase = makeCase({ knownOn, types: ['sexting'] });
      return { case: kase, parties: [], consents: [], assessments: [], followUps: [], summaries: [] };
    };
    const cases = [
      ...Array.from({ length: 3 }, () => mk(`${YEAR}-01-15`)),
      ...Array.from({ length: 10 }, () => mk(`${YEAR}-02-15`)),
      ...Array.from({ length: 10 }, () => mk(`${YEAR}-03-15`)),
    ];
    const period: AuditPeriod = { kind: 'quarter', year: YEAR, quarter: 1 };
    // What a month export would have been: the same builder over one month's cases.
    const month = (m: number) => ({
      units: [`M0${m}`],
      a: buildAuditAggregates(
        cases.filter((c) => monthOf(c.case.knownOn) === m),
        period,
        GENERATED_ON,
      ),
    });
    const quarter = { units: ['M01', 'M02', 'M03'], a: buildAuditAggregates(cases, period, GENERATED_ON) };
    const leaks = recovered(model([month(1), month(2), month(3), quarter], truthOf(cases)), SUPPRESSION_K);
    expect(leaks).toContain('M01|types|sexting=3');
  });

  it('pins no unpublished count below 5 from all four quarters of logbooks of 5 to 200 cases', () => {
    const logbook = fc.record({
      size: fc.integer({ min: 5, max: 200 }),
      // Concentrated logbooks put most cases in a few months, so small cells are common.
      months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(logbook, ({ size, months, seed }) => {
        const specs = fc.sample(caseSpec, { numRuns: size, seed });
        const { cases } = buildCases(specs, false);
        const placed = cases.map((c, i) => {
          const m = months[i % months.length] ?? 1;
          return {
            ...c,
            case: {
              ...c.case,
              knownOn: `${YEAR}-${String(m).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            },
          };
        });
        const files = [1, 2, 3, 4].map((q) => ({
          units: [`Q${q}`],
          a: buildAuditAggregates(placed, { kind: 'quarter', year: YEAR, quarter: q }, GENERATED_ON),
        }));
        expect(recovered(model(files, truthOf(placed)), SUPPRESSION_K)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
