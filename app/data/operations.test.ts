import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { allowsShare } from '../../schema/consent-rules';
import { recordErrors, textErrors } from '../../schema/errors';
import type { StoredRecord } from '../../schema/records';
import type { AuditAction, AuditEvent } from '../../schema/records/audit';
import type { Case, CaseFields } from '../../schema/records/case';
import type { RecordConsentInput, ShareChecks, ShareWithoutConsentInput } from '../../schema/records/consent';
import type { Party } from '../../schema/records/party';
import { raiseCaseReferenceCounter, readCaseReferenceCounter } from './case-reference';
import { readCaseDetail, readCaseList } from './case-reads';
import { listCasesDueForErasure } from './ops/case';
import { operations } from './operations';
import { runOperation } from './operations';
import { db } from './db';
import { updateSettings } from './settings';
import { AppendOnlyError, InvalidRecordError, RecordNotFoundError, VaultLockedError } from './errors';
import * as store from './store';
import { deleteDraft, eraseCase, getRecord, listFollowUpsDue, listRecords, saveDraft, saveRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault, lock, unlock } from './vault';
import { flushBeforeLock } from './session';

// Marker strings in every free-text field: none may reach an audit event.
const M = {
  description: 'MRK-beschrijving-q7',
  school: 'MRK-school-q7',
  realName: 'MRK-echte-naam-q7',
  pseudonym: 'MRK-schuilnaam-q7',
  note: 'MRK-notitie-q7',
  correction: 'MRK-correctie-q7',
  reason: 'MRK-reden-q7',
  reasoning: 'MRK-redenering-q7',
  justification: 'MRK-verantwoording-q7',
  purpose: 'MRK-doel-q7',
  organisation: 'MRK-organisatie-q7',
  stepNote: 'MRK-stapnotitie-q7',
};

const ANSWERS_2021 = {
  'wederzijdse-toestemming': 'niet-in-orde',
  vrijwilligheid: 'twijfel',
  gelijkwaardigheid: 'onbekend',
  'ontwikkelings-of-functioneringsniveau': 'in-orde',
  context: 'onbekend',
  impact: 'niet-in-orde',
} as const;

const CHECKS: ShareChecks = {
  solutionWithinTrustImpossible: { answer: 'ja' },
  consultedOthers: { answer: 'ja', note: 'VK zonder naam' },
  discussedWithYoungPerson: { answer: 'ja' },
  canBeMotivatedToReport: { answer: 'nee' },
  bestPlacedToInform: 'De politie',
};
/** Issue 14: whether the young person was told, and who is best placed to help (noodtoestand). */
const TOLD = {
  youngPersonInformed: { told: 'ja', on: '2026-03-12', how: 'In een gesprek op het CLB.' },
  bestPlacedToHelp: 'De jeugdconsulent van de politie',
} as const;

/** Moves the (fake) clock on, so every write gets a later timestamp. */
function tick(ms = 1000): void {
  vi.setSystemTime(Date.now() + ms);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear(); // drop "vault.created"
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function newCase(overrides: Partial<CaseFields> = {}): Promise<Case> {
  return runOperation('createCase', {
    knownOn: '2026-03-11',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [M.school],
    description: M.description,
    ...overrides,
  });
}

async function auditEvents(): Promise<AuditEvent[]> {
  const results = await listRecords({ kind: 'audit' });
  return results.flatMap((r) => (r.ok ? [r.record] : []));
}

async function stored(id: string): Promise<StoredRecord | undefined> {
  const result = await getRecord(id);
  return result?.ok ? result.record : undefined;
}

function issuesOf(error: unknown): Array<{ path: string; message: string }> {
  expect(error).toBeInstanceOf(InvalidRecordError);
  return (error as InvalidRecordError).issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => expect.unreachable('should have failed'),
    (e: unknown) => e,
  );
}

interface Ctx {
  kase: Case;
  party: Party;
}

async function seed(): Promise<Ctx> {
  const kase = await newCase();
  tick();
  const party = await runOperation('addParty', {
    caseId: kase.id,
    role: 'afgebeelde-jongere',
    realName: M.realName,
    age: 14,
  });
  tick();
  return { kase, party };
}

