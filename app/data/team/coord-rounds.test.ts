import { describe, expect, it } from 'vitest';

import { countAggregates } from '../../../schema/audit-aggregates';
import type { AggregateInput } from '../../../schema/audit-aggregates';
import { makeAssessment, makeCase, makeFollowUp } from '../../../schema/factories';
import { groupTeamFollowUps } from '../../../schema/team-coord';
import type { CoordRecord } from '../../../schema/team-coord';
import type { StoredRecord } from '../../../schema/records';
import { emptyEntry, withRecord } from '../index/entries';
import { decodeTeamDoc, encodeTeamDoc } from './coord-docs';
import { ensureTeamKey, readTeamKeys } from './coord-keys';
import {
  askToPickUp,
  coordRecordOf,
  publishCoordRecords,
  publishCounts,
  publishTeamFigures,
  readCoordRecords,
  readMemberCounts,
  readPickupRequests,
  readTeamFigures,
} from './coord-rounds';
import type { Published } from './coord-rounds';
import { makeTeam, memoryDocs, recordsFor } from './coord-test-utils';

const TODAY = '2026-03-11';

function entryOf(...records: StoredRecord[]) {
  return records.reduce(withRecord, emptyEntry());
}

function mine(assignee: string, cases: Array<[string, ReturnType<typeof entryOf>]>): Map<string, CoordRecord> {
  return recordsFor(assignee, TODAY, cases);
}

async function setUp() {
  const { list, people } = await makeTeam([
    ['coordinator', 'Lead'],
    ['medewerker', 'Anna'],
    ['medewerker', 'Bert'],
    ['auditor', 'Ouditor'],
  ]);
  const coord = memoryDocs();
  const figures = memoryDocs();
  const [lead, anna, bert, auditor] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  await ensureTeamKey(lead, 'coord', coord);
  await ensureTeamKey(lead, 'fig', figures);
  return { list, lead, anna, bert, auditor, coord, figures };
}

