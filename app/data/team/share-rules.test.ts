// Concurrent edits of a shared case (issue 20's conflict rules) and erasing a
// shared case, against a real CouchDB-protocol server (express-pouchdb). "A"
// is this process's Dexie database and identity; colleagues B and C are
// simulated with their own keys, using the team's cases database directly.
import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeNote } from '../../../schema/factories';
import type { Case } from '../../../schema/records/case';
import type { MemberList } from '../../../schema/team';
import { db } from '../db';
import { getRecord, listRecords, saveRecords } from '../store';
import { openConflictRow } from '../sync/local';
import { resolveConflict } from '../sync/conflicts';
import { decodeDoc, encodeDoc } from '../sync/codec';
import { couchPerTest } from '../sync/test-couch-per-test';
import { requireDataKey } from '../session';
import { makeIdentity, memberOf } from './coord-test-utils';
import { loadOrCreateIdentity } from './identity';
import type { Identity } from './identity';
import { loadSharedCases, shareCase } from './share';
import type { ShareContext } from './share';
import { teamDb } from './share-db';
import { eraseRoleOf, eraseSharedCase } from './share-erase';
import { makeGrant, openGrant } from './share-grants';
import { signJson } from './seal';
import { eraseNoticeBody } from '../../../schema/team-share';
import type { AuditEvent } from '../../../schema/records/audit';
import { eraseCase } from '../store';
import { pullShared, pushShared, shareRound } from './share-sync';

// One server for the file; an empty device, a new vault and a fresh server database per test.
const perTest = couchPerTest();
let a: Identity;
let b: Identity;
let c: Identity;
let list: MemberList;

beforeEach(async () => {
  a = await loadOrCreateIdentity();
  [b, c] = await Promise.all([makeIdentity(), makeIdentity()]);
  list = {
    team: 'clb-noord',
    version: 1,
    leadId: a.memberId,
    members: [
      memberOf(a, 'coordinator', 'Anna'),
      memberOf(b, 'medewerker', 'Bert'),
      memberOf(c, 'medewerker', 'Chris'),
    ],
    issuedAt: '2026-03-12T09:30:00.000Z',
  };
});

function ctxFor(identity: Identity): ShareContext {
  return {
    team: 'clb-noord',
    identity,
    members: list,
    server: teamDb({ db: perTest.db, account: 'x', password: 'y', base: perTest.couch.url }),
  };
}