describe('every operation writes its records and exactly one audit event in one transaction', () => {
  interface Op {
    name: string;
    action: AuditAction;
    prepare?: (ctx: Ctx) => Promise<unknown>;
    run: (ctx: Ctx, prepared: unknown) => Promise<{ id: string } | { erased: number }>;
  }
  const ops: Op[] = [
    { name: 'createCase', action: 'case.created', run: async () => newCase() },
    {
      name: 'updateCase',
      action: 'case.updated',
      run: async ({ kase }) => runOperation('updateCase', { id: kase.id, types: ['grooming'] }),
    },
    {
      name: 'updateCase (facts corrected)',
      action: 'case.facts-corrected',
      run: async ({ kase }) =>
        runOperation('updateCase', { id: kase.id, description: M.correction, factsReason: M.reason }),
    },
    {
      name: 'addParty',
      action: 'party.added',
      run: async ({ kase }) => runOperation('addParty', { caseId: kase.id, role: 'melder', pseudonym: M.pseudonym }),
    },
    {
      name: 'updateParty',
      action: 'party.updated',
      run: async ({ party }) => runOperation('updateParty', { id: party.id, school: M.school, className: '3B' }),
    },
    {
      name: 'recordConsent',
      action: 'consent.recorded',
      run: async ({ kase, party }) =>
        runOperation('recordConsent', {
          caseId: kase.id,
          partyId: party.id,
          recipient: 'school',
          categories: ['feiten', 'afspraken'],
          givenBy: 'jongere',
          givenOn: '2026-03-12',
          how: 'mondeling-genoteerd',
        }),
    },
    {
      name: 'withdrawConsent',
      action: 'consent.withdrawn',
      prepare: async ({ kase, party }) =>
        runOperation('recordConsent', {
          caseId: kase.id,
          partyId: party.id,
          recipient: 'school',
          categories: ['feiten'],
          givenBy: 'jongere',
          givenOn: '2026-03-12',
          how: 'mondeling-genoteerd',
        }),
      run: async (_ctx, consent) =>
        runOperation('withdrawConsent', { id: (consent as { id: string }).id, withdrawnOn: '2026-03-13' }),
    },
    {
      name: 'recordShareWithoutConsent',
      action: 'share.without-consent',
      run: async ({ kase, party }) =>
        runOperation('recordShareWithoutConsent', {
          caseId: kase.id,
          partyId: party.id,
          basis: 'noodtoestand',
          recipient: 'politie-parket',
          categories: ['feiten'],
          sharedOn: '2026-03-12',
          justification: M.justification,
          checks: CHECKS,
          ...TOLD,
        }),
    },
    {
      name: 'assessFlags',
      action: 'assessment.recorded',
      run: async ({ kase }) =>
        runOperation('assessFlags', {
          caseId: kase.id,
          criteriaVersion: '2021',
          answers: ANSWERS_2021,
          flag: 'rood',
          reasoning: M.reasoning,
          assessedOn: '2026-03-12',
        }),
    },
    {
      name: 'appendNote',
      action: 'note.added',
      run: async ({ kase }) => runOperation('appendNote', { caseId: kase.id, noteKind: 'gesprek', text: M.note }),
    },
    {
      name: 'correctNote',
      action: 'note.superseded',
      prepare: async ({ kase }) => runOperation('appendNote', { caseId: kase.id, noteKind: 'gesprek', text: M.note }),
      run: async (_ctx, note) =>
        runOperation('correctNote', { supersedes: (note as { id: string }).id, text: M.correction, reason: M.reason }),
    },
    {
      name: 'scheduleFollowUp',
      action: 'followup.scheduled',
      run: async ({ kase }) =>
        runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: M.purpose }),
    },
    {
      name: 'completeFollowUp',
      action: 'followup.done',
      prepare: async ({ kase }) =>
        runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: M.purpose }),
      run: async (_ctx, f) => runOperation('completeFollowUp', { id: (f as { id: string }).id, doneOn: '2026-03-12' }),
    },
    {
      name: 'undoFollowUpDone',
      action: 'followup.undone',
      prepare: async ({ kase }) => {
        const f = await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: M.purpose });
        return runOperation('completeFollowUp', { id: f.id, doneOn: '2026-03-12' });
      },
      run: async (_ctx, f) => runOperation('undoFollowUpDone', { id: (f as { id: string }).id }),
    },
    {
      name: 'rescheduleFollowUp',
      action: 'followup.rescheduled',
      prepare: async ({ kase }) =>
        runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: M.purpose }),
      run: async (_ctx, f) =>
        runOperation('rescheduleFollowUp', { id: (f as { id: string }).id, to: '2026-03-26', reason: M.reason }),
    },
    {
      name: 'recordReferral',
      action: 'referral.recorded',
      run: async ({ kase }) =>
        runOperation('recordReferral', {
          caseId: kase.id,
          organisationId: 'child-focus',
          organisationName: M.organisation,
          referredOn: '2026-03-12',
          byInitials: 'AV',
        }),
    },
    {
      name: 'setStepCheck (done)',
      action: 'step.checked',
      run: async ({ kase }) =>
        runOperation('setStepCheck', {
          caseId: kase.id,
          planId: 'sexting-18',
          stepId: 'gesprek-jongere',
          doneOn: '2026-03-12',
          note: M.stepNote,
        }),
    },
    {
      name: 'setStepCheck (undone)',
      action: 'step.unchecked',
      run: async ({ kase }) =>
        runOperation('setStepCheck', {
          caseId: kase.id,
          planId: 'sexting-18',
          stepId: 'gesprek-jongere',
          doneOn: null,
        }),
    },
    {
      name: 'closeCase',
      action: 'case.closed',
      run: async ({ kase }) => runOperation('closeCase', { id: kase.id, retentionUntil: '2031-03-12' }),
    },
    {
      name: 'reopenCase',
      action: 'case.reopened',
      prepare: async ({ kase }) => runOperation('closeCase', { id: kase.id, retentionUntil: '2031-03-12' }),
      run: async ({ kase }) => runOperation('reopenCase', { id: kase.id }),
    },
    {
      name: 'eraseCaseNow',
      action: 'case.erased',
      run: async ({ kase }) => runOperation('eraseCaseNow', { id: kase.id }),
    },
  ];

  it.each(ops)('$name writes "$action"', async ({ action, prepare, run }) => {
    const ctx = await seed();
    const prepared = prepare ? await prepare(ctx) : undefined;
    tick();
    const before = await auditEvents();
    const caseBefore = await stored(ctx.kase.id);
    const transaction = vi.spyOn(db, 'transaction');

    const result = await run(ctx, prepared);

    const writes = transaction.mock.calls.filter((args) => args.flat().includes(db.records));
    expect(writes).toHaveLength(1);
    const after = await auditEvents();
    expect(after).toHaveLength(before.length + 1);
    const event = after.find((e) => !before.some((b) => b.id === e.id));
    expect(event).toMatchObject({ kind: 'audit', action, at: new Date().toISOString() });
    const text = JSON.stringify(event);
    for (const marker of Object.values(M)) expect(text).not.toContain(marker);

    if ('id' in result) {
      expect(await stored(result.id)).toEqual(result);
      const kase = (await stored(event?.caseId ?? '')) as Case;
      expect(kase.kind).toBe('case');
      expect(kase.updatedAt).toBe(new Date().toISOString());
      if (action !== 'case.created') {
        expect(event?.caseId).toBe(ctx.kase.id);
        expect(kase.updatedAt > (caseBefore as Case).updatedAt).toBe(true);
      }
    } else {
      expect(event?.caseId).toBe(ctx.kase.id);
      expect(result.erased).toBeGreaterThan(0);
    }
  });

  it('keeps every marker out of the raw audit table too', async () => {
    for (const { prepare, run } of ops) {
      const ctx = await seed();
      await run(ctx, prepare ? await prepare(ctx) : undefined);
    }
    const audit = (await dumpRawDatabase()).filter((r) => r.store === 'audit');
    expect(audit.length).toBeGreaterThan(ops.length);
    const raw = audit.map((r) => rawText(r.value)).join('\n');
    for (const marker of Object.values(M)) expect(raw).not.toContain(marker);
  });

  it('writes nothing at all when an operation is refused', async () => {
    const { kase } = await seed();
    const before = await dumpRawDatabase();
    await failure(
      runOperation('appendNote', { caseId: kase.id, noteKind: 'gesprek', text: 'data:image/png;base64,iVBORw0KGgo=' }),
    );
    await failure(runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-01', purpose: 'Te laat' }));
    await failure(runOperation('addParty', { caseId: crypto.randomUUID(), role: 'melder' }));
    expect(await dumpRawDatabase()).toEqual(before);
  });

  it('refuses every operation while the vault is locked', async () => {
    const { kase } = await seed();
    lock();
    await expect(runOperation('appendNote', { caseId: kase.id, noteKind: 'gesprek', text: 'x' })).rejects.toThrow(
      VaultLockedError,
    );
    await expect(newCase()).rejects.toThrow(VaultLockedError);
  });
});

describe('a lock while an operation runs', () => {
  it('waits for the save under way, so it is kept and the key goes only afterwards', async () => {
    const kase = await newCase();
    const saving = runOperation('appendNote', { caseId: kase.id, noteKind: 'gesprek', text: M.note });
    // What every lock does first (app/features/lock/hidden-lock.ts), then the key goes.
    await flushBeforeLock(1000);
    lock();
    const note = await saving;
    expect(note.text).toBe(M.note);
    await unlock(TEST_PASSPHRASE);
    expect((await stored(note.id))?.kind).toBe('note');
  });
});

