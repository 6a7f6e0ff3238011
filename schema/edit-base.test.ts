import { describe, expect, it } from 'vitest';

import { changedMeanwhile, changesFrom, sameValue } from './edit-base';

describe('edit base', () => {
  it('compares stored values deeply, in any key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue(undefined, '')).toBe(false);
  });

  it('sends only the changed fields, with the value each had when the form opened', () => {
    const base = { school: 'Atheneum', className: '4A', realName: 'Lotte Peeters' };
    const { patch, expected } = changesFrom(base, {
      school: 'Atheneum',
      className: '5A',
      realName: undefined,
    });
    expect(patch).toEqual({ className: '5A', realName: undefined });
    expect(Object.keys(patch)).toEqual(['className', 'realName']);
    expect(expected).toEqual({ className: '4A', realName: 'Lotte Peeters' });
  });

  it('finds a field changed meanwhile, and none when only other fields changed', () => {
    // Tab A saved a new school; tab B, opened before, changes the class only.
    const stored = { school: 'Nieuwe school volgens tab A', className: '4A' };
    expect(changedMeanwhile(stored, { className: '4A' })).toBeUndefined();
    // Tab B changes the school too: refused, A's school is not overwritten.
    expect(changedMeanwhile(stored, { school: 'Atheneum' })).toBe('school');
    expect(changedMeanwhile(stored, undefined)).toBeUndefined();
  });

  it('stamps a field the stored record lacks without calling it a change made meanwhile', () => {
    // A case made before cases carried a Rechtsgebied: the form shows the one that applies.
    const stored = { knownOn: '2026-11-02' };
    const { patch, expected } = changesFrom(stored, { knownOn: '2026-11-02', jurisdiction: 'vlaanderen' });
    expect(patch).toEqual({ jurisdiction: 'vlaanderen' });
    expect(changedMeanwhile(stored, expected)).toBeUndefined();
  });
});