/** B's view: the case key B's grant opens. */
async function bKey(keyId: string): Promise<CryptoKey> {
  const grant = await ctxFor(b).server.get(`grant-${keyId}-${b.memberId}`);
  const opened = await openGrant(ctxFor(b), grant);
  if (!opened) throw new Error('B cannot open its grant');
  return crypto.subtle.importKey('raw', opened.rawKey as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The case as the team database holds it, read with B's key. */
async function serverCase(caseId: string, keyId: string): Promise<{ record: Case; rev: string }> {
  const doc = await ctxFor(b).server.get(caseId);
  const key = await bKey(keyId);
  const decoded = await decodeDoc((k) => (k === keyId ? key : undefined), doc);
  if (!decoded.ok || decoded.payload.record.kind !== 'case') throw new Error('case unreadable');
  return { record: decoded.payload.record, rev: String(doc?._rev) };
}

async function localCase(caseId: string): Promise<Case> {
  const got = await getRecord(caseId, 'case');
  if (!got?.ok || got.record.kind !== 'case') throw new Error('no local case');
  return got.record;
}

async function openConflicts(caseId: string) {
  const rows = await db.conflicts.where('caseId').equals(caseId).toArray();
  const opened = await Promise.all(rows.map((r) => openConflictRow(requireDataKey(), r)));
  return opened.flatMap((c) => (c && c.resolvedAt === undefined ? [c] : []));
}

/** A case A shares with B and pushes; with the key id and B's key to it. */
async function sharedWithB(kase: Case): Promise<{ keyId: string; key: CryptoKey }> {
  await saveRecords([kase]);
  await shareCase(ctxFor(a), kase.id, b.memberId);
  await pushShared(ctxFor(a));
  const keyId = String((await db.records.get(kase.id))?.k);
  return { keyId, key: await bKey(keyId) };
}

describe('concurrent edits of a shared case', () => {
  it('both edit offline: notes take the union, different fields merge, the same field gives one conflict item the worker resolves', async () => {
    const kase = makeCase({ reference: '2031-0501', knownVia: 'klasgenoot', schools: ['Sint-Jozefscollege'] });
    const { keyId, key } = await sharedWithB(kase);

    // A, offline: changes how the case became known and adds a note.
    await saveRecords([{ ...(await localCase(kase.id)), knownVia: 'leerkracht' }]);
    const aNote = makeNote({ caseId: kase.id, text: 'Notitie van Anna, offline.' });
    await saveRecords([aNote]);
    // B, meanwhile online: changes the same field differently, adds a school, adds a note.
    const before = await serverCase(kase.id, keyId);
    const bCase: Case = { ...before.record, knownVia: 'ouder', schools: ['Sint-Jozefscollege', 'Atheneum Noord'] };
    await ctxFor(b).server.put({ ...(await encodeDoc(key, { t: 'records', record: bCase }, keyId)), _rev: before.rev });
    const bNote = makeNote({ caseId: kase.id, text: 'Notitie van Bert.' });
    await ctxFor(b).server.put(await encodeDoc(key, { t: 'records', record: bNote }, keyId));

    // A comes online and pushes first: its note goes out, its stale case is refused, never overwrites B's.
    const out = { conflicted: 0 };
    expect(await pushShared(ctxFor(a), out)).toBe(1);
    expect(out.conflicted).toBe(1);
    expect((await serverCase(kase.id, keyId)).record.knownVia).toBe('ouder');

    // The pull merges after decryption.
    await pullShared(ctxFor(a));
    const merged = await localCase(kase.id);
    expect(merged.schools).toEqual(['Sint-Jozefscollege', 'Atheneum Noord']);
    // Until the worker chooses, the record keeps the winning revision's value and the item keeps both.
    expect(merged.knownVia).toBe('ouder');
    const conflicts = await openConflicts(kase.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.field).toBe('knownVia');
    expect(conflicts[0]?.recordId).toBe(kase.id);
    expect([...(conflicts[0]?.values ?? [])].sort()).toEqual(['leerkracht', 'ouder']);
    const notes = (await listRecords({ kind: 'note', caseId: kase.id })).flatMap((r) => (r.ok ? [r.record.id] : []));
    expect(notes.sort()).toEqual([aNote.id, bNote.id].sort());

    // The merged version goes out on B's revision; B reads both schools.
    expect(await pushShared(ctxFor(a))).toBe(1);
    const afterMerge = await serverCase(kase.id, keyId);
    expect(afterMerge.record.schools).toEqual(['Sint-Jozefscollege', 'Atheneum Noord']);
    expect(afterMerge.record.knownVia).toBe('ouder');

    // A resolves: chooses their own value; it reaches the team and the item closes.
    const conflict = conflicts[0];
    if (!conflict) throw new Error('no conflict');
    await resolveConflict(conflict.id, conflict.values.indexOf('leerkracht'), 'Niet gekozen');
    expect(await openConflicts(kase.id)).toHaveLength(0);
    expect(await pushShared(ctxFor(a))).toBe(1);
    expect((await serverCase(kase.id, keyId)).record.knownVia).toBe('leerkracht');
    // Pulling again changes nothing and makes no new item.
    await pullShared(ctxFor(a));
    expect((await localCase(kase.id)).knownVia).toBe('leerkracht');
    expect(await openConflicts(kase.id)).toHaveLength(0);
  });

  it('a change on one side only needs no choice; a full round merges and pushes at once', async () => {
    const kase = makeCase({ reference: '2031-0502', knownVia: 'klasgenoot' });
    const { keyId, key } = await sharedWithB(kase);

    await saveRecords([{ ...(await localCase(kase.id)), knownVia: 'leerkracht' }]);
    const before = await serverCase(kase.id, keyId);
    await ctxFor(b).server.put({
      ...(await encodeDoc(key, { t: 'records', record: { ...before.record, status: 'in-rust' } }, keyId)),
      _rev: before.rev,
    });

    await shareRound(ctxFor(a));
    const local = await localCase(kase.id);
    expect(local.knownVia).toBe('leerkracht');
    expect(local.status).toBe('in-rust');
    expect(await openConflicts(kase.id)).toHaveLength(0);
    const onServer = await serverCase(kase.id, keyId);
    expect(onServer.record.knownVia).toBe('leerkracht');
    expect(onServer.record.status).toBe('in-rust');
  });
});

interface RawRow {
  id: string;
  doc: Record<string, unknown>;
}

async function rawDocs(): Promise<RawRow[]> {
  const { json } = await perTest.couch.request('GET', `${perTest.db}/_all_docs?include_docs=true`);
  return (json as { rows: RawRow[] }).rows;
}

async function auditActions(): Promise<AuditEvent[]> {
  return (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok && r.record.kind === 'audit' ? [r.record] : []));
}

/** Colleague B shares a case with A (this device): B's grant and the case document; A pulls it. */
async function caseFromB(reference: string): Promise<{ caseId: string; keyId: string }> {
  const kase = makeCase({ reference });
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const keyId = crypto.randomUUID();
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const server = ctxFor(b).server;
  await server.put(await makeGrant(ctxFor(b), b.memberId, keyId, raw, kase.id));
  await server.put(await makeGrant(ctxFor(b), a.memberId, keyId, raw, kase.id));
  await server.put(await encodeDoc(key, { t: 'records', record: kase }, keyId));
  await pullShared(ctxFor(a));
  expect((await getRecord(kase.id, 'case'))?.ok).toBe(true);
  return { caseId: kase.id, keyId };
}

/** The owner's notice as `who` would write it. */
async function notice(who: Identity, keyId: string) {
  const body = { _id: `erase-${keyId}`, k: keyId, by: who.memberId };
  return { ...body, sig: await signJson(who.ecdsaPrivate, eraseNoticeBody('clb-noord', body)) };
}

describe('erasing a shared case', () => {
  it('the owner erases it for every holder: signed notice, documents and grants deleted, shredded here, audited', async () => {
    const kase = makeCase({ reference: '2031-0601' });
    const note = makeNote({ caseId: kase.id, text: 'Gesprek met de leerling.' });
    await saveRecords([kase, note]);
    await shareCase(ctxFor(a), kase.id, b.memberId);
    await pushShared(ctxFor(a));
    const keyId = String((await db.records.get(kase.id))?.k);
    expect(await eraseRoleOf(kase.id)).toBe('owner');
    // B wrote a note that A has not pulled yet: it goes too.
    const bNote = makeNote({ caseId: kase.id, text: 'Notitie van Bert, nog niet bij Anna.' });
    await ctxFor(b).server.put(await encodeDoc(await bKey(keyId), { t: 'records', record: bNote }, keyId));

    expect(await eraseSharedCase(ctxFor(a), kase.id)).toBe('owner');
    const live = (await rawDocs()).map((r) => r.id);
    // Only the notice is left as a live document: no case rows, no grants.
    expect(live).toEqual([`erase-${keyId}`]);
    const { json } = await perTest.couch.request('GET', `${perTest.db}/${kase.id}`);
    expect((json as { error?: string }).error).toBe('not_found');
    expect(await getRecord(kase.id)).toBeUndefined();
    expect(await db.records.where('caseId').equals(kase.id).count()).toBe(0);
    expect(await db.caseKeys.get(keyId)).toBeUndefined();
    const audit = await auditActions();
    expect(audit.find((e) => e.action === 'case.team-erased')?.details).toEqual({ member: a.memberId });
    expect(audit.some((e) => e.action === 'case.erased' && e.caseId === kase.id)).toBe(true);
    // It does not come back on the next round.
    await shareRound(ctxFor(a));
    expect(await getRecord(kase.id)).toBeUndefined();
  });

  it("a holder reading the owner's notice erases its copy; a notice from anyone else is ignored", async () => {
    const { caseId, keyId } = await caseFromB('2031-0602');
    const server = ctxFor(b).server;
    // C (a member, not the owner) and a tampered notice from B: refused.
    await server.put(await notice(c, keyId));
    await pullShared(ctxFor(a));
    expect((await getRecord(caseId, 'case'))?.ok).toBe(true);
    const tampered = { ...(await notice(b, keyId)), _id: `erase-${keyId}`, by: c.memberId };
    const old = await server.get(`erase-${keyId}`);
    await server.put({ ...tampered, _rev: String(old?._rev) });
    await pullShared(ctxFor(a));
    expect((await getRecord(caseId, 'case'))?.ok).toBe(true);
    // B's own signed notice: A's copy and key are gone, audited with B's member id.
    const current = await server.get(`erase-${keyId}`);
    await server.put({ ...(await notice(b, keyId)), _rev: String(current?._rev) });
    await pullShared(ctxFor(a));
    expect(await getRecord(caseId)).toBeUndefined();
    expect(await db.caseKeys.get(keyId)).toBeUndefined();
    expect((await loadSharedCases())[caseId]?.withdrawn).toBe(true);
    const audit = await auditActions();
    expect(audit.find((e) => e.action === 'case.team-erased')?.details).toEqual({ member: b.memberId });
  });

  it('a holder erasing removes only their own copy and access; the owner keeps the case', async () => {
    const { caseId, keyId } = await caseFromB('2031-0603');
    expect(await eraseRoleOf(caseId)).toBe('holder');
    expect(await eraseSharedCase(ctxFor(a), caseId)).toBe('holder');
    const ids = (await rawDocs()).map((r) => r.id);
    expect(ids).toContain(caseId);
    expect(ids).toContain(`grant-${keyId}-${b.memberId}`);
    expect(ids).not.toContain(`grant-${keyId}-${a.memberId}`);
    expect(ids.some((id) => id.startsWith('erase-'))).toBe(false);
    expect(await getRecord(caseId)).toBeUndefined();
    expect(await db.caseKeys.get(keyId)).toBeUndefined();
    expect((await auditActions()).some((e) => e.action === 'case.team-left' && e.caseId === caseId)).toBe(true);
  });

  it('the ordinary erase of a shared case becomes giving up my access at the next round', async () => {
    const { caseId, keyId } = await caseFromB('2031-0604');
    await eraseCase(caseId);
    await shareRound(ctxFor(a));
    const ids = (await rawDocs()).map((r) => r.id);
    expect(ids).not.toContain(`grant-${keyId}-${a.memberId}`);
    expect(ids).toContain(caseId);
    expect((await loadSharedCases())[caseId]?.withdrawn).toBe(true);
    expect((await auditActions()).filter((e) => e.action === 'case.team-left')).toHaveLength(1);
    await shareRound(ctxFor(a));
    expect((await auditActions()).filter((e) => e.action === 'case.team-left')).toHaveLength(1);
  });
});
