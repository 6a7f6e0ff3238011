import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  aggregatesToCsv,
  aggregatesToJson,
  ageBand,
  buildAuditAggregates,
  periodLabel,
  periodRange,
  suppressTable,
} from './audit-aggregates';
import type { AggregateInput, AuditAggregates, AuditPeriod } from './audit-aggregates';
import {
  makeAssessment,
  makeCase,
  makeConsent,
  makeFollowUp,
  makeNote,
  makeParty,
  makeShareWithoutConsent,
} from './factories';
import { flagSchema } from './records/assessment';
import { caseTypeSchema } from './records/case';
import { partyRoleSchema } from './records/party';

const GENERATED_ON = '2031-01-15';

describe('periods', () => {
  it('names a month or a quarter without ever naming a day', () => {
    expect(periodLabel({ kind: 'month', year: 2026, month: 3 })).toBe('2026-03');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('2026-Q4');
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
      from: '2026-10-01',
      until: '2027-01-01',
    });
    expect(periodRange({ kind: 'month', year: 2026, month: 12 })).toEqual({ from: '2026-12-01', until: '2027-01-01' });
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

  it('hides a second cell when the total would reveal the only hidden one', () => {
    const t = suppressTable('types', [
      { key: 'a', value: 3 },
      { key: 'b', value: 6 },
      { key: 'c', value: 20 },
    ]);
    expect(t.total).toBe(29);
    expect(t.cells.map((c) => c.value)).toEqual([null, null, 20]);
  });

  it('keeps hiding cells while the hidden ones add up to less than k, so zeros are not given away', () => {
    const t = suppressTable('types', [
      { key: 'a', value: 0 },
      { key: 'b', value: 0 },
      { key: 'c', value: 6 },
      { key: 'd', value: 7 },
    ]);
    expect(t.cells.map((c) => c.value)).toEqual([null, null, null, 7]);
  });

  it('hides everything, the total too, when the total is below k', () => {
    expect(
      suppressTable('types', [
        { key: 'a', value: 4 },
        { key: 'b', value: 0 },
      ]),
    ).toEqual({
      id: 'types',
      total: null,
      cells: [
        { key: 'a', value: null },
        { key: 'b', value: null },
      ],
    });
  });
});

describe('buildAuditAggregates (example)', () => {
  it('counts the cases known in the period and derives the published figures', () => {
    const cases: AggregateInput[] = Array.from({ length: 12 }, (_, i) => {
      const kase = makeCase({ knownOn: '2026-02-02', types: [i < 7 ? 'sexting' : 'grooming'] });
      return {
        case: kase,
        parties: [makeParty({ caseId: kase.id, age: i < 6 ? 14 : 16 })],
        consents: [makeConsent({ caseId: kase.id })],
        assessments: [makeAssessment({ caseId: kase.id, flag: 'rood' })],
        // (every case has the same flag: see the flags expectation below)
        followUps: [makeFollowUp({ caseId: kase.id, due: '2026-02-09', doneOn: i < 6 ? '2026-02-09' : '2026-02-12' })],
      };
    });
    const outside = makeCase({ knownOn: '2026-04-01' });
    const all = [...cases, { case: outside, parties: [], consents: [], assessments: [], followUps: [] }];
    const a = buildAuditAggregates(all, { kind: 'quarter', year: 2026, quarter: 1 }, GENERATED_ON);
    const table = (id: string) => a.tables.find((t) => t.id === id);
    expect(table('types')?.total).toBe(12);
    // The six empty types add up to 0, so the published total would show they are all 0:
    // grooming (5) is hidden as well.
    expect(table('types')?.cells.filter((c) => c.value !== null)).toEqual([{ key: 'sexting', value: 7 }]);
    expect(table('ageBands')?.cells.filter((c) => c.value !== null)).toEqual([{ key: '16-17', value: 6 }]);
    // All 12 cases have the same flag: publishing 12 would show every other flag is 0,
    // and say something about every case, so the whole row of cells is hidden.
    expect(table('flags')?.total).toBe(12);
    expect(table('flags')?.cells.every((c) => c.value === null)).toBe(true);
    expect(a.stats).toEqual({
      medianDaysToFirstFollowUp: 7,
      p90DaysToFirstFollowUp: 10,
      pctFollowUpsOverdue: 50,
      pctSharesWithConsent: null, // no shares without consent: 0 is below k, so the share table hides two cells
    });
    expect(aggregatesToCsv(a).split('\r\n').slice(0, 2)).toEqual([
      'type,version,generatedOn,period,k',
      `baken-auditor-aggregates,1,${GENERATED_ON},2026-Q1,5`,
    ]);
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
  notes: fc.integer({ min: 0, max: 2 }),
});

const periodArb: fc.Arbitrary<AuditPeriod> = fc.oneof(
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.integer({ min: 2024, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: fc.integer({ min: 2024, max: 2026 }),
    quarter: fc.integer({ min: 1, max: 4 }),
  }),
);

type CaseSpec = typeof caseSpec extends fc.Arbitrary<infer T> ? T : never;

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
  const cases: AggregateInput[] = specs.map((s) => {
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
    return { case: kase, parties, consents, assessments, followUps };
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
          const published = table.cells.flatMap((c) => (c.value === null ? [] : [c.value]));
          const hidden = table.cells.length - published.length;
          for (const v of published) expect(v).toBeGreaterThanOrEqual(a.k);
          if (table.total === null) {
            expect(published).toEqual([]);
            continue;
          }
          expect(table.total).toBeGreaterThanOrEqual(a.k);
          // Published total minus published cells = what the hidden cells add up to.
          const hiddenSum = table.total - published.reduce((s, v) => s + v, 0);
          if (hidden === 0) expect(hiddenSum).toBe(0);
          else {
            // With two or more hidden cells adding up to >= k, each hidden cell can be
            // anything from 0 to that sum: never pinned to one value.
            expect(hidden).toBeGreaterThanOrEqual(2);
            expect(hiddenSum).toBeGreaterThanOrEqual(a.k);
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

  it('counts each case of the period exactly once in every table that is published', () => {
    fc.assert(
      fc.property(caseSets, ({ specs, period }) => {
        const { cases } = buildCases(specs, false);
        const a = buildAuditAggregates(cases, period, GENERATED_ON);
        const { from, until } = periodRange(period);
        const n = cases.filter((c) => c.case.knownOn >= from && c.case.knownOn < until).length;
        for (const id of ['types', 'ageBands', 'flags', 'firstFollowUp']) {
          const total = a.tables.find((t) => t.id === id)?.total;
          expect(total).toBe(n >= a.k ? n : null);
        }
      }),
      { numRuns: 100 },
    );
  });
});
