// Sharing a case inside the team, against a real CouchDB-protocol server
// (express-pouchdb) in Node. "A" is this process's Dexie database and
// identity; colleagues B and C are simulated with their own key pairs,
// reading and writing the team's cases database directly.
import { beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeNote } from '../../../schema/factories';
import type { Member, MemberList } from '../../../schema/team';
import type { GrantDoc } from '../../../schema/team-share';
import { db } from '../db';
import { eraseCase, listRecords, saveRecords, getRecord } from '../store';
import { decodeDoc, encodeDoc, fromBase64 } from '../sync/codec';
import { couchPerTest } from '../sync/test-couch-per-test';
import { loadOrCreateIdentity } from './identity';
import type { Identity } from './identity';
import { publicJwk, signJson } from './seal';
import { ShareError, loadSharedCases, readAccess, shareCase, withdrawAccess, withdrawDeparted } from './share';
import type { ShareContext } from './share';
import { teamDb } from './share-db';
import { GrantRefusedError, makeGrant, openGrant } from './share-grants';
import { pullShared, pushShared } from './share-sync';

// One server for the file; an empty device, a new vault and a fresh server database per test.
const perTest = couchPerTest();

async function fakeIdentity(): Promise<Identity> {
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return {
    memberId: btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, ''),
    ecdh: publicJwk(await crypto.subtle.exportKey('jwk', ecdh.publicKey)),
    ecdsa: publicJwk(await crypto.subtle.exportKey('jwk', ecdsa.publicKey)),
    ecdhPrivate: ecdh.privateKey,
    ecdsaPrivate: ecdsa.privateKey,
  };
}

function member(identity: Identity, name: string, role: Member['role']): Member {
  return {
    id: identity.memberId,
    name,
    account: name.toLowerCase(),
    role,
    ecdh: identity.ecdh,
    ecdsa: identity.ecdsa,
    addedAt: '2026-03-12T09:30:00.000Z',
  };
}

let a: Identity;
let b: Identity;
let c: Identity;
let auditor: Identity;
let list: MemberList;

function ctxFor(identity: Identity): ShareContext {
  return {
    team: 'clb-noord',
    identity,
    members: list,
    server: teamDb({ db: perTest.db, account: 'x', password: 'y', base: perTest.couch.url }),
  };
}

beforeEach(async () => {
  a = await loadOrCreateIdentity();
  [b, c, auditor] = await Promise.all([fakeIdentity(), fakeIdentity(), fakeIdentity()]);
  list = {
    team: 'clb-noord',
    version: 1,
    leadId: a.memberId,
    members: [
      member(a, 'Anna', 'coordinator'),
      member(b, 'Bert', 'medewerker'),
      member(c, 'Chris', 'medewerker'),
      member(auditor, 'Dora', 'auditor'),
    ],
    issuedAt: '2026-03-12T09:30:00.000Z',
  };
});

interface RawRow {
  id: string;
  doc: Record<string, unknown>;
}

async function rawDocs(): Promise<RawRow[]> {
  const { json } = await perTest.couch.request('GET', `${perTest.db}/_all_docs?include_docs=true`);
  return (json as { rows: RawRow[] }).rows;
}

async function importKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** What colleague `who` can open of the grants on the server: key id → key. */
async function keysOf(who: Identity): Promise<Map<string, CryptoKey>> {
  const out = new Map<string, CryptoKey>();
  for (const row of await rawDocs()) {
    const opened = await openGrant(ctxFor(who), row.doc);
    if (opened) out.set(opened.keyId, await importKey(opened.rawKey));
  }
  return out;
}

async function newSharedCase(): Promise<{ caseId: string; noteId: string }> {
  const kase = makeCase({ reference: '2031-0771' });
  const note = makeNote({ caseId: kase.id, text: 'Gesprek met de school over de klasgroep.' });
  await saveRecords([kase, note]);
  await shareCase(ctxFor(a), kase.id, b.memberId);
  await pushShared(ctxFor(a));
  return { caseId: kase.id, noteId: note.id };
}

