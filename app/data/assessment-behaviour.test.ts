import { beforeEach, describe, expect, it } from 'vitest';

import { criteriaOuderNlIds } from '../../schema/content-ids';
import { readCaseDetail } from './case-reads';
import { db } from './db';
import type { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-behaviour-b15';
const unknown = Object.fromEntries(criteriaOuderNlIds.map((id) => [id, 'onbekend' as const]));

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  const kase = await runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: [],
    description: 'x',
  });
  const a = await runOperation('addParty', { caseId: kase.id, role: 'afgebeelde-jongere' });
  const b = await runOperation('addParty', { caseId: kase.id, role: 'jongere-die-doorstuurde' });
  return { kase, a, b };
}

describe('assessFlags per behaviour (issue 15)', () => {
  it('keeps a flag per behaviour with its betrokkenen and label set, and audits only the flag', async () => {
    const { kase, a, b } = await newCase();
    const base = { caseId: kase.id, criteriaVersion: 'nl-oud' as const, answers: unknown, assessedOn: '2026-03-03' };
    await runOperation('assessFlags', {
      ...base,
      flag: 'geel',
      reasoning: 'r',
      behaviour: 'eigen foto gestuurd',
      partyIds: [a.id],
    });
    await runOperation('assessFlags', {
      ...base,
      flag: 'rood',
      reasoning: 'r',
      behaviour: `foto doorgestuurd zonder toestemming ${MARK}`,
      partyIds: [b.id],
    });
    const detail = await readCaseDetail(kase.id);
    const rows = detail?.assessments.map((x) => [x.flag, x.criteriaVersion, x.partyIds]).sort();
    expect(rows).toEqual([
      ['geel', 'nl-oud', [a.id]],
      ['rood', 'nl-oud', [b.id]],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'assessment.recorded');
    expect(recorded.map((e) => e.details)).toEqual([{ flag: 'geel' }, { flag: 'rood' }]);
    expect(JSON.stringify(events)).not.toContain(MARK);
    expect(JSON.stringify(events)).not.toContain(a.id);
  });

  it('refuses a betrokkene of another case, and writes nothing', async () => {
    const { kase } = await newCase();
    const other = await newCase();
    const error = await runOperation('assessFlags', {
      caseId: kase.id,
      criteriaVersion: 'nl-oud',
      answers: unknown,
      assessedOn: '2026-03-03',
      flag: 'geel',
      reasoning: 'r',
      partyIds: [other.a.id],
    }).then(
      () => null,
      (e: unknown) => e as InvalidRecordError,
    );
    expect(error?.issues.map((i) => i.message)).toEqual(['consent.partyNotInCase']);
    expect((await readCaseDetail(kase.id))?.assessments).toEqual([]);
  });

  it('refuses an assessment dated before the case became known, and writes nothing', async () => {
    const { kase } = await newCase();
    const error = await runOperation('assessFlags', {
      caseId: kase.id,
      criteriaVersion: 'nl-oud',
      answers: unknown,
      assessedOn: '2026-03-01',
      flag: 'geel',
      reasoning: 'r',
    }).then(
      () => null,
      (e: unknown) => e as InvalidRecordError,
    );
    expect(error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['assessedOn', 'date.beforeKnown']]);
    expect((await readCaseDetail(kase.id))?.assessments).toEqual([]);
  });
});