describe('case references', () => {
  it('are sequential per year, unique and never reused after an erasure', async () => {
    const a = await newCase();
    const b = await newCase();
    const c = await newCase();
    expect([a.reference, b.reference, c.reference]).toEqual(['2026-001', '2026-002', '2026-003']);
    await runOperation('eraseCaseNow', { id: c.id });
    expect((await newCase()).reference).toBe('2026-004');

    vi.setSystemTime(new Date('2027-01-02T09:00:00.000Z'));
    expect((await newCase({ knownOn: '2026-12-30' })).reference).toBe('2027-001');
    vi.setSystemTime(new Date('2026-12-31T09:00:00.000Z'));
    expect((await newCase()).reference).toBe('2026-005');
  });

  it('stay unique when cases are created at the same moment', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, async () => newCase()));
    const references = created.map((c) => c.reference).sort();
    expect(references).toEqual(Array.from({ length: 8 }, (_, i) => `2026-00${i + 1}`));
  });

  it('start above the cases already stored when the counter is missing (e.g. after a restore)', async () => {
    await newCase();
    await newCase();
    await db.meta.delete('caseReferences');
    expect((await newCase()).reference).toBe('2026-003');
  });

  it('can be raised after an import but never lowered', async () => {
    await newCase();
    await raiseCaseReferenceCounter({ '2026': 40, '2025': 7 });
    await raiseCaseReferenceCounter({ '2026': 2 });
    expect(await readCaseReferenceCounter()).toEqual({ '2026': 40, '2025': 7 });
    expect((await newCase()).reference).toBe('2026-041');
  });

  it('keep the counter encrypted on disk', async () => {
    await newCase();
    const meta = (await dumpRawDatabase()).find((r) => rawText(r.value).includes('caseReferences'));
    expect(meta).toBeDefined();
    expect(rawText(meta?.value)).not.toContain('years');
    expect(rawText(meta?.value)).not.toContain('2026');
  });

  it('do not use up a number when the input is invalid', async () => {
    await failure(newCase({ description: 'data:image/png;base64,iVBORw0KGgo=' }));
    expect((await newCase()).reference).toBe('2026-001');
  });
});

describe('betrokkenen', () => {
  // Issue 15 changed the default for other roles: a parent or an adult is never offered "Jongere …".
  it('get "Jongere A", "Jongere B", … by default for young people and a name by role for others, skipping pseudonyms in use', async () => {
    const { kase } = await seed(); // Jongere A
    const c = await runOperation('addParty', { caseId: kase.id, role: 'melder', pseudonym: 'Jongere C' });
    const b = await runOperation('addParty', { caseId: kase.id, role: 'ontvanger-omstander' });
    const e = await runOperation('addParty', { caseId: kase.id, role: 'jongere-die-doorstuurde' });
    const d = await runOperation('addParty', { caseId: kase.id, role: 'ouder-voogd', pseudonym: '   ' });
    expect([c.pseudonym, b.pseudonym, e.pseudonym, d.pseudonym]).toEqual([
      'Jongere C',
      'Jongere B',
      'Jongere D',
      'Ouder A',
    ]);
    const other = await newCase();
    expect((await runOperation('addParty', { caseId: other.id, role: 'melder' })).pseudonym).toBe('Melder A');
  });

  it('refuse a pseudonym already used in the case', async () => {
    const { kase, party } = await seed();
    const error = await failure(
      runOperation('addParty', { caseId: kase.id, role: 'melder', pseudonym: ' jongere a ' }),
    );
    expect(issuesOf(error)).toEqual([{ path: 'pseudonym', message: recordErrors.pseudonymTaken }]);
    const other = await runOperation('addParty', { caseId: kase.id, role: 'melder' });
    const error2 = await failure(runOperation('updateParty', { id: other.id, pseudonym: party.pseudonym }));
    expect(issuesOf(error2)).toEqual([{ path: 'pseudonym', message: recordErrors.pseudonymTaken }]);
  });

  it('keep a change saved meanwhile elsewhere: another field is merged, the same field is refused', async () => {
    const { kase, party } = await seed();
    // Tab A saves a school; tab B, opened before, changes the class only: both stay.
    await runOperation('updateParty', { id: party.id, school: 'Nieuwe school', expected: { school: undefined } });
    const merged = await runOperation('updateParty', {
      id: party.id,
      className: '5A',
      expected: { className: undefined },
    });
    expect(merged).toMatchObject({ school: 'Nieuwe school', className: '5A' });
    // Tab B also changes the school it saw as empty: refused on that field, A's school stays.
    const error = await failure(
      runOperation('updateParty', { id: party.id, school: 'Andere school', expected: { school: undefined } }),
    );
    expect(issuesOf(error)).toEqual([{ path: 'school', message: recordErrors.changedMeanwhile }]);
    expect((await runOperation('updateParty', { id: party.id })).school).toBe('Nieuwe school');
    // The same for the facts of a case.
    await runOperation('updateCase', { id: kase.id, types: ['grooming'], expected: { types: kase.types } });
    const stale = await failure(
      runOperation('updateCase', { id: kase.id, types: ['sextortion'], expected: { types: kase.types } }),
    );
    expect(issuesOf(stale)).toEqual([{ path: 'types', message: recordErrors.changedMeanwhile }]);
  });

  it('can record and remove a competence override and optional details', async () => {
    const { party } = await seed();
    const competence = { competent: true, assessedBy: 'AV', assessedOn: '2026-03-12', reason: 'Besproken' };
    const updated = await runOperation('updateParty', { id: party.id, competence, age: 11, school: '  ' });
    expect(updated).toMatchObject({ competence, age: 11, pseudonym: 'Jongere A' });
    expect(updated).not.toHaveProperty('school');
    const cleared = await runOperation('updateParty', {
      id: party.id,
      competence: undefined,
      realName: undefined,
      pseudonym: undefined,
    });
    expect(cleared).not.toHaveProperty('competence');
    expect(cleared).not.toHaveProperty('realName');
    expect(cleared.pseudonym).toBe('Jongere A');
  });

  it('refuses a competence judgement dated before the case became known, and changes nothing', async () => {
    const { kase, party } = await seed();
    const early = { competent: true, assessedBy: 'AV', assessedOn: '2026-03-10', reason: 'Besproken' };
    const error = await failure(runOperation('updateParty', { id: party.id, competence: early }));
    expect(issuesOf(error)).toEqual([{ path: 'competence.assessedOn', message: recordErrors.dateBeforeKnown }]);
    expect((await listRecords({ kind: 'party', caseId: kase.id }))[0]).not.toHaveProperty('competence');
    const added = await failure(
      runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere', age: 10, competence: early }),
    );
    expect(issuesOf(added)).toEqual([{ path: 'competence.assessedOn', message: recordErrors.dateBeforeKnown }]);
    // The day the case became known is fine.
    await expect(
      runOperation('updateParty', { id: party.id, competence: { ...early, assessedOn: kase.knownOn } }),
    ).resolves.toMatchObject({ competence: { assessedOn: '2026-03-11' } });
  });
});

