// Team creation, invite, join, admit, remove (issue 21) against the in-process
// CouchDB-protocol test server, with three "devices" in one process: each has
// its own vault key and its own copy of the `meta` rows, swapped in turn.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../db';
import { startTestCouch, type TestCouch } from '../sync/test-server';
import { as, Device } from './test-devices';
import { loadTeamConfig } from './config';
import { memberAdmittedHooks, memberRemovedHooks, teamCreatedHooks } from './hooks';
import { loadOrCreateIdentity } from './identity';
import { checkMembers, loadVerifiedMembers } from './members';
import { countWaitingJoinRequests, pickUpJoinRequests } from './join-watch';
import { handOverLead } from './lead-handover';
import { createCoordinationKey } from './coord-sync';
import { keyFingerprint, signJson } from './seal';
import {
  acceptJoinRequest,
  cancelInvite,
  createInvite,
  createTeam,
  declineJoinRequest,
  isAdmitted,
  joinTeam,
  listOpenInvites,
  pendingJoinRequests,
  removeMember,
} from './team';

let couch: TestCouch;
const realFetch = globalThis.fetch;
/** While true the team server cannot be reached (the request fails as fetch does without a network). */
let unreachable = false;

beforeAll(async () => {
  couch = await startTestCouch();
  await couch.createTeam('clb-test');
  await couch.createAccount('lea', 'pw-lea', { team: 'clb-test', role: 'coordinator' });
  await couch.createAccount('wim', 'pw-wim', { team: 'clb-test', role: 'medewerker' });
  await couch.createAccount('ida', 'pw-ida', { team: 'clb-test', role: 'auditor' });
  // The app reaches the server at same-origin /sync/; here that is the test server.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    if (!input.startsWith('/sync/')) return realFetch(input, init);
    if (unreachable) return Promise.reject(new TypeError('fetch failed'));
    return realFetch(couch.url + input.slice('/sync/'.length), init);
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await couch.close();
});

beforeEach(() => {
  unreachable = false;
  teamCreatedHooks.length = 0;
  memberRemovedHooks.length = 0;
  memberAdmittedHooks.length = 0;
});

