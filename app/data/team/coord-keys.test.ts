import { describe, expect, it } from 'vitest';

import { coordDocId, decodeTeamDoc, encodeTeamDoc } from './coord-docs';
import type { TeamKey } from './coord-docs';
import { ensureTeamKey, keyGrantId, makeKeyGrant, readTeamKeys, rotateTeamKey } from './coord-keys';
import { makeTeam, memoryDocs } from './coord-test-utils';

const ROLES = [
  ['coordinator', 'Lead'],
  ['medewerker', 'Anna'],
  ['medewerker', 'Bert'],
  ['auditor', 'Ouditor'],
] as const;

const record = {
  reference: '2026-001',
  assignee: '',
  status: 'open',
  nextDue: '2026-03-10',
  flag: 'rood',
  overdue: true,
  asOf: '2026-03-11',
} as const;

describe('coordination and figures keys', () => {
  it('are made by the coordinator and granted only to the entitled roles of the verified list', async () => {
    const { list, people } = await makeTeam(ROLES);
    const [lead, anna, bert, auditor] = people;
    const coord = memoryDocs();
    const figures = memoryDocs();
    const held = await ensureTeamKey(lead!, 'coord', coord);
    expect(held.keys.map((k) => k.id)).toEqual(['coord-1']);
    await ensureTeamKey(lead!, 'fig', figures);
    const ids = (m: number) => list.members[m]!.id;
    expect([...coord.docs.keys()].sort()).toEqual(
      [keyGrantId('coord', 1, ids(0)), keyGrantId('coord', 1, ids(1)), keyGrantId('coord', 1, ids(2))].sort(),
    );
    expect([...figures.docs.keys()].sort()).toEqual(
      [keyGrantId('fig', 1, ids(0)), keyGrantId('fig', 1, ids(3))].sort(),
    );
    // Every medewerker opens the same coordination key; the auditor holds none of it.
    expect((await readTeamKeys(anna!, 'coord', coord)).keys.map((k) => k.id)).toEqual(['coord-1']);
    expect((await readTeamKeys(bert!, 'coord', coord)).keys).toHaveLength(1);
    expect((await readTeamKeys(auditor!, 'coord', coord)).keys).toHaveLength(0);
    expect((await readTeamKeys(auditor!, 'fig', figures)).keys.map((k) => k.id)).toEqual(['fig-1']);
    expect((await readTeamKeys(anna!, 'fig', figures)).keys).toHaveLength(0);
    // A medewerker never makes a key.
    const empty = memoryDocs();
    expect((await ensureTeamKey(anna!, 'coord', empty)).keys).toHaveLength(0);
    expect(empty.docs.size).toBe(0);
  });

  it('refuses a grant to an auditor, a stranger, or signed by a medewerker', async () => {
    const { people } = await makeTeam(ROLES);
    const [lead, anna, , auditor] = people;
    const { people: strangers } = await makeTeam([['coordinator', 'Elders']]);
    const raw = new Uint8Array(32).fill(7);
    await expect(makeKeyGrant(lead!, 'coord', 1, raw, auditor!.identity.memberId)).rejects.toThrow(/role/);
    await expect(makeKeyGrant(lead!, 'coord', 1, raw, strangers[0]!.identity.memberId)).rejects.toThrow(/not-a-member/);
    // Anna (a medewerker) seals a key to Bert: Bert's device refuses it.
    const docs = memoryDocs();
    const forged = await makeKeyGrant(anna!, 'coord', 1, raw, people[2]!.identity.memberId);
    await docs.put(forged);
    expect((await readTeamKeys(people[2]!, 'coord', docs)).keys).toHaveLength(0);
    // A grant signed by a coordinator of another team (not in the verified list) is refused too.
    const other = { ...strangers[0]!, members: lead!.members };
    const alien = await makeKeyGrant(
      {
        ...other,
        members: {
          ...lead!.members,
          members: [
            ...lead!.members.members,
            {
              ...lead!.members.members[0]!,
              id: other.identity.memberId,
              ecdh: other.identity.ecdh,
              ecdsa: other.identity.ecdsa,
            },
          ],
        },
      },
      'coord',
      1,
      raw,
      anna!.identity.memberId,
    );
    const docs2 = memoryDocs();
    await docs2.put(alien);
    expect((await readTeamKeys(anna!, 'coord', docs2)).keys).toHaveLength(0);
  });

  it('encrypts documents so they open only under their own id, team and key', async () => {
    const { people } = await makeTeam(ROLES);
    const [lead, anna] = people;
    const docs = memoryDocs();
    const key = (await ensureTeamKey(lead!, 'coord', docs)).keys[0] as TeamKey;
    const annaKey = (await readTeamKeys(anna!, 'coord', docs)).keys[0] as TeamKey;
    const payload = { t: 'coord', r: { ...record, assignee: anna!.identity.memberId } } as const;
    const id = await coordDocId(annaKey, 'case-1');
    expect(id).toBe(await coordDocId(key, 'case-1'));
    expect(id).not.toContain('case-1');
    const doc = await encodeTeamDoc('clb-noord', annaKey, id, payload);
    expect(JSON.stringify(doc)).not.toContain('2026-001');
    const keys = (k: string) => (k === key.id ? key : undefined);
    expect(await decodeTeamDoc('clb-noord', keys, doc)).toEqual(payload);
    expect(await decodeTeamDoc('clb-zuid', keys, doc)).toBeNull();
    expect(await decodeTeamDoc('clb-noord', keys, { ...doc, _id: await coordDocId(key, 'case-2') })).toBeNull();
    expect(await decodeTeamDoc('clb-noord', keys, { ...doc, _id: 'figures-2026-Q1' })).toBeNull();
    await expect(encodeTeamDoc('clb-noord', key, 'figures-2026-Q1', payload)).rejects.toThrow();
    // Extra fields (a pseudonym) are refused before encryption.
    await expect(
      encodeTeamDoc('clb-noord', key, id, { t: 'coord', r: { ...payload.r, pseudonym: 'Jongere A' } } as never),
    ).rejects.toThrow();
  });

  it('rotates after a member leaves: the new generation reaches only the remaining members', async () => {
    const { list, people } = await makeTeam(ROLES);
    const [lead, anna, bert] = people;
    const docs = memoryDocs();
    await ensureTeamKey(lead!, 'coord', docs);
    const without = { ...list, version: 2, members: list.members.filter((m) => m.id !== bert!.identity.memberId) };
    const gen = await rotateTeamKey({ ...lead!, members: without }, 'coord', docs);
    expect(gen).toBe(2);
    expect((await readTeamKeys({ ...anna!, members: without }, 'coord', docs)).keys.map((k) => k.id)).toEqual([
      'coord-1',
      'coord-2',
    ]);
    expect([...docs.docs.keys()].some((id) => id.endsWith(bert!.identity.memberId))).toBe(false);
    expect((await readTeamKeys(bert!, 'coord', docs)).keys).toHaveLength(0);
  });

  it('rotates only when a grant names someone no longer on the list, so a coördinator can rotate what a lead could not', async () => {
    const { list, people } = await makeTeam(ROLES);
    const [lead, , , auditor] = people;
    const figures = memoryDocs();
    await ensureTeamKey(lead!, 'fig', figures);
    expect(await rotateTeamKey(lead!, 'fig', figures, true)).toBe(0);
    // The auditor left, and the figures key was not rotated (a medewerker lead cannot reach figures).
    const without = {
      ...list,
      version: 2,
      members: list.members.filter((m) => m.id !== auditor!.identity.memberId),
    };
    const coordinator = { ...lead!, members: without };
    expect(await rotateTeamKey(coordinator, 'fig', figures, true)).toBe(2);
    expect(await rotateTeamKey(coordinator, 'fig', figures, true)).toBe(0);
    expect((await readTeamKeys(auditor!, 'fig', figures)).keys).toHaveLength(0);
  });
});