describe('grants', () => {
  it('a grant sealed to a member opens only for that member, with the case key and case id', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const keyId = crypto.randomUUID();
    const caseId = crypto.randomUUID();
    const grant = await makeGrant(ctxFor(a), b.memberId, keyId, raw, caseId);
    const opened = await openGrant(ctxFor(b), grant);
    expect(opened?.caseId).toBe(caseId);
    expect(opened?.keyId).toBe(keyId);
    expect([...(opened?.rawKey ?? [])]).toEqual([...raw]);
    expect(opened?.from).toBe(a.memberId);
    // Meant for B: C cannot use it, nor can A.
    expect(await openGrant(ctxFor(c), grant)).toBeNull();
    expect(await openGrant(ctxFor(a), grant)).toBeNull();
  });

  it('refuses a grant from a non-member, a forged signature, a re-addressed grant and a tampered box', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const keyId = crypto.randomUUID();
    const outsider = await fakeIdentity();
    const outsiderTeam = {
      ...ctxFor(outsider),
      members: { ...list, members: [...list.members, member(outsider, 'X', 'medewerker')] },
    };
    // Signed by someone who is not in the verified list.
    const fromOutsider = await makeGrant(outsiderTeam, b.memberId, keyId, raw, crypto.randomUUID());
    expect(await openGrant(ctxFor(b), fromOutsider)).toBeNull();
    // Claims to come from A but is signed with the outsider's key.
    const good = await makeGrant(ctxFor(a), b.memberId, keyId, raw, crypto.randomUUID());
    const { sig: _sig, ...body } = { ...good, from: a.memberId };
    const forged: GrantDoc = { ...body, sig: await signJson(outsider.ecdsaPrivate, body) };
    expect(await openGrant(ctxFor(b), forged)).toBeNull();
    // A grant made for C, relabelled for B (id and `to`): the signature no longer holds.
    const forC = await makeGrant(ctxFor(a), c.memberId, keyId, raw, crypto.randomUUID());
    expect(await openGrant(ctxFor(b), { ...forC, to: b.memberId, _id: `grant-${keyId}-${b.memberId}` })).toBeNull();
    // One flipped byte in the box.
    const ct = fromBase64(good.box.ct);
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(
      await openGrant(ctxFor(b), { ...good, box: { ...good.box, ct: btoa(String.fromCharCode(...ct)) } }),
    ).toBeNull();
    // The original still opens.
    expect(await openGrant(ctxFor(b), good)).not.toBeNull();
  });

  it('never grants to an auditor or to someone outside the verified list', async () => {
    const raw = new Uint8Array(32);
    await expect(makeGrant(ctxFor(a), auditor.memberId, crypto.randomUUID(), raw, crypto.randomUUID())).rejects.toThrow(
      GrantRefusedError,
    );
    const stranger = await fakeIdentity();
    await expect(
      makeGrant(ctxFor(a), stranger.memberId, crypto.randomUUID(), raw, crypto.randomUUID()),
    ).rejects.toThrow(GrantRefusedError);
    const kase = makeCase();
    await saveRecords([kase]);
    await expect(shareCase(ctxFor(a), kase.id, auditor.memberId)).rejects.toThrow(GrantRefusedError);
    expect((await rawDocs()).length).toBe(0);
  });
});