describe('coordination rounds', () => {
  it('keeps no name, pseudonym, school or fact in a coordination record', () => {
    const c = makeCase({ reference: '2026-001', schools: ['Sint-Jan'] });
    const record = coordRecordOf(
      entryOf(
        c,
        makeFollowUp({ caseId: c.id, due: '2026-03-01' }),
        makeFollowUp({ caseId: c.id, due: '2026-03-20' }),
        makeAssessment({ caseId: c.id, flag: 'rood' }),
      ),
      'member-aaaa-aaaa-aaaa',
      TODAY,
    );
    expect(record).toEqual({
      reference: '2026-001',
      assignee: 'member-aaaa-aaaa-aaaa',
      status: 'open',
      nextDue: '2026-03-01',
      flag: 'rood',
      overdue: true,
      asOf: TODAY,
    });
    expect(coordRecordOf(entryOf(makeCase({ status: 'afgesloten' })), 'member-aaaa-aaaa-aaaa', TODAY)).toBeUndefined();
  });

  it('lets the coordinator see both workers grouped, ask one to pick up, and only that worker sees it', async () => {
    const { lead, anna, bert, coord } = await setUp();
    const a1 = makeCase({ reference: '2026-001' });
    const a2 = makeCase({ reference: '2026-002' });
    const a3 = makeCase({ reference: '2026-003', status: 'afgesloten' });
    const b1 = makeCase({ reference: '2026-010' });
    const annaCases: Array<[string, ReturnType<typeof entryOf>]> = [
      [a1.id, entryOf(a1, makeFollowUp({ caseId: a1.id, due: '2026-03-02' }))],
      [a2.id, entryOf(a2, makeFollowUp({ caseId: a2.id, due: '2026-03-13' }))],
      [a3.id, entryOf(a3)],
    ];
    const annaKey = (await readTeamKeys(anna, 'coord', coord)).keys.at(-1)!;
    const bertKey = (await readTeamKeys(bert, 'coord', coord)).keys.at(-1)!;
    let annaPublished: Published = await publishCoordRecords(
      anna,
      coord,
      annaKey,
      mine(anna.identity.memberId, annaCases),
      {},
    );
    await publishCoordRecords(bert, coord, bertKey, mine(bert.identity.memberId, [[b1.id, entryOf(b1)]]), {});
    // Unchanged: nothing is written again.
    const before = new Map(coord.docs);
    annaPublished = await publishCoordRecords(
      anna,
      coord,
      annaKey,
      mine(anna.identity.memberId, annaCases),
      annaPublished,
    );
    expect(new Map(coord.docs)).toEqual(before);

    const leadKeys = (await readTeamKeys(lead, 'coord', coord)).keys;
    const items = await readCoordRecords(lead, coord, leadKeys);
    const groups = groupTeamFollowUps(items, TODAY);
    expect(
      groups.map((g) => [
        g.assignee,
        Object.fromEntries(Object.entries(g.urgencies).map(([u, list]) => [u, list.map((i) => i.record.reference)])),
      ]),
    ).toEqual([
      [
        anna.identity.memberId,
        { 'te-laat': ['2026-001'], vandaag: [], 'deze-week': ['2026-002'], later: [], 'zonder-datum': [] },
      ],
      [
        bert.identity.memberId,
        { 'te-laat': [], vandaag: [], 'deze-week': [], later: [], 'zonder-datum': ['2026-010'] },
      ],
    ]);

    const overdue = items.find((i) => i.record.reference === '2026-001')!;
    await askToPickUp(lead, coord, leadKeys.at(-1)!, overdue, TODAY);
    expect((await readPickupRequests(anna, coord, [annaKey])).map((r) => r.request.reference)).toEqual(['2026-001']);
    expect(await readPickupRequests(bert, coord, [bertKey])).toEqual([]);
    // A pick-up request written by a medewerker is ignored.
    await askToPickUp(bert, coord, bertKey, overdue, TODAY);
    expect(await readPickupRequests(anna, coord, [annaKey])).toHaveLength(1);

    // Anna closes case 1: its record disappears from the server.
    const closed = { ...a1, status: 'afgesloten' as const };
    annaPublished = await publishCoordRecords(
      anna,
      coord,
      annaKey,
      mine(anna.identity.memberId, [[a1.id, entryOf(closed)], ...annaCases.slice(1)]),
      annaPublished,
    );
    expect((await readCoordRecords(lead, coord, leadKeys)).map((i) => i.record.reference).sort()).toEqual([
      '2026-002',
      '2026-010',
    ]);
    expect(Object.keys(annaPublished)).toHaveLength(1);
  });

  it('publishes signed, suppressed team figures the auditor verifies, and refuses forged ones', async () => {
    const { lead, anna, bert, auditor, coord, figures } = await setUp();
    const period = { kind: 'quarter', year: 2026, quarter: 1 } as const;
    const cases = (n: number, type: 'sexting' | 'grooming'): AggregateInput[] =>
      Array.from({ length: n }, () => ({
        case: makeCase({ knownOn: '2026-02-02', types: [type] }),
        parties: [],
        consents: [],
        assessments: [],
        followUps: [],
        summaries: [],
      }));
    const annaKey = (await readTeamKeys(anna, 'coord', coord)).keys.at(-1)!;
    const bertKey = (await readTeamKeys(bert, 'coord', coord)).keys.at(-1)!;
    // Anna 4 sexting, Bert 3 sexting + 2 grooming: team 9 → sexting 7, grooming 2 hidden with sexting.
    await publishCounts(anna, coord, annaKey, {
      member: anna.identity.memberId,
      countedOn: TODAY,
      quarters: [countAggregates(cases(4, 'sexting'), period, TODAY)],
    });
    await publishCounts(bert, coord, bertKey, {
      member: bert.identity.memberId,
      countedOn: TODAY,
      quarters: [countAggregates([...cases(3, 'sexting'), ...cases(2, 'grooming')], period, TODAY)],
    });
    const leadCoordKeys = (await readTeamKeys(lead, 'coord', coord)).keys;
    const counts = await readMemberCounts(lead, coord, leadCoordKeys);
    expect(counts).toHaveLength(2);
    const leadFigKey = (await readTeamKeys(lead, 'fig', figures)).keys.at(-1)!;
    await publishTeamFigures(lead, counts, figures, leadFigKey, TODAY, new Date('2026-03-11T10:00:00Z'));

    const auditorKeys = (await readTeamKeys(auditor, 'fig', figures)).keys;
    const read = await readTeamFigures(auditor, figures, auditorKeys);
    expect(read.refused).toBe(0);
    expect(read.figures).toHaveLength(1);
    const [f] = read.figures;
    expect(f!.signer.name).toBe('Lead');
    expect(f!.signedAt).toBe('2026-03-11T10:00:00.000Z');
    expect(f!.figures.members).toBe(2);
    const types = f!.figures.aggregates.tables.find((t) => t.id === 'types')!;
    expect(types.total).toBe(9);
    expect(types.cells.filter((c) => c.value !== 0).map((c) => [c.key, c.value])).toEqual([
      ['sexting', null],
      ['grooming', null],
    ]);

    // The auditor holds the figures key but cannot sign as a coordinator: a changed figure is refused.
    const doc = figures.docs.get('figures-2026-Q1')!;
    const payload = await decodeTeamDoc('clb-noord', () => auditorKeys[0], doc);
    if (payload?.t !== 'figures') throw new Error('expected figures');
    const forged = structuredClone(payload.r);
    forged.figures.members = 3;
    figures.docs.set('figures-2026-Q1', {
      ...(await encodeTeamDoc('clb-noord', auditorKeys[0]!, 'figures-2026-Q1', { t: 'figures', r: forged })),
      _rev: doc._rev!,
    });
    const after = await readTeamFigures(auditor, figures, auditorKeys);
    expect(after.figures).toHaveLength(0);
    expect(after.refused).toBe(1);

    // The auditor has no coordination key: not one coordination record or count opens.
    const auditorCoordKeys = (await readTeamKeys(auditor, 'coord', coord)).keys;
    expect(auditorCoordKeys).toEqual([]);
    expect(await readCoordRecords(auditor, coord, auditorCoordKeys)).toEqual([]);
    expect(await readMemberCounts(auditor, coord, auditorCoordKeys)).toEqual([]);
  });
});
