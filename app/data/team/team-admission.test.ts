// Issue 21, two things a new-operator run found: (1) admitting someone grants
// them the team keys at once (memberAdmittedHooks, coord-hooks.ts), and the
// joined device learns of its admission (ownAdmission) so its first round can
// run right away; (2) creating or joining a team with an account the server
// does not give that team role stops with TeamRoleMissing before anything is
// stored, and the code still works once the server admin fixes the role.
// Against the embedded server WITH authentication (scripts/sync-server.mjs),
// so `/_session` and the roles are real; several "devices" in one process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startSyncServer, type SyncServer } from '../../../scripts/sync-server.mjs';
import { db } from '../db';
import { setDataKey } from '../session';
import { SyncError } from '../sync/remote';
import { accountServerRoles, assertServerTeamRole, hasServerTeamRole, TeamRoleMissing } from './account-roles';
import { as, Device } from './test-devices';
import { loadTeamConfig } from './config';
import { loadOrCreateIdentity } from './identity';
import { ownAdmission } from './join-watch';
import { acceptJoinRequest, createInvite, createTeam, joinTeam } from './team';

const TEAM = 'clb-admit';
let dir: string;
let sync: SyncServer;
const realFetch = globalThis.fetch;

const adminGet = async (path: string) => {
  const auth = `Basic ${Buffer.from(`${sync.admin.name}:${sync.admin.password}`).toString('base64')}`;
  const r = await realFetch(`${sync.url}/${path}`, { headers: { Authorization: auth } });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baken-admit-test-'));
  sync = await startSyncServer({ dir });
  await sync.createTeam(TEAM);
  await sync.createTeam('clb-other');
  await sync.createAccount('lea', 'pw-lea', undefined, { team: TEAM, role: 'coordinator' });
  await sync.createAccount('wim', 'pw-wim', undefined, { team: TEAM, role: 'medewerker' });
  // Dirk's account has the medewerker role; the lead will invite him as coordinator.
  await sync.createAccount('dirk', 'pw-dirk', undefined, { team: TEAM, role: 'medewerker' });
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
    realFetch(input.startsWith('/sync/') ? `${sync.url}/${input.slice('/sync/'.length)}` : input, init),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  setDataKey(null);
  await sync.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the role the server gives an account', () => {
  it('is the team role of the invite, or the server admin', () => {
    expect(hasServerTeamRole(['baken-team-clb-a-medewerker'], 'clb-a', 'medewerker')).toBe(true);
    expect(hasServerTeamRole(['baken-team-clb-a-medewerker'], 'clb-a', 'coordinator')).toBe(false);
    // Another team's role, or a prefix of the id, is not this team's.
    expect(hasServerTeamRole(['baken-team-clb-ab-coordinator'], 'clb-a', 'coordinator')).toBe(false);
    expect(hasServerTeamRole(['baken-team-clb-b-coordinator'], 'clb-a', 'coordinator')).toBe(false);
    expect(hasServerTeamRole([], 'clb-a', 'auditor')).toBe(false);
    expect(hasServerTeamRole(['_admin'], 'clb-a', 'auditor')).toBe(true);
  });

  it('comes from /_session of the server, and a wrong password is refused', async () => {
    expect(await accountServerRoles('dirk', 'pw-dirk')).toEqual([`baken-team-${TEAM}-medewerker`]);
    await expect(accountServerRoles('dirk', 'wrong')).rejects.toMatchObject({ code: 'sync.unauthorized' });
    await expect(
      assertServerTeamRole({ team: TEAM, account: 'dirk', password: 'pw-dirk', role: 'medewerker' }),
    ).resolves.toBeUndefined();
    const refused = assertServerTeamRole({ team: TEAM, account: 'dirk', password: 'pw-dirk', role: 'coordinator' });
    await expect(refused).rejects.toBeInstanceOf(TeamRoleMissing);
    await expect(refused).rejects.toMatchObject({
      code: 'team.role.missing',
      role: 'coordinator',
      serverRole: `baken-team-${TEAM}-coordinator`,
    });
    expect(new SyncError('sync.forbidden').code).toBe('sync.forbidden');
  });
});