describe('a team: create, invite, join, admit, tamper, remove', () => {
  it('walks the whole life cycle', async () => {
    await db.meta.clear();
    const lead = await new Device().init();
    const wim = await new Device().init();
    const ida = await new Device().init();
    const created = vi.fn(async () => undefined);
    teamCreatedHooks.push(created);

    const leadConfig = await as(lead, () =>
      createTeam({ team: 'clb-test', account: 'lea', password: 'pw-lea', name: 'Lea', role: 'coordinator' }),
    );
    expect(created).toHaveBeenCalledTimes(1);
    const v1Stored = (await couch.request('GET', 'baken-team-clb-test-members/member-list')).json as object;
    const v1 = await as(lead, () => loadVerifiedMembers());
    expect(v1?.version).toBe(1);
    expect(v1?.members.map((m) => [m.name, m.role])).toEqual([['Lea', 'coordinator']]);
    // A second team creation for the same id is refused.
    await expect(
      as(wim, () =>
        createTeam({ team: 'clb-test', account: 'wim', password: 'pw-wim', name: 'Wim', role: 'coordinator' }),
      ),
    ).rejects.toMatchObject({ code: 'team.exists' });

    const offer = await as(lead, () => createInvite('medewerker'));
    expect(offer.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    // The server holds only a random id and ciphertext for the invite.
    const rawInvite = JSON.stringify(
      (await couch.request('GET', `baken-team-clb-test-members/invite-${offer.hex}`)).json,
    );
    expect(rawInvite).not.toContain('medewerker');
    expect(rawInvite).not.toContain(leadConfig.leadEcdsa.x);

    await expect(
      as(wim, () => joinTeam({ team: 'clb-test', account: 'wim', password: 'pw-wim', name: 'Wim', code: 'ABCD' })),
    ).rejects.toMatchObject({ code: 'team.invite.invalidCode' });
    // A mistyped team id is said to be unknown, not blamed on the (good) code.
    await expect(
      as(wim, () => joinTeam({ team: 'clb-tset', account: 'wim', password: 'pw-wim', name: 'Wim', code: offer.code })),
    ).rejects.toMatchObject({ code: 'team.unknown' });
    const wimConfig = await as(wim, () =>
      joinTeam({ team: 'clb-test', account: 'wim', password: 'pw-wim', name: 'Wim', code: offer.code.toLowerCase() }),
    );
    expect(wimConfig.role).toBe('medewerker');
    expect(wimConfig.leadEcdsa).toEqual(leadConfig.leadEcdsa);
    // Waiting: the verified list (v1) does not name Wim yet.
    expect((await as(wim, () => checkMembers())).list?.version).toBe(1);
    expect(await as(wim, () => isAdmitted(wimConfig))).toBe(false);
    // The code worked once.
    await expect(
      as(ida, () => joinTeam({ team: 'clb-test', account: 'ida', password: 'pw-ida', name: 'Ida', code: offer.code })),
    ).rejects.toMatchObject({ code: 'team.invite.used' });

    // The lead's device picks the request up in the background: counted, never admitted.
    expect(await as(lead, () => pickUpJoinRequests())).toBe(1);
    expect(await as(lead, () => countWaitingJoinRequests())).toBe(1);
    expect((await as(lead, () => loadVerifiedMembers()))?.version).toBe(1);
    // Only the lead's device counts requests.
    expect(await as(wim, () => pickUpJoinRequests())).toBe(0);
    expect(await as(wim, () => countWaitingJoinRequests())).toBe(0);

    const requests = await as(lead, () => pendingJoinRequests());
    expect(requests).toHaveLength(1);
    const wimIdentity = await as(wim, () => loadOrCreateIdentity());
    expect(requests[0]?.fingerprint).toBe(await keyFingerprint(wimIdentity.ecdsa));
    expect(requests[0]?.member.name).toBe('Wim');
    const admittedHook = vi.fn(async () => undefined);
    memberAdmittedHooks.push(admittedHook);
    const v2 = await as(lead, () => acceptJoinRequest(offer.hex));
    expect(v2.version).toBe(2);
    // The admission hooks (coordination keys, a round at once) run with the new member and list.
    expect(admittedHook).toHaveBeenCalledWith(v2.members[1], v2, leadConfig);
    expect(await as(lead, () => pendingJoinRequests())).toEqual([]);
    // Admitted: the waiting count drops at once, and stays at zero after the next pick-up.
    expect(await as(lead, () => countWaitingJoinRequests())).toBe(0);
    expect(await as(lead, () => pickUpJoinRequests())).toBe(0);

    const wimView = await as(wim, () => checkMembers());
    expect(wimView.problem).toBeUndefined();
    expect(wimView.removed).toBe(false);
    expect(wimView.list).toEqual(v2);
    expect(await as(wim, () => isAdmitted(wimConfig))).toBe(true);
    expect(wimView.list?.members.find((m) => m.id === wimConfig.memberId)?.role).toBe('medewerker');

    // The server admin rewrites the list (Wim made coordinator): refused, the last verified list stays.
    const stored = (await couch.request('GET', 'baken-team-clb-test-members/member-list')).json as {
      list: { members: Array<{ role: string }> };
    };
    const tampered = structuredClone(stored);
    tampered.list.members[1]!.role = 'coordinator';
    await couch.request('PUT', 'baken-team-clb-test-members/member-list', tampered);
    const refused = await as(wim, () => checkMembers());
    expect(refused.problem).toBe('team.list.signature');
    expect(refused.list).toEqual(v2);
    // Putting back the old v1 document (a replay, validly signed) is refused as well.
    const rev = async () =>
      ((await couch.request('GET', 'baken-team-clb-test-members/member-list')).json as { _rev: string })._rev;
    await couch.request('PUT', 'baken-team-clb-test-members/member-list', { ...v1Stored, _rev: await rev() });
    const replayed = await as(wim, () => checkMembers());
    expect(replayed.problem).toBe('team.list.rollback');
    expect(replayed.list).toEqual(v2);
    // The replayed list stays on the server: the lead's next change replaces it with a newer signed list.

    // Removal: version + 1, the hooks run with the removed person.
    const removedHook = vi.fn(async () => undefined);
    memberRemovedHooks.push(removedHook);
    const removal = await as(lead, () => removeMember(wimConfig.memberId));
    expect(removal.list.version).toBe(3);
    expect(removal.list.members.map((m) => m.name)).toEqual(['Lea']);
    expect(removedHook).toHaveBeenCalledWith(removal.removed, removal.list, leadConfig);
    const afterRemoval = await as(wim, () => checkMembers());
    expect(afterRemoval.problem).toBeUndefined();
    expect(afterRemoval.list?.version).toBe(3);
    expect(afterRemoval.removed).toBe(true);
    expect(await as(wim, () => isAdmitted(wimConfig))).toBe(false);
    expect((await as(lead, () => checkMembers())).removed).toBe(false);
    expect(await as(wim, () => loadTeamConfig())).toEqual(wimConfig);
    await expect(as(wim, () => removeMember(leadConfig.memberId))).rejects.toMatchObject({ code: 'team.notLead' });
  });

  it('creates a team whose lead is a medewerker without trying the figures database it cannot reach', async () => {
    await couch.createTeam('clb-mw');
    await couch.createAccount('max', 'pw-max', { team: 'clb-mw', role: 'medewerker' });
    const max = await new Device().init();
    teamCreatedHooks.push(createCoordinationKey);
    // This test server does not enforce _security (admin party); the embedded and a real CouchDB answer
    // 403 to a medewerker on the figures database, so the lead's device must not ask it at all.
    const asked: string[] = [];
    const stubbed = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      asked.push(input);
      return stubbed(input, init);
    });
    try {
      const config = await as(max, () =>
        createTeam({ team: 'clb-mw', account: 'max', password: 'pw-max', name: 'Max', role: 'medewerker' }),
      );
      expect(config.role).toBe('medewerker');
      expect(asked.some((url) => url.includes('baken-team-clb-mw-coord'))).toBe(true);
      expect(asked.filter((url) => url.includes('baken-team-clb-mw-figures'))).toEqual([]);
      // The coordination key is made and granted to the lead; the figures key waits for a coördinator.
      const coordDocs = (await couch.request('GET', 'baken-team-clb-mw-coord/_all_docs')).json as {
        rows: Array<{ id: string }>;
      };
      expect(coordDocs.rows.map((r) => r.id)).toEqual([`coordkey-1-${config.memberId}`]);
    } finally {
      vi.stubGlobal('fetch', stubbed);
    }
  });

  it('hands the lead role over: every device pins the new lead key, lists of the old lead alone are refused', async () => {
    await couch.createTeam('clb-twee');
    await couch.createAccount('lea', 'pw-lea', { team: 'clb-twee', role: 'coordinator' });
    await couch.createAccount('wim', 'pw-wim', { team: 'clb-twee', role: 'medewerker' });
    await couch.createAccount('ida', 'pw-ida', { team: 'clb-twee', role: 'auditor' });
    const lea = await new Device().init();
    const wim = await new Device().init();
    const ida = await new Device().init();
    const team = { team: 'clb-twee' };
    await as(lea, () => createTeam({ ...team, account: 'lea', password: 'pw-lea', name: 'Lea', role: 'coordinator' }));
    for (const [device, account, name, role] of [
      [wim, 'wim', 'Wim', 'medewerker'],
      [ida, 'ida', 'Ida', 'auditor'],
    ] as const) {
      const offer = await as(lea, () => createInvite(role));
      await as(device, () => joinTeam({ ...team, account, password: `pw-${account}`, name, code: offer.code }));
      await as(lea, () => acceptJoinRequest(offer.hex));
    }
    for (const device of [wim, ida]) expect((await as(device, () => checkMembers())).list?.version).toBe(3);
    const wimConfig = (await as(wim, () => loadTeamConfig()))!;
    const idaConfig = (await as(ida, () => loadTeamConfig()))!;

    // Never to an auditor, and only the lead hands over.
    await expect(as(lea, () => handOverLead(idaConfig.memberId))).rejects.toMatchObject({
      code: 'team.handover.role',
    });
    await expect(as(wim, () => handOverLead(wimConfig.memberId))).rejects.toMatchObject({ code: 'team.self' });
    await expect(as(wim, () => handOverLead(idaConfig.memberId))).rejects.toMatchObject({ code: 'team.notLead' });

    const handed = await as(lea, () => handOverLead(wimConfig.memberId));
    expect(handed.version).toBe(4);
    expect(handed.leadId).toBe(wimConfig.memberId);
    const wimIdentity = await as(wim, () => loadOrCreateIdentity());
    for (const device of [wim, ida, lea]) {
      const check = await as(device, () => checkMembers());
      expect(check.problem).toBeUndefined();
      expect(check.list).toEqual(handed);
      expect((await as(device, () => loadTeamConfig()))?.leadEcdsa).toEqual(wimIdentity.ecdsa);
    }
    // The new lead invites; the old lead no longer can.
    await expect(as(wim, () => createInvite('medewerker'))).resolves.toMatchObject({ role: 'medewerker' });
    await expect(as(lea, () => createInvite('medewerker'))).rejects.toMatchObject({ code: 'team.notLead' });

    // The old lead signs a list naming herself lead again: every device refuses it and keeps v4.
    const leaIdentity = await as(lea, () => loadOrCreateIdentity());
    const path = 'baken-team-clb-twee-members/member-list';
    const stored = (await couch.request('GET', path)).json as { _rev: string; chain?: unknown };
    const forged = { ...handed, version: 5, leadId: leaIdentity.memberId, issuedAt: new Date().toISOString() };
    await couch.request('PUT', path, {
      _id: 'member-list',
      _rev: stored._rev,
      list: forged,
      sig: await signJson(leaIdentity.ecdsaPrivate, forged),
      chain: stored.chain,
    });
    for (const device of [wim, ida, lea]) {
      const check = await as(device, () => checkMembers());
      expect(check.problem).toBe('team.list.signature');
      expect(check.list).toEqual(handed);
    }
    // The new lead's next change replaces it; every device verifies it through the chain.
    const removal = await as(wim, () => removeMember(idaConfig.memberId));
    expect(removal.list.version).toBe(5);
    expect((await as(lea, () => checkMembers())).list).toEqual(removal.list);
    expect((await as(ida, () => checkMembers())).removed).toBe(true);
  });
});