describe('consent', () => {
  async function consentFor(ctx: Ctx) {
    return runOperation('recordConsent', {
      caseId: ctx.kase.id,
      partyId: ctx.party.id,
      recipient: 'school',
      categories: ['feiten', 'afspraken'],
      givenBy: 'jongere',
      givenOn: '2026-03-12',
      how: 'mondeling-genoteerd',
    });
  }

  it('allows sharing until it is withdrawn, and not from the withdrawal date on', async () => {
    const ctx = await seed();
    const consent = await consentFor(ctx);
    const query = { partyId: ctx.party.id, recipient: 'school', category: 'feiten' } as const;
    expect(allowsShare([consent], { ...query, onDate: '2026-03-14' })).toEqual(consent);
    expect(allowsShare([consent], { ...query, category: 'vlaggen-beoordeling', onDate: '2026-03-14' })).toBeNull();

    const withdrawn = await runOperation('withdrawConsent', { id: consent.id, withdrawnOn: '2026-03-14' });
    expect(withdrawn).toMatchObject({ id: consent.id, withdrawnOn: '2026-03-14' });
    expect(await stored(consent.id)).toEqual(withdrawn);
    expect(allowsShare([withdrawn], { ...query, onDate: '2026-03-13' })).toEqual(withdrawn);
    expect(allowsShare([withdrawn], { ...query, onDate: '2026-03-14' })).toBeNull();
    expect(allowsShare([withdrawn], { ...query, onDate: '2026-04-01' })).toBeNull();
  });

  it('refuses a withdrawal before the consent was given, and a second withdrawal', async () => {
    const ctx = await seed();
    const consent = await consentFor(ctx);
    expect(
      issuesOf(await failure(runOperation('withdrawConsent', { id: consent.id, withdrawnOn: '2026-03-11' }))),
    ).toEqual([{ path: 'withdrawnOn', message: recordErrors.withdrawnBeforeGiven }]);
    await runOperation('withdrawConsent', { id: consent.id, withdrawnOn: '2026-03-12' });
    expect(
      issuesOf(await failure(runOperation('withdrawConsent', { id: consent.id, withdrawnOn: '2026-03-20' }))),
    ).toEqual([{ path: 'withdrawnOn', message: recordErrors.alreadyWithdrawn }]);
    expect(await stored(consent.id)).toMatchObject({ withdrawnOn: '2026-03-12' });
  });

  it('refuses consent from someone who may not give it, with the reason (issue 14)', async () => {
    const ctx = await seed(); // a 14-year-old depicted pupil, Flanders by default: presumed competent
    const parentConsent: RecordConsentInput = {
      caseId: ctx.kase.id,
      partyId: ctx.party.id,
      recipient: 'school',
      categories: ['feiten'],
      givenBy: 'ouder-voogd',
      givenOn: '2026-03-12',
      how: 'mondeling-genoteerd',
    };
    const error = await failure(runOperation('recordConsent', parentConsent));
    expect(issuesOf(error)).toEqual([{ path: 'givenBy', message: recordErrors.giverNotEntitledCompetent }]);
    expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    // The device's Rechtsgebied changes: the case keeps the law it was made under.
    await updateSettings({ jurisdiction: 'nederland' });
    expect(ctx.kase.jurisdiction).toBe('vlaanderen');
    expect(issuesOf(await failure(runOperation('recordConsent', parentConsent)))).toEqual([
      { path: 'givenBy', message: recordErrors.giverNotEntitledCompetent },
    ]);
    // Only the case's own Rechtsgebied, changed on the case, applies Dutch law to it.
    await runOperation('updateCase', { id: ctx.kase.id, jurisdiction: 'nederland' });
    // Netherlands, 12–15: the parent gives their part; the record waits for the young person's.
    await expect(runOperation('recordConsent', parentConsent)).resolves.toMatchObject({
      givenBy: 'ouder-voogd',
      schemaVersion: 3,
    });
  });

  it.each([
    ['on a day in the future', '2099-01-01', recordErrors.dateInFuture],
    ['before the case became known', '2026-02-01', recordErrors.dateBeforeKnown],
  ])('refuses a consent given %s, and writes nothing', async (_when, givenOn, code) => {
    const ctx = await seed();
    const given = await failure(
      runOperation('recordConsent', {
        caseId: ctx.kase.id,
        partyId: ctx.party.id,
        recipient: 'school',
        categories: ['feiten'],
        givenBy: 'jongere',
        givenOn,
        how: 'mondeling-genoteerd',
      }),
    );
    expect(issuesOf(given)).toEqual([{ path: 'givenOn', message: code }]);
    expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    // Today (the fake clock's 2026-03-12) is neither in the future nor before "Bekend sinds".
    await expect(consentFor(ctx)).resolves.toMatchObject({ givenOn: '2026-03-12' });
  });

  it('refuses consent for a betrokkene of another case', async () => {
    const ctx = await seed();
    const other = await seed();
    const error = await failure(consentFor({ kase: ctx.kase, party: other.party }));
    expect(issuesOf(error)).toEqual([{ path: 'partyId', message: recordErrors.partyNotInCase }]);
  });

  describe('sharing without consent', () => {
    async function share(ctx: Ctx, overrides: Record<string, unknown>) {
      return runOperation('recordShareWithoutConsent', {
        caseId: ctx.kase.id,
        partyId: ctx.party.id,
        basis: 'art-458bis',
        recipient: 'politie-parket',
        categories: ['feiten'],
        sharedOn: '2026-03-12',
        justification: M.justification,
        checks: CHECKS,
        youngPersonInformed: TOLD.youngPersonInformed,
        ...overrides,
      } as ShareWithoutConsentInput);
    }

    it('refuses a share dated in the future', async () => {
      const ctx = await seed();
      const error = await failure(share(ctx, { sharedOn: '2099-01-01' }));
      expect(issuesOf(error)).toEqual([{ path: 'sharedOn', message: recordErrors.dateInFuture }]);
      expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    });

    it('refuses a share dated before the case became known', async () => {
      const ctx = await seed();
      const error = await failure(share(ctx, { sharedOn: '2026-03-10' }));
      expect(issuesOf(error)).toEqual([{ path: 'sharedOn', message: recordErrors.dateBeforeKnown }]);
      expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    });

    it('requires a written justification', async () => {
      const ctx = await seed();
      expect(issuesOf(await failure(share(ctx, { justification: '  ' })))).toEqual([
        { path: 'justification', message: textErrors.required },
      ]);
    });

    it('requires an answer to every check question', async () => {
      const ctx = await seed();
      const { consultedOthers: _omitted, ...withoutOne } = CHECKS;
      expect(issuesOf(await failure(share(ctx, { checks: withoutOne })))).toEqual([
        { path: 'checks.consultedOthers', message: recordErrors.checkRequired },
      ]);
      const unanswered = { ...CHECKS, discussedWithYoungPerson: { answer: '' } };
      expect(issuesOf(await failure(share(ctx, { checks: unanswered })))).toEqual([
        { path: 'checks.discussedWithYoungPerson.answer', message: recordErrors.checkRequired },
      ]);
      expect(issuesOf(await failure(share(ctx, { checks: undefined })))).toEqual([
        { path: 'checks', message: recordErrors.checkRequired },
      ]);
      expect(issuesOf(await failure(share(ctx, { checks: { ...CHECKS, bestPlacedToInform: '' } })))).toEqual([
        { path: 'checks.bestPlacedToInform', message: textErrors.required },
      ]);
      expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    });

    it('sends an art. 458bis share only to politie-parket (issue 14)', async () => {
      const ctx = await seed();
      expect(issuesOf(await failure(share(ctx, { recipient: 'school' })))).toEqual([
        { path: 'recipient', message: recordErrors.art458bisParketOnly },
      ]);
      expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
    });

    it('refuses art. 458bis (Belgian law) in a case under Dutch rules; a noodtoestand is still noted', async () => {
      const ctx = await seed();
      await runOperation('updateCase', { id: ctx.kase.id, jurisdiction: 'nederland' });
      expect(issuesOf(await failure(share(ctx, {})))).toEqual([
        { path: 'basis', message: recordErrors.art458bisNotInNl },
      ]);
      expect(await listRecords({ kind: 'consent', caseId: ctx.kase.id })).toEqual([]);
      await expect(
        share(ctx, { basis: 'noodtoestand', recipient: 'school', bestPlacedToHelp: 'de zorgcoördinator' }),
      ).resolves.toMatchObject({ basis: 'noodtoestand' });
    });

    it('asks a noodtoestand who is best placed to help, and every share whether the young person was told', async () => {
      const ctx = await seed();
      expect(
        issuesOf(
          await failure(share(ctx, { basis: 'noodtoestand', recipient: 'school', bestPlacedToHelp: undefined })),
        ),
      ).toEqual([{ path: 'bestPlacedToHelp', message: recordErrors.bestPlacedToHelpRequired }]);
      expect(issuesOf(await failure(share(ctx, { youngPersonInformed: { told: 'niet-vastgelegd' } })))).toEqual([
        { path: 'youngPersonInformed', message: recordErrors.informedRequired },
      ]);
      const recorded = await share(ctx, {
        basis: 'noodtoestand',
        recipient: 'school',
        bestPlacedToHelp: 'De zorgcoördinator',
        youngPersonInformed: { told: 'nee', whyNot: 'Niet bereikbaar vandaag.' },
      });
      expect(await stored(recorded.id)).toMatchObject({
        schemaVersion: 3,
        bestPlacedToHelp: 'De zorgcoördinator',
        youngPersonInformed: { told: 'nee', whyNot: 'Niet bereikbaar vandaag.' },
        confirmedWarnings: [],
      });
    });

    it('refuses check answers that contradict the basis until the worker confirms them', async () => {
      const ctx = await seed();
      const checks = { ...CHECKS, solutionWithinTrustImpossible: { answer: 'nee' } };
      expect(issuesOf(await failure(share(ctx, { checks })))).toEqual([
        { path: 'confirmedWarnings', message: recordErrors.warningNotConfirmed },
      ]);
      const recorded = await share(ctx, {
        checks,
        confirmedWarnings: ['oplossing-binnen-vertrouwensrelatie-mogelijk'],
      });
      expect(recorded).toMatchObject({ confirmedWarnings: ['oplossing-binnen-vertrouwensrelatie-mogelijk'] });
    });

    it('is stored with its basis and cannot be withdrawn', async () => {
      const ctx = await seed();
      const recorded = await share(ctx, {});
      expect(recorded).toMatchObject({ basis: 'art-458bis', justification: M.justification, checks: CHECKS });
      expect(
        issuesOf(await failure(runOperation('withdrawConsent', { id: recorded.id, withdrawnOn: '2026-03-13' }))),
      ).toEqual([{ path: 'basis', message: recordErrors.notWithdrawable }]);
    });
  });
});