describe('sharing a case', () => {
  it('sends only the shared case to the team database, encrypted under its case key, and audits the share', async () => {
    const secret = makeCase({ reference: '2031-0129', description: 'Alleen op dit toestel.' });
    const secretNote = makeNote({ caseId: secret.id, text: 'Vertrouwelijk gesprek, niet gedeeld.' });
    await saveRecords([secret, secretNote]);
    const { caseId, noteId } = await newSharedCase();

    const docs = await rawDocs();
    const ids = docs.map((d) => d.id);
    expect(ids).toContain(caseId);
    expect(ids).toContain(noteId);
    expect(ids).not.toContain(secret.id);
    expect(ids).not.toContain(secretNote.id);
    const text = JSON.stringify(docs);
    for (const plain of ['2031-0771', 'klasgroep', '2031-0129', 'Vertrouwelijk', 'Anna', 'Bert']) {
      expect(text).not.toContain(plain);
    }
    // Documents are the issue-20 envelope under the case key (never the vault key).
    const caseRow = await db.records.get(caseId);
    for (const d of docs.filter((x) => !x.id.startsWith('grant-'))) {
      expect(Object.keys(d.doc).sort()).toEqual(['_id', '_rev', 'ct', 'iv', 'k', 'v']);
      expect(d.doc['k']).toBe(caseRow?.k);
    }
    // B opens its grant and reads the case; C has no grant.
    const bKeys = await keysOf(b);
    const key = bKeys.get(String(caseRow?.k));
    if (!key) throw new Error('B has no key');
    const decoded = await decodeDoc(
      (k) => (k === caseRow?.k ? key : undefined),
      docs.find((d) => d.id === noteId)?.doc,
    );
    expect(decoded.ok && decoded.payload.record.kind === 'note' && decoded.payload.record.text).toBe(
      'Gesprek met de school over de klasgroep.',
    );
    expect((await keysOf(c)).size).toBe(0);

    const access = await readAccess(ctxFor(a), caseId);
    expect(access.map((x) => x.memberId).sort()).toEqual([a.memberId, b.memberId].sort());
    const audit = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    const shared = audit.find((e) => e.action === 'case.team-shared');
    expect(shared?.caseId).toBe(caseId);
    expect(shared?.details).toEqual({ member: b.memberId });
    expect(audit.some((e) => e.action === 'share.without-consent')).toBe(false);
  });

  it('pulls a colleague note into the shared case, and refuses a record of another case under the shared key', async () => {
    const { caseId } = await newSharedCase();
    const keyId = String((await db.records.get(caseId))?.k);
    const key = (await keysOf(b)).get(keyId);
    if (!key) throw new Error('B has no key');
    const bNote = makeNote({ caseId, text: 'Notitie van Bert na het gesprek.' });
    const smuggled = makeNote({ caseId: crypto.randomUUID(), text: 'Hoort bij een ander dossier.' });
    const server = ctxFor(b).server;
    for (const record of [bNote, smuggled]) await server.put(await encodeDoc(key, { t: 'records', record }, keyId));

    const result = await pullShared(ctxFor(a));
    expect(result.refused).toBe(1);
    const notes = (await listRecords({ kind: 'note', caseId })).flatMap((r) => (r.ok ? [r.record.text] : []));
    expect(notes).toContain('Notitie van Bert na het gesprek.');
    expect(await getRecord(smuggled.id)).toBeUndefined();
    // Stored under the same case key as the case's own rows.
    expect((await db.records.get(bNote.id))?.k).toBe(keyId);
  });

  it('receives a case a colleague shared: grant → case on this device → my note goes back; withdrawn → nothing more goes out', async () => {
    // B shares a case with A (this device).
    const kase = makeCase({ reference: '2031-0033' });
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const keyId = crypto.randomUUID();
    const key = await importKey(raw);
    const server = ctxFor(b).server;
    const grant = await makeGrant(ctxFor(b), a.memberId, keyId, raw, kase.id);
    await server.put(grant);
    await server.put(await encodeDoc(key, { t: 'records', record: kase }, keyId));

    await pullShared(ctxFor(a));
    const got = await getRecord(kase.id, 'case');
    expect(got?.ok && got.record.reference).toBe('2031-0033');
    expect((await db.records.get(kase.id))?.k).toBe(keyId);

    const myNote = makeNote({ caseId: kase.id, text: 'Mijn aanvulling.' });
    await saveRecords([myNote]);
    expect(await pushShared(ctxFor(a))).toBe(1);
    const doc = (await rawDocs()).find((d) => d.id === myNote.id)?.doc;
    const decoded = await decodeDoc((k) => (k === keyId ? key : undefined), doc);
    expect(decoded.ok).toBe(true);

    // B withdraws A's access: the grant is deleted.
    const current = await server.get(grant._id);
    if (!current?._rev) throw new Error('grant missing');
    await server.remove(grant._id, current._rev);
    await pullShared(ctxFor(a));
    expect((await loadSharedCases())[kase.id]?.withdrawn).toBe(true);
    await saveRecords([makeNote({ caseId: kase.id, text: 'Na de intrekking.' })]);
    expect(await pushShared(ctxFor(a))).toBe(0);
  });
  it('a shared case erased on this device does not come back when the feed is read again', async () => {
    const server = ctxFor(b).server;
    const shareFromB = async (reference: string) => {
      const kase = makeCase({ reference });
      const raw = crypto.getRandomValues(new Uint8Array(32));
      const keyId = crypto.randomUUID();
      await server.put(await makeGrant(ctxFor(b), a.memberId, keyId, raw, kase.id));
      await server.put(await encodeDoc(await importKey(raw), { t: 'records', record: kase }, keyId));
      return kase.id;
    };
    const first = await shareFromB('2031-0041');
    await pullShared(ctxFor(a));
    expect((await getRecord(first, 'case'))?.ok).toBe(true);
    await eraseCase(first);
    // A second share makes the pull read the feed from the start again (a new key).
    const second = await shareFromB('2031-0042');
    await pullShared(ctxFor(a));
    expect((await getRecord(second, 'case'))?.ok).toBe(true);
    expect(await getRecord(first)).toBeUndefined();
  });
});