describe('withdrawing an invite', () => {
  const team = { team: 'clb-drie' };
  const serverDoc = async (id: string) => (await couch.request('GET', `baken-team-clb-drie-members/${id}`)).status;

  it('deletes it on the server before forgetting it here; without the server both stay and the code works', async () => {
    await couch.createTeam('clb-drie');
    await couch.createAccount('lea', 'pw-lea', { team: 'clb-drie', role: 'coordinator' });
    await couch.createAccount('wim', 'pw-wim', { team: 'clb-drie', role: 'medewerker' });
    const lea = await new Device().init();
    const wim = await new Device().init();
    await as(lea, () => createTeam({ ...team, account: 'lea', password: 'pw-lea', name: 'Lea', role: 'coordinator' }));
    const first = await as(lea, () => createInvite('medewerker'));
    const second = await as(lea, () => createInvite('auditor'));

    // The lead's list of open invites: role and expiry, never the code.
    const listed = await as(lea, () => listOpenInvites());
    expect(listed).toEqual([
      { hex: first.hex, role: 'medewerker', expiresAt: first.expiresAt },
      { hex: second.hex, role: 'auditor', expiresAt: second.expiresAt },
    ]);
    expect(JSON.stringify(listed)).not.toContain('secret');

    // The server cannot be reached: the withdrawal fails, and says so; nothing is forgotten.
    unreachable = true;
    await expect(as(lea, () => cancelInvite(first.hex))).rejects.toMatchObject({ code: 'sync.unreachable' });
    unreachable = false;
    expect((await as(lea, () => listOpenInvites())).map((i) => i.hex)).toEqual([first.hex, second.hex]);
    expect(await serverDoc(`invite-${first.hex}`)).toBe(200);

    // With the server: withdrawn there and here; the code is refused.
    await as(lea, () => cancelInvite(first.hex));
    expect(await serverDoc(`invite-${first.hex}`)).toBe(404);
    expect((await as(lea, () => listOpenInvites())).map((i) => i.hex)).toEqual([second.hex]);
    await expect(
      as(wim, () => joinTeam({ ...team, account: 'wim', password: 'pw-wim', name: 'Wim', code: first.code })),
    ).rejects.toMatchObject({ code: 'team.invite.unknown' });

    // An invite already gone from the server (deleted there, or withdrawn by a first try that lost its answer)
    // is withdrawn here without complaint.
    const { json } = await couch.request('GET', `baken-team-clb-drie-members/invite-${second.hex}`);
    const rev = (json as { _rev: string })._rev;
    await couch.request('DELETE', `baken-team-clb-drie-members/invite-${second.hex}?rev=${rev}`);
    await as(lea, () => cancelInvite(second.hex));
    expect(await as(lea, () => listOpenInvites())).toEqual([]);
  });

  it('refusing a join request without the server fails, and the request stays until the server confirms', async () => {
    const lea = await new Device().init();
    const cas = await new Device().init();
    await couch.createTeam('clb-vier');
    await couch.createAccount('lea4', 'pw-lea4', { team: 'clb-vier', role: 'coordinator' });
    await couch.createAccount('cas4', 'pw-cas4', { team: 'clb-vier', role: 'medewerker' });
    const four = { team: 'clb-vier' };
    await as(lea, () =>
      createTeam({ ...four, account: 'lea4', password: 'pw-lea4', name: 'Lea', role: 'coordinator' }),
    );
    const offer = await as(lea, () => createInvite('medewerker'));
    await as(cas, () => joinTeam({ ...four, account: 'cas4', password: 'pw-cas4', name: 'Cas', code: offer.code }));
    expect((await as(lea, () => pendingJoinRequests())).map((r) => r.member.name)).toEqual(['Cas']);

    unreachable = true;
    await expect(as(lea, () => declineJoinRequest(offer.hex))).rejects.toMatchObject({ code: 'sync.unreachable' });
    unreachable = false;
    expect((await as(lea, () => pendingJoinRequests())).map((r) => r.member.name)).toEqual(['Cas']);

    await as(lea, () => declineJoinRequest(offer.hex));
    expect(await as(lea, () => pendingJoinRequests())).toEqual([]);
    expect(await as(lea, () => listOpenInvites())).toEqual([]);
    const docs = await couch.request('GET', `baken-team-clb-vier-members/join-${offer.hex}`);
    expect(docs.status).toBe(404);
  });
});
