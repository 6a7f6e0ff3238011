/// <reference types="node" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkedEntries, findStaleContent, staleEntries } from './content-stale.mjs';

describe('staleEntries', () => {
  const entries = [
    { where: 'a', lastChecked: '2025-11-30' },
    { where: 'b', lastChecked: '2025-12-01' },
    { where: 'c', lastChecked: '2026-11-21' },
    { where: 'd', lastChecked: '2024-02-29' },
  ];

  it('lists entries checked more than twelve months ago, oldest first', () => {
    expect(staleEntries(entries, '2026-12-01').map((e) => e.where)).toEqual(['d', 'a']);
  });

  it('takes another number of months', () => {
    expect(staleEntries(entries, '2026-12-01', 1).map((e) => e.where)).toEqual(['d', 'a', 'b']);
  });

  it('works across a year boundary', () => {
    expect(staleEntries([{ where: 'x', lastChecked: '2025-12-31' }], '2027-01-01').map((e) => e.where)).toEqual(['x']);
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => staleEntries(entries, '1/12/2026')).toThrow();
  });
});

describe('checkedEntries', () => {
  it('finds every lastChecked in a tree, labelled by id', () => {
    const found = checkedEntries('f.json', {
      lastChecked: '2026-01-01',
      entries: [{ id: 'one', lastChecked: '2025-01-01', nested: { lastChecked: '2024-01-01' } }, { id: 'two' }],
    });
    expect(found).toEqual([
      { where: 'f.json', lastChecked: '2026-01-01' },
      { where: 'f.json › entries › one', lastChecked: '2025-01-01' },
      { where: 'f.json › entries › one › nested', lastChecked: '2024-01-01' },
    ]);
  });
});

describe('findStaleContent', () => {
  it('reads every json file of a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baken-stale-'));
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ entries: [{ id: 'old', lastChecked: '2020-01-01' }] }));
    writeFileSync(join(dir, 'y.json'), JSON.stringify({ entries: [{ id: 'new', lastChecked: '2026-11-01' }] }));
    const result = await findStaleContent(dir, '2026-12-01');
    expect(result.checked).toBe(2);
    expect(result.stale).toEqual([{ where: 'x.json › entries › old', lastChecked: '2020-01-01' }]);
  });

  it('finds the shipped content current on the day it was last checked', async () => {
    const dir = fileURLToPath(new URL('../public/content/', import.meta.url));
    const result = await findStaleContent(dir, '2026-12-01');
    expect(result.checked).toBeGreaterThan(50);
    expect(result.stale).toEqual([]);
  });
});
