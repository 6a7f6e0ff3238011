import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { InvalidRecordError } from './errors';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, dumpRawDatabase, rawText, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-informed-b15';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

async function newCase() {
  return runOperation('createCase', {
    knownOn: '2026-03-02',
    knownVia: 'ander-clb-of-school',
    types: ['ongewenste-sexting'],
    schools: [],
    description: 'Beelden gedeeld in een chatgroep van twee scholen.',
  });
}

describe('recordInstitutionInformed', () => {
  it('stores who was informed, shows it on the case, and keeps the name out of the audit log and the disk', async () => {
    const kase = await newCase();
    await runOperation('recordInstitutionInformed', {
      caseId: kase.id,
      institutionKind: 'school',
      institution: ` ${MARK} `,
      on: '2026-03-03',
      basis: 'toestemming',
      pupilsToldFirst: true,
      byInitials: 'KV',
    });
    const detail = await readCaseDetail(kase.id);
    expect(detail?.informed.map((r) => [r.institutionKind, r.institution, r.on, r.basis, r.pupilsToldFirst])).toEqual([
      ['school', MARK, '2026-03-03', 'toestemming', true],
    ]);
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const recorded = events.filter((e) => e.action === 'informed.recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded.every((e) => e.caseId === kase.id && e.details === undefined)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(MARK);
    const raw = rawText(await dumpRawDatabase());
    expect(raw).toContain('informed');
    expect(raw).not.toContain(MARK);
  });

  it('refuses a link as the institution name, and writes nothing', async () => {
    const kase = await newCase();
    const failed = await runOperation('recordInstitutionInformed', {
      caseId: kase.id,
      institutionKind: 'school',
      institution: 'https://school.test/leerlingen',
      on: '2026-03-03',
      basis: 'toestemming',
      byInitials: 'KV',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(InvalidRecordError);
    expect((failed as InvalidRecordError).issues.map((i) => i.message)).toEqual(['text.link']);
    expect((await readCaseDetail(kase.id))?.informed).toEqual([]);
  });
});
