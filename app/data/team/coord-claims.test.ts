import { describe, expect, it } from 'vitest';

import { makeCase, makeFollowUp } from '../../../schema/factories';
import type { CoordRecord } from '../../../schema/team-coord';
import type { StoredRecord } from '../../../schema/records';
import { emptyEntry, withRecord } from '../index/entries';
import { ensureTeamKey, readTeamKeys } from './coord-keys';
import { leftToSharer, publishCoordRecords, readCoordRecords } from './coord-rounds';
import type { Claims } from './coord-rounds';
import type { CoordTeam } from './coord-keys';
import { makeTeam, memoryDocs, recordsFor } from './coord-test-utils';

const TODAY = '2026-03-11';

function recordsOf(assignee: string, ...cases: Array<[string, StoredRecord[]]>): Map<string, CoordRecord> {
  return recordsFor(
    assignee,
    TODAY,
    cases.map(([id, rows]) => [id, rows.reduce(withRecord, emptyEntry())] as const),
  );
}

async function setUp() {
  const { list, people } = await makeTeam([
    ['coordinator', 'Lead'],
    ['medewerker', 'Anna'],
    ['medewerker', 'Bert'],
  ]);
  const [lead, anna, bert] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const coord = memoryDocs();
  await ensureTeamKey(lead, 'coord', coord);
  const keyOf = async (p: typeof lead) => (await readTeamKeys(p, 'coord', coord)).keys.at(-1)!;
  const shared = makeCase({ reference: '2026-001' });
  const rows: StoredRecord[] = [shared, makeFollowUp({ caseId: shared.id, due: '2026-03-02' })];
  return { list, lead, anna, bert, coord, keyOf, shared, rows };
}

describe('one coordination record per shared case', () => {
  it('keeps one record for a case two colleagues hold, written by the first holder, under an id that hides the case id', async () => {
    const { lead, anna, bert, coord, keyOf, shared, rows } = await setUp();
    const annaClaims: Claims = {};
    const bertClaims: Claims = {};
    await publishCoordRecords(
      anna,
      coord,
      await keyOf(anna),
      recordsOf(anna.identity.memberId, [shared.id, rows]),
      {},
      annaClaims,
    );
    const bertPublished = await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, rows]),
      {},
      bertClaims,
    );

    expect(bertPublished).toEqual({});
    expect(bertClaims).toEqual({ [shared.id]: anna.identity.memberId });
    expect(annaClaims).toEqual({});
    const ids = [...coord.docs.keys()].filter((id) => id.startsWith('coord-'));
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toContain(shared.id);
    expect(JSON.stringify([...coord.docs.values()])).not.toContain(shared.id);
    const items = await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys);
    expect(items.map((i) => [i.record.reference, i.record.assignee])).toEqual([['2026-001', anna.identity.memberId]]);

    // Bert's next round leaves Anna's record alone, even when the case changed on his device.
    const later = [...rows, makeFollowUp({ caseId: shared.id, due: '2026-03-01' })];
    await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, later]),
      bertPublished,
      bertClaims,
    );
    const again = await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys);
    expect(again.map((i) => [i.record.assignee, i.record.nextDue])).toEqual([[anna.identity.memberId, '2026-03-02']]);
  });

  it('lets the second holder who loses the race for the first write give way instead of overwriting', async () => {
    const { lead, anna, bert, coord, keyOf, shared, rows } = await setUp();
    const bertClaims: Claims = {};
    // Bert's device believes it wrote the record before (stale state), but Anna's device wrote it since.
    await publishCoordRecords(anna, coord, await keyOf(anna), recordsOf(anna.identity.memberId, [shared.id, rows]), {});
    const id = [...coord.docs.keys()].find((k) => k.startsWith('coord-'))!;
    const stale = { [id]: { rev: '0-stale', sum: 'old' } };
    const bertPublished = await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, rows]),
      stale,
      bertClaims,
    );
    expect(bertPublished).toEqual({});
    expect(bertClaims[shared.id]).toBe(anna.identity.memberId);
    const items = await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys);
    expect(items.map((i) => i.record.assignee)).toEqual([anna.identity.memberId]);
  });

  it('lets my own second device overwrite my record, and a colleague take it over once I have left the team', async () => {
    const { list, lead, anna, bert, coord, keyOf, shared, rows } = await setUp();
    const annaRecords = recordsOf(anna.identity.memberId, [shared.id, rows]);
    await publishCoordRecords(anna, coord, await keyOf(anna), annaRecords, {});
    // Anna's other device (same identity, no local state) writes over her own record.
    const changed = new Map([[shared.id, { ...annaRecords.get(shared.id)!, flag: 'geel' as const }]]);
    const secondDevice = await publishCoordRecords(anna, coord, await keyOf(anna), changed, {}, {});
    expect(Object.keys(secondDevice)).toHaveLength(1);

    const bertClaims: Claims = {};
    await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, rows]),
      {},
      bertClaims,
    );
    expect(bertClaims[shared.id]).toBe(anna.identity.memberId);

    // Anna leaves the team: in Bert's verified list (v2) she is gone, so Bert's device writes the record.
    const v2 = { ...list, version: 2, members: list.members.filter((m) => m.id !== anna.identity.memberId) };
    const bertV2 = { ...bert, members: v2 };
    const published = await publishCoordRecords(
      bertV2,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, rows]),
      {},
      bertClaims,
    );
    expect(bertClaims).toEqual({});
    expect(Object.keys(published)).toHaveLength(1);
    const items = await readCoordRecords(
      { ...lead, members: v2 },
      coord,
      (await readTeamKeys(lead, 'coord', coord)).keys,
    );
    expect(items.map((i) => i.record.assignee)).toEqual([bert.identity.memberId]);
  });

  it('does not delete a record a colleague now writes when the case leaves my list', async () => {
    const { lead, anna, bert, coord, keyOf, shared, rows } = await setUp();
    // Bert wrote it first; later Anna's device owns it (Bert's record was gone and Anna claimed it).
    const bertPublished = await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsOf(bert.identity.memberId, [shared.id, rows]),
      {},
    );
    const id = Object.keys(bertPublished)[0]!;
    await coord.remove(id, coord.docs.get(id)!._rev!);
    await publishCoordRecords(anna, coord, await keyOf(anna), recordsOf(anna.identity.memberId, [shared.id, rows]), {});
    // Bert's access was withdrawn: the case is no longer his to publish, and Anna's record stays.
    await publishCoordRecords(bert, coord, await keyOf(bert), new Map(), bertPublished);
    const items = await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys);
    expect(items.map((i) => i.record.assignee)).toEqual([anna.identity.memberId]);
  });
});

