// Issue 20: an erased case stays erased, whatever order its writes arrive in.
// "Device B" is this process's Dexie database; "device C" first writes straight
// to the server with the same vault key (a note it made offline before it saw
// the erasure), and later takes over the local database to pull the outcome.
import { describe, expect, it } from 'vitest';

import { makeCase, makeConflict, makeNote } from '../../../schema/factories';
import { db } from '../db';
import { dropIndexMemory, ensureIndex, entriesOf } from '../index/case-index';
import { getDataKey } from '../session';
import { eraseCase, getRecord, saveRecords } from '../store';
import { TEST_PASSPHRASE, dumpRawDatabase, forgetCaseIndex, rawText } from '../test-utils';
import { lock, unlock } from '../vault';
import { encodeDoc } from './codec';
import type { SyncPayload } from './codec';
import { ERASED_PREFIX } from './erased-cases';
import { Replicator } from './replicator';
import { couchPerTest } from './test-couch-per-test';

const perTest = couchPerTest();

function key(): CryptoKey {
  const k = getDataKey();
  if (!k) throw new Error('locked');
  return k;
}

async function sync(batchSize?: number): Promise<Replicator> {
  const r = new Replicator(
    { db: perTest.db, account: 'anna', password: 'geheim' },
    { base: perTest.couch.url, live: false, ...(batchSize ? { batchSize } : {}) },
  );
  await r.loadCheckpoint();
  await r.syncOnce();
  return r;
}

/** Device C adds a new document on the server (the server assigns its first revision). */
async function remotePut(payload: SyncPayload): Promise<string> {
  const doc = await encodeDoc(key(), payload);
  const { status, json } = await perTest.couch.request('PUT', `${perTest.db}/${doc._id}`, doc);
  expect(status).toBe(201);
  return (json as { rev: string }).rev;
}

/** Device C replicates an offline edit of a document: a child of `parent`, not of its deletion. */
async function remoteReplicate(payload: SyncPayload, parent: string): Promise<string> {
  const doc = await encodeDoc(key(), payload);
  const [n, hash] = parent.split('-');
  const rev = `${Number(n) + 1}-${'c'.repeat(32)}`;
  const { status } = await perTest.couch.request('POST', `${perTest.db}/_bulk_docs`, {
    new_edits: false,
    docs: [{ ...doc, _rev: rev, _revisions: { start: Number(n) + 1, ids: ['c'.repeat(32), hash] } }],
  });
  expect(status).toBe(201);
  return rev;
}

async function revOf(id: string): Promise<string> {
  const { json } = await perTest.couch.request('GET', `${perTest.db}/${id}`);
  return String((json as { _rev: unknown })._rev);
}

/** Every leaf revision of a document on the server is a deletion (a tombstone only). */
async function expectTombstoneOnly(id: string): Promise<void> {
  const { status, json } = await perTest.couch.request('GET', `${perTest.db}/${id}?open_revs=all`);
  expect(status).toBe(200);
  const leaves = (json as Array<{ ok?: Record<string, unknown> }>).flatMap((l) => (l.ok ? [l.ok] : []));
  expect(leaves.length).toBeGreaterThan(0);
  for (const leaf of leaves) expect(leaf['_deleted']).toBe(true);
}

