// The date of something that happened (an assessment, a conversation, a step
// done, a referral…) may not lie in the future: every operation that takes one
// refuses a later day with `date.inFuture` on that field and writes nothing,
// and takes today. A planned date (a follow-up's `due`) is not such a date.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { criteria2021Ids } from '../../schema/content-ids';
import { recordErrors } from '../../schema/errors';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const ANSWERS_2021_UNKNOWN = Object.fromEntries(criteria2021Ids.map((id) => [id, 'onbekend'] as const));
const TODAY = '2026-03-12';
const LATER = '2026-03-14';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:00:00.000Z`));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

afterEach(() => {
  vi.useRealTimers();
});

async function newCase() {
  const kase = await runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [],
    description: 'Gemeld door een klasgenoot.',
  });
  const party = await runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere', age: 14 });
  return { caseId: kase.id, partyId: party.id };
}

type Ids = Awaited<ReturnType<typeof newCase>>;

interface Case {
  name: string;
  field: string;
  /** Writes what the operation needs first (not part of what is checked). */
  prepare?: (ids: Ids) => Promise<string>;
  run: (ids: Ids, day: string, prepared: string) => Promise<unknown>;
}

const cases: Case[] = [
  {
    name: 'createCase',
    field: 'knownOn',
    run: (_ids, day) =>
      runOperation('createCase', {
        knownOn: day,
        knownVia: 'klasgenoot',
        types: ['ongewenste-sexting'],
        schools: [],
        description: 'Gemeld.',
      }),
  },
  {
    name: 'updateCase',
    field: 'knownOn',
    run: ({ caseId }, day) => runOperation('updateCase', { id: caseId, knownOn: day }),
  },
  {
    name: 'recordShareWithoutConsent (when the young person was told)',
    field: 'youngPersonInformed.on',
    run: ({ caseId, partyId }, day) =>
      runOperation('recordShareWithoutConsent', {
        caseId,
        partyId,
        basis: 'art-458bis',
        recipient: 'politie-parket',
        categories: ['feiten'],
        sharedOn: TODAY,
        justification: 'Ernstig gevaar, besproken in het team.',
        checks: {
          solutionWithinTrustImpossible: { answer: 'ja' },
          consultedOthers: { answer: 'ja', note: 'VK zonder naam' },
          discussedWithYoungPerson: { answer: 'ja' },
          canBeMotivatedToReport: { answer: 'nee' },
          bestPlacedToInform: 'De politie',
        },
        youngPersonInformed: { told: 'ja', on: day, how: 'In een gesprek op het CLB.' },
      }),
  },
  {
    name: 'assessFlags',
    field: 'assessedOn',
    run: ({ caseId }, day) =>
      runOperation('assessFlags', {
        caseId,
        criteriaVersion: '2021',
        answers: ANSWERS_2021_UNKNOWN,
        flag: 'geel',
        reasoning: 'Afweging van het team.',
        assessedOn: day,
      }),
  },
  {
    name: 'recordConversation',
    field: 'on',
    run: ({ caseId, partyId }, day) =>
      runOperation('recordConversation', {
        caseId,
        on: day,
        format: 'apart',
        partyIds: [partyId],
        allAgreed: true,
        byInitials: 'KV',
      }),
  },
  {
    name: 'recordEvidence',
    field: 'on',
    run: ({ caseId }, day) =>
      runOperation('recordEvidence', { caseId, exists: 'ja', heldBy: ['politie'], on: day, byInitials: 'KV' }),
  },
  {
    name: 'recordGroomingObservation',
    field: 'observedOn',
    run: ({ caseId }, day) =>
      runOperation('recordGroomingObservation', {
        caseId,
        phases: ['slachtofferselectie'],
        observedOn: day,
        byInitials: 'KV',
      }),
  },
  {
    name: 'recordInstitutionInformed',
    field: 'on',
    run: ({ caseId }, day) =>
      runOperation('recordInstitutionInformed', {
        caseId,
        institutionKind: 'school',
        institution: 'De school',
        on: day,
        basis: 'toestemming',
        byInitials: 'KV',
      }),
  },
  {
    name: 'recordPoliceStep',
    field: 'on',
    run: ({ caseId }, day) =>
      runOperation('recordPoliceStep', { caseId, stage: 'overwogen', by: 'clb', on: day, byInitials: 'KV' }),
  },
  {
    name: 'recordReferral',
    field: 'referredOn',
    run: ({ caseId }, day) =>
      runOperation('recordReferral', {
        caseId,
        organisationId: 'child-focus',
        organisationName: 'Child Focus',
        referredOn: day,
        byInitials: 'KV',
      }),
  },
  {
    name: 'recordTakedownStep',
    field: 'on',
    run: ({ caseId }, day) =>
      runOperation('recordTakedownStep', { caseId, step: 'child-focus', status: 'gedaan', on: day, byInitials: 'KV' }),
  },
  {
    name: 'setStepCheck',
    field: 'doneOn',
    run: ({ caseId }, day) =>
      runOperation('setStepCheck', { caseId, planId: 'sexting-18', stepId: 'gesprek-jongere', doneOn: day }),
  },
  {
    name: 'completeFollowUp',
    field: 'doneOn',
    prepare: async ({ caseId }) =>
      (await runOperation('scheduleFollowUp', { caseId, due: '2026-03-19', purpose: 'Nagaan.' })).id,
    run: (_ids, day, followUpId) => runOperation('completeFollowUp', { id: followUpId, doneOn: day }),
  },
  {
    name: 'appendNote (when it happened)',
    field: 'at',
    run: ({ caseId }, day) =>
      runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Kort gesprek.', at: `${day}T08:00:00.000Z` }),
  },
  {
    name: 'addParty (competence judgement)',
    field: 'competence.assessedOn',
    run: ({ caseId }, day) =>
      runOperation('addParty', {
        caseId,
        role: 'jongere-die-doorstuurde',
        age: 11,
        competence: { competent: true, assessedBy: 'KV', assessedOn: day, reason: 'Gesprek met de jongere.' },
      }),
  },
  {
    name: 'updateParty (competence judgement)',
    field: 'competence.assessedOn',
    run: ({ partyId }, day) =>
      runOperation('updateParty', {
        id: partyId,
        competence: { competent: false, assessedBy: 'KV', assessedOn: day, reason: 'Gesprek met de jongere.' },
      }),
  },
];

/** Every stored row, as it is on disk. */
async function snapshot() {
  const [records, audit] = await Promise.all([db.records.toArray(), db.audit.toArray()]);
  return { records, audit };
}

describe('a date of something that happened', () => {
  it.each(cases)('$name refuses a day after today and writes nothing', async ({ field, prepare, run }) => {
    const ids = await newCase();
    const prepared = (await prepare?.(ids)) ?? '';
    const before = await snapshot();
    const error = await run(ids, LATER, prepared).then(
      () => expect.unreachable('should have failed'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => [i.path.map(String).join('.'), i.message])).toEqual([
      [field, recordErrors.dateInFuture],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it.each(cases)('$name takes today', async ({ prepare, run }) => {
    const ids = await newCase();
    const prepared = (await prepare?.(ids)) ?? '';
    const auditBefore = await db.audit.count();
    await run(ids, TODAY, prepared);
    // Every operation writes exactly one audit event with its records.
    expect(await db.audit.count()).toBe(auditBefore + 1);
  });
});

describe('a date stored before this rule', () => {
  // Written on a later (fake) day, then looked at "earlier": as a record made before the rule would be.
  async function storedAhead<T>(write: () => Promise<T>): Promise<T> {
    vi.setSystemTime(new Date(`${LATER}T09:00:00.000Z`));
    const written = await write();
    vi.setSystemTime(new Date(`${TODAY}T10:00:00.000Z`));
    return written;
  }

  it('does not block another change of the betrokkene when its competence date is sent unchanged', async () => {
    const { caseId } = await newCase();
    const competence = { competent: true, assessedBy: 'KV', assessedOn: LATER, reason: 'Gesprek met de jongere.' };
    const party = await storedAhead(() =>
      runOperation('addParty', { caseId, role: 'jongere-die-doorstuurde', age: 11, competence }),
    );
    await expect(runOperation('updateParty', { id: party.id, age: 12, competence })).resolves.toMatchObject({
      age: 12,
    });
  });

  it('does not block a new note on a step done "later", and a changed later day is refused', async () => {
    const { caseId } = await newCase();
    const step = { caseId, planId: 'sexting-18', stepId: 'gesprek-jongere' };
    await storedAhead(() => runOperation('setStepCheck', { ...step, doneOn: LATER }));
    await expect(
      runOperation('setStepCheck', { ...step, doneOn: LATER, note: 'Kort gesprek.' }),
    ).resolves.toMatchObject({
      note: 'Kort gesprek.',
    });
    await expect(runOperation('setStepCheck', { ...step, doneOn: '2026-03-13' })).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
  });
});

describe('a later "bekend sinds" than what is recorded as done', () => {
  // The case is known since 2026-03-02 (newCase); each record below is dated 2026-03-05.
  const ON = '2026-03-05';
  const recorded: Array<{ name: string; write: (ids: Ids) => Promise<unknown> }> = [
    {
      name: 'a consent',
      write: ({ caseId, partyId }) =>
        runOperation('recordConsent', {
          caseId,
          partyId,
          recipient: 'school',
          categories: ['feiten'],
          givenBy: 'jongere',
          givenOn: ON,
          how: 'mondeling-genoteerd',
        }),
    },
    {
      name: 'a flag assessment',
      write: (ids) => cases.find((c) => c.name === 'assessFlags')?.run(ids, ON, '') ?? Promise.reject(new Error()),
    },
    {
      name: 'a competence judgement',
      write: ({ partyId }) =>
        runOperation('updateParty', {
          id: partyId,
          competence: { competent: true, assessedBy: 'KV', assessedOn: ON, reason: 'Gesprek met de jongere.' },
        }),
    },
  ];

  for (const { name, write } of recorded) {
    it(`is refused past ${name}, and the case is unchanged; up to its day is allowed`, async () => {
      const ids = await newCase();
      await write(ids);
      const before = await db.records.get(ids.caseId);
      const refused = await runOperation('updateCase', { id: ids.caseId, knownOn: '2026-03-06' }).catch((e) => e);
      expect(refused).toBeInstanceOf(InvalidRecordError);
      expect((refused as InvalidRecordError).issues).toEqual([
        { path: ['knownOn'], message: recordErrors.knownOnAfterRecords },
      ]);
      expect(await db.records.get(ids.caseId)).toEqual(before);
      await expect(runOperation('updateCase', { id: ids.caseId, knownOn: ON })).resolves.toMatchObject({
        knownOn: ON,
      });
    });
  }

  it('lets "bekend sinds" move later when nothing dated is recorded, and earlier at any time', async () => {
    const { caseId } = await newCase();
    await expect(runOperation('updateCase', { id: caseId, knownOn: '2026-03-10' })).resolves.toMatchObject({
      knownOn: '2026-03-10',
    });
    await expect(runOperation('updateCase', { id: caseId, knownOn: '2026-03-01' })).resolves.toMatchObject({
      knownOn: '2026-03-01',
    });
  });
});
