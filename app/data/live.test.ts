import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeCase } from '../../schema/factories';
import { observeRecords, readRecordLive } from './live';
import type { RecordResult } from './records-io';
import { saveRecords } from './store';
import { TEST_PASSPHRASE, resetDatabase } from './test-utils';
import { createVault, lock, unlock } from './vault';

type Emission = Array<RecordResult<ReturnType<typeof makeCase>>> | undefined;

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

/** Subscribes and lets a test wait for the next emission that matches. */
function record(observable: ReturnType<typeof observeRecords<'case'>>) {
  const emissions: Emission[] = [];
  const waiters: Array<{ test: (e: Emission) => boolean; resolve: (e: Emission) => void }> = [];
  const subscription = observable.subscribe({
    next: (value) => {
      emissions.push(value);
      for (const w of [...waiters]) {
        if (w.test(value)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(value);
        }
      }
    },
  });
  stop = () => subscription.unsubscribe();
  return {
    next: (test: (e: Emission) => boolean) =>
      new Promise<Emission>((resolve) => {
        const seen = emissions.find(test);
        if (seen !== undefined) resolve(seen);
        else waiters.push({ test, resolve });
      }),
    clear: () => emissions.splice(0),
  };
}

describe('live queries', () => {
  it('re-emits decrypted records after a write, across the awaited decryption', async () => {
    const first = makeCase();
    await saveRecords([first]);
    const live = record(observeRecords({ kind: 'case' }));
    expect(await live.next((e) => e?.length === 1)).toEqual([{ ok: true, record: first }]);

    live.clear();
    const second = makeCase({ reference: '2026-015' });
    await saveRecords([second]);
    const after = await live.next((e) => e?.length === 2);
    expect(after).toContainEqual({ ok: true, record: second });
  });

  it('returns nothing while locked', async () => {
    await saveRecords([makeCase()]);
    lock();
    const live = record(observeRecords({ kind: 'case' }));
    expect(await live.next(() => true)).toBeUndefined();
    expect(await readRecordLive(crypto.randomUUID(), 'case')).toBeUndefined();
    await unlock(TEST_PASSPHRASE);
    expect(await readRecordLive(crypto.randomUUID(), 'case')).toBeNull();
  });
});
