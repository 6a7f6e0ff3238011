import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildSearchIndex, filterCaseList, searchFields, sortByNextFollowUp } from './case-list';
import type { CaseListItem, OkCaseListItem } from './case-list';
import { matchesQuery } from './text-search';

let n = 0;
function item(overrides: Partial<OkCaseListItem> = {}): OkCaseListItem {
  n += 1;
  return {
    ok: true,
    id: `id-${n}`,
    reference: `2026-${String(n).padStart(3, '0')}`,
    status: 'open',
    types: ['sexting'],
    schools: ['Atheneum Berchem'],
    pseudonyms: ['Jongere A'],
    knownOn: '2026-03-01',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
const damaged: CaseListItem = { ok: false, id: 'kapot', problem: 'beschadigd' };
const ids = (items: readonly CaseListItem[]) => items.map((i) => i.id);

describe('filterCaseList', () => {
  const jozef = item({ schools: ['Sint-Jozefscollege'], pseudonyms: ['Zoë', 'Jongere B'], id: 'jozef' });
  const ref = item({ reference: '2025-120', schools: ['Lyceum'], id: 'ref' });
  const list: CaseListItem[] = [jozef, ref, damaged];

  it('finds a school whatever the accents, case and hyphens in the query', () => {
    expect(ids(filterCaseList(list, { query: 'sint jozef' }))).toEqual(['jozef']);
    expect(ids(filterCaseList(list, { query: 'SINT-JOZEF' }))).toEqual(['jozef']);
  });

  it('finds a pseudonym with or without its diacritics', () => {
    expect(ids(filterCaseList(list, { query: 'zoe' }))).toEqual(['jozef']);
    expect(ids(filterCaseList(list, { query: 'Zoë' }))).toEqual(['jozef']);
  });

  it('finds the reference, and needs every word to match somewhere', () => {
    expect(ids(filterCaseList(list, { query: '2025-120' }))).toEqual(['ref']);
    expect(ids(filterCaseList(list, { query: 'jongere lyceum' }))).toEqual(['ref']);
    expect(ids(filterCaseList(list, { query: 'zoe lyceum' }))).toEqual([]);
  });

  it('does not search the description or other fields', () => {
    expect(filterCaseList([item({ knownOn: '2026-03-01' })], { query: '2026-03-01' })).toEqual([]);
  });

  it('keeps everything, damaged cases included, without query or filters', () => {
    expect(ids(filterCaseList(list, { query: '  ' }))).toEqual(['jozef', 'ref', 'kapot']);
  });

  it('filters on status, type and latest flag together with the query', () => {
    const a = item({ status: 'in-rust', types: ['grooming', 'sextortion'], latestFlag: 'rood', id: 'a' });
    const b = item({ status: 'open', types: ['grooming'], latestFlag: 'geel', id: 'b' });
    const c = item({ status: 'afgesloten', types: ['sexting'], id: 'c' });
    const all = [a, b, c, damaged];
    expect(ids(filterCaseList(all, { query: '', status: 'in-rust' }))).toEqual(['a']);
    expect(ids(filterCaseList(all, { query: '', type: 'grooming' }))).toEqual(['a', 'b']);
    expect(ids(filterCaseList(all, { query: '', flag: 'geel' }))).toEqual(['b']);
    expect(ids(filterCaseList(all, { query: '', type: 'grooming', flag: 'rood', status: 'in-rust' }))).toEqual(['a']);
    expect(ids(filterCaseList(all, { query: 'berchem', status: 'afgesloten' }))).toEqual(['c']);
  });

  it('gives the same answer as matchesQuery over reference, pseudonyms and schools', () => {
    const word = fc.constantFrom('Zoë', 'zoe', 'Sint-Jozef', 'sint', 'jozef', 'ÉCOLE', 'ecole', '2026-0', 'A', 'b', '');
    const text = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 2 }),
        text,
        (pseudonyms, schools, query) => {
          const it = item({ pseudonyms, schools });
          buildSearchIndex([it]);
          const expected = matchesQuery(searchFields(it), query);
          const found = filterCaseList([it], { query, status: 'open' }).length === 1;
          expect(found).toBe(expected);
        },
      ),
    );
  });
});

describe('sortByNextFollowUp', () => {
  it('puts the soonest follow-up first, cases without one after, then the most recently changed', () => {
    const late = item({ nextFollowUp: '2026-04-01', id: 'late' });
    const soon = item({ nextFollowUp: '2026-03-20', id: 'soon' });
    const soonNewer = item({ nextFollowUp: '2026-03-20', updatedAt: '2026-03-05T10:00:00.000Z', id: 'soon-newer' });
    const noneOld = item({ updatedAt: '2026-01-01T10:00:00.000Z', id: 'none-old' });
    const noneNew = item({ updatedAt: '2026-03-10T10:00:00.000Z', id: 'none-new' });
    const input = [noneOld, damaged, late, noneNew, soon, soonNewer];
    expect(ids(sortByNextFollowUp(input))).toEqual(['soon-newer', 'soon', 'late', 'none-new', 'none-old', 'kapot']);
    expect(ids(input)).toEqual(['none-old', 'kapot', 'late', 'none-new', 'soon', 'soon-newer']);
  });
});
