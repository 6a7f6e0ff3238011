// Maintainers' check: lists every entry in public/content/*.json whose
// "laatst gecontroleerd" (lastChecked) date is more than 12 months old.
// `npm run content:stale [-- --today YYYY-MM-DD] [--months N]` prints them,
// oldest first, and exits 1 when there are any, 0 when all are current.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every object with a lastChecked date in a content tree, labelled by its path
 * (ids, titles or names where the tree has them).
 * @param {string} fileName
 * @param {unknown} root
 * @returns {{ where: string, lastChecked: string }[]}
 */
export function checkedEntries(fileName, root) {
  /** @type {{ where: string, lastChecked: string }[]} */
  const found = [];
  /** @param {unknown} node @param {string} path */
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path} › ${labelOf(item) ?? String(index)}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = /** @type {Record<string, unknown>} */ (node);
    if (typeof record.lastChecked === 'string') found.push({ where: path, lastChecked: record.lastChecked });
    for (const [key, value] of Object.entries(record)) {
      if (value !== null && typeof value === 'object') walk(value, `${path} › ${key}`);
    }
  };
  walk(root, fileName);
  return found;
}

/** @param {unknown} item @returns {string | undefined} */
function labelOf(item) {
  if (item === null || typeof item !== 'object') return undefined;
  const record = /** @type {Record<string, unknown>} */ (item);
  const label = record.id ?? record.title ?? record.name;
  return typeof label === 'string' ? label : undefined;
}

/**
 * Entries last checked more than `months` calendar months before `today`
 * (ISO dates). An entry checked exactly `months` ago is not yet stale.
 * @param {readonly { where: string, lastChecked: string }[]} entries
 * @param {string} today
 * @param {number} [months]
 */
export function staleEntries(entries, today, months = 12) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) throw new Error(`not an ISO date: ${today}`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const cutoff = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${match[3]}`;
  return entries
    .filter((entry) => entry.lastChecked < cutoff)
    .sort((a, b) => a.lastChecked.localeCompare(b.lastChecked) || a.where.localeCompare(b.where));
}

/**
 * Reads every .json file in `contentDir` and returns its stale entries.
 * @param {string} contentDir
 * @param {string} today
 * @param {number} [months]
 */
export async function findStaleContent(contentDir, today, months = 12) {
  const names = (await readdir(contentDir)).filter((name) => name.endsWith('.json')).sort();
  const entries = [];
  for (const name of names) {
    entries.push(...checkedEntries(name, JSON.parse(await readFile(join(contentDir, name), 'utf8'))));
  }
  return { checked: entries.length, stale: staleEntries(entries, today, months) };
}

/** @param {string[]} argv */
function option(argv, name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const today = option(argv, '--today') ?? new Date().toISOString().slice(0, 10);
  const months = Number(option(argv, '--months') ?? 12);
  const contentDir = fileURLToPath(new URL('../public/content/', import.meta.url));
  const { checked, stale } = await findStaleContent(contentDir, today, months);
  if (stale.length === 0) {
    console.log(`content:stale: all ${checked} entries were checked in the last ${months} months (today ${today}).`);
  } else {
    console.log(`content:stale: ${stale.length} of ${checked} entries not checked for more than ${months} months:`);
    for (const entry of stale) console.log(`  ${entry.lastChecked}  ${entry.where}`);
    process.exitCode = 1;
  }
}