describe('Vlaggensysteem assessments', () => {
  it('keep the chosen flag as given and keep every assessment', async () => {
    const { kase } = await seed();
    const allFine = Object.fromEntries(Object.keys(ANSWERS_2021).map((k) => [k, 'in-orde'] as const));
    const first = await runOperation('assessFlags', {
      caseId: kase.id,
      criteriaVersion: '2021',
      answers: allFine,
      flag: 'zwart',
      reasoning: 'Gekozen door de professional',
      assessedOn: '2026-03-11',
    });
    tick();
    const second = await runOperation('assessFlags', {
      caseId: kase.id,
      criteriaVersion: '2021',
      answers: ANSWERS_2021,
      flag: 'groen',
      reasoning: 'Herbekeken',
      assessedOn: '2026-03-12',
    });
    expect(first.flag).toBe('zwart');
    const detail = await readCaseDetail(kase.id);
    expect(detail?.assessments.map((a) => a.id)).toEqual([second.id, first.id]);
  });

  it('need an answer for every criterion of the version, and only those', async () => {
    const { kase } = await seed();
    const base = {
      caseId: kase.id,
      criteriaVersion: '2021',
      flag: 'rood',
      reasoning: 'x',
      assessedOn: '2026-03-12',
    } as const;
    const { impact: _i, ...missing } = ANSWERS_2021;
    expect(issuesOf(await failure(runOperation('assessFlags', { ...base, answers: missing })))).toEqual([
      { path: 'answers.impact', message: recordErrors.criterionMissing },
    ]);
    expect(
      issuesOf(
        await failure(runOperation('assessFlags', { ...base, answers: { ...ANSWERS_2021, zelfrespect: 'onbekend' } })),
      ),
    ).toEqual([{ path: 'answers.zelfrespect', message: recordErrors.criterionUnknown }]);
    const old = await runOperation('assessFlags', {
      ...base,
      criteriaVersion: 'nl-oud',
      answers: { 'leeftijds-ontwikkelingsadequaat': 'onbekend', contextadequaat: 'twijfel', zelfrespect: 'onbekend' },
    });
    expect(old.criteriaVersion).toBe('nl-oud');
  });
});

describe('facts corrections (issue 14)', () => {
  it('need a reason, keep every earlier version and show the current one', async () => {
    const { kase: seeded } = await seed();
    const kase = (await stored(seeded.id)) as Case;
    expect(issuesOf(await failure(runOperation('updateCase', { id: kase.id, description: 'Nieuwe versie' })))).toEqual([
      { path: 'factsReason', message: recordErrors.factsReasonRequired },
    ]);
    expect(await stored(kase.id)).toEqual(kase);
    tick();
    const first = await runOperation('updateCase', {
      id: kase.id,
      description: 'Tweede versie',
      factsReason: 'Verkeerd begrepen',
    });
    tick();
    const second = await runOperation('updateCase', {
      id: kase.id,
      description: 'Derde versie',
      factsReason: 'Aangevuld',
    });
    expect(second.description).toBe('Derde versie');
    expect(second.factsHistory).toEqual([
      { text: kase.description, replacedAt: first.updatedAt, reason: 'Verkeerd begrepen' },
      { text: 'Tweede versie', replacedAt: second.updatedAt, reason: 'Aangevuld' },
    ]);
    // Other fields change without a reason, and leave the history alone.
    tick();
    const retyped = await runOperation('updateCase', { id: kase.id, types: ['grooming'], description: 'Derde versie' });
    expect(retyped.factsHistory).toEqual(second.factsHistory);
  });
});

