// Case numbers across one worker's synced devices: the counter is per device,
// so a case pulled from another device must raise the next number handed out
// here. "Device B" writes encrypted documents straight to the server with the
// same key (as in replicator.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeCase } from '../../../schema/factories';
import type { Case } from '../../../schema/records/case';
import { raiseCaseReferenceCounter } from '../case-reference';
import { runOperation } from '../operations';
import { requireDataKey } from '../session';
import { writeSealedMeta } from '../team/sealed-meta';
import { SHARED_CASES_ROW } from '../team/shared-from';
import { encodeDoc } from './codec';
import { Replicator } from './replicator';
import { couchPerTest } from './test-couch-per-test';

const perTest = couchPerTest();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-12T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

function newCase(): Promise<Case> {
  return runOperation('createCase', {
    knownOn: '2026-03-11',
    knownVia: 'klasgenoot',
    types: ['ongewenste-sexting'],
    schools: ['Sint-Jozefscollege'],
    description: 'Gemeld door een klasgenoot.',
  });
}

async function sync(): Promise<void> {
  const r = new Replicator(
    { db: perTest.db, account: 'anna', password: 'geheim' },
    { base: perTest.couch.url, live: false },
  );
  await r.loadCheckpoint();
  await r.syncOnce();
}

/** A case made on the worker's other device, on the server. */
async function caseFromDeviceB(reference: string): Promise<Case> {
  const kase = makeCase({ reference });
  const doc = await encodeDoc(requireDataKey(), { t: 'records', record: kase });
  const { status } = await perTest.couch.request('PUT', `${perTest.db}/${doc._id}`, doc);
  expect(status).toBe(201);
  return kase;
}

describe('case references across synced devices', () => {
  it('never repeat the number of a case pulled from another device', async () => {
    expect((await newCase()).reference).toBe('2026-001');
    await sync();
    await caseFromDeviceB('2026-002');
    await sync();
    expect((await newCase()).reference).toBe('2026-003');
    // Also when the other device is further ahead than this one's counter.
    await caseFromDeviceB('2026-010');
    await sync();
    expect((await newCase()).reference).toBe('2026-011');
  });

  it('count a case a colleague shared too, so no number in the list on this device is taken twice', async () => {
    expect((await newCase()).reference).toBe('2026-001');
    const received = await caseFromDeviceB('2026-040');
    await sync();
    await writeSealedMeta(SHARED_CASES_ROW, { [received.id]: { owner: 'member-bram' } });
    await raiseCaseReferenceCounter();
    expect((await newCase()).reference).toBe('2026-041');
  });
});
