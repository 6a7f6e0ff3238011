import { describe, expect, it } from 'vitest';

import { makeAssessment, makeCase, makeFollowUp, makeParty } from '../../../schema/factories';
import { LISTS, NONE, emptyEntry, entryRows, idsOf, withDamaged, withRecord } from './entries';
import { packIds, unpackIds } from './entry-ids';

describe('packed record ids of a case entry', () => {
  it('gives back every id in order: lowercase UUIDs packed, any other id verbatim', () => {
    const ids = [
      crypto.randomUUID(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      crypto.randomUUID().toUpperCase(),
      '',
      'shard:3',
      'geen-uuid-maar-wel-een-id',
      'é€𝄞',
      'x'.repeat(300),
      crypto.randomUUID(),
    ];
    expect(unpackIds(packIds(ids))).toEqual(ids);
    expect(unpackIds(packIds([]))).toEqual([]);
  });

  it('holds a UUID in 17 one-byte characters', () => {
    const packed = packIds([crypto.randomUUID(), crypto.randomUUID()]);
    expect(packed).toHaveLength(34);
    expect([...packed].every((ch) => ch.charCodeAt(0) < 256)).toBe(true);
  });

  it('survives thousands of ids (packed in slices)', () => {
    const ids = Array.from({ length: 3000 }, () => crypto.randomUUID());
    expect(unpackIds(packIds(ids))).toEqual(ids);
  });
});

describe('case entry lists', () => {
  it('keep record order, replace an updated record in place and drop a damaged mark once the record reads', () => {
    const kase = makeCase();
    const a = makeParty({ caseId: kase.id, pseudonym: 'Jongere A' });
    const b = makeParty({ caseId: kase.id, pseudonym: 'Jongere B' });
    const flag = makeAssessment({ caseId: kase.id });
    let entry = [kase, a, flag, b].reduce(withRecord, emptyEntry());
    entry = withDamaged(entry, a.id, 'party', kase.id);
    expect(entry.x).toEqual(['party']);
    entry = withRecord(entry, { ...a, pseudonym: 'Jongere C' });
    expect(entry.p.map((p) => p.pseudonym)).toEqual(['Jongere C', 'Jongere B']);
    expect(entry.x).toBe(NONE);
    const ids = idsOf(entry);
    expect(ids.p).toEqual([a.id, b.id]);
    expect(ids.a).toEqual([flag.id]);
    expect(entryRows(entry)).toBe(4);
    for (const list of LISTS) expect(ids[list]).toHaveLength(entry[list].length);
  });

  it('share one empty list and keep an open follow-up whole, a done one as its two days', () => {
    const kase = makeCase();
    const open = makeFollowUp({ caseId: kase.id, due: '2026-09-01' });
    const entry = [kase, open].reduce(withRecord, emptyEntry());
    expect(entry.f).toEqual([open]);
    expect(entry.p).toBe(NONE);
    expect(entry.v).toBe(emptyEntry().v);
    const done = withRecord(entry, { ...open, doneOn: '2026-09-02' });
    expect(done.f).toEqual([['2026-09-01', '2026-09-02']]);
    // The entry it came from is not changed.
    expect(entry.f).toEqual([open]);
  });
});
