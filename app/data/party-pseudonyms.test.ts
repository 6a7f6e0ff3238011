import { beforeEach, describe, expect, it } from 'vitest';

import { db } from './db';
import { runOperation } from './operations';
import { listRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault } from './vault';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  await db.audit.clear();
});

describe('addParty without a pseudonym', () => {
  it('names each betrokkene by role, so a parent or an adult is never "Jongere …", and audits only the action', async () => {
    const kase = await runOperation('createCase', {
      knownOn: '2026-03-02',
      knownVia: 'klasgenoot',
      types: ['grooming'],
      schools: [],
      description: 'Contact via een spelplatform.',
    });
    const add = (role: 'afgebeelde-jongere' | 'ouder-voogd' | 'volwassene' | 'ontvanger-omstander') =>
      runOperation('addParty', { caseId: kase.id, role });
    expect((await add('afgebeelde-jongere')).pseudonym).toBe('Jongere A');
    expect((await add('ouder-voogd')).pseudonym).toBe('Ouder A');
    expect((await add('ouder-voogd')).pseudonym).toBe('Ouder B');
    expect((await add('volwassene')).pseudonym).toBe('Volwassene A');
    expect((await add('ontvanger-omstander')).pseudonym).toBe('Jongere B');
    const events = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const added = events.filter((e) => e.action === 'party.added');
    expect(added).toHaveLength(5);
    for (const e of added) expect(JSON.stringify(e.details ?? {})).not.toMatch(/Jongere|Ouder|Volwassene/);
  });
});
