// Where the gzip bytes of the JS go (issue 19): builds the app with source
// maps into a temporary directory (never dist/), then attributes each chunk's
// gzip size to its sources in proportion to the minified bytes each source
// produced (gzip is not additive, so this is an estimate per module; the total
// per chunk is exact). Prints the biggest packages and app folders, modules
// that are in more than one chunk, and base64 WebAssembly embedded in JS.
//
// `node scripts/js-attribution.mjs [--skip-build] [--out=/tmp/dir] [--top=N]`
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const arg = (/** @type {string} */ name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const out = resolve(arg('out') ?? join(tmpdir(), 'baken-js-attribution'));
const top = Number(arg('top') ?? 25);

if (!argv.includes('--skip-build') || !existsSync(join(out, 'index.html'))) {
  const bin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [bin, 'build', '--outDir', out, '--emptyOutDir', '--sourcemap', '--logLevel', 'error'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('vite build failed');
}

/** A source path as a group: `npm:<package>` or the app folder (two levels). */
function groupOf(/** @type {string} */ source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return `npm:${rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const rel = source.replace(/^(\.\.\/)+/, '').replace(/^.*?\b(app|schema|content|sw)\//, '$1/');
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : rel;
}

const assets = join(out, 'assets');
const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
/** @type {Map<string, number>} */
const byGroup = new Map();
/** @type {Map<string, { gzip: number, chunks: Set<string> }>} */
const byModule = new Map();
let total = 0;
let unmapped = 0;
/** @type {Array<{ file: string, base64Bytes: number, gzipBytes: number }>} */
const wasm = [];
for (const file of files) {
  const code = await readFile(join(assets, file), 'utf8');
  const gz = gzipSync(code, { level: 9 }).length;
  total += gz;
  // base64 WebAssembly: "AGFzbQ" is "\0asm" in base64.
  for (const m of code.matchAll(/AGFzbQ[A-Za-z0-9+/=]{1000,}/g)) {
    wasm.push({ file, base64Bytes: m[0].length, gzipBytes: gzipSync(m[0], { level: 9 }).length });
  }
  const mapFile = join(assets, `${file}.map`);
  if (!existsSync(mapFile)) {
    unmapped += gz;
    byGroup.set(`(no map) ${file}`, (byGroup.get(`(no map) ${file}`) ?? 0) + gz);
    continue;
  }
  const consumer = new SourceMapConsumer(JSON.parse(await readFile(mapFile, 'utf8')));
  const lines = code.split('\n');
  /** @type {Map<string, number>} */
  const chars = new Map();
  /** @type {Array<{ line: number, column: number, source: string | null }>} */
  const mappings = [];
  consumer.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
  for (let i = 0; i < mappings.length; i++) {
    const m = /** @type {typeof mappings[number]} */ (mappings[i]);
    const next = mappings[i + 1];
    const lineLength = lines[m.line - 1]?.length ?? 0;
    const end = next && next.line === m.line ? next.column : lineLength;
    const key = m.source ?? '(generated)';
    chars.set(key, (chars.get(key) ?? 0) + Math.max(0, end - m.column));
  }
  const mapped = [...chars.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [source, n] of chars) {
    const share = (gz * n) / mapped;
    const group = groupOf(source);
    byGroup.set(group, (byGroup.get(group) ?? 0) + share);
    const mod = byModule.get(source) ?? { gzip: 0, chunks: new Set() };
    mod.gzip += share;
    mod.chunks.add(file);
    byModule.set(source, mod);
  }
}

const kib = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`All JS in ${out}/assets: ${kib(total)} gzip (${files.length} files; no source map: ${kib(unmapped)})`);
console.log(`\nBiggest groups (estimated gzip share):`);
for (const [group, bytes] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${kib(bytes).padStart(10)}  ${group}`);
console.log(`\nBiggest modules:`);
for (const [source, m] of [...byModule].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, top))
  console.log(
    `  ${kib(m.gzip).padStart(10)}  ${source.replace(/^(\.\.\/)+/, '')}${m.chunks.size > 1 ? `  (in ${m.chunks.size} chunks)` : ''}`,
  );
const dupes = [...byModule].filter(([, m]) => m.chunks.size > 1).sort((a, b) => b[1].gzip - a[1].gzip);
console.log(`\nModules in more than one chunk: ${dupes.length}`);
for (const [source, m] of dupes.slice(0, top))
  console.log(`  ${kib(m.gzip).padStart(10)}  ${source.replace(/^(\.\.\/)+/, '')} in ${[...m.chunks].join(', ')}`);
console.log(`\nWebAssembly embedded as base64 in JS:`);
if (wasm.length === 0) console.log('  none');
for (const w of wasm) console.log(`  ${w.file}: ${kib(w.base64Bytes)} base64, ${kib(w.gzipBytes)} gzip`);
