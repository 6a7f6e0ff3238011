// Case numbers are handed out per worker, so a colleague's shared case can carry the same number as one
// of mine. These check the two facts the screens name cases by: who shared a received case (from the
// shared-cases row and the verified member list on this device), and which case on this device a
// pick-up request or a team-view record is about (matched by the record's HMAC id, never by number).
import { beforeEach, describe, expect, it } from 'vitest';

import { TEST_PASSPHRASE, resetDatabase } from '../test-utils';
import { createVault } from '../vault';
import { coordDocId } from './coord-docs';
import { ensureTeamKey, readTeamKeys, rotateTeamKey } from './coord-keys';
import { casesOfDocIds } from './coord-rounds';
import { makeTeam, memoryDocs } from './coord-test-utils';
import { cacheOwnList } from './members';
import { loadSharedCases, updateSharedCases } from './share';
import { readSharedFrom } from './shared-from';

const KEY_A = '6f1c2f7e-0c55-4b43-9d0b-3f7f6f0c1a01';
const KEY_B = '6f1c2f7e-0c55-4b43-9d0b-3f7f6f0c1a02';
const KEY_C = '6f1c2f7e-0c55-4b43-9d0b-3f7f6f0c1a03';
const FROM_ANNA = '0b7e8a52-3c1d-4e5f-8a9b-000000000001';
const MINE = '0b7e8a52-3c1d-4e5f-8a9b-000000000002';
const FROM_GONE = '0b7e8a52-3c1d-4e5f-8a9b-000000000003';

beforeEach(async () => {
  await resetDatabase();
  await createVault(TEST_PASSPHRASE, { recoveryCode: false });
});

describe('who shared a received case', () => {
  it('names the colleague who shared it, never a case I shared myself', async () => {
    const { list } = await makeTeam([
      ['coordinator', 'Anna Coördinator'],
      ['medewerker', 'Bram Medewerker'],
    ]);
    const anna = list.members[0];
    await cacheOwnList(list, 'c2ln', []);
    const gone = 'member-who-left-the-team-0001';
    await updateSharedCases(() => ({
      // Received from Anna.
      [FROM_ANNA]: { keys: [KEY_A], owner: anna!.id },
      // Shared by me with Bram: no owner.
      [MINE]: { keys: [KEY_B] },
      // Received from someone no longer in the list; access later withdrawn.
      [FROM_GONE]: { keys: [KEY_C], owner: gone, withdrawn: true },
    }));
    expect(Object.keys(await loadSharedCases())).toHaveLength(3);

    const from = await readSharedFrom();
    expect([...from.entries()].sort()).toEqual([
      [FROM_ANNA, 'Anna Coördinator'],
      [FROM_GONE, null],
    ]);
    expect(from.has(MINE)).toBe(false);
  });

  it('is empty on a device without shared cases', async () => {
    expect((await readSharedFrom()).size).toBe(0);
  });
});

describe('which case on this device a coordination record is about', () => {
  it('matches the record id (an HMAC of the case id) under every key held, not the number', async () => {
    const { people } = await makeTeam([
      ['coordinator', 'Lea'],
      ['medewerker', 'Wim'],
    ]);
    const [lea, wim] = people as [(typeof people)[0], (typeof people)[0]];
    const coord = memoryDocs();
    await ensureTeamKey(lea, 'coord', coord);
    const older = (await readTeamKeys(wim, 'coord', coord)).keys.at(-1)!;
    // Asked under the first key generation, then the key was rotated (a member left).
    const askedUnderOld = await coordDocId(older, 'case-2');
    await rotateTeamKey(lea, 'coord', coord);
    const held = (await readTeamKeys(wim, 'coord', coord)).keys;
    expect(held).toHaveLength(2);
    const newer = held.at(-1)!;
    const underNew = await coordDocId(newer, 'case-3');
    const colleagues = await coordDocId(newer, 'case-on-another-device');

    const found = await casesOfDocIds(
      held,
      ['case-1', 'case-2', 'case-3'],
      new Set([askedUnderOld, underNew, colleagues]),
    );
    expect(found).toEqual(
      new Map([
        [askedUnderOld, 'case-2'],
        [underNew, 'case-3'],
      ]),
    );
    expect(await casesOfDocIds(held, ['case-1'], new Set())).toEqual(new Map());
  });
});
