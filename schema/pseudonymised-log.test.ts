import { createHmac, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { AggregateInput } from './audit-aggregates';
import { makeAssessment, makeCase, makeFollowUp, makeParty, makeTakedown } from './factories';
import { buildPseudonymisedLog, isoWeek, pseudonymisedLogToJson } from './pseudonymised-log';

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;

/** What the app does with WebCrypto: HMAC-SHA-256 under a fresh key. */
function freshHash() {
  const key = randomBytes(32);
  return (id: string) => Promise.resolve(createHmac('sha256', key).update(id).digest('hex').slice(0, 32));
}

// Typed by `satisfies`: the cases keep their full records (the test looks for their reference).
function input(knownOn: string, mark: string) {
  const kase = makeCase({ knownOn, description: mark, schools: [mark], types: ['sextortion'] });
  return {
    case: kase,
    parties: [makeParty({ caseId: kase.id, pseudonym: mark, realName: mark, age: 15 })],
    consents: [],
    assessments: [makeAssessment({ caseId: kase.id, flag: 'geel', reasoning: mark, assessedOn: knownOn })],
    followUps: [makeFollowUp({ caseId: kase.id, due: '2026-03-20', doneOn: '2026-03-19', purpose: mark })],
    summaries: [{ basis: 'toestemming', day: '2026-03-20' }],
    takedowns: [makeTakedown({ caseId: kase.id, step: 'child-focus', status: 'gedaan', on: knownOn })],
  } satisfies AggregateInput;
}

describe('pseudonymised row-level log', () => {
  it('has one row per case of the quarter with a week, enums and counts, and no name, text, id or date', async () => {
    const cases = [input('2026-03-04', 'MRK-A-1'), input('2026-02-11', 'MRK-B-2'), input('2026-04-02', 'MRK-C-3')];
    const log = await buildPseudonymisedLog(cases, Q1, '2026-04-10', freshHash());
    expect(log).toMatchObject({ dataClass: 'gepseudonimiseerde-persoonsgegevens', period: '2026-Q1' });
    expect(log.rows.map((r) => r.knownWeek).sort()).toEqual(['2026-W07', '2026-W10']);
    expect(log.rows[0]).toMatchObject({
      type: 'sextortion',
      ageBand: '14-15',
      flag: 'geel',
      followUpsDone: 1,
      followUpsOverdue: 0,
      sharesWithConsent: 1,
      sharesWithoutConsent: 0,
      takedownDone: ['child-focus'],
    });
    const text = pseudonymisedLogToJson(log);
    for (const c of cases) {
      expect(text).not.toContain(c.case.id);
      expect(text).not.toContain(c.case.reference);
      expect(text).not.toContain(c.case.knownOn);
    }
    expect(text).not.toMatch(/MRK-/);
    expect(text.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2026-04-10']);
  });

  it('gives the same case another pseudonym in every export (a fresh key each time)', async () => {
    const cases = [input('2026-03-04', 'MRK-A')];
    const first = await buildPseudonymisedLog(cases, Q1, '2026-04-10', freshHash());
    const second = await buildPseudonymisedLog(cases, Q1, '2026-04-10', freshHash());
    expect(first.rows[0]?.pseudonym).toMatch(/^[0-9a-f]{32}$/);
    expect(first.rows[0]?.pseudonym).not.toBe(second.rows[0]?.pseudonym);
  });

  it('uses ISO weeks, also across a year boundary', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-03-04')).toBe('2026-W10');
  });
});