describe('a write of an erased case that arrives after the erasure', () => {
  it('is not stored, is deleted on the server by the next push, and the writer drops it when it pulls', async () => {
    const kase = makeCase();
    const early = makeNote({ caseId: kase.id, text: 'voor het wissen' });
    await saveRecords([kase, early]);
    await sync();
    const caseRev = await revOf(kase.id);
    const earlyRev = await revOf(early.id);

    // B erases the case and pushes the erasure; C, offline, wrote a note and changed the case.
    await eraseCase(kase.id);
    await sync();
    const late = makeNote({ caseId: kase.id, text: 'offline op toestel C' });
    const lateRev = await remotePut({ t: 'records', record: late });
    await remoteReplicate({ t: 'records', record: { ...kase, description: 'later gewijzigd' } }, caseRev);

    const round = await sync();
    expect(await db.records.get(late.id)).toBeUndefined();
    expect(await db.records.get(kase.id)).toBeUndefined();
    expect(round.erasedDropped).toBe(2);
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
    await expectTombstoneOnly(late.id);
    await expectTombstoneOnly(kase.id);

    // C takes over this database as it was before it pulled: the case, both notes, their revisions.
    await Promise.all([db.records.clear(), db.audit.clear(), db.sync.clear(), db.conflicts.clear()]);
    await db.meta.where('key').startsWith(ERASED_PREFIX).delete();
    await db.meta.delete('syncCheckpoint');
    await forgetCaseIndex();
    await saveRecords([kase, early, late]);
    await db.sync.bulkPut([
      { id: kase.id, pending: 0, gen: 1, rev: caseRev, revs: [caseRev.split('-')[1] ?? ''] },
      { id: early.id, pending: 0, gen: 1, rev: earlyRev, revs: [earlyRev.split('-')[1] ?? ''] },
      { id: late.id, pending: 0, gen: 1, rev: lateRev, revs: [lateRev.split('-')[1] ?? ''] },
    ]);
    await sync();
    expect(await db.records.where('caseId').equals(kase.id).count()).toBe(0);
    await expectTombstoneOnly(late.id);
  });

  it('is dropped after a lock and unlock too: the list of erased cases is kept on disk', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    // The erasure comes from another device this time: B learns it by pulling the deletion.
    const { status } = await perTest.couch.request('DELETE', `${perTest.db}/${kase.id}?rev=${await revOf(kase.id)}`);
    expect(status).toBe(200);
    await sync();
    expect(await db.records.get(kase.id)).toBeUndefined();

    lock();
    await unlock(TEST_PASSPHRASE);
    const late = makeNote({ caseId: kase.id, text: 'na het wissen' });
    await remotePut({ t: 'records', record: late });
    const round = await sync();
    expect(await getRecord(late.id, 'note')).toBeUndefined();
    expect(round.erasedDropped).toBe(1);
    await expectTombstoneOnly(late.id);
  });

  it('never stores a conflict item of an erased case', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    await eraseCase(kase.id);
    await sync();
    const conflict = makeConflict({ caseId: kase.id });
    await remotePut({ t: 'conflicts', record: conflict });
    await sync();
    expect(await db.conflicts.count()).toBe(0);
    await expectTombstoneOnly(conflict.id);
  });

  it('keeps the list as ciphertext: no case id in plaintext on disk', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await eraseCase(kase.id);
    const rows = (await dumpRawDatabase()).filter(
      (r) => r.store === 'meta' && String((r.value as { key?: unknown }).key).startsWith(ERASED_PREFIX),
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]?.value as { key: string; value: Record<string, unknown> };
    expect(Object.keys(row.value).sort()).toEqual(['data', 'iv']);
    expect(row.key).not.toContain(kase.id);
    expect(rawText(row)).not.toContain(kase.id);
    // The whole database: the case id survives nowhere in plaintext except as the sync rows' ids
    // of its deletions waiting to be pushed (SECURITY.md: random ids only).
    const elsewhere = (await dumpRawDatabase()).filter((r) => r.store !== 'sync' && rawText(r.value).includes(kase.id));
    expect(elsewhere).toEqual([]);
  });

  it('is dropped by a device that never held the case, whichever comes first in the feed', async () => {
    // Device A made and erased a case before this device's first sync; C's late notes came after.
    const kase = makeCase();
    const caseRev = await remotePut({ t: 'records', record: kase });
    const before = makeNote({ caseId: kase.id, text: 'voor het wissen gepusht' });
    await remotePut({ t: 'records', record: before });
    const { status } = await perTest.couch.request('DELETE', `${perTest.db}/${kase.id}?rev=${caseRev}`);
    expect(status).toBe(200);
    const after = makeNote({ caseId: kase.id, text: 'na het wissen gepusht' });
    await remotePut({ t: 'records', record: after });

    // One document per batch: the first note arrives before the case's deletion, the second after it.
    const round = await sync(1);
    expect(await db.records.where('caseId').equals(kase.id).count()).toBe(0);
    expect(round.erasedDropped).toBe(1);
    // The case index agrees, in memory and on disk.
    dropIndexMemory();
    const index = await ensureIndex(key());
    expect(index && new Map(entriesOf(index)).has(kase.id)).toBe(false);
    expect(index?.rows).toBe(await db.records.count());
    await expectTombstoneOnly(before.id);
    await expectTombstoneOnly(after.id);
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
  });

  it('is dropped in a later batch by a device that only ever saw the deletion of the case', async () => {
    const kase = makeCase();
    const caseRev = await remotePut({ t: 'records', record: kase });
    expect((await perTest.couch.request('DELETE', `${perTest.db}/${kase.id}?rev=${caseRev}`)).status).toBe(200);
    const late = makeNote({ caseId: kase.id, text: 'na het wissen gepusht' });
    await remotePut({ t: 'records', record: late });

    // Batch 1: the case's deletion (nothing of it here); batch 2: the note.
    const round = await sync(1);
    expect(await db.records.get(late.id)).toBeUndefined();
    expect(round.erasedDropped).toBe(1);
    await expectTombstoneOnly(late.id);
  });
});