describe('leftToSharer', () => {
  it('leaves a received case to the colleague who shared it while they hold cases in the team, then not', async () => {
    const { list, people } = await makeTeam([
      ['coordinator', 'Lead'],
      ['medewerker', 'Anna'],
      ['medewerker', 'Bert'],
      ['auditor', 'Ida'],
    ]);
    const [lead, anna, bert, ida] = people as [CoordTeam, CoordTeam, CoordTeam, CoordTeam];
    const shared = {
      fromAnna: { owner: anna.identity.memberId },
      fromLead: { owner: lead.identity.memberId },
      mine: {},
      fromIda: { owner: ida.identity.memberId },
      fromStranger: { owner: 'someone-not-in-the-list' },
      fromMe: { owner: bert.identity.memberId },
    };
    expect([...leftToSharer(bert, shared)].sort()).toEqual(['fromAnna', 'fromLead']);
    // Anna left the team: her shared case's record is now Bert's to write.
    const withoutAnna = { ...list, version: 2, members: list.members.filter((m) => m.id !== anna.identity.memberId) };
    expect([...leftToSharer({ ...bert, members: withoutAnna }, shared)]).toEqual(['fromLead']);
  });
});

describe('the sharer writes its own shared case', () => {
  it("overwrites a record the receiver's device wrote first (an older version) and never gives way to it", async () => {
    const { lead, anna, bert, coord, keyOf, shared, rows } = await setUp();
    // Bert's laptop, on an older version, wrote the record of Anna's case first.
    await publishCoordRecords(
      bert,
      coord,
      await keyOf(bert),
      recordsFor(bert.identity.memberId, '2026-03-01', [[shared.id, rows.reduce(withRecord, emptyEntry())]]),
      {},
      {},
    );
    // Anna's device had noted that Bert writes it; the case is hers (in `mine`), so she takes it back.
    const annaClaims: Claims = { [shared.id]: bert.identity.memberId };
    const published = await publishCoordRecords(
      anna,
      coord,
      await keyOf(anna),
      recordsOf(anna.identity.memberId, [shared.id, rows]),
      {},
      annaClaims,
      new Set([shared.id]),
    );
    expect(annaClaims).toEqual({});
    expect(Object.keys(published)).toHaveLength(1);
    const items = await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys);
    expect(items.map((i) => [i.record.assignee, i.record.asOf])).toEqual([[anna.identity.memberId, TODAY]]);

    // Closed: Anna deletes her record; no record is left under anyone.
    await publishCoordRecords(anna, coord, await keyOf(anna), new Map(), published, annaClaims, new Set());
    expect(await readCoordRecords(lead, coord, (await readTeamKeys(lead, 'coord', coord)).keys)).toEqual([]);
  });
});