describe('withdrawing access', () => {
  it('re-keys: the removed member cannot decrypt what is written afterwards; the others can', async () => {
    const { caseId } = await newSharedCase();
    await shareCase(ctxFor(a), caseId, c.memberId);
    const oldKeyId = String((await db.records.get(caseId))?.k);
    const bKeysBefore = await keysOf(b);
    expect(bKeysBefore.has(oldKeyId)).toBe(true);

    const { newKeyId, kept } = await withdrawAccess(ctxFor(a), caseId, b.memberId);
    expect(newKeyId).not.toBe(oldKeyId);
    expect(kept.sort()).toEqual([a.memberId, c.memberId].sort());
    expect((await db.records.get(caseId))?.k).toBe(newKeyId);
    const later = makeNote({ caseId, text: 'Geschreven na de intrekking.' });
    await saveRecords([later]);
    expect((await db.records.get(later.id))?.k).toBe(newKeyId);
    await pushShared(ctxFor(a));

    const docs = await rawDocs();
    // B's grants are gone from the server; C holds the new key.
    expect(docs.some((d) => d.id.endsWith(`-${b.memberId}`))).toBe(false);
    expect((await keysOf(b)).size).toBe(0);
    const cKeys = await keysOf(c);
    expect(cKeys.has(newKeyId)).toBe(true);
    const laterDoc = docs.find((d) => d.id === later.id)?.doc;
    const caseDoc = docs.find((d) => d.id === caseId)?.doc;
    expect(laterDoc?.['k']).toBe(newKeyId);
    expect(caseDoc?.['k']).toBe(newKeyId);
    // B still holds the old key (already on B's device) and tries it anyway.
    const oldKey = bKeysBefore.get(oldKeyId);
    for (const doc of [laterDoc, caseDoc]) {
      expect((await decodeDoc(() => oldKey, doc)).ok).toBe(false);
      expect((await decodeDoc((k) => cKeys.get(k), doc)).ok).toBe(true);
    }
    const access = await readAccess(ctxFor(a), caseId);
    expect(access.map((x) => x.memberId).sort()).toEqual([a.memberId, c.memberId].sort());
    // Withdrawing someone who holds no grant from me (B, already withdrawn) is refused.
    await expect(withdrawAccess(ctxFor(a), caseId, b.memberId)).rejects.toThrow(ShareError);
    const audit = (await listRecords({ kind: 'audit' })).flatMap((r) => (r.ok ? [r.record] : []));
    expect(audit.find((e) => e.action === 'case.team-unshared')?.details).toEqual({ member: b.memberId });
  });

  it('someone who left the team (not in the new verified list) loses access to what this device shared', async () => {
    const { caseId } = await newSharedCase();
    await shareCase(ctxFor(a), caseId, c.memberId);
    const oldKeyId = String((await db.records.get(caseId))?.k);
    // E's removal publishes a list without B; the hook (or the next share round) runs withdrawDeparted.
    list = { ...list, version: 2, members: list.members.filter((m) => m.id !== b.memberId) };
    expect(await withdrawDeparted(ctxFor(a))).toEqual([caseId]);
    expect((await db.records.get(caseId))?.k).not.toBe(oldKeyId);
    expect((await keysOf(b)).size).toBe(0);
    expect((await readAccess(ctxFor(a), caseId)).map((x) => x.memberId).sort()).toEqual(
      [a.memberId, c.memberId].sort(),
    );
    // Nothing left to do the second time.
    expect(await withdrawDeparted(ctxFor(a))).toEqual([]);
  });

  it('only the person who granted access can withdraw it', async () => {
    const { caseId } = await newSharedCase();
    const keyId = String((await db.records.get(caseId))?.k);
    const opened = await openGrant(
      ctxFor(b),
      (await rawDocs()).find((d) => d.id === `grant-${keyId}-${b.memberId}`)?.doc,
    );
    if (!opened) throw new Error('B cannot open its grant');
    // B passes the case on to C: a grant signed by B.
    await ctxFor(b).server.put(await makeGrant(ctxFor(b), c.memberId, keyId, opened.rawKey, caseId));
    const access = await readAccess(ctxFor(a), caseId);
    expect(access.find((x) => x.memberId === c.memberId)?.from).toBe(b.memberId);
    await expect(withdrawAccess(ctxFor(a), caseId, c.memberId)).rejects.toThrow(ShareError);
    expect((await db.records.get(caseId))?.k).toBe(keyId);
  });
});
