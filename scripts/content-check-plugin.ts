// Build-time guard for the offline knowledge content: every public/content/*.json
// must have a schema in contentFiles and pass it, and every registered file
// must exist. A bad file fails the build instead of shipping a screen that
// cannot load offline.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { contentFiles } from '../schema/content';

function hasSchema(name: string): name is keyof typeof contentFiles {
  return Object.hasOwn(contentFiles, name);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((part) => String(part)).join('.');
}

/**
 * Validates every .json file in `contentDir` against `contentFiles`.
 * Returns one readable problem per issue (empty when all is well).
 */
export async function checkContentDir(contentDir: string, label = contentDir): Promise<string[]> {
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(contentDir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    return [`${label}: cannot read the content folder (${String(error)})`];
  }

  for (const name of names) {
    const file = `${label}/${name}`;
    if (!hasSchema(name)) {
      problems.push(`${file}: no schema for this file; add it to contentFiles in schema/content.ts`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(contentDir, name), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const result = contentFiles[name].safeParse(json);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`${file} at ${formatPath(issue.path)}: ${issue.message}`);
      }
    }
  }

  for (const name of Object.keys(contentFiles)) {
    if (!names.includes(name)) problems.push(`${label}/${name}: missing, but registered in contentFiles`);
  }
  return problems;
}

/** Fails `vite build` (and `vite` dev start) when a content file is invalid. */
export function contentCheckPlugin(): Plugin {
  let contentDir = join(process.cwd(), 'public', 'content');
  let root = process.cwd();
  return {
    name: 'baken-content-check',
    configResolved(config) {
      root = config.root;
      if (config.publicDir) contentDir = join(config.publicDir, 'content');
    },
    async buildStart() {
      const label = relative(root, contentDir) || contentDir;
      const problems = await checkContentDir(contentDir, label);
      if (problems.length > 0) {
        this.error(`Content check failed:\n  - ${problems.join('\n  - ')}`);
      }
    },
  };
}
