import { createHmac, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  makeAssessment,
  makeCase,
  makeConversation,
  makeEvidence,
  makeFollowUp,
  makeGrooming,
  makeInformed,
  makeParty,
  makePolice,
  makeTakedown,
} from './factories';
import { buildPseudonymisedLog, isoWeek, pseudonymisedLogToJson } from './pseudonymised-log';
import type { LogInput } from './pseudonymised-log';

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
    // Issue 15 parts, with a marker wherever a record holds text and letters no output uses as initials.
    evidence: [
      makeEvidence({ caseId: kase.id, exists: 'nee', forms: [], heldBy: [], on: '2026-01-05', byInitials: 'ŊĦ' }),
      makeEvidence({ caseId: kase.id, exists: 'ja', heldBy: ['politie', 'jongere'], on: knownOn, byInitials: 'ŊĦ' }),
    ],
    police: [
      makePolice({ caseId: kase.id, stage: 'aangeraden', by: 'clb', informed: false, on: knownOn, byInitials: 'ŊĦ' }),
      makePolice({
        caseId: kase.id,
        stage: 'neergelegd',
        by: 'jongere',
        informed: true,
        on: knownOn,
        byInitials: 'ŊĦ',
      }),
    ],
    informed: [
      makeInformed({ caseId: kase.id, institution: mark, basis: 'dreiging', pupilsToldFirst: false, on: knownOn }),
      makeInformed({ caseId: kase.id, institution: mark, basis: 'dreiging', pupilsToldFirst: true, on: knownOn }),
    ],
    grooming: [
      makeGrooming({ caseId: kase.id, phases: ['slachtofferselectie'], observedOn: '2026-01-02', byInitials: 'ŊĦ' }),
      makeGrooming({
        caseId: kase.id,
        phases: ['informatie-en-vertrouwen', 'verleggen-van-grenzen'],
        observedOn: knownOn,
        byInitials: 'ŊĦ',
      }),
    ],
    conversations: [
      makeConversation({ caseId: kase.id, format: 'apart', on: '2026-03-10', byInitials: 'ŊĦ' }),
      makeConversation({ caseId: kase.id, format: 'samen', partyIds: [kase.id, kase.id], on: knownOn }),
    ],
  } satisfies LogInput;
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
      takedown: {
        'verspreider-gevraagd': 'geen',
        'ontvangers-gevraagd': 'geen',
        'platform-gemeld': 'geen',
        'child-focus': 'gedaan',
        helpwanted: 'geen',
      },
      evidence: 'ja',
      evidenceForms: ['schermafbeeldingen'],
      evidenceHeldBy: ['politie', 'jongere'],
      police: { overwogen: 'geen', aangeraden: 'clb', neergelegd: 'jongere' },
      policeExplained: true,
      otherInstitutionsInformed: 2,
      informedBases: ['dreiging'],
      informedPupilsToldFirst: 1,
      groomingPhases: ['informatie-en-vertrouwen', 'verleggen-van-grenzen'],
      conversations: { samen: 1, apart: 1 },
    });
    // The first conversation's week, never its date: 2026-03-04 is in week 10 and before 2026-03-10 (week 11).
    expect(log.rows.map((r) => [r.knownWeek, r.firstConversationWeek]).sort()).toEqual([
      ['2026-W07', '2026-W07'],
      ['2026-W10', '2026-W10'],
    ]);
    const text = pseudonymisedLogToJson(log);
    for (const c of cases) {
      expect(text).not.toContain(c.case.id);
      expect(text).not.toContain(c.case.reference);
      expect(text).not.toContain(c.case.knownOn);
    }
    expect(text).not.toMatch(/MRK-/);
    expect(text).not.toMatch(/[ŊĦ]|KV/);
    expect(log.version).toBe(3);
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
