// A/B of figure 5 (save one note at 4×) between two builds of the bench harness, alternated in one
// browser profile on one origin, so both builds save into the same seeded logbook (IndexedDB is per
// origin) on the same machine state. Not part of `npm run bench`; for comparing a change with the code
// before it. Build each harness (in the old and the new tree) and put both on one origin: the builds'
// hashed assets side by side in DIR/assets (base `/`, as the app's script URL policy allows only
// /assets/kdf-worker-*.js), each index.html in DIR/a or DIR/b:
//
//   node node_modules/vite/bin/vite.js build --config bench/harness/vite.config.ts --outDir /tmp/build-a --emptyOutDir
//   mkdir -p DIR/assets DIR/a && cp /tmp/build-a/index.html DIR/a/ && cp -n /tmp/build-a/assets/* DIR/assets/
//   (the same with b)
//
// then `node bench/ab-save.mjs --root=/tmp/ab [--rounds=6] [--cases=10000] [--settle=S]` (S seconds of
// rest after seeding). Each round loads each
// build in turn (order alternating per round), unlocks, warms up with 3 saves, then times 8 saves at 4×
// CPU (as figure 5); the seeded logbook is shared. Prints p50/p95/min/max per build and the per-round
// ratio of medians (b ÷ a), and the IndexedDB requests of one save per build (harness saveRequests).
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { launchBenchContext } from './launch.mjs';

const argv = process.argv.slice(2);
/** @param {string} name */
const arg = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const root = arg('root');
if (!root) throw new Error('--root=DIR (with assets/, a/index.html and b/index.html) is required');
const ROUNDS = Number(arg('rounds') ?? 6);
const CASES = Number(arg('cases') ?? 10_000);
const PER_RUN = 8;
const PASSPHRASE = 'bench wachtwoordzin voor de meting';
const log = (/** @type {string} */ m) => console.error(`[ab] ${m}`);

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

const server = await startServer({ root });
const profile = await mkdtemp(join(tmpdir(), 'baken-ab-'));
const context = await launchBenchContext(profile);
context.setDefaultTimeout(600_000);
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  const throttle = (/** @type {number} */ rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
  /** @param {string} build */
  const open = async (build) => {
    await throttle(1);
    await page.goto(`${server.url}/${build}/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.evaluate((secret) => window.bench.setup(secret), PASSPHRASE);
  };

  await open('a');
  log(`seeding ${CASES} cases (build a, 1×)…`);
  const seeded = await page.evaluate((n) => window.bench.seed(n), CASES);
  log(`seeded ${seeded.records} records in ${Math.round(seeded.ms)} ms`);
  // IndexedDB's LevelDB compacts for a while after a large write and competes for the CPU: wait it out.
  const settle = Number(arg('settle') ?? 0);
  if (settle > 0) {
    log(`settling ${settle} s…`);
    await new Promise((resolve) => setTimeout(resolve, settle * 1000));
  }

  /** @type {Record<string, number[]>} */
  const saves = { a: [], b: [] };
  /** @type {Record<string, Record<string, number>>} */
  const requests = {};
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    /** @type {Record<string, number>} */
    const medians = {};
    for (const build of round % 2 ? ['b', 'a'] : ['a', 'b']) {
      await open(build);
      await page.evaluate(() => window.bench.attachSeeded());
      await throttle(4);
      await page.evaluate(() => window.bench.saveNotes(3));
      // Counted after the warm-up (the first save after unlock also loads the case index).
      if (!requests[build]) {
        await throttle(1);
        requests[build] = await page.evaluate(() => window.bench.saveRequests());
        await throttle(4);
      }
      const times = await page.evaluate((n) => window.bench.saveNotes(n), PER_RUN);
      await throttle(1);
      saves[build]?.push(...times);
      medians[build] = percentile(times, 50);
    }
    const ratio = (medians.b ?? NaN) / (medians.a ?? NaN);
    ratios.push(ratio);
    log(
      `round ${round + 1}: median a ${medians.a?.toFixed(1)} ms, b ${medians.b?.toFixed(1)} ms, b÷a ${ratio.toFixed(2)} (load ${loadavg()[0]?.toFixed(1)})`,
    );
  }
  for (const build of ['a', 'b']) {
    const all = saves[build] ?? [];
    log(
      `${build}: ${all.length} saves, p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, ` +
        `min ${Math.min(...all).toFixed(1)}, max ${Math.max(...all).toFixed(1)}`,
    );
    const counts = requests[build] ?? {};
    const total = Object.values(counts).reduce((sum, v) => sum + v, 0);
    log(`${build}: one save: ${total} requests: ${JSON.stringify(counts)}`);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  log(
    `b÷a of round medians: median ${percentile(sorted, 50).toFixed(2)}, min ${sorted[0]?.toFixed(2)}, max ${sorted.at(-1)?.toFixed(2)}`,
  );
} finally {
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
