// Issue 19: fewer, bigger shared chunks. Rolldown's automatic splitting makes
// one common chunk per set of entries that share a module: here ~40 small
// chunks, each with its own import/export code and each gzipped alone. These
// groups merge the shared modules per budget class (scripts/js-classes.mjs), so
// no module changes class: critical code stays in critical chunks, sync and
// team code are never grouped, and main code never moves into them.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChunkingContext, CodeSplittingGroup } from 'rolldown';
import { criticalSources, syncSources, teamSources } from './js-classes.mjs';

type Group = CodeSplittingGroup;
type Context = ChunkingContext;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const entry = `${root}/app/main.tsx`;
const sideSources = [...syncSources, ...teamSources];

interface Sets {
  /** Statically reachable from the entry: loads with the lock screen. */
  entry: Set<string>;
  /** Statically reachable from the knowledge screens and not from the entry. */
  knowledge: Set<string>;
  /** Statically reachable from a lazy module that is not sync or team code. */
  main: Set<string>;
}

function closure(ctx: Context, start: string, into: Set<string>): Set<string> {
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (into.has(id)) continue;
    into.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return into;
}

const relative = (id: string) => (id.startsWith(`${root}/`) ? id.slice(root.length + 1) : id);
const isSide = (id: string) => sideSources.some((path) => relative(id).startsWith(path));

function computeSets(ctx: Context): Sets {
  const entrySet = closure(ctx, entry, new Set());
  const knowledge = new Set<string>();
  for (const source of criticalSources) closure(ctx, `${root}/${source}`, knowledge);
  for (const id of entrySet) knowledge.delete(id);
  // Every lazy module reachable from the entry; sync and team ones are left out with what only they reach.
  const main = new Set<string>();
  const seen = new Set<string>();
  const lazy = [entry];
  while (lazy.length > 0) {
    const from = lazy.pop() ?? '';
    if (seen.has(from)) continue;
    seen.add(from);
    for (const id of closure(ctx, from, new Set())) {
      if (!isSide(from)) main.add(id);
      lazy.push(...(ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
    }
  }
  return { entry: entrySet, knowledge, main };
}

// The graph is the same for every call of one chunking pass; the entry's
// ModuleInfo object is reused within a pass, so it keys the cache.
const cache = new WeakMap<object, Sets>();
function sets(ctx: Context): Sets {
  const key = ctx.getModuleInfo(entry);
  if (!key) throw new Error(`${entry} is not in the module graph`);
  let found = cache.get(key);
  if (!found) {
    found = computeSets(ctx);
    cache.set(key, found);
  }
  return found;
}

const criticalScreens = new Set(criticalSources.map((source) => `${root}/${source}`));

// `$initial` follows every static import, also one the bundler drops: keyring.ts
// takes only a constant from schema/passphrase.ts, which is inlined, so the lock
// screen never loads that module. Its own group (first) keeps it out of the core,
// in a chunk of its own as before, loaded with the passphrase policy.
const notInitial = new Set(['schema/passphrase.ts']);

/**
 * Highest priority first; a group takes its members' dependencies along unless
 * a higher group has them. So the two critical groups must hold every module
 * the critical path uses before the main group takes its share: the knowledge
 * screens import only React from packages (in the core), and their other
 * modules all join knowledge-shared with the packages those use. A critical
 * module that slipped into app-shared would put its ~100 KiB on the critical
 * path, which scripts/js-size.mjs fails loudly.
 */
export const chunkGroups: Group[] = [
  { name: 'passphrase', test: (id) => notInitial.has(relative(id)), priority: 4 },
  // The lock screen's modules: rolldown merges this group into the entry chunk.
  { name: 'core', tags: ['$initial'], priority: 3 },
  // The knowledge screens' modules besides the screens themselves (each keeps its
  // own chunk). Packages come along as dependencies only: barrel imports make the
  // static closure name more of a package than the screens use.
  {
    name: (id, ctx) => (sets(ctx).knowledge.has(id) && !criticalScreens.has(id) ? 'knowledge-shared' : null),
    test: (id) => !id.includes('/node_modules/'),
    priority: 2,
  },
  // Shared by two or more of the lazy screens after unlock (each keeps its own
  // code in its own chunk); never sync or team code.
  {
    name: (id, ctx) => {
      const { entry, knowledge, main } = sets(ctx);
      return main.has(id) && !entry.has(id) && !knowledge.has(id) && !isSide(id) ? 'app-shared' : null;
    },
    minShareCount: 2,
    priority: 1,
  },
];