describe('creating, joining and admitting', () => {
  it('refuses a role the server does not give, grants keys at admission, and the joiner learns of it', async () => {
    const lea = await new Device().init();
    const wim = await new Device().init();
    const dirk = await new Device().init();

    // Wim's account is medewerker: creating another team as its coordinator is refused, nothing is stored.
    await expect(
      as(wim, () =>
        createTeam({ team: 'clb-other', account: 'wim', password: 'pw-wim', name: 'Wim', role: 'coordinator' }),
      ),
    ).rejects.toMatchObject({ code: 'team.role.missing', role: 'coordinator' });
    expect(await as(wim, () => loadTeamConfig())).toBeUndefined();
    expect((await adminGet('baken-team-clb-other-members/member-list')).status).toBe(404);

    await as(lea, () =>
      createTeam({ team: TEAM, account: 'lea', password: 'pw-lea', name: 'Lea', role: 'coordinator' }),
    );
    const leaId = (await as(lea, () => loadOrCreateIdentity())).memberId;
    expect((await adminGet(`baken-team-${TEAM}-coord/coordkey-1-${leaId}`)).status).toBe(200);

    // Dirk is invited as coordinator; the server gives his account only medewerker: refused, no request stored.
    const dirkOffer = await as(lea, () => createInvite('coordinator'));
    await expect(
      as(dirk, () =>
        joinTeam({ team: TEAM, account: 'dirk', password: 'pw-dirk', name: 'Dirk', code: dirkOffer.code }),
      ),
    ).rejects.toMatchObject({ code: 'team.role.missing', role: 'coordinator' });
    expect(await as(dirk, () => loadTeamConfig())).toBeUndefined();
    expect((await adminGet(`baken-team-${TEAM}-members/join-${dirkOffer.hex}`)).status).toBe(404);
    // The server admin gives the role: the same code works.
    await sync.createAccount('dirk', 'pw-dirk', undefined, { team: TEAM, role: 'coordinator' });
    const dirkConfig = await as(dirk, () =>
      joinTeam({ team: TEAM, account: 'dirk', password: 'pw-dirk', name: 'Dirk', code: dirkOffer.code }),
    );
    expect(dirkConfig.role).toBe('coordinator');

    // Wim joins as medewerker and waits.
    const wimOffer = await as(lea, () => createInvite('medewerker'));
    const wimConfig = await as(wim, () =>
      joinTeam({ team: TEAM, account: 'wim', password: 'pw-wim', name: 'Wim', code: wimOffer.code }),
    );
    expect(await as(wim, () => ownAdmission(true))).toBe('waiting');
    expect((await adminGet(`baken-team-${TEAM}-coord/coordkey-1-${wimConfig.memberId}`)).status).toBe(404);

    // Admitting grants the coordination key at once (no round needed), and the figures key to the coordinator.
    await as(lea, () => acceptJoinRequest(wimOffer.hex));
    expect((await adminGet(`baken-team-${TEAM}-coord/coordkey-1-${wimConfig.memberId}`)).status).toBe(200);
    expect((await adminGet(`baken-team-${TEAM}-figures/figkey-1-${wimConfig.memberId}`)).status).toBe(404);
    await as(lea, () => acceptJoinRequest(dirkOffer.hex));
    expect((await adminGet(`baken-team-${TEAM}-coord/coordkey-1-${dirkConfig.memberId}`)).status).toBe(200);
    expect((await adminGet(`baken-team-${TEAM}-figures/figkey-1-${dirkConfig.memberId}`)).status).toBe(200);

    // Wim's device: its cached list does not name him yet; the server's list does.
    expect(await as(wim, () => ownAdmission(false))).toBe('waiting');
    expect(await as(wim, () => ownAdmission(true))).toBe('admitted');
    expect(await as(wim, () => ownAdmission(false))).toBe('admitted');
    // A device in no team is out.
    await as(wim, () => db.meta.clear());
    expect(await as(wim, () => ownAdmission(true))).toBe('out');
  });
});
