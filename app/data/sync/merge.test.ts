import { describe, expect, it } from 'vitest';

import { makeCase, makeConsent, makeFollowUp, makeNote } from '../../../schema/factories';
import { conflictSchema } from '../../../schema/sync-conflict';
import { compareRevs, conflictId, conflictKey, mergeVersions } from './merge';

describe('merging versions of one document', () => {
  it('orders revisions like CouchDB: higher number, then higher hash', () => {
    expect(['2-a', '3-a', '3-b', '10-a'].sort(compareRevs)).toEqual(['10-a', '3-b', '3-a', '2-a']);
  });

  it('takes a field changed on one side and another field changed on the other side', () => {
    const base = makeFollowUp({ due: '2026-05-01', purpose: 'oud' });
    const a = { ...base, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' };
    const b = { ...base, purpose: 'nieuw', updatedAt: '2026-04-03T10:00:00.000Z' };
    const result = mergeVersions(
      [
        { rev: '2-aaa', payload: { t: 'records', record: a } },
        { rev: '2-bbb', payload: { t: 'records', record: b } },
      ],
      { t: 'records', record: base },
    );
    expect(result.conflicts).toEqual([]);
    expect(result.payload.record).toEqual({ ...base, due: '2026-05-08', purpose: 'nieuw', updatedAt: b.updatedAt });
  });

  it('keeps the winner value and both values in one conflict when the same field changed differently', () => {
    const base = makeFollowUp({ due: '2026-05-01' });
    const a = { ...base, due: '2026-05-08' };
    const b = { ...base, due: '2026-05-15' };
    const result = mergeVersions(
      [
        { rev: '2-aaa', payload: { t: 'records', record: a } },
        { rev: '2-bbb', payload: { t: 'records', record: b } },
      ],
      { t: 'records', record: base },
    );
    expect(result.payload.record).toEqual(b);
    expect(result.conflicts).toEqual([
      {
        kind: 'conflict',
        schemaVersion: 1,
        caseId: base.caseId,
        recordId: base.id,
        recordKind: 'followup',
        field: 'due',
        values: ['2026-05-15', '2026-05-08'],
      },
    ]);
  });

  it('is the same on both devices: same winner, same conflict id whatever the order', async () => {
    const base = makeCase({ description: 'x' });
    const a = { rev: '2-aaa', payload: { t: 'records', record: { ...base, description: 'A' } } } as const;
    const b = { rev: '2-bbb', payload: { t: 'records', record: { ...base, description: 'B' } } } as const;
    const one = mergeVersions([a, b], { t: 'records', record: base });
    const two = mergeVersions([b, a], { t: 'records', record: base });
    expect(one.payload).toEqual(two.payload);
    const [c1] = one.conflicts;
    const [c2] = two.conflicts;
    if (!c1 || !c2) throw new Error('expected a conflict');
    const id = await conflictId(c1);
    expect(id).toBe(await conflictId(c2));
    expect(conflictSchema.safeParse({ ...c1, id, createdAt: '2026-04-02T10:00:00.000Z' }).success).toBe(true);
  });

  it('keeps an append-only note as it is', () => {
    const note = makeNote();
    const result = mergeVersions(
      [
        { rev: '1-aaa', payload: { t: 'records', record: note } },
        { rev: '1-bbb', payload: { t: 'records', record: note } },
      ],
      undefined,
    );
    expect(result).toEqual({ payload: { t: 'records', record: note }, conflicts: [] });
  });
});

describe('lists that only grew', () => {
  it('keeps the additions of both sides, and still flags the date both changed', () => {
    const base = makeFollowUp({ due: '2026-05-01', history: [] });
    const hA = { from: '2026-05-01', to: '2026-05-08', reason: 'A', at: '2026-04-02T10:00:00.000Z' };
    const hB = { from: '2026-05-01', to: '2026-05-15', reason: 'B', at: '2026-04-03T10:00:00.000Z' };
    const result = mergeVersions(
      [
        {
          rev: '2-aaa',
          payload: { t: 'records', record: { ...base, due: '2026-05-08', history: [hA] } as typeof base },
        },
        {
          rev: '2-bbb',
          payload: { t: 'records', record: { ...base, due: '2026-05-15', history: [hB] } as typeof base },
        },
      ],
      { t: 'records', record: base },
    );
    expect((result.payload.record as typeof base).history).toEqual([hB, hA]);
    expect(result.conflicts.map((c) => c.field)).toEqual(['due']);
  });

  it("keeps a case's earlier facts once and oldest first, when two devices kept the same text for the same reason", () => {
    const first = { text: 'Eerst genoteerd.', replacedAt: '2026-04-01T10:00:00.000Z', reason: 'Aangevuld' };
    const base = makeCase({ description: 'Eerst genoteerd.', factsHistory: [] });
    const onA = { ...first, replacedAt: '2026-04-02T10:00:00.000Z' };
    const onB = { ...first, replacedAt: '2026-04-02T11:00:00.000Z' };
    const other = { text: 'Tussenversie.', replacedAt: '2026-04-01T09:00:00.000Z', reason: 'Niet gekozen' };
    const result = mergeVersions(
      [
        { rev: '3-bbb', payload: { t: 'records', record: { ...base, factsHistory: [onB, other] } as typeof base } },
        { rev: '2-aaa', payload: { t: 'records', record: { ...base, factsHistory: [onA] } as typeof base } },
      ],
      { t: 'records', record: base },
    );
    expect((result.payload.record as typeof base).factsHistory).toEqual([other, onB]);
  });
});

describe("a follow-up's calendar sequence", () => {
  it('takes the highest sequence without an item, and still flags the date both changed', () => {
    const base = makeFollowUp({ due: '2026-05-01', history: [], sequence: 0 });
    const hA1 = { from: '2026-05-01', to: '2026-05-04', reason: 'A1', at: '2026-04-02T10:00:00.000Z' };
    const hA2 = { from: '2026-05-04', to: '2026-05-08', reason: 'A2', at: '2026-04-02T11:00:00.000Z' };
    const hB = { from: '2026-05-01', to: '2026-05-15', reason: 'B', at: '2026-04-03T10:00:00.000Z' };
    const a = { ...base, due: '2026-05-08', history: [hA1, hA2], sequence: 2 };
    const b = { ...base, due: '2026-05-15', history: [hB], sequence: 1 };
    const result = mergeVersions(
      [
        { rev: '3-aaa', payload: { t: 'records', record: a } },
        { rev: '2-bbb', payload: { t: 'records', record: b } },
      ],
      { t: 'records', record: base },
    );
    expect((result.payload.record as typeof base).sequence).toBe(2);
    expect(result.conflicts.map((c) => c.field)).toEqual(['due']);
    // The other order of the same versions gives the same record.
    const again = mergeVersions(
      [
        { rev: '2-bbb', payload: { t: 'records', record: b } },
        { rev: '3-aaa', payload: { t: 'records', record: a } },
      ],
      { t: 'records', record: base },
    );
    expect(again.payload).toEqual(result.payload);
  });
});

describe('choice lists without a known ancestor', () => {
  it('makes an item when both sides changed the types, instead of bringing back a removed type', () => {
    const base = makeCase({ types: ['ongewenste-sexting'] });
    const a = { ...base, types: ['sextortion'] } as typeof base;
    const b = { ...base, types: ['ongewenste-sexting', 'grooming'] } as typeof base;
    const result = mergeVersions(
      [
        { rev: '2-aaa', payload: { t: 'records', record: a } },
        { rev: '2-bbb', payload: { t: 'records', record: b } },
      ],
      undefined,
    );
    expect((result.payload.record as typeof base).types).toEqual(['ongewenste-sexting', 'grooming']);
    expect(result.conflicts.map((c) => [c.field, c.values])).toEqual([
      ['types', [['ongewenste-sexting', 'grooming'], ['sextortion']]],
    ]);
  });

  it("still keeps every reschedule of a follow-up's history", () => {
    const base = makeFollowUp({ due: '2026-05-01', history: [] });
    const hA = { from: '2026-05-01', to: '2026-05-08', reason: 'A', at: '2026-04-02T10:00:00.000Z' };
    const hB = { from: '2026-05-01', to: '2026-05-15', reason: 'B', at: '2026-04-03T10:00:00.000Z' };
    const result = mergeVersions(
      [
        { rev: '2-aaa', payload: { t: 'records', record: { ...base, history: [hA] } } },
        { rev: '2-bbb', payload: { t: 'records', record: { ...base, history: [hB] } } },
      ],
      undefined,
    );
    expect((result.payload.record as typeof base).history).toEqual([hB, hA]);
    expect(result.conflicts).toEqual([]);
  });
});

describe('a choice made in an item', () => {
  it('stays when a version from before the choice meets it again, whichever revision wins', () => {
    const base = makeFollowUp({ due: '2026-05-01', updatedAt: '2026-04-01T10:00:00.000Z' });
    // Both devices merged the first conflict and kept 2026-05-08; B then chose 2026-05-15 (a later updatedAt).
    const staleA = { ...base, due: '2026-05-08', updatedAt: '2026-04-02T10:00:00.000Z' };
    const chosenB = { ...base, due: '2026-05-15', updatedAt: '2026-04-03T10:00:00.000Z' };
    for (const revs of [
      ['5-aaa', '4-bbb'],
      ['3-aaa', '4-bbb'],
    ] as const) {
      const result = mergeVersions(
        [
          { rev: revs[0], payload: { t: 'records', record: staleA } },
          { rev: revs[1], payload: { t: 'records', record: chosenB } },
        ],
        undefined,
      );
      expect((result.payload.record as typeof base).due, revs.join()).toBe('2026-05-15');
      // The item it makes has the first item's values, so the same id: the closed one is not reopened.
      expect(result.conflicts.map((c) => [...c.values].sort())).toEqual([['2026-05-08', '2026-05-15']]);
    }
  });
});

describe('a consent changed on two devices', () => {
  const base = makeConsent({ recipient: 'ander-clb', givenOn: '2026-11-02', updatedAt: '2026-11-02T10:00:00.000Z' });
  // E withdrew as of 05/12 first, A as of 09/12 later: the latest change is the later date.
  const onE = { ...base, withdrawnOn: '2026-12-05', updatedAt: '2026-12-05T09:00:00.000Z' };
  const onA = { ...base, withdrawnOn: '2026-12-09', updatedAt: '2026-12-05T10:00:00.000Z' };
  const revsBoth = [
    ['2-aaa', '2-bbb'],
    ['2-bbb', '2-aaa'],
  ] as const;

  it('keeps the earliest withdrawal while the item is open, whichever revision wins, and keeps the item', () => {
    for (const [revE, revA] of revsBoth) {
      for (const known of [{ t: 'records', record: base } as const, undefined]) {
        const result = mergeVersions(
          [
            { rev: revE, payload: { t: 'records', record: onE } },
            { rev: revA, payload: { t: 'records', record: onA } },
          ],
          known,
        );
        expect((result.payload.record as typeof base).withdrawnOn, revE).toBe('2026-12-05');
        expect(result.conflicts.map((c) => [c.field, [...c.values].sort()])).toEqual([
          ['withdrawnOn', ['2026-12-05', '2026-12-09']],
        ]);
      }
    }
  });

  it('keeps a withdrawal made on one side only, with or without a known ancestor', () => {
    const untouched = { ...base };
    for (const known of [{ t: 'records', record: base } as const, undefined]) {
      const result = mergeVersions(
        [
          { rev: '2-bbb', payload: { t: 'records', record: untouched } },
          { rev: '2-aaa', payload: { t: 'records', record: onA } },
        ],
        known,
      );
      expect((result.payload.record as typeof base).withdrawnOn).toBe('2026-12-09');
      expect(result.conflicts.length).toBe(known ? 0 : 1);
    }
  });

  it('keeps only the categories every version names while the item is open', () => {
    const narrowed = { ...base, categories: ['feiten'], updatedAt: '2026-12-05T09:00:00.000Z' } as typeof base;
    const widened = {
      ...base,
      categories: ['feiten', 'afspraken', 'opvolging'],
      updatedAt: '2026-12-05T10:00:00.000Z',
    } as typeof base;
    const result = mergeVersions(
      [
        { rev: '2-bbb', payload: { t: 'records', record: widened } },
        { rev: '2-aaa', payload: { t: 'records', record: narrowed } },
      ],
      undefined,
    );
    expect((result.payload.record as typeof base).categories).toEqual(['feiten']);
    expect(result.conflicts.map((c) => c.field)).toEqual(['categories']);
  });

  it('keeps the later date once the worker chose it, when a version from before the choice meets it', () => {
    // Both devices merged and kept 05/12; A's worker then chose 09/12 (a later updatedAt).
    const staleE = { ...onE, updatedAt: onA.updatedAt };
    const chosenA = { ...onA, updatedAt: '2026-12-06T08:00:00.000Z' };
    const key = conflictKey({ recordId: base.id, field: 'withdrawnOn', values: ['2026-12-09', '2026-12-05'] });
    for (const [revE, revA] of [
      ['3-eee', '4-aaa'],
      ['5-eee', '4-aaa'],
    ] as const) {
      const candidates = [
        { rev: revE, payload: { t: 'records', record: staleE } },
        { rev: revA, payload: { t: 'records', record: chosenA } },
      ] as const;
      const chosen = mergeVersions(candidates, undefined, new Set([key]));
      expect((chosen.payload.record as typeof base).withdrawnOn, revE).toBe('2026-12-09');
      // Same values, so the same (closed) item: it is not reopened.
      expect(chosen.conflicts.map((c) => [...c.values].sort())).toEqual([['2026-12-05', '2026-12-09']]);
      // Not chosen yet (the item still open): the earlier date holds.
      const open = mergeVersions(candidates, undefined);
      expect((open.payload.record as typeof base).withdrawnOn, revE).toBe('2026-12-05');
    }
  });
});
