// Removal guarantees (issue 21, "Leaving the team"), against the embedded
// server WITH authentication and `_security` (scripts/sync-server.mjs): after B
// is removed, B's credentials no longer read any team database once the admin
// takes B's role away, the case B held is re-keyed, and what is written after
// the removal cannot be decrypted with any key B ever received.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { makeCase, makeNote } from '../../../schema/factories';
import type { MemberList } from '../../../schema/team';
import { startSyncServer } from '../../../scripts/sync-server.mjs';
import type { SyncServer } from '../../../scripts/sync-server.mjs';
import { db } from '../db';
import { saveRecords } from '../store';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { decodeDoc } from '../sync/codec';
import { makeIdentity, memberOf } from './coord-test-utils';
import { loadOrCreateIdentity } from './identity';
import type { Identity } from './identity';
import { readAccess, shareCase, withdrawDeparted } from './share';
import type { ShareContext } from './share';
import { teamDb } from './share-db';
import { openGrant } from './share-grants';
import { pushShared } from './share-sync';

const TEAM = 'clb-removal';
const PARTS = ['members', 'cases', 'coord', 'figures'] as const;
let dir: string;
let sync: SyncServer;
let a: Identity;
let b: Identity;
let list: MemberList;
let round = 0;
let accounts: { anna: string; bert: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baken-removal-test-'));
  sync = await startSyncServer({ dir });
});

afterAll(async () => {
  await sync.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  round++;
  accounts = { anna: `anna${round}`, bert: `bert${round}` };
  await sync.createTeam(`${TEAM}${round}`);
  await sync.createAccount(accounts.anna, 'pw-anna', undefined, { team: `${TEAM}${round}`, role: 'coordinator' });
  await sync.createAccount(accounts.bert, 'pw-bert', undefined, { team: `${TEAM}${round}`, role: 'medewerker' });
  a = await loadOrCreateIdentity();
  b = await makeIdentity();
  list = {
    team: `${TEAM}${round}`,
    version: 1,
    leadId: a.memberId,
    members: [memberOf(a, 'coordinator', 'Anna'), memberOf(b, 'medewerker', 'Bert')],
    issuedAt: '2026-03-12T09:30:00.000Z',
  };
});

function ctxFor(identity: Identity, account: string, password: string): ShareContext {
  return {
    team: `${TEAM}${round}`,
    identity,
    members: list,
    server: teamDb({ db: `baken-team-${TEAM}${round}-cases`, account, password, base: `${sync.url}/` }),
  };
}
const annaCtx = () => ctxFor(a, accounts.anna, 'pw-anna');
const bertCtx = () => ctxFor(b, accounts.bert, 'pw-bert');

async function readStatus(account: string, password: string, part: string): Promise<number> {
  const response = await fetch(`${sync.url}/baken-team-${TEAM}${round}-${part}/_all_docs`, {
    headers: { Authorization: `Basic ${Buffer.from(`${account}:${password}`).toString('base64')}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('removing a person from the team', () => {
  it('ends server access, re-keys the case they held, and what is written afterwards is unreadable with their keys', async () => {
    const kase = makeCase({ reference: '2031-0801' });
    await saveRecords([kase, makeNote({ caseId: kase.id, text: 'Voor de verwijdering.' })]);
    await shareCase(annaCtx(), kase.id, b.memberId);
    await pushShared(annaCtx());
    const oldKeyId = String((await db.records.get(kase.id))?.k);

    // Before: B reads the databases of a medewerker and opens its grant with its own credentials.
    for (const part of ['members', 'cases', 'coord']) expect(await readStatus(accounts.bert, 'pw-bert', part)).toBe(200);
    const bKeys = new Map<string, CryptoKey>();
    for (const grant of await bertCtx().server.byPrefix('grant-')) {
      const opened = await openGrant(bertCtx(), grant);
      if (!opened) continue;
      bKeys.set(
        opened.keyId,
        await crypto.subtle.importKey('raw', opened.rawKey as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']),
      );
    }
    expect([...bKeys.keys()]).toEqual([oldKeyId]);

    // The lead removes B: a new signed list without B (the removal hook runs withdrawDeparted), and the
    // admin takes B's team role away on the server (README: the admin's part).
    list = { ...list, version: 2, members: list.members.filter((m) => m.id !== b.memberId) };
    expect(await withdrawDeparted(annaCtx())).toEqual([kase.id]);
    await sync.removeTeamRole(accounts.bert, `${TEAM}${round}`);

    // Server access has ended: every team database refuses B's credentials; A still reads.
    for (const part of PARTS) {
      expect([401, 403]).toContain(await readStatus(accounts.bert, 'pw-bert', part));
    }
    expect(await readStatus(accounts.anna, 'pw-anna', 'cases')).toBe(200);
    await expect(bertCtx().server.changes(0, 10)).rejects.toThrow();

    // The case is re-keyed and B no longer holds any grant on the server.
    const newKeyId = String((await db.records.get(kase.id))?.k);
    expect(newKeyId).not.toBe(oldKeyId);
    expect((await readAccess(annaCtx(), kase.id)).map((x) => x.memberId)).toEqual([a.memberId]);
    expect((await annaCtx().server.byPrefix('grant-')).some((g) => g._id.endsWith(`-${b.memberId}`))).toBe(false);

    // Written after the removal: under the new key, and B's keys (even if B had the documents) open nothing of it.
    const later = makeNote({ caseId: kase.id, text: 'Na de verwijdering geschreven.' });
    await saveRecords([later]);
    await pushShared(annaCtx());
    const laterDoc = await annaCtx().server.get(later.id);
    const caseDoc = await annaCtx().server.get(kase.id);
    for (const doc of [laterDoc, caseDoc]) {
      expect(doc?.['k']).toBe(newKeyId);
      expect((await decodeDoc((k) => bKeys.get(k), doc)).ok).toBe(false);
      // Even forcing B's old key onto the new key id fails (AES-GCM under another key).
      expect((await decodeDoc(() => bKeys.get(oldKeyId), doc)).ok).toBe(false);
    }
  });
});
