// The replicator against a real CouchDB-protocol server (express-pouchdb) in
// Node. "Device A" is this process's Dexie database; "device B" is simulated
// by writing encrypted documents straight to the server with the same key.
import { describe, expect, it, vi } from 'vitest';

import { makeCase, makeConsent, makeFollowUp, makeNote, makeParty } from '../../../schema/factories';
import { RECORD_READ_FORMAT } from '../../../schema/records';
import { db } from '../db';
import { getDataKey } from '../session';
import { eraseCase, getRecord, listRecords, saveRecords } from '../store';
import { decodeDoc, encodeDoc, fromBase64, toBase64 } from './codec';
import type { SyncPayload } from './codec';
import { ackDocId, acknowledgeErased } from './erasure-acks';
import { resolveConflict } from './conflicts';
import { couchClient } from './http';
import { openConflictRow, readCheckpoint } from './local';
import { Replicator, startSync, stopSync } from './replicator';
import { getSyncStatus, publishSyncStatus, subscribeSyncStatus } from './status';
import { couchPerTest } from './test-couch-per-test';

// One server for the file; an empty device, a new vault and a fresh server database per test.
const perTest = couchPerTest();

function replicator(fetchImpl?: typeof fetch): Replicator {
  return new Replicator(
    { db: perTest.db, account: 'anna', password: 'geheim' },
    { base: perTest.couch.url, live: false, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
  );
}

async function sync(fetchImpl?: typeof fetch): Promise<void> {
  const r = replicator(fetchImpl);
  await r.loadCheckpoint();
  await r.syncOnce();
}

function key(): CryptoKey {
  const k = getDataKey();
  if (!k) throw new Error('locked');
  return k;
}

interface Row {
  id: string;
  value: { rev: string; deleted?: boolean };
  doc?: Record<string, unknown>;
}

/** Waits until `check` holds (polled every 10 ms), failing after `ms`. */
async function waitFor(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pathOf = (input: Parameters<typeof fetch>[0]) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname;

async function allDocs(): Promise<Row[]> {
  const { json } = await perTest.couch.request('GET', `${perTest.db}/_all_docs?include_docs=true`);
  return (json as { rows: Row[] }).rows;
}

/** Device B edits a document the normal (interactive) way: the server assigns the revision. */
async function remotePut(payload: SyncPayload, rev?: string): Promise<string> {
  const doc = await encodeDoc(key(), payload);
  const { status, json } = await perTest.couch.request('PUT', `${perTest.db}/${doc._id}`, {
    ...doc,
    ...(rev ? { _rev: rev } : {}),
  });
  expect(status).toBe(201);
  return (json as { rev: string }).rev;
}

async function remoteGet(id: string): Promise<Record<string, unknown>> {
  return (await perTest.couch.request('GET', `${perTest.db}/${id}?conflicts=true`)).json as Record<string, unknown>;
}

describe('replicator against an embedded CouchDB-protocol server', () => {
  it('pushes every record and audit event as an opaque document, and reads them back on an empty device', async () => {
    const kase = makeCase({ description: 'MARKER-beschrijving' });
    const party = makeParty({ caseId: kase.id, realName: 'MARKER-Vandenberghe' });
    const note = makeNote({ caseId: kase.id, text: 'MARKER-notitie' });
    await saveRecords([kase, party, note]);
    await sync();
    const rows = await allDocs();
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([kase.id, party.id, note.id]));
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
    for (const row of rows) {
      expect(Object.keys(row.doc ?? {}).sort()).toEqual(['_id', '_rev', 'ct', 'iv', 'k', 'v']);
      const text = JSON.stringify(row.doc);
      expect(text).not.toContain('MARKER');
      expect(text).not.toContain(kase.id === row.id ? '§' : kase.id);
      expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
    }

    // A new device with the same key: wipe local rows and sync state, keep the vault.
    await db.records.clear();
    await db.audit.clear();
    await db.sync.clear();
    await db.meta.delete('syncCheckpoint');
    await sync();
    const back = await getRecord(note.id, 'note');
    expect(back).toEqual({ ok: true, record: note });
    expect(await getRecord(party.id, 'party')).toEqual({ ok: true, record: party });
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
  });

  it('pulls a note another device added, and a second sync changes nothing', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    const note = makeNote({ caseId: kase.id, text: 'van toestel B' });
    await remotePut({ t: 'records', record: note });
    await sync();
    expect(await getRecord(note.id, 'note')).toEqual({ ok: true, record: note });
    const before = (await allDocs()).map((r) => r.value.rev).sort();
    await sync();
    expect((await allDocs()).map((r) => r.value.rev).sort()).toEqual(before);
  });

  it('after an update that reads more record shapes, fetches again what the older version refused', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    // Device B's note names its writer; an older version here refused it, so it has no row, and
    // moved its checkpoint past it (saved without RECORD_READ_FORMAT).
    const note = makeNote({ caseId: kase.id, text: 'van Bram', by: { id: 'bram-member-id-0001', name: 'Bram' } });
    await remotePut({ t: 'records', record: note });
    await sync();
    await db.records.delete(note.id);
    await db.sync.delete(note.id);
    const stored = await readCheckpoint();
    if (!stored) throw new Error('no checkpoint');
    await db.meta.put({
      key: 'syncCheckpoint',
      value: { db: stored.db, since: stored.since, session: stored.session },
    });
    await sync();
    expect(await getRecord(note.id, 'note')).toEqual({ ok: true, record: note });
    expect((await readCheckpoint())?.format).toBe(RECORD_READ_FORMAT);
  });

  it('merges the same follow-up changed on both devices: one conflict item, one live revision, both notes', async () => {
    const kase = makeCase();
    const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-01' });
    await saveRecords([kase, follow]);
    await sync();
    const serverRev = (await remoteGet(follow.id))['_rev'] as string;

    // Offline: A adds a note and moves the date; B adds a note and moves the date elsewhere.
    const noteA = makeNote({ caseId: kase.id, text: 'A' });
    const noteB = makeNote({ caseId: kase.id, text: 'B' });
    await saveRecords([noteA, { ...follow, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' }]);
    await remotePut({ t: 'records', record: noteB });
    await remotePut(
      { t: 'records', record: { ...follow, due: '2026-05-15', updatedAt: '2026-04-03T10:00:00.000Z' } },
      serverRev,
    );
    await sync(); // pull B's version, merge, push merged + note A
    await sync(); // settles

    const notes = await listRecords({ kind: 'note', caseId: kase.id });
    expect(notes.map((n) => (n.ok ? n.record.text : '')).sort()).toEqual(['A', 'B']);
    const conflicts = await db.conflicts.where('caseId').equals(kase.id).toArray();
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0] ? await openConflictRow(key(), conflicts[0]) : null;
    expect(conflict?.field).toBe('due');
    expect([...(conflict?.values ?? [])].sort()).toEqual(['2026-05-08', '2026-05-15']);
    const local = await getRecord(follow.id, 'followup');
    const server = await remoteGet(follow.id);
    expect(server['_conflicts']).toBeUndefined();
    const decoded = await decodeDoc(() => key(), server);
    expect(decoded.ok && decoded.payload.record).toEqual(local?.ok && local.record);
    // The conflict item itself replicated.
    expect((await allDocs()).map((r) => r.id)).toContain(conflict?.id);
  });

  it('makes a conflict item when both devices pushed a different date before pulling the other (a conflict on the server)', async () => {
    const kase = makeCase();
    const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-01' });
    await saveRecords([kase, follow]);
    await sync();
    const serverRev = (await remoteGet(follow.id))['_rev'] as string;
    // B stores its date first; A, reconnecting at the same moment, pushes its own before pulling B's.
    await remotePut(
      { t: 'records', record: { ...follow, due: '2026-05-15', updatedAt: '2026-04-03T10:00:00.000Z' } },
      serverRev,
    );
    await saveRecords([{ ...follow, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' }]);
    const r = replicator();
    await r.loadCheckpoint();
    await r.pushAll();
    expect(((await remoteGet(follow.id))['_conflicts'] as unknown[] | undefined)?.length).toBe(1);
    await r.syncOnce(); // pulls B's branch: neither date may win silently
    await r.syncOnce();
    const conflicts = await db.conflicts.where('caseId').equals(kase.id).toArray();
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0] ? await openConflictRow(key(), conflicts[0]) : null;
    expect(conflict?.field).toBe('due');
    expect([...(conflict?.values ?? [])].sort()).toEqual(['2026-05-08', '2026-05-15']);
    expect((await remoteGet(follow.id))['_conflicts']).toBeUndefined();
  });

  it("keeps a consent's earliest withdrawal while its item is open, and the later date once chosen, also against a stale merge", async () => {
    const kase = makeCase();
    const consent = makeConsent({ caseId: kase.id, recipient: 'ander-clb', givenOn: '2026-11-02' });
    await saveRecords([kase, consent]);
    await sync();
    const serverRev = (await remoteGet(consent.id))['_rev'] as string;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    // B withdraws as of 05/12; A, later, as of 09/12 and pushes before pulling B's.
    const onB = { ...consent, withdrawnOn: '2026-12-05', updatedAt: ago(20) };
    const bRev = await remotePut({ t: 'records', record: onB }, serverRev);
    await saveRecords([{ ...consent, withdrawnOn: '2026-12-09', updatedAt: ago(10) }]);
    const r = replicator();
    await r.loadCheckpoint();
    await r.pushAll();
    await r.syncOnce();
    await r.syncOnce();
    const pending = await getRecord(consent.id, 'consent');
    expect(pending?.ok && pending.record.basis === 'toestemming' && pending.record.withdrawnOn).toBe('2026-12-05');
    const [row] = await db.conflicts.where('caseId').equals(kase.id).toArray();
    const item = row ? await openConflictRow(key(), row) : null;
    if (!item) throw new Error('expected an item');
    expect(item.resolvedAt).toBeUndefined();

    await resolveConflict(item.id, item.values.indexOf('2026-12-09'), 'Niet gekozen');
    await r.syncOnce();
    // B had merged the first versions too (05/12) and replicates that now: a branch beside A's choice.
    const [n, hash] = bRev.split('-');
    const staleRev = `${Number(n) + 1}-${'b'.repeat(32)}`;
    const stale = await encodeDoc(key(), { t: 'records', record: { ...onB, updatedAt: ago(10) } });
    await perTest.couch.request('POST', `${perTest.db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...stale, _rev: staleRev, _revisions: { start: Number(n) + 1, ids: ['b'.repeat(32), hash] } }],
    });
    await r.syncOnce();
    await r.syncOnce();
    const chosen = await getRecord(consent.id, 'consent');
    expect(chosen?.ok && chosen.record.basis === 'toestemming' && chosen.record.withdrawnOn).toBe('2026-12-09');
    const server = await decodeDoc(() => key(), await remoteGet(consent.id));
    expect(server.ok && server.payload.record).toEqual(chosen?.ok && chosen.record);
    const items = await Promise.all((await db.conflicts.toArray()).map((c) => openConflictRow(key(), c)));
    expect(items.filter((c) => c?.resolvedAt === undefined)).toEqual([]);
  });

  it.each([
    ['moves the date back (a lost change with a stale base)', '2026-05-01'],
    ['moves the date again (a spurious conflict with a stale base)', '2026-05-22'],
  ] as const)(
    'merges twice before pushing: the second merge starts from the version the first merged, when B %s',
    async (_what, secondDue) => {
      const kase = makeCase();
      const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-01', purpose: 'Gesprek' });
      await saveRecords([kase, follow]);
      await sync();
      const serverRev = (await remoteGet(follow.id))['_rev'] as string;

      // A changes the purpose (not pushed yet); B moves the date.
      await saveRecords([{ ...follow, purpose: 'Gesprek met ouders', updatedAt: '2026-04-02T10:00:00.000Z' }]);
      const bFirst = { ...follow, due: '2026-05-15', updatedAt: '2026-04-03T10:00:00.000Z' };
      const bRev = await remotePut({ t: 'records', record: bFirst }, serverRev);
      const r = replicator();
      await r.loadCheckpoint();
      await r.pullAll(); // merges B's date into A's pending version; nothing pushed yet
      const merged = await getRecord(follow.id, 'followup');
      expect(merged?.ok && [merged.record.due, merged.record.purpose]).toEqual(['2026-05-15', 'Gesprek met ouders']);
      expect((await db.sync.get(follow.id))?.pending).toBe(1);

      // Both go on: A changes the purpose again, B changes only the date (a child of its first version).
      await saveRecords([
        { ...follow, due: '2026-05-15', purpose: 'Gesprek met de school', updatedAt: '2026-04-04T10:00:00.000Z' },
      ]);
      await remotePut(
        { t: 'records', record: { ...bFirst, due: secondDue, updatedAt: '2026-04-05T10:00:00.000Z' } },
        bRev,
      );
      await r.syncOnce(); // the second merge, then the push
      await r.syncOnce();

      // Each side's last change stands, and nothing is reported as a conflict: only B changed the date.
      const local = await getRecord(follow.id, 'followup');
      expect(local?.ok && [local.record.due, local.record.purpose]).toEqual([secondDue, 'Gesprek met de school']);
      expect(await db.conflicts.where('caseId').equals(kase.id).count()).toBe(0);
      const server = await remoteGet(follow.id);
      expect(server['_conflicts']).toBeUndefined();
      const decoded = await decodeDoc(() => key(), server);
      expect(decoded.ok && decoded.payload.record).toEqual(local?.ok && local.record);
    },
  );

  it('erases a case deleted on another device, and pushes a local erasure as deletions', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note]);
    await sync();
    for (const id of [kase.id, note.id]) {
      const rev = (await remoteGet(id))['_rev'] as string;
      expect((await perTest.couch.request('DELETE', `${perTest.db}/${id}?rev=${rev}`)).status).toBe(200);
    }
    await sync();
    expect(await db.records.count()).toBe(0);

    const other = makeCase();
    const otherNote = makeNote({ caseId: other.id });
    await saveRecords([other, otherNote]);
    await sync();
    await eraseCase(other.id);
    await sync();
    const live = (await allDocs()).map((r) => r.id);
    expect(live).not.toContain(other.id);
    expect(live).not.toContain(otherNote.id);
  });

  it('counts, and publishes, a local note not yet pushed that goes with a case erased on another device', async () => {
    const kase = makeCase();
    const note = makeNote({ caseId: kase.id });
    await saveRecords([kase, note]);
    await sync();
    // Written here while "offline": not pushed before the other device erased the case.
    const unsent = makeNote({ caseId: kase.id });
    await saveRecords([unsent]);
    for (const id of [kase.id, note.id]) {
      const rev = (await remoteGet(id))['_rev'] as string;
      expect((await perTest.couch.request('DELETE', `${perTest.db}/${id}?rev=${rev}`)).status).toBe(200);
    }
    const r = replicator();
    await r.loadCheckpoint();
    await r.pullAll();
    // The erased case stays erased, the unsent note with it; the status says one change was lost.
    expect(await db.records.get(unsent.id)).toBeUndefined();
    expect(getSyncStatus().erasedUnsent).toBe(1);
    // A session count: a later round adds nothing for the same erasure.
    await sync();
    expect(getSyncStatus().erasedUnsent).toBe(1);
    publishSyncStatus({}, ['erasedUnsent']);
  });

  it('counts a note added offline as one change, though its case row changed with it', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    // As appendNote writes it: the note and the case, bumped.
    const unsent = makeNote({ caseId: kase.id });
    await saveRecords([unsent, { ...kase, updatedAt: new Date(Date.parse(kase.updatedAt) + 60_000).toISOString() }]);
    const rev = (await remoteGet(kase.id))['_rev'] as string;
    expect((await perTest.couch.request('DELETE', `${perTest.db}/${kase.id}?rev=${rev}`)).status).toBe(200);
    const r = replicator();
    await r.loadCheckpoint();
    await r.pullAll();
    expect(await db.records.get(unsent.id)).toBeUndefined();
    expect(getSyncStatus().erasedUnsent).toBe(1);
    publishSyncStatus({}, ['erasedUnsent']);
  });

  it('counts a change to the case row alone as one change', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    await saveRecords([{ ...kase, updatedAt: new Date(Date.parse(kase.updatedAt) + 60_000).toISOString() }]);
    const rev = (await remoteGet(kase.id))['_rev'] as string;
    expect((await perTest.couch.request('DELETE', `${perTest.db}/${kase.id}?rev=${rev}`)).status).toBe(200);
    const r = replicator();
    await r.loadCheckpoint();
    await r.pullAll();
    expect(await db.records.get(kase.id)).toBeUndefined();
    expect(getSyncStatus().erasedUnsent).toBe(1);
    publishSyncStatus({}, ['erasedUnsent']);
  });

  it('refuses a tampered or moved document and stores nothing of it', async () => {
    const kase = makeCase();
    const doc = await encodeDoc(key(), { t: 'records', record: kase });
    const ct = fromBase64(doc.ct);
    ct[0] = (ct[0] ?? 0) ^ 1;
    await perTest.couch.request('PUT', `${perTest.db}/${doc._id}`, { ...doc, ct: toBase64(ct) });
    const other = makeCase();
    await perTest.couch.request('PUT', `${perTest.db}/${other.id}`, { ...doc, _id: other.id });
    await sync();
    expect(await db.records.count()).toBe(0);
    expect(getSyncStatus().refused).toBeGreaterThanOrEqual(2);
  });

  it('loses and duplicates nothing when the connection drops after the server stored a push', async () => {
    const kase = makeCase();
    const notes = Array.from({ length: 5 }, (_, i) => makeNote({ caseId: kase.id, text: `n${i}` }));
    await saveRecords([kase, ...notes]);
    let drop = true;
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (drop && String(input).includes('_bulk_docs')) {
        drop = false;
        throw new TypeError('network down after the server stored it');
      }
      return response;
    };
    await expect(sync(flaky)).rejects.toThrow();
    expect(await db.sync.where('pending').equals(1).count()).toBeGreaterThan(0);
    await sync();
    expect(await db.sync.where('pending').equals(1).count()).toBe(0);
    for (const row of await allDocs()) {
      const doc = await remoteGet(row.id);
      expect(doc['_conflicts']).toBeUndefined();
      expect(String(doc['_rev'])).toMatch(/^1-/);
    }
    expect((await allDocs()).filter((r) => [kase.id, ...notes.map((n) => n.id)].includes(r.id))).toHaveLength(6);
  });

  it('resumes a pull from its checkpoint after an interruption', async () => {
    const kase = makeCase();
    await saveRecords([kase]);
    await sync();
    const remoteNotes = Array.from({ length: 7 }, () => makeNote({ caseId: kase.id }));
    for (const n of remoteNotes) await remotePut({ t: 'records', record: n });
    let calls = 0;
    const failSecondBatch: typeof fetch = async (input, init) => {
      if (String(input).includes('_changes') && ++calls === 2) throw new TypeError('offline');
      return fetch(input, init);
    };
    const r = new Replicator(
      { db: perTest.db, account: 'a', password: 'p' },
      { base: perTest.couch.url, live: false, batchSize: 3, fetch: failSecondBatch },
    );
    await r.loadCheckpoint();
    await expect(r.pullAll()).rejects.toThrow();
    const afterFirst = await db.records.where('kind').equals('note').count();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(7);
    await sync();
    expect(await db.records.where('kind').equals('note').count()).toBe(7);
  });

  it("keeps the server's opaque sequence verbatim as its checkpoint, locally and in _local", async () => {
    await saveRecords([makeCase()]);
    await sync();
    await remotePut({ t: 'records', record: makeNote() });
    await sync();
    const checkpoint = await readCheckpoint();
    const info = (await perTest.couch.request('GET', perTest.db)).json as { update_seq: unknown };
    // The test server answers like CouchDB 3: "<n>-g1AAAA…", not a number.
    expect(checkpoint?.since).toMatch(/^\d+-g1AAAA[A-Za-z0-9_-]+$/);
    const { json } = await perTest.couch.request('GET', `${perTest.db}/_local/baken-pull-${checkpoint?.session ?? ''}`);
    expect((json as { source_last_seq: unknown }).source_last_seq).toBe(checkpoint?.since);
    // Caught up: the checkpoint is the sequence the server is at (its pushes came after the pull).
    const since = encodeURIComponent(String(checkpoint?.since));
    const rest = (await perTest.couch.request('GET', `${perTest.db}/_changes?since=${since}`)).json as {
      results: unknown[];
    };
    expect(rest.results.length).toBeLessThanOrEqual(1);
    expect(typeof info.update_seq).toBe('string');
  });

  it('purges an erasure only once every active device acknowledged it, and never where the account may not purge', async () => {
    const purges: Array<Record<string, string[]>> = [];
    let answer = 401;
    const withPurge: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/_purge')) return fetch(input, init);
      purges.push(JSON.parse(String(init?.body)) as Record<string, string[]>);
      return new Response(
        JSON.stringify(answer === 201 ? { purge_seq: null, purged: {} } : { error: 'unauthorized' }),
        { status: answer },
      );
    };
    const at = '2026-03-12T09:30:00.000Z';
    const run = async (deviceIds: string[]) => {
      const r = new Replicator(
        { db: perTest.db, account: 'anna', password: 'geheim' },
        {
          base: perTest.couch.url,
          live: false,
          fetch: withPurge,
          erasureAcks: {
            deviceId: 'toestel-aaaa',
            devices: () => Promise.resolve(deviceIds.map((id) => ({ id, name: id, addedAt: at }))),
          },
        },
      );
      await r.loadCheckpoint();
      await r.syncOnce();
      return r;
    };
    const erase = async (r: Replicator) => {
      const kase = makeCase();
      const note = makeNote({ caseId: kase.id });
      await saveRecords([kase, note]);
      await r.syncOnce();
      await eraseCase(kase.id);
      await r.syncOnce();
      return [kase.id, note.id];
    };
    const named = () => purges.filter((p) => Object.keys(p).length > 0);
    const ackDoc = async () => (await perTest.couch.request('GET', `${perTest.db}/${ackDocId('toestel-aaaa')}`)).status;

    // A worker's account (CouchDB 3.5: 401 to anyone but a server admin): asked once, with an empty
    // purge; no acknowledgement is written and the tombstones stay.
    const refusing = await run(['toestel-aaaa']);
    const [kept] = await erase(refusing);
    expect(purges).toEqual([{}]);
    expect(await ackDoc()).toBe(404);
    await erase(refusing);
    expect(purges).toEqual([{}]);
    const tomb = (await perTest.couch.request('GET', `${perTest.db}/${kept}?revs=true&open_revs=all`)).json as Array<{
      ok?: { _deleted?: boolean };
    }>;
    expect(tomb.map((t) => t.ok?._deleted)).toEqual([true]);

    // A server admin with a second active device: acknowledged here, not purged until the phone acknowledges.
    answer = 201;
    purges.length = 0;
    const two = await run(['toestel-aaaa', 'toestel-bbbb']);
    const [caseId, noteId] = await erase(two);
    expect(named()).toEqual([]);
    expect(await ackDoc()).toBe(200);
    const phone = couchClient({ base: `${perTest.couch.url}${perTest.db}/`, account: 'anna', password: 'geheim' });
    await acknowledgeErased(phone, 'toestel-bbbb', [caseId ?? '', noteId ?? '']);
    await two.syncOnce();
    expect(named()).toHaveLength(1);
    expect(Object.keys(named()[0] ?? {}).sort()).toEqual([caseId, noteId].sort());
    for (const revs of Object.values(named()[0] ?? {}))
      for (const rev of revs) expect(rev).toMatch(/^\d+-[0-9a-f]{32}$/);

    // The only active device: purged in the same round as the erasure.
    purges.length = 0;
    const alone = await run(['toestel-aaaa']);
    const [gone] = await erase(alone);
    expect(named().flatMap((p) => Object.keys(p))).toContain(gone);
  });
  it.each([
    ['a refused password (CouchDB locks an account out after repeated 401s)', 401, { error: 'unauthorized' }, 'auth'],
    [
      "CouchDB's account lockout, with its own error",
      403,
      { error: 'forbidden', reason: 'Account is temporarily locked due to multiple authentication failures' },
      'lockedOut',
    ],
  ] as const)('stops after %s instead of retrying', async (_what, status, body, error) => {
    let requests = 0;
    const refusing: typeof fetch = () => {
      requests++;
      return Promise.resolve(new Response(JSON.stringify(body), { status }));
    };
    const r = new Replicator(
      { db: perTest.db, account: 'anna', password: 'oud-wachtwoord' },
      { base: perTest.couch.url, fetch: refusing },
    );
    const controller = new AbortController();
    const stopped = await Promise.race([
      r.run(controller.signal).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000)),
    ]);
    controller.abort();
    expect(stopped).toBe(true);
    expect(requests).toBe(1);
    expect(getSyncStatus()).toMatchObject({ phase: 'fout', error });
  });

  it('asks for nothing more after a 401 on a pull batch (no next _changes page ahead of a refused _bulk_get)', async () => {
    const kase = makeCase();
    await remotePut({ t: 'records', record: kase });
    for (let i = 0; i < 5; i++) await remotePut({ t: 'records', record: makeNote({ caseId: kase.id }) });
    const sent: string[] = [];
    const refuseBulkGet: typeof fetch = (input, init) => {
      const path = new URL(String(input)).pathname.split('/').pop() ?? '';
      sent.push(path);
      if (path === '_bulk_get') {
        return Promise.resolve(new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 }));
      }
      return fetch(input, init);
    };
    const r = new Replicator(
      { db: perTest.db, account: 'anna', password: 'oud-wachtwoord' },
      { base: perTest.couch.url, live: false, batchSize: 2, fetch: refuseBulkGet },
    );
    await r.loadCheckpoint();
    await expect(r.pullAll()).rejects.toMatchObject({ kind: 'auth' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual(['_changes', '_bulk_get']);
  });
  it('reads the checkpoint inside the retry loop: offline at the start, it retries and completes once the network is back', async () => {
    const kase = makeCase();
    await remotePut({ t: 'records', record: kase });
    await sync(); // pulled: a checkpoint exists now, and loading it asks the server for its _local copy
    expect(await readCheckpoint()).toBeDefined();
    const note = makeNote({ caseId: kase.id, text: 'van toestel B' });
    await remotePut({ t: 'records', record: note });
    const failed: string[] = [];
    const offlineFirst: typeof fetch = (input, init) => {
      if (failed.length < 3) {
        failed.push(pathOf(input));
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    };
    const phases: string[] = [];
    const unsubscribe = subscribeSyncStatus(() => {
      const { phase, error } = getSyncStatus();
      if (phase === 'fout') phases.push(`${phase}:${error ?? ''}`);
    });
    const r = new Replicator(
      { db: perTest.db, account: 'anna', password: 'geheim' },
      { base: perTest.couch.url, fetch: offlineFirst, backoffMs: 10 },
    );
    const controller = new AbortController();
    const running = r.run(controller.signal);
    await waitFor('a completed round', () => getSyncStatus().phase === 'gesynchroniseerd');
    controller.abort();
    await running;
    unsubscribe();
    // Each failed attempt was shown (offline), then the round completed and the error was cleared.
    expect(phases).toEqual(['fout:network', 'fout:network', 'fout:network']);
    expect(failed).toHaveLength(3);
    for (const path of failed) expect(path).toContain(`/${perTest.db}/_local/baken-pull-`);
    expect(getSyncStatus().error).toBeUndefined();
    expect(await getRecord(note.id, 'note')).toEqual({ ok: true, record: note });
  });

  it('stops on a 401 while reading the checkpoint, says so, and starts again when asked (same target)', async () => {
    await remotePut({ t: 'records', record: makeCase() });
    await sync(); // pulled: a checkpoint to load
    const sent: string[] = [];
    let refuse = true;
    const server: typeof fetch = (input, init) => {
      sent.push(pathOf(input));
      if (refuse) return Promise.resolve(new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 }));
      return fetch(input, init);
    };
    const target = { db: perTest.db, account: 'anna', password: 'geheim' };
    startSync(target, { base: perTest.couch.url, fetch: server });
    try {
      await waitFor('the refusal in the status', () => getSyncStatus().phase === 'fout');
      expect(getSyncStatus()).toMatchObject({ phase: 'fout', error: 'auth' });
      // No tight loop: one request, and nothing more while we wait.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toContain(`/${perTest.db}/_local/baken-pull-`);
      // The loop ended; starting it again (settings, next unlock) really starts it.
      refuse = false;
      startSync(target, { base: perTest.couch.url, fetch: server });
      await waitFor('a completed round', () => getSyncStatus().phase === 'gesynchroniseerd');
      expect(sent.length).toBeGreaterThan(1);
    } finally {
      await stopSync();
    }
    expect(getSyncStatus().phase).toBe('uit');
  });

  it('wakes promptly from its backoff on every return online, not only the first', async () => {
    const online = new EventTarget();
    vi.stubGlobal('window', online);
    let offline = true;
    const inFlight = new Set<AbortController>();
    // A network that can go down: refuses new requests and cuts the ones under way (the long-poll).
    const network: typeof fetch = (input, init) => {
      if (offline) return Promise.reject(new TypeError('Failed to fetch'));
      const cut = new AbortController();
      const outer = init?.signal;
      if (outer) outer.addEventListener('abort', () => cut.abort(outer.reason));
      inFlight.add(cut);
      return fetch(input, { ...init, signal: cut.signal }).finally(() => inFlight.delete(cut));
    };
    const goOffline = () => {
      offline = true;
      for (const cut of inFlight) cut.abort(new TypeError('connection lost'));
    };
    const goOnline = () => {
      offline = false;
      online.dispatchEvent(new Event('online'));
    };
    await saveRecords([makeCase()]);
    const r = new Replicator(
      { db: perTest.db, account: 'anna', password: 'geheim' },
      // A backoff far longer than the waits below: only the `online` event can end it in time.
      { base: perTest.couch.url, fetch: network, backoffMs: 20_000 },
    );
    const controller = new AbortController();
    const running = r.run(controller.signal);
    try {
      for (let cycle = 1; cycle <= 2; cycle++) {
        if (cycle > 1) goOffline();
        await waitFor(`offline ${cycle}`, () => getSyncStatus().phase === 'fout');
        expect(getSyncStatus().error).toBe('network');
        const wokenAt = Date.now();
        goOnline();
        await waitFor(`back online ${cycle}`, () => getSyncStatus().phase === 'gesynchroniseerd', 3000);
        expect(Date.now() - wokenAt).toBeLessThan(3000);
      }
      expect(await db.sync.where('pending').equals(1).count()).toBe(0);
    } finally {
      controller.abort();
      await running;
      vi.unstubAllGlobals();
    }
  });
  it('does not start round after round for a pending row it cannot read here, and sends it once it changes', async () => {
    const kase = makeCase();
    const follow = makeFollowUp({ caseId: kase.id, due: '2026-05-01' });
    await saveRecords([kase, follow]);
    // The follow-up's row cannot be decrypted here (its mark stays pending, its generation unchanged).
    const row = await db.records.get(follow.id);
    if (!row) throw new Error('no row');
    const data = new Uint8Array(row.data);
    data[0] = (data[0] ?? 0) ^ 0xff;
    await db.records.put({ ...row, data });
    let rounds = 0;
    const sent: string[] = [];
    const server: typeof fetch = (input, init) => {
      const path = pathOf(input);
      if (path.endsWith('/_changes') && !String(input).includes('feed=longpoll')) rounds++;
      if (path.endsWith('/_bulk_docs')) {
        const body = JSON.parse(String(init?.body)) as { docs: Array<{ _id: string }> };
        sent.push(...body.docs.map((d) => d._id));
      }
      return fetch(input, init);
    };
    const r = new Replicator(
      { db: perTest.db, account: 'anna', password: 'geheim' },
      { base: perTest.couch.url, fetch: server },
    );
    const controller = new AbortController();
    const running = r.run(controller.signal);
    try {
      await waitFor('the case sent', () => sent.includes(kase.id) && getSyncStatus().phase === 'gesynchroniseerd');
      expect(getSyncStatus().waiting).toBe(1);
      const before = rounds;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // At most a round or two more (one may pull this device's own push), not one after the other.
      expect(rounds - before).toBeLessThanOrEqual(2);
      expect(sent).not.toContain(follow.id);

      // A local write (a new generation) wakes the loop at once, and the readable version is sent.
      await saveRecords([{ ...follow, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' }]);
      await waitFor('the follow-up sent', () => sent.includes(follow.id));
      await waitFor('nothing waiting', () => getSyncStatus().waiting === 0);
      const decoded = await decodeDoc(() => key(), await remoteGet(follow.id));
      expect(decoded.ok && decoded.payload.t === 'records' && decoded.payload.record).toMatchObject({
        due: '2026-05-08',
      });
    } finally {
      controller.abort();
      await running;
    }
  });
  it.each([
    ['refused ("forbidden")', 'forbidden', 'refused'],
    ['too large (413)', 'too_large', 'tooLarge'],
  ] as const)(
    'shows why a change the server %s waits, and does not resend it until it changes',
    async (_what, refusal, field) => {
      const kase = makeCase();
      const note = makeFollowUp({ caseId: kase.id, due: '2026-05-01' });
      await saveRecords([kase, note]);
      let refuse = true;
      const sendsOfNote: string[] = []; // the follow-up's revision, per request that carried it
      let rounds = 0;
      // The server refuses the follow-up's document while `refuse` holds; everything else is stored.
      const server: typeof fetch = async (input, init) => {
        const path = pathOf(input);
        if (path.endsWith('/_changes') && !String(input).includes('feed=longpoll')) rounds++;
        if (!path.endsWith('/_bulk_docs')) return fetch(input, init);
        const body = JSON.parse(String(init?.body)) as { docs: Array<{ _id: string; _rev: string }>; new_edits: false };
        const mine = body.docs.filter((d) => d._id === note.id);
        for (const d of mine) sendsOfNote.push(d._rev);
        if (!refuse || mine.length === 0) return fetch(input, init);
        if (refusal === 'too_large') {
          return new Response(JSON.stringify({ error: 'document_too_large', reason: note.id }), { status: 413 });
        }
        const rest = { ...body, docs: body.docs.filter((d) => d._id !== note.id) };
        await fetch(input, { ...init, body: JSON.stringify(rest) });
        const errors = mine.map((d) => ({ id: d._id, rev: d._rev, error: 'forbidden', reason: 'niet toegelaten' }));
        return new Response(JSON.stringify(errors), { status: 201 });
      };
      const r = new Replicator(
        { db: perTest.db, account: 'anna', password: 'geheim' },
        { base: perTest.couch.url, fetch: server, batchSize: 50 },
      );
      const controller = new AbortController();
      const running = r.run(controller.signal);
      try {
        await waitFor(
          'a round done, with the reason in the status',
          () => getSyncStatus().phase === 'gesynchroniseerd' && getSyncStatus().unsent?.[field] === 1,
        );
        expect(getSyncStatus().waiting).toBe(1);
        // The loop waits (long-poll) instead of sending the same revision round after round (a second
        // round may pull this device's own push first).
        await new Promise((resolve) => setTimeout(resolve, 500));
        const [settled, sends] = [rounds, sendsOfNote.length];
        expect(settled).toBeLessThanOrEqual(2);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect([rounds, sendsOfNote.length]).toEqual([settled, sends]);
        expect(new Set(sendsOfNote).size).toBe(1); // one revision, sent in one round
        const stored = (await allDocs()).map((d) => d.id);
        expect(stored).toContain(kase.id);
        expect(stored).not.toContain(note.id);

        // A change to the follow-up is a new revision: sent at once, and accepted now.
        refuse = false;
        await saveRecords([{ ...note, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' }]);
        await waitFor('the changed follow-up sent', () => new Set(sendsOfNote).size === 2);
        await waitFor('nothing waiting', () => getSyncStatus().waiting === 0 && getSyncStatus().unsent === undefined);
        expect((await allDocs()).map((d) => d.id)).toContain(note.id);
        expect(await remoteGet(note.id)).toMatchObject({ _rev: sendsOfNote.at(-1) });
        // Stopping ends the loop at once, even when the stop comes while a round runs.
        const stoppedAt = Date.now();
        controller.abort();
        await running;
        expect(Date.now() - stoppedAt).toBeLessThan(5000);
      } finally {
        controller.abort();
        await running;
      }
    },
  );
});
