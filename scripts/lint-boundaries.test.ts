import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint import boundaries', () => {
  it('fails a schema/ file that imports from app/', async () => {
    const ids = await ruleIdsFor(
      'schema/violation.ts',
      "import { nl } from '../app/i18n/catalogue';\nexport const x = nl;\n",
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('fails a service worker file that imports from app/', async () => {
    const ids = await ruleIdsFor(
      'sw/violation.ts',
      "import { nl } from '../app/i18n/catalogue';\nexport const x = nl;\n",
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('fails a component outside app/data/ that imports dexie', async () => {
    const ids = await ruleIdsFor('app/shell/violation.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('fails code outside app/data/ that uses crypto.subtle or indexedDB', async () => {
    const ids = await ruleIdsFor(
      'app/shell/violation.ts',
      'export const a = crypto.subtle;\nexport const b = window.crypto["subtle"];\nexport const c = indexedDB;\n',
    );
    expect(ids.filter((id) => id === 'no-restricted-syntax')).toHaveLength(2);
    expect(ids).toContain('no-restricted-globals');
  });

  it('allows app/data/ to use dexie and crypto.subtle', async () => {
    const ids = await ruleIdsFor(
      'app/data/allowed.ts',
      "import Dexie from 'dexie';\nexport const x = [Dexie, crypto.subtle];\n",
    );
    expect(ids).toEqual([]);
  });

  it.each([
    ['app/features/logbook/violation.ts', '../../data/store'],
    ['app/features/logbook/violation.ts', '../../data/records-io'],
    ['app/features/logbook/violation.ts', '../../data/db'],
    ['app/features/logbook/violation.ts', '../../data/unit-of-work'],
    ['app/features/logbook/violation.ts', '../../data/ops/notes'],
    ['app/shell/violation.ts', '../data/store'],
    ['app/ui/violation.ts', '../data/db'],
  ])('fails %s when it imports %s', async (filePath, source) => {
    const ids = await ruleIdsFor(filePath, `import * as internal from '${source}';\nexport const x = internal;\n`);
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('allows a feature to call operations, read hooks and the draft API', async () => {
    const ids = await ruleIdsFor(
      'app/features/logbook/allowed.ts',
      "import { runOperation } from '../../data/operations';\n" +
        "import { useDraft } from '../../data/hooks';\n" +
        "import { keepDraft } from '../../data/drafts';\n" +
        'export const x = [runOperation, useDraft, keepDraft];\n',
    );
    expect(ids).toEqual([]);
  });

  it('accepts a schema/ file that only imports zod', async () => {
    const ids = await ruleIdsFor('schema/allowed.ts', "import { z } from 'zod';\nexport const s = z.string();\n");
    expect(ids).toEqual([]);
  });
});
