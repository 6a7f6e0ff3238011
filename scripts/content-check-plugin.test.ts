import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentDir } from './content-check-plugin';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baken-content-'));
  await cp('public/content', dir, { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkContentDir', () => {
  it('accepts the shipped content files', async () => {
    expect(await checkContentDir(dir, 'public/content')).toEqual([]);
  });

  it('names the file and the issue path of an invalid entry', async () => {
    const path = join(dir, 'verwijzingen.json');
    const data = JSON.parse(await readFile(path, 'utf8')) as { entries: { phones: { tel: string }[] }[] };
    const withPhone = data.entries.findIndex((entry) => entry.phones.length > 0);
    const entry = data.entries[withPhone];
    if (!entry?.phones[0]) throw new Error('fixture has no phone');
    entry.phones[0].tel = '116 000';
    await writeFile(path, JSON.stringify(data));

    const problems = await checkContentDir(dir, 'public/content');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`public/content/verwijzingen.json at entries.${withPhone}.phones.0.tel`);
  });

  it('rejects a JSON file that has no schema', async () => {
    await writeFile(join(dir, 'extra.json'), '{}');
    expect(await checkContentDir(dir, 'public/content')).toEqual([
      'public/content/extra.json: no schema for this file; add it to contentFiles in schema/content.ts',
    ]);
  });

  it('reports broken JSON and a missing registered file', async () => {
    await writeFile(join(dir, 'begrippen.json'), '{ nope');
    await rm(join(dir, 'stappenplan.json'));
    const problems = await checkContentDir(dir, 'public/content');
    expect(problems.some((p) => p.startsWith('public/content/begrippen.json: not valid JSON'))).toBe(true);
    expect(problems).toContain('public/content/stappenplan.json: missing, but registered in contentFiles');
  });
});