describe('notes are append-only', () => {
  it('no data operation can change or remove a saved note', async () => {
    const { kase } = await seed();
    const note = await runOperation('appendNote', {
      caseId: kase.id,
      noteKind: 'gesprek',
      text: M.note,
      at: '2026-03-12T08:00:00.000Z',
    });
    const rawBefore = await db.records.get(note.id);
    expect(rawBefore).toBeDefined();

    // store.ts
    await expect(saveRecords([{ ...note, text: 'Herschreven' }])).rejects.toThrow(AppendOnlyError);
    await expect(saveRecords([note])).rejects.toThrow(AppendOnlyError);
    await expect(saveRecords([{ ...note, kind: 'case' } as unknown as StoredRecord])).rejects.toThrow();
    await expect(saveDraft({ id: `n${note.id.slice(1)}`, fields: {} })).resolves.toBeDefined();
    await expect(
      saveRecords([{ kind: 'draft', schemaVersion: 1, id: note.id, fields: {}, updatedAt: new Date().toISOString() }]),
    ).rejects.toThrow();
    await deleteDraft(note.id);
    expect(await eraseCase(note.id)).toEqual({ erased: 0 });

    // operations.ts: every operation that takes an id
    const notFound = [
      async () => runOperation('updateCase', { id: note.id, description: 'Herschreven' }),
      async () => runOperation('updateParty', { id: note.id, pseudonym: 'Herschreven' }),
      async () => runOperation('withdrawConsent', { id: note.id, withdrawnOn: '2026-03-13' }),
      async () => runOperation('completeFollowUp', { id: note.id, doneOn: '2026-03-13' }),
      async () => runOperation('rescheduleFollowUp', { id: note.id, to: '2026-03-20', reason: 'x' }),
      async () => runOperation('closeCase', { id: note.id, retentionUntil: '2031-01-01' }),
      async () => runOperation('reopenCase', { id: note.id }),
      async () => runOperation('addParty', { caseId: note.id, role: 'melder' }),
      async () => runOperation('appendNote', { caseId: note.id, noteKind: 'gesprek', text: 'x' }),
    ];
    for (const attempt of notFound) await expect(attempt()).rejects.toThrow(RecordNotFoundError);
    expect(await runOperation('eraseCaseNow', { id: note.id })).toEqual({ erased: 0 });

    // A correction is a new note; the old one stays byte for byte.
    const correction = await runOperation('correctNote', { supersedes: note.id, text: M.correction, reason: M.reason });
    expect(correction).toMatchObject({ supersedes: note.id, at: note.at, noteKind: 'gesprek', caseId: kase.id });
    expect(correction.id).not.toBe(note.id);
    expect(
      issuesOf(await failure(runOperation('correctNote', { supersedes: note.id, text: 'nog eens', reason: 'x' }))),
    ).toEqual([{ path: 'supersedes', message: recordErrors.alreadySuperseded }]);
    await runOperation('correctNote', {
      supersedes: correction.id,
      text: 'derde versie',
      reason: 'nog een fout',
      noteKind: 'overleg',
    });

    expect(await db.records.get(note.id)).toEqual(rawBefore);
    expect(await stored(note.id)).toEqual(note);
    const detail = await readCaseDetail(kase.id);
    expect(detail?.notes.map((n) => n.text)).toEqual([M.note, M.correction, 'derde versie']);
  });

  it('exposes no export that edits or deletes a note', () => {
    const noteApi = (mod: object) => Object.keys(mod).filter((name) => /note/i.test(name));
    expect(noteApi(operations).sort()).toEqual(['appendNote', 'correctNote']);
    expect(noteApi(store)).toEqual([]);
    const destructive = (mod: object) =>
      Object.keys(mod).filter((name) => /delete|remove|erase|edit|update/i.test(name));
    expect(destructive(operations).sort()).toEqual(['eraseCaseNow', 'updateCase', 'updateParty']);
    expect(destructive(store).sort()).toEqual(['deleteDraft', 'eraseCase']);
  });
});

describe('the operation map', () => {
  it('declares for every operation the audit actions it may write', () => {
    const declared = Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, [...op.audit]]));
    expect(declared).toEqual({
      createCase: ['case.created'],
      updateCase: ['case.updated', 'case.facts-corrected'],
      closeCase: ['case.closed'],
      reopenCase: ['case.reopened'],
      eraseCaseNow: ['case.erased'],
      addParty: ['party.added'],
      updateParty: ['party.updated'],
      recordConsent: ['consent.recorded'],
      withdrawConsent: ['consent.withdrawn'],
      recordShareWithoutConsent: ['share.without-consent'],
      assessFlags: ['assessment.recorded'],
      appendNote: ['note.added'],
      correctNote: ['note.superseded'],
      scheduleFollowUp: ['followup.scheduled'],
      completeFollowUp: ['followup.done'],
      undoFollowUpDone: ['followup.undone'],
      rescheduleFollowUp: ['followup.rescheduled'],
      recordReferral: ['referral.recorded'],
      setStepCheck: ['step.checked', 'step.unchecked'],
      recordTakedownStep: ['takedown.recorded'],
      recordEvidence: ['evidence.recorded'],
      recordPoliceStep: ['police.recorded'],
      recordInstitutionInformed: ['informed.recorded'],
      recordGroomingObservation: ['grooming.recorded'],
      recordConversation: ['conversation.recorded'],
    });
  });

  it('refuses input that does not match the input schema before reading or writing anything', async () => {
    const { kase } = await seed();
    const transaction = vi.spyOn(db, 'transaction');
    const error = await failure(
      runOperation('appendNote', { caseId: 'geen-id', noteKind: 'gesprek', text: M.note, at: 'gisteren' }),
    );
    expect(issuesOf(error)).toEqual([
      { path: 'caseId', message: 'field.invalidId' },
      { path: 'at', message: 'field.invalidTimestamp' },
    ]);
    expect(transaction).not.toHaveBeenCalled();
    expect(await listRecords({ kind: 'note', caseId: kase.id })).toEqual([]);
  });

  it('parses the input with the same schema a form uses: text trimmed, blank optional text dropped', async () => {
    const { kase } = await seed();
    const party = await runOperation('addParty', {
      caseId: kase.id,
      role: 'melder',
      pseudonym: '  ',
      school: `  ${M.school}  `,
      className: ' ',
    });
    // Issue 15: a blank pseudonym gets the role's default (a melder is never "Jongere B").
    expect(party).toMatchObject({ pseudonym: 'Melder A', school: M.school });
    expect(party).not.toHaveProperty('className');
  });
});

