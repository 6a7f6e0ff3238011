import { beforeEach, describe, expect, it } from 'vitest';

import { readCaseDetail } from './case-reads';
import { db } from './db';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

const MARK = 'MRK-known-via-p2';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

describe('createCase with the new ways a case becomes known', () => {
  it('stores "ander CLB of school" and "Child Focus" and audits without free text', async () => {
    for (const knownVia of ['ander-clb-of-school', 'child-focus'] as const) {
      const kase = await runOperation('createCase', {
        knownOn: '2026-03-02',
        knownVia,
        types: ['sextortion'],
        schools: [MARK],
        description: MARK,
      });
      const detail = await readCaseDetail(kase.id);
      expect(detail?.case.knownVia).toBe(knownVia);
    }
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    expect(events.filter((e) => e.action === 'case.created')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(MARK);
  });
});
