// Issue 20, team side: when the team server refuses this device's team account
// (changed password, or CouchDB's lockout), the refusal is noted, nothing more
// is sent, and entering the password again checks it with one request, stores
// it and starts the team loops again. Against the embedded server WITH
// authentication (scripts/sync-server.mjs), reached as same-origin /sync/.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { startSyncServer } from '../../../scripts/sync-server.mjs';
import type { SyncServer } from '../../../scripts/sync-server.mjs';
import { generateDataKey } from '../crypto';
import { setDataKey } from '../session';
import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { noteTeamRefusal, teamRefusal } from './account-refusal';
import { reenterTeamPassword } from './account-reentry';
import { loadTeamConfig, saveTeamConfig, teamCreds } from './config';
import { couchTeamDocs } from './coord-sync';
import { isCoordRunning, stopCoord } from './coord-autostart';
import { loadOrCreateIdentity } from './identity';
import { checkMembers } from './members';
import { teamCasesDb } from './share-db';
import { isShareSyncRunning, startShareSync, stopShareSync } from './share-sync';
import { createInvite } from './team';
import { SyncError } from '../sync/remote';

const TEAM = 'clb-reentry';
const LOCKOUT = { error: 'forbidden', reason: 'Account is temporarily locked due to multiple authentication failures' };
let dir: string;
let sync: SyncServer;
let round = 0;
let account = '';
const realFetch = globalThis.fetch;
/** Every request the app sent to /sync/ in this test. */
let sent: string[] = [];
/** When set, the server's answer to every /sync/ request (CouchDB's lockout has no embedded counterpart). */
let answer: (() => Response) | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baken-reentry-test-'));
  sync = await startSyncServer({ dir });
  // Node has no window: the coordination loop listens for "online" on it.
  if (typeof window === 'undefined') vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    if (!input.startsWith('/sync/')) return realFetch(input, init);
    sent.push(`${init?.method ?? 'GET'} ${input}`);
    if (answer) return Promise.resolve(answer());
    return realFetch(`${sync.url}/${input.slice('/sync/'.length)}`, init);
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await sync.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
  round++;
  account = `wim${round}`;
  await sync.createTeam(`${TEAM}${round}`);
  await sync.createAccount(account, 'het oude wachtwoord', undefined, { team: `${TEAM}${round}`, role: 'medewerker' });
  const me = await loadOrCreateIdentity();
  await saveTeamConfig({
    team: `${TEAM}${round}`,
    memberId: me.memberId,
    role: 'medewerker',
    leadEcdsa: me.ecdsa,
    account,
    password: 'het oude wachtwoord',
  });
  // The password is changed on the server (on another device, or by the admin).
  await sync.createAccount(account, 'het nieuwe wachtwoord', undefined, {
    team: `${TEAM}${round}`,
    role: 'medewerker',
  });
  sent = [];
  answer = null;
});

afterEach(() => {
  stopShareSync();
  stopCoord();
});

describe('a refused team account', () => {
  it('is noted by the member check, which then sends nothing more until the password is entered again', async () => {
    expect((await checkMembers()).problem).toBe('sync.unauthorized');
    expect(teamRefusal()).toBe('password');
    expect(sent).toHaveLength(1);
    expect((await checkMembers()).problem).toBe('sync.unauthorized');
    expect(sent).toHaveLength(1);
  });

  it('is forgotten at the next unlock (a new data key), so each unlock tries once again', async () => {
    noteTeamRefusal(new SyncError('sync.lockedOut', 403));
    expect(teamRefusal()).toBe('lockout');
    setDataKey(await generateDataKey());
    expect(teamRefusal()).toBeNull();
  });

  it('keeps team actions, the cases client and the coordination documents from sending anything', async () => {
    noteTeamRefusal(new SyncError('sync.lockedOut', 403));
    const config = await loadTeamConfig();
    if (!config) throw new Error('no team config');
    await expect(createInvite('medewerker')).rejects.toMatchObject({ code: 'sync.lockedOut' });
    await expect(teamCasesDb(config).get('x')).rejects.toMatchObject({ code: 'sync.lockedOut' });
    await expect(couchTeamDocs(teamCreds(config, 'coord')).get('x')).rejects.toMatchObject({ code: 'sync.lockedOut' });
    expect(sent).toHaveLength(0);
  });

  it('keeps a new share loop from sending anything', async () => {
    noteTeamRefusal(new SyncError('sync.unauthorized', 401));
    const load = vi.fn(async () => undefined);
    startShareSync(load, 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(load).not.toHaveBeenCalled();
    expect(isShareSyncRunning()).toBe(false);
    expect(sent).toHaveLength(0);
  });
});

describe('entering the team password again', () => {
  it('refuses a wrong password with one request and changes nothing stored', async () => {
    noteTeamRefusal(new SyncError('sync.unauthorized', 401));
    await expect(reenterTeamPassword('niet het wachtwoord')).rejects.toMatchObject({ code: 'sync.unauthorized' });
    expect(sent).toEqual([`GET /sync/baken-team-${TEAM}${round}-members`]);
    expect((await loadTeamConfig())?.password).toBe('het oude wachtwoord');
    expect(teamRefusal()).toBe('password');
    expect(isShareSyncRunning()).toBe(false);
    expect(isCoordRunning()).toBe(false);
  });

  it('during a lockout says so, sends one request and changes nothing stored', async () => {
    noteTeamRefusal(new SyncError('sync.unauthorized', 401));
    answer = () => new Response(JSON.stringify(LOCKOUT), { status: 403 });
    await expect(reenterTeamPassword('het nieuwe wachtwoord')).rejects.toMatchObject({ code: 'sync.lockedOut' });
    expect(sent).toHaveLength(1);
    expect((await loadTeamConfig())?.password).toBe('het oude wachtwoord');
    expect(teamRefusal()).toBe('lockout');
  });

  it('checks the right password once, stores it, forgets the refusal and starts the team loops again', async () => {
    expect((await checkMembers()).problem).toBe('sync.unauthorized');
    expect(teamRefusal()).toBe('password');
    sent = [];
    const saved = await reenterTeamPassword('het nieuwe wachtwoord');
    expect(sent[0]).toBe(`GET /sync/baken-team-${TEAM}${round}-members`);
    expect(saved.password).toBe('het nieuwe wachtwoord');
    expect((await loadTeamConfig())?.password).toBe('het nieuwe wachtwoord');
    expect(teamRefusal()).toBeNull();
    expect(isShareSyncRunning()).toBe(true);
    expect(isCoordRunning()).toBe(true);
    // The member check reads the list with the new password again (no list yet on this new team's server).
    expect((await checkMembers()).problem).toBe('team.list.missing');
  });
});