describe('erasing a case', () => {
  it('removes every record of the case in one go, writes one audit event and leaves other cases alone', async () => {
    const ctx = await seed();
    const other = await seed();
    const caseId = ctx.kase.id;
    const consent = await runOperation('recordConsent', {
      caseId,
      partyId: ctx.party.id,
      recipient: 'school',
      categories: ['feiten'],
      givenBy: 'jongere',
      givenOn: '2026-03-12',
      how: 'mondeling-genoteerd',
    });
    await runOperation('withdrawConsent', { id: consent.id, withdrawnOn: '2026-03-13' });
    await runOperation('recordShareWithoutConsent', {
      caseId,
      partyId: ctx.party.id,
      basis: 'noodtoestand',
      recipient: 'politie-parket',
      categories: ['feiten'],
      sharedOn: '2026-03-12',
      justification: M.justification,
      checks: CHECKS,
      ...TOLD,
    });
    await runOperation('assessFlags', {
      caseId,
      criteriaVersion: '2021',
      answers: ANSWERS_2021,
      flag: 'rood',
      reasoning: M.reasoning,
      assessedOn: '2026-03-12',
    });
    const note = await runOperation('appendNote', { caseId, noteKind: 'gesprek', text: M.note });
    await runOperation('correctNote', { supersedes: note.id, text: M.correction, reason: M.reason });
    const done = await runOperation('scheduleFollowUp', { caseId, due: '2026-03-13', purpose: M.purpose });
    await runOperation('completeFollowUp', { id: done.id, doneOn: '2026-03-12' });
    await runOperation('scheduleFollowUp', { caseId, due: '2026-03-20', purpose: M.purpose });
    await runOperation('recordReferral', {
      caseId,
      organisationId: 'child-focus',
      organisationName: M.organisation,
      referredOn: '2026-03-12',
      byInitials: 'AV',
    });
    await runOperation('setStepCheck', {
      caseId,
      planId: 'sexting-18',
      stepId: 'gesprek-jongere',
      doneOn: '2026-03-12',
    });
    await saveDraft({ id: `note:${caseId}`, caseId, fields: { text: M.note } });
    await runOperation('appendNote', { caseId: other.kase.id, noteKind: 'overleg', text: 'Ander dossier' });

    const kinds = new Set((await db.records.where('caseId').equals(caseId).toArray()).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(
      ['assessment', 'case', 'consent', 'draft', 'followup', 'note', 'party', 'referral', 'step'].sort(),
    );
    const partsOfCase = await db.records.where('caseId').equals(caseId).count();
    const otherBefore = await db.records.where('caseId').equals(other.kase.id).toArray();
    const auditBefore = await auditEvents();

    expect(await runOperation('eraseCaseNow', { id: caseId })).toEqual({ erased: partsOfCase });

    expect(await db.records.where('caseId').equals(caseId).count()).toBe(0);
    const raw = (await dumpRawDatabase())
      .filter((r) => r.store === 'records')
      .map((r) => rawText(r.value))
      .join('\n');
    expect(raw).not.toContain(caseId);
    expect(await db.records.where('caseId').equals(other.kase.id).toArray()).toEqual(otherBefore);
    const auditAfter = await auditEvents();
    const added = auditAfter.filter((e) => !auditBefore.some((b) => b.id === e.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'case.erased', caseId, details: { count: partsOfCase } });
    expect(await readCaseDetail(caseId)).toBeNull();
    expect((await readCaseList()).map((i) => i.id)).toEqual([other.kase.id]);
    expect(await runOperation('eraseCaseNow', { id: caseId })).toEqual({ erased: 0 });
    expect(await auditEvents()).toHaveLength(auditAfter.length);
  });

  it('erases a case whose own record is damaged', async () => {
    const { kase } = await seed();
    const row = await db.records.get(kase.id);
    await db.records.update(kase.id, { data: new Uint8Array(row?.data.length ?? 16) });
    expect((await runOperation('eraseCaseNow', { id: kase.id })).erased).toBe(2);
  });

  it('offers closed cases once their retention date has passed', async () => {
    const a = await newCase();
    const b = await newCase();
    await newCase();
    await runOperation('closeCase', { id: a.id, retentionUntil: '2026-06-30' });
    await runOperation('closeCase', { id: b.id, retentionUntil: '2026-04-30' });
    expect(await listCasesDueForErasure('2026-04-30')).toEqual([]);
    expect(await listCasesDueForErasure('2026-05-01')).toEqual([
      { id: b.id, reference: b.reference, retentionUntil: '2026-04-30' },
    ]);
    expect((await listCasesDueForErasure('2026-07-01')).map((c) => c.id)).toEqual([b.id, a.id]);
  });
});

describe('dates a worker types', () => {
  it('refuses a "bekend sinds" more than 5 years back, when created and when changed, and a follow-up beyond a year', async () => {
    expect(issuesOf(await failure(newCase({ knownOn: '2016-03-12' })))).toEqual([
      { path: 'knownOn', message: recordErrors.knownOnTooLongAgo },
    ]);
    const kase = await newCase({ knownOn: '2021-03-12' });
    expect(kase.knownOn).toBe('2021-03-12');
    expect(issuesOf(await failure(runOperation('updateCase', { id: kase.id, knownOn: '2021-03-11' })))).toEqual([
      { path: 'knownOn', message: recordErrors.knownOnTooLongAgo },
    ]);
    expect(
      issuesOf(await failure(runOperation('scheduleFollowUp', { caseId: kase.id, due: '2126-03-12', purpose: 'x' }))),
    ).toMatchObject([{ path: 'due', message: recordErrors.dueTooFar }]);
    expect((await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2027-03-12', purpose: 'x' })).due).toBe(
      '2027-03-12',
    );
  });
});

describe('closing and reopening', () => {
  it('closes with a retention date, refuses while a follow-up is open, and reopens cleanly', async () => {
    const { kase } = await seed();
    const f = await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: 'Terugkomen' });
    expect(issuesOf(await failure(runOperation('closeCase', { id: kase.id, retentionUntil: '2031-03-12' })))).toEqual([
      { path: 'status', message: recordErrors.openFollowUps },
    ]);
    await runOperation('completeFollowUp', { id: f.id, doneOn: '2026-03-12' });
    expect(issuesOf(await failure(runOperation('closeCase', { id: kase.id, retentionUntil: '2026-03-11' })))).toEqual([
      { path: 'retentionUntil', message: recordErrors.retentionInPast },
    ]);
    // At most 10 years ahead (the longest default in Instellingen): a slip of the year is refused.
    expect(issuesOf(await failure(runOperation('closeCase', { id: kase.id, retentionUntil: '2036-03-13' })))).toEqual([
      { path: 'retentionUntil', message: recordErrors.retentionTooFar },
    ]);
    const closed = await runOperation('closeCase', { id: kase.id, retentionUntil: '2031-03-12' });
    expect(closed).toMatchObject({
      status: 'afgesloten',
      retentionUntil: '2031-03-12',
      closedAt: new Date().toISOString(),
    });
    expect(
      issuesOf(await failure(runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-04-01', purpose: 'x' }))),
    ).toEqual([{ path: 'status', message: recordErrors.caseClosed }]);
    const reopened = await runOperation('reopenCase', { id: kase.id });
    expect(reopened.status).toBe('open');
    expect(reopened).not.toHaveProperty('retentionUntil');
    expect(reopened).not.toHaveProperty('closedAt');
    expect(issuesOf(await failure(runOperation('reopenCase', { id: kase.id })))).toEqual([
      { path: 'status', message: recordErrors.caseNotClosed },
    ]);
  });
});

/** The due date the encrypted case index holds for an open follow-up. */
async function indexedDue(id: string): Promise<string | undefined> {
  const found = (await listFollowUpsDue('9999-12-31')).find((r) => r.ok && r.record.id === id);
  return found?.ok ? found.record.due : undefined;
}

describe('follow-ups', () => {
  it('let the case rest, and bring it back to open once the last one is done', async () => {
    const { kase } = await seed();
    const first = await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: 'Terugkomen' });
    const second = await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-04-02', purpose: 'Nog eens' });
    expect((await stored(kase.id)) as Case).toMatchObject({ status: 'in-rust' });
    await runOperation('completeFollowUp', { id: first.id, doneOn: '2026-03-11' });
    expect((await stored(kase.id)) as Case).toMatchObject({ status: 'in-rust' });
    const done = await runOperation('completeFollowUp', { id: second.id, doneOn: '2026-03-12' });
    expect(done.doneOn).toBe('2026-03-12');
    expect((await stored(kase.id)) as Case).toMatchObject({ status: 'open' });
    expect((await listFollowUpsDue('9999-12-31')).some((r) => r.ok && r.record.id === second.id)).toBe(false);
    expect(issuesOf(await failure(runOperation('completeFollowUp', { id: second.id, doneOn: '2026-03-12' })))).toEqual([
      { path: 'doneOn', message: recordErrors.alreadyDone },
    ]);
  });

  it('may not be planned before today in Brussels, the day Opvolging counts by, whatever the device zone', async () => {
    const { kase } = await seed();
    // 23:30 UTC on 4 December is 00:30 on 5 December in Brussels: the 4th is past there.
    vi.setSystemTime(new Date('2026-12-04T23:30:00.000Z'));
    expect(
      issuesOf(await failure(runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-12-04', purpose: 'x' }))),
    ).toEqual([{ path: 'due', message: recordErrors.dueInPast }]);
    expect(
      await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-12-05', purpose: 'Terugkomen' }),
    ).toMatchObject({ due: '2026-12-05' });
    // 22:30 UTC on 4 December is still the 4th in Brussels (23:30): the 4th may be chosen.
    vi.setSystemTime(new Date('2026-12-04T22:30:00.000Z'));
    expect(
      await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-12-04', purpose: 'Vandaag nog' }),
    ).toMatchObject({ due: '2026-12-04' });
  });

  it('keep their calendar UID when rescheduled, with a growing sequence and history', async () => {
    const { kase } = await seed();
    const f = await runOperation('scheduleFollowUp', { caseId: kase.id, due: '2026-03-19', purpose: 'Terugkomen' });
    expect(f).toMatchObject({ sequence: 0, history: [] });
    expect(await indexedDue(f.id)).toBe('2026-03-19');
    tick();
    const once = await runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-26', reason: 'Jongere ziek' });
    const firstAt = new Date().toISOString();
    tick();
    const twice = await runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-23', reason: 'Vroeger kan' });
    expect(once).toMatchObject({ icsUid: f.icsUid, sequence: 1, due: '2026-03-26' });
    expect(twice).toMatchObject({ icsUid: f.icsUid, sequence: 2, due: '2026-03-23' });
    expect(twice.history).toEqual([
      { from: '2026-03-19', to: '2026-03-26', reason: 'Jongere ziek', at: firstAt },
      { from: '2026-03-26', to: '2026-03-23', reason: 'Vroeger kan', at: new Date().toISOString() },
    ]);
    expect(await indexedDue(f.id)).toBe('2026-03-23');
    expect(
      issuesOf(await failure(runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-23', reason: 'x' }))),
    ).toEqual([{ path: 'to', message: recordErrors.sameDate }]);
    expect(
      issuesOf(await failure(runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-01', reason: 'x' }))),
    ).toEqual([{ path: 'to', message: recordErrors.dueInPast }]);
    // Within a year: 2027-03-12 is allowed, the day after (or 2127) is a slip of the year.
    expect(
      issuesOf(await failure(runOperation('rescheduleFollowUp', { id: f.id, to: '2027-03-13', reason: 'x' }))),
    ).toEqual([{ path: 'to', message: recordErrors.dueTooFar }]);
    expect(
      issuesOf(await failure(runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-30', reason: ' ' }))),
    ).toEqual([{ path: 'reason', message: textErrors.required }]);
    await runOperation('completeFollowUp', { id: f.id, doneOn: '2026-03-12' });
    expect(
      issuesOf(await failure(runOperation('rescheduleFollowUp', { id: f.id, to: '2026-03-30', reason: 'x' }))),
    ).toEqual([{ path: 'doneOn', message: recordErrors.alreadyDone }]);
  });
});

describe('referrals and step checks', () => {
  it('record a referral with initials of one to five letters', async () => {
    const { kase } = await seed();
    const base = {
      caseId: kase.id,
      organisationId: 'child-focus',
      organisationName: 'Child Focus',
      referredOn: '2026-03-12',
    };
    expect(await runOperation('recordReferral', { ...base, byInitials: 'ÉvdB' })).toMatchObject({ byInitials: 'ÉvdB' });
    expect(issuesOf(await failure(runOperation('recordReferral', { ...base, byInitials: 'A.V.' })))).toEqual([
      { path: 'byInitials', message: 'field.invalidInitials' },
    ]);
    expect(issuesOf(await failure(runOperation('recordReferral', { ...base, byInitials: 'ABCDEF' })))).toHaveLength(1);
  });

  it('keep one record per step: checking again updates it, unchecking keeps the note', async () => {
    const { kase } = await seed();
    const step = { caseId: kase.id, planId: 'sexting-18', stepId: 'schade-beperken' };
    const first = await runOperation('setStepCheck', { ...step, doneOn: '2026-03-12', note: 'Verwijderd' });
    tick();
    const unchecked = await runOperation('setStepCheck', { ...step, doneOn: null });
    expect(unchecked).toMatchObject({ id: first.id, note: 'Verwijderd' });
    expect(unchecked).not.toHaveProperty('doneOn');
    const again = await runOperation('setStepCheck', { ...step, doneOn: '2026-03-11', note: '' });
    expect(again.id).toBe(first.id);
    expect(again).not.toHaveProperty('note');
    await runOperation('setStepCheck', { ...step, stepId: 'gesprek-jongere', doneOn: '2026-03-12' });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.steps.map((s) => [s.stepId, s.doneOn])).toEqual([
      ['gesprek-jongere', '2026-03-12'],
      ['schade-beperken', '2026-03-11'],
    ]);
    expect(await listRecords({ kind: 'step', caseId: kase.id })).toHaveLength(2);
  });
});
