// Robustness suite (issue 10), part 2: storage quota exceeded, at the unit
// level. fake-indexeddb has no quota, so IDBObjectStore put/add are wrapped to
// throw a DOMException "QuotaExceededError" at the n-th write inside a
// transaction (n = 0, 1, 2, … so earlier writes of the same transaction did
// happen). Each multi-record operation must fail with StorageFullError (code
// "storage.full", shown in Dutch by the logbook screens), leave every table
// unchanged, and work again once space is back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nl } from '../../i18n/catalogue';
import { describeFailure } from '../../ui/form-errors';
import { deriveBackupKeys, importBackupUsing, sealBackupText } from '../backup';
import { runOperation } from '../operations';
import { newKdfParams } from '../crypto';
import { isDataError } from '../errors';
import { listRecords, saveDraft, saveRecords } from '../store';
import { TEST_PASSPHRASE, dumpRawDatabase, resetDatabase } from '../test-utils';
import { createVault, lock, unlock } from '../vault';
import { caseWithParts, fixedKeySource, payloadWith } from './robust-helpers';

type Put = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const proto = IDBObjectStore.prototype as unknown as { put: Put; add: Put };
const realPut = proto.put;
const realAdd = proto.add;

/** From now on, the write after `allowed` more writes throws QuotaExceededError. */
function fillDiskAfter(allowed: number): { writes: () => number } {
  let writes = 0;
  const wrap = (real: Put): Put =>
    function (this: IDBObjectStore, ...args: unknown[]) {
      writes++;
      if (writes > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.apply(this, args);
    };
  proto.put = wrap(realPut);
  proto.add = wrap(realAdd);
  return { writes: () => writes };
}

function freeDisk(): void {
  proto.put = realPut;
  proto.add = realAdd;
}

/** Digest of every table; `caseReferences` may move (a failed save leaves a number gap, by design). */
async function tables(options: { ignoreCounter?: boolean } = {}): Promise<string> {
  const rows = await dumpRawDatabase();
  return JSON.stringify(
    rows.filter(
      (r) => !(options.ignoreCounter && r.store === 'meta' && (r.value as { key?: string }).key === 'caseReferences'),
    ),
    (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join('.') : v),
  );
}

const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

interface Operation {
  name: string;
  run: (caseId: string, partyId: string) => Promise<unknown>;
  /** createCase reserves its number in a transaction of its own first. */
  ignoreCounter?: boolean;
}

const operations: Operation[] = [
  {
    name: 'new incident',
    ignoreCounter: true,
    run: () =>
      runOperation('createCase', {
        knownOn: today,
        knownVia: 'klasgenoot',
        types: ['sextortion'],
        schools: ['Atheneum'],
        description: 'Dreiging met doorsturen.',
      }),
  },
  { name: 'betrokkene', run: (caseId) => runOperation('addParty', { caseId: caseId, role: 'melder', age: 15 }) },
  {
    name: 'consent',
    run: (caseId, partyId) =>
      runOperation('recordConsent', {
        caseId,
        partyId,
        recipient: 'school',
        categories: ['feiten'],
        givenBy: 'jongere',
        givenOn: today,
        how: 'mondeling-genoteerd',
      }),
  },
  {
    name: 'note',
    run: (caseId) => runOperation('appendNote', { caseId, noteKind: 'gesprek', text: 'Gesprek gehad.' }),
  },
  {
    name: 'follow-up',
    run: (caseId) => runOperation('scheduleFollowUp', { caseId, due: inAWeek, purpose: 'Terugkomen.' }),
  },
  { name: 'draft', run: (caseId) => saveDraft({ id: `note-${caseId}`, caseId, fields: { text: 'half' } }) },
  { name: 'erase case', run: (caseId) => runOperation('eraseCaseNow', { id: caseId }) },
  { name: 'many cases at once', run: () => saveRecords(Array.from({ length: 8 }, (_, n) => caseWithParts(n)).flat()) },
];

describe('storage quota exceeded (robustness suite)', () => {
  let caseId = '';
  let partyId = '';

  beforeEach(async () => {
    freeDisk();
    await resetDatabase();
    await createVault(TEST_PASSPHRASE, { recoveryCode: false });
    const parts = caseWithParts(1);
    await saveRecords(parts);
    caseId = parts[0]?.id ?? '';
    partyId = parts[1]?.id ?? '';
  });
  afterEach(freeDisk);

  it('fails every multi-record write with "storage.full", writes nothing, and works again afterwards', async () => {
    let runs = 0;
    const failures: string[] = [];
    for (const op of operations) {
      for (let allowed = 0; allowed < 2000; allowed++) {
        const before = await tables(op);
        const probe = fillDiskAfter(allowed);
        let error: unknown = null;
        try {
          await op.run(caseId, partyId);
        } catch (e) {
          error = e;
        } finally {
          freeDisk();
        }
        if (error === null) {
          // Enough room for every write of this operation: all fault points are done.
          if (probe.writes() <= allowed && allowed === 0) failures.push(`${op.name}: wrote nothing at all`);
          break;
        }
        runs++;
        const label = `${op.name}, disk full after ${allowed} writes`;
        if (!isDataError(error) || error.code !== 'storage.full') {
          failures.push(`${label}: ${String(error)}`);
          break;
        } else if (describeFailure(error).general !== nl.logbook.errors['storage.full']) {
          failures.push(`${label}: no Dutch message`);
        }
        if ((await tables(op)) !== before) failures.push(`${label}: something was half written`);
        // The damaged-record check: every record still opens.
        for (const kind of ['case', 'party', 'note', 'audit'] as const) {
          if ((await listRecords({ kind })).some((r) => !r.ok)) failures.push(`${label}: a ${kind} is damaged`);
        }
      }
      // Space is back: the same operation now succeeds.
      try {
        await op.run(caseId, partyId);
      } catch (e) {
        failures.push(`${op.name} after freeing space: ${String(e)}`);
      }
      if (op.name === 'erase case') {
        const parts = caseWithParts(2);
        await saveRecords(parts);
        caseId = parts[0]?.id ?? '';
        partyId = parts[1]?.id ?? '';
      }
    }
    console.log(
      `[robust] quota (unit): operations=${operations.length}, fault points tried=${runs}, failures=${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(operations.length * 2);
  }, 120_000);

  it('refuses a large import when the disk fills halfway, and the logbook is as it was', async () => {
    const keys = await deriveBackupKeys('overdracht voor de quotatest', newKdfParams());
    const file = await sealBackupText(
      JSON.stringify(payloadWith(Array.from({ length: 50 }, (_, n) => caseWithParts(n)).flat())),
      keys,
    );
    const source = fixedKeySource(keys, keys);
    const before = await tables();
    let runs = 0;
    for (const allowed of [0, 1, 100, 250, 499]) {
      fillDiskAfter(allowed);
      await expect(importBackupUsing(file, source, { mode: 'merge' })).rejects.toMatchObject({ code: 'storage.full' });
      freeDisk();
      runs++;
      expect(await tables()).toBe(before);
    }
    const summary = await importBackupUsing(file, source, { mode: 'merge' });
    expect(summary.casesAdded).toBe(50);
    console.log(`[robust] quota (unit import): fault points tried=${runs}, then imported ${summary.casesAdded} cases`);
  }, 120_000);

  it('still unlocks on a full disk, so nobody is locked out of their logbook', async () => {
    lock();
    fillDiskAfter(0);
    let error: unknown = null;
    try {
      await unlock(TEST_PASSPHRASE);
    } catch (e) {
      error = e;
    } finally {
      freeDisk();
    }
    console.log(
      `[robust] quota (unit unlock on a full disk): ${error === null ? 'unlocked' : `refused: ${String(error)}`}`,
    );
    expect(error).toBeNull();
    expect((await listRecords({ kind: 'case' })).every((r) => r.ok)).toBe(true);
  });
});
