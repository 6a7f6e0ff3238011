// `npm run bench` (issue 9): Baken's performance figures in headless system
// Chromium with a disk-backed profile. Builds the app and the bench harness
// into bench/.out (never the shared dist/), serves them (and the bare
// baseline page) with scripts/serve.mjs, prints a table and writes
// bench/results.json.
//
// Shared machines are noisy, so every timed figure is the median of at least
// 5 runs (printed with min and max), and figures with a baseline are ratios
// from A/B runs alternated in the same run.
//
// Options: --skip-build (reuse the app build in bench/.out/app), --runs=N (default 5, minimum 5),
//          --cases=N (default 10000; smaller only to try the bench quickly),
//          --only=unlock (figure 6 alone), --only=lock (figure 2 alone), --only=scale (issue 19: figures at 1,000 / 10,000 / 50,000
//          cases and their growth; --sizes=… and --figures=… narrow it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBenchContext } from './launch.mjs';
import { budgets, measureJs } from '../scripts/js-size.mjs';
import { startServer } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const argv = process.argv.slice(2);
/** @param {string} name @param {number} fallback */
const numberArg = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const skipBuild = argv.includes('--skip-build');
// `--only=unlock`: just the unlock figure (6), for a quick scoped check.
const onlyUnlock = argv.includes('--only=unlock');
// `--only=lock`: just figure 2 (offline repeat visit to a usable lock screen), A/B alternated.
const onlyLock = argv.includes('--only=lock');
// `--only=scale`: the scale figures (issue 19) at several caseloads, and how each grows.
const onlyScale = argv.includes('--only=scale');
/** @param {string} name */
const listArg = (name) =>
  argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    ?.split(',')
    .filter(Boolean);
// listFull is read with list (the same runs).
const SCALE_FIGURES = ['list', 'listFull', 'overview', 'export', 'unlock', 'heap'];
const scaleSizes = (listArg('sizes') ?? ['1000', '10000', '50000']).map(Number).filter((n) => n > 0);
const scaleFigures = listArg('figures') ?? SCALE_FIGURES;
// The default mode's `--figures=4,5`: only those figures (1 stands for 1a-1c); the results go to bench/results-figures.json.
const defaultFigures = onlyScale ? undefined : listArg('figures');
/** @param {string} id */
const wantFigure = (id) => defaultFigures === undefined || defaultFigures.includes(id);
if (argv.includes('--help')) {
  console.log(`node bench/run.mjs [--runs=N] [--cases=N] [--skip-build] [--only=unlock | --only=lock]
       node bench/run.mjs --only=scale [--sizes=1000,10000,50000] [--figures=${SCALE_FIGURES.join(',')}] [--runs=N]

  --runs=N       runs per figure (at least 5; default 5)
  --cases=N      cases seeded for figures 4, 5, 7, 8 (default 10000)
  --skip-build   reuse the app build in bench/.out/app
  --only=unlock  only figure 6: unlock at 4x CPU (Argon2id in a worker + unwrap),
                 median/min/max of N runs, and unlock + first case opened (per-case
                 key unwrapped on first use); writes bench/results-unlock.json
  --only=lock    only figure 2: offline repeat visit to a usable lock screen at 4x CPU,
                 Baken / bare page, median/min/max of N alternated pairs (app build
                 only, --skip-build reuses it); writes bench/results-lock.json
  --only=scale   issue 19: at each size (default 1,000, 10,000 and 50,000 cases, seeded
                 with bulk writes): case list opened after unlock (4x), Opvolging (4x),
                 auditor export (1x), unlock to a usable case list (4x) and the JS heap
                 after unlock (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage);
                 then the growth per 10x cases (goal: linear or better) and the heap at
                 50,000 (goal <= 60 MB). --sizes and --figures run a part of it.
                 Writes bench/results-scale.json
  --figures=4,5  (default mode) only these figures (1 = 1a-1c, 2 … 8); writes
                 bench/results-figures.json instead of bench/results.json`);
  process.exit(0);
}
const RUNS = Math.max(5, numberArg('runs', 5));
const CASES = numberArg('cases', 10_000);
const PASSPHRASE = 'bench wachtwoordzin voor de meting';
const SEARCH = 'jongere b';
const appOut = 'bench/.out/app';
const harnessOut = 'bench/.out/harness';

/** @param {string} message */
const log = (message) => console.error(`[bench] ${message}`);

// ---------------------------------------------------------------------------
// Statistics and results
// ---------------------------------------------------------------------------

/** @param {number[]} values @param {number} p 0–100, nearest rank */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}
/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
/** @param {number[]} values */
const summary = (values) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values,
});

/**
 * @typedef {{ median: number, min: number, max: number, runs: number[] }} Summary
 * @typedef {{
 *   id: string, figure: string, unit: string, goal: string,
 *   value: number | null, min?: number, max?: number, runs?: number[],
 *   pass: boolean | null, note?: string, detail?: Record<string, unknown>
 * }} Figure
 */

/** @type {Figure[]} */
const figures = [];

/**
 * @param {Omit<Figure, 'pass' | 'value' | 'min' | 'max' | 'runs'>} base
 * @param {Summary | null} stats
 * @param {((value: number) => boolean) | null} meets
 */
function record(base, stats, meets) {
  /** @type {Figure} */
  const figure = stats
    ? {
        ...base,
        value: stats.median,
        min: stats.min,
        max: stats.max,
        runs: stats.runs,
        pass: meets ? meets(stats.median) : null,
      }
    : { ...base, value: null, pass: null };
  figures.push(figure);
  const value = figure.value === null ? 'not measured' : `${fmt(figure.value, figure.unit)}`;
  log(`figure ${figure.id}: ${value} (goal ${figure.goal})${figure.note ? ` — ${figure.note}` : ''}`);
}

/** @param {number} value @param {string} unit */
function fmt(value, unit) {
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'KiB') return `${value.toFixed(1)} KiB`;
  if (unit === 'ms') return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
  return `${value}`;
}

// ---------------------------------------------------------------------------
// Builds
// ---------------------------------------------------------------------------

/** @param {string[]} args */
function vite(args) {
  const bin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
}

function buildApp() {
  if (skipBuild && existsSync(join(appOut, 'index.html'))) {
    log('reusing the app build in bench/.out/app (--skip-build)');
  } else {
    log('production build of the app → bench/.out/app');
    vite(['build', '--outDir', appOut, '--emptyOutDir', '--logLevel', 'warn']);
  }
}

function build() {
  buildApp();
  log('build of the bench harness → bench/.out/harness');
  vite(['build', '--config', 'bench/harness/vite.config.ts']);
}

// ---------------------------------------------------------------------------
// Figure 2: offline repeat visit to a usable lock screen
// ---------------------------------------------------------------------------

// Injected before any page script (bench only, nothing in the app): marks
// when the unlock passphrase field is in the DOM, visible and enabled, and the
// frame after that (rAF + message = after the frame that shows it).
// performance.now() counts from navigation start (performance.timeOrigin).
const usableProbe = `(() => {
  if (window.top !== window) return;
  const mark = {};
  Object.defineProperty(window, '__benchUsable', { value: mark });
  // The password field labelled exactly "Wachtwoordzin" (Baken's has autocomplete="off" since
  // issue 18, so the probe no longer looks for autocomplete="current-password").
  const usable = () => {
    const input = Array.from(document.querySelectorAll('input[type="password"]')).find(
      (el) => el.labels && el.labels[0] && (el.labels[0].textContent || '').trim() === 'Wachtwoordzin',
    );
    if (!input || input.disabled || input.readOnly) return false;
    const rect = input.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const style = getComputedStyle(input);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const observer = new MutationObserver(() => {
    if (mark.dom !== undefined || !usable()) return;
    observer.disconnect();
    mark.dom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        mark.frame = performance.now();
        console.log('bench:usable');
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** @param {import('@playwright/test').Page} page */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(undefined), { once: true }),
      );
    }
  });
}

/**
 * @template T
 * @param {Promise<T>} work
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(work, what, ms = 60_000) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([work, timeout]).finally(() => clearTimeout(timer)));
}

/** A fixed busy loop; run in a page to check that throttling reaches it. */
function busyLoop() {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 30_000_000; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  if (x === 42) console.log(x);
  return performance.now() - start;
}

/**
 * One offline visit of `url` in a new page at 4× CPU.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} url
 * @param {boolean} calibrate
 */
async function visit(context, url, calibrate) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(usableProbe);
    const seen = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:usable', timeout: 60_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await seen;
    const read = () =>
      page.evaluate(() => {
        const mark = /** @type {{ dom?: number, frame?: number }} */ (
          /** @type {unknown} */ (Reflect.get(window, '__benchUsable'))
        );
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
          performance.getEntriesByType('navigation')[0]
        );
        const scripts = performance
          .getEntriesByType('resource')
          .filter((e) => /** @type {PerformanceResourceTiming} */ (e).initiatorType !== 'fetch')
          .map((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd);
        return {
          dom: mark.dom ?? null,
          frame: mark.frame ?? null,
          fcp: fcp ?? null,
          htmlEnd: nav?.responseEnd ?? null,
          resourcesEnd: scripts.length > 0 ? Math.max(...scripts) : null,
        };
      });
    let result = await read();
    for (let i = 0; i < 20 && result.fcp === null; i++) {
      await page.waitForTimeout(100);
      result = await read();
    }
    const loopMs = calibrate ? Math.min(await page.evaluate(busyLoop), await page.evaluate(busyLoop)) : null;
    return { ...result, loopMs };
  } finally {
    await page.close();
  }
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} appUrl
 * @param {string} baselineUrl
 * @param {number} unthrottledLoopMs
 */
async function figureOfflineLockScreen(context, appUrl, baselineUrl, unthrottledLoopMs) {
  log('figure 2: first visits (service workers install, vault is created)');
  const page = await context.newPage();
  await page.goto(appUrl);
  await withTimeout(waitForServiceWorker(page), 'Baken service worker');
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(PASSPHRASE);
  await page.getByRole('checkbox', { name: /Maak ook een herstelcode/ }).uncheck();
  await page.getByRole('button', { name: 'Logboek aanmaken' }).click();
  await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  await page.goto(baselineUrl);
  await withTimeout(waitForServiceWorker(page), 'baseline service worker');
  await page.close();

  await context.setOffline(true);
  try {
    log(`figure 2: ${RUNS} offline visits each at 4× CPU, alternated (after one warm-up each)`);
    await visit(context, `${appUrl}/`, false);
    await visit(context, `${baselineUrl}/`, false);
    /** @type {Array<{ baken: Awaited<ReturnType<typeof visit>>, baseline: Awaited<ReturnType<typeof visit>> }>} */
    const pairs = [];
    for (let i = 0; i < RUNS; i++) {
      const calibrate = i === 0;
      const baken = await visit(context, `${appUrl}/`, calibrate);
      const baseline = await visit(context, `${baselineUrl}/`, calibrate);
      pairs.push({ baken, baseline });
    }
    const usable = (/** @type {{ frame: number | null, dom: number | null }} */ v) => v.frame ?? v.dom ?? Number.NaN;
    const ratios = pairs.map((p) => usable(p.baken) / usable(p.baseline));
    const bakenUsable = summary(pairs.map((p) => usable(p.baken)));
    const baseUsable = summary(pairs.map((p) => usable(p.baseline)));
    const bakenFcp = summary(pairs.map((p) => p.baken.fcp ?? Number.NaN));
    const bakenHtml = median(pairs.map((p) => p.baken.htmlEnd ?? Number.NaN));
    const bakenResources = median(pairs.map((p) => p.baken.resourcesEnd ?? Number.NaN));
    const baseHtml = median(pairs.map((p) => p.baseline.htmlEnd ?? Number.NaN));
    log(
      `figure 2 timeline (medians): Baken HTML from the SW at ${fmt(bakenHtml, 'ms')}, last script/style at ` +
        `${fmt(bakenResources, 'ms')}, lock screen usable at ${fmt(bakenUsable.median, 'ms')}; bare page HTML at ${fmt(baseHtml, 'ms')}`,
    );
    const baseFcp = summary(pairs.map((p) => p.baseline.fcp ?? Number.NaN));
    const first = pairs[0];
    const effective = {
      baken: first?.baken.loopMs ? first.baken.loopMs / unthrottledLoopMs : null,
      baseline: first?.baseline.loopMs ? first.baseline.loopMs / unthrottledLoopMs : null,
    };
    log(
      `figure 2: throttling check in the visited pages: ${effective.baken?.toFixed(1) ?? '?'}× (Baken), ` +
        `${effective.baseline?.toFixed(1) ?? '?'}× (bare page)`,
    );
    record(
      {
        id: '2',
        figure: 'Offline repeat visit → usable lock screen, 4× CPU (Baken ÷ bare page)',
        unit: 'ratio',
        goal: '≤ 1.3',
        note:
          `Baken ${fmt(bakenUsable.median, 'ms')} (${fmt(bakenUsable.min, 'ms')}–${fmt(bakenUsable.max, 'ms')}), ` +
          `bare page ${fmt(baseUsable.median, 'ms')}; FCP Baken ${fmt(bakenFcp.median, 'ms')}, bare ${fmt(baseFcp.median, 'ms')}`,
        detail: {
          bakenUsableMs: bakenUsable,
          baselineUsableMs: baseUsable,
          bakenFcpMs: bakenFcp,
          bakenHtmlEndMs: bakenHtml,
          bakenResourcesEndMs: bakenResources,
          baselineHtmlEndMs: baseHtml,
          baselineFcpMs: baseFcp,
          pairs,
          effectiveThrottle: effective,
        },
      },
      summary(ratios),
      (v) => v <= 1.3,
    );
    return { bakenFcp, baseFcp, effective };
  } finally {
    await context.setOffline(false);
  }
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

/**
 * Builds the bench harness and opens it alone in a disk-backed Chromium
 * profile (the scoped runs: `--only=unlock`, `--only=scale`). `close` ends it
 * all and removes the profile.
 * @param {string} prefix temporary profile name prefix
 * @param {number} timeoutMs default timeout of the page's actions
 */
async function openHarnessAlone(prefix, timeoutMs) {
  // The harness imports the app's data modules itself; the app build is not needed here.
  log('build of the bench harness → bench/.out/harness');
  vite(['build', '--config', 'bench/harness/vite.config.ts']);
  const server = await startServer({ root: harnessOut });
  const profile = await mkdtemp(join(tmpdir(), prefix));
  const context = await launchBenchContext(profile);
  context.setDefaultTimeout(timeoutMs);
  const close = async () => {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const harness = await context.newPage();
    harness.on('pageerror', (e) => log(`harness error: ${e.message}`));
    await harness.goto(`${server.url}/`);
    await harness.waitForFunction(() => document.body.dataset.ready === 'true');
    const cdp = await context.newCDPSession(harness);
    return { harness, cdp, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Writes a scoped run's results (`--only=unlock`, `--only=lock`); the full report is untouched.
 * @param {string} file @param {number} t0 @param {Record<string, unknown>} load @param {Record<string, unknown>} out
 */
async function writeScoped(file, t0, load, out) {
  const durationS = Math.round((Date.now() - t0) / 1000);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, ...load, node: process.version };
  const results = { generatedAt: new Date().toISOString(), durationS, runs: RUNS, machine, ...out, figures };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${file} written (${durationS} s).`);
}

/**
 * Figure 6 on its own (`--only=unlock`): a small seeded logbook, unlock at 4×
 * (and at 1× for comparison), median with min and max. Writes
 * bench/results-unlock.json; the full report is untouched.
 */
async function runUnlockOnly() {
  const t0 = Date.now();
  const { harness, cdp, close } = await openHarnessAlone('baken-bench-unlock-', 120_000);
  /** @type {Record<string, unknown>} */
  const out = {};
  try {
    await harness.evaluate((secret) => window.bench.setup(secret), PASSPHRASE);
    const seeded = await harness.evaluate((n) => window.bench.seed(n), 20);
    log(`seeded ${seeded.cases} cases`);
    /** @param {number} rate */
    const measure = async (rate) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await harness.evaluate(() => window.bench.unlockTimed()); // warm-up
      const unlocks = [];
      const withCase = [];
      for (let i = 0; i < RUNS; i++) {
        unlocks.push(await harness.evaluate(() => window.bench.unlockTimed()));
        withCase.push((await harness.evaluate(() => window.bench.unlockThenOpenCase())).totalMs);
      }
      return { unlock: summary(unlocks), unlockThenCase: summary(withCase) };
    };
    const four = await measure(4);
    const one = await measure(1);
    out.fourX = four;
    out.oneX = one;
    record(
      {
        id: '6',
        figure: 'Unlock (Argon2id 46 MiB, t = 2, p = 1 in a worker + unwrap), 4×',
        unit: 'ms',
        goal: '≤ 1500 ms',
        note:
          `1×: ${fmt(one.unlock.median, 'ms')} (min ${fmt(one.unlock.min, 'ms')}, max ${fmt(one.unlock.max, 'ms')}); ` +
          `unlock + first case opened (case key unwrapped) at 4×: ${fmt(four.unlockThenCase.median, 'ms')} ` +
          `(min ${fmt(four.unlockThenCase.min, 'ms')}, max ${fmt(four.unlockThenCase.max, 'ms')}). ` +
          `DevTools throttling may not slow the KDF worker; 4 × the 1× time is the conservative figure.`,
      },
      four.unlock,
      (v) => v <= 1500,
    );
  } finally {
    await close();
  }
  await writeScoped('bench/results-unlock.json', t0, { loadavg: loadavg() }, out);
}

if (onlyUnlock) {
  await runUnlockOnly();
  process.exit(0);
}

/**
 * Figure 2 on its own (`--only=lock`): the app build and the bare baseline
 * page, each served apart, in one disk-backed profile at 360 px as in the
 * full run. Writes bench/results-lock.json; the full report is untouched.
 */
async function runLockOnly() {
  const t0 = Date.now();
  const loadAtStart = loadavg();
  buildApp();
  const [appServer, baselineServer] = await Promise.all([
    startServer({ root: appOut }),
    startServer({ root: 'bench/baseline' }),
  ]);
  const profile = await mkdtemp(join(tmpdir(), 'baken-bench-lock-'));
  const context = await launchBenchContext(profile, { page: true });
  /** @type {unknown} */
  let effective;
  try {
    const page = await context.newPage();
    const loop1 = Math.min(await page.evaluate(busyLoop), await page.evaluate(busyLoop));
    await page.close();
    ({ effective } = await figureOfflineLockScreen(context, appServer.url, baselineServer.url, loop1));
  } finally {
    await context.close();
    await Promise.all([appServer.close(), baselineServer.close()]);
    await rm(profile, { recursive: true, force: true });
  }
  const loadAtEnd = loadavg();
  console.log(
    `Load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${loadAtEnd
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores.`,
  );
  await writeScoped('bench/results-lock.json', t0, { loadAtStart, loadAtEnd }, { lockScreenThrottle: effective });
}

if (onlyLock) {
  await runLockOnly();
  process.exit(0);
}

/**
 * The scale figures (`--only=scale`, issue 19): each size seeded afresh (bulk
 * writes with new ids), then every figure RUNS times, median with min and max;
 * then how each grows per 10× cases. Writes bench/results-scale.json.
 */
async function runScaleOnly() {
  const t0 = Date.now();
  const loadAtStart = loadavg();
  const { harness, cdp, close } = await openHarnessAlone('baken-bench-scale-', 600_000);
  /** @type {Array<{ cases: number, records: number, seedMs: number, loadavg: number[], figures: Record<string, Summary>, detail: Record<string, unknown> }>} */
  const sizes = [];
  const want = (/** @type {string} */ f) => scaleFigures.includes(f);
  try {
    /** @param {number} rate */
    const throttle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage'));
      return usedSize / (1024 * 1024);
    };
    await harness.evaluate((secret) => window.bench.setup(secret), PASSPHRASE);
    /** @type {import('../schema/audit-aggregates').AuditPeriod} */
    const period = { kind: 'quarter', year: 2026, quarter: 3 };
    for (const n of scaleSizes) {
      await throttle(1);
      log(`scale: seeding ${n} cases (bulk writes, new ids, 1×)…`);
      const seeded = await harness.evaluate((count) => window.bench.seed(count), n);
      log(`scale: ${seeded.cases} cases, ${seeded.records} records in ${fmt(seeded.ms, 'ms')}`);
      /** @type {Record<string, Summary>} */
      const figs = {};
      /** @type {Record<string, unknown>} */
      const detail = {};
      if (want('export')) {
        await harness.evaluate((p) => window.bench.auditorExport(p), period);
        const runs = [];
        for (let i = 0; i < RUNS; i++)
          runs.push((await harness.evaluate((p) => window.bench.auditorExport(p), period)).ms);
        figs.export = summary(runs);
        log(`scale ${n}: auditor export (1×) ${fmt(figs.export.median, 'ms')}`);
      }
      await throttle(4);
      if (want('list')) {
        await harness.evaluate(() => window.bench.caseListOpen());
        const runs = [];
        const full = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await harness.evaluate(() => window.bench.caseListOpen());
          runs.push(r.ms);
          full.push(r.fullMs);
        }
        figs.list = summary(runs);
        // Nothing hidden: the first screen shows from the sealed first page; this is when search and filters work.
        figs.listFull = summary(full);
        log(
          `scale ${n}: case list opened after unlock (4×, first screen) ${fmt(figs.list.median, 'ms')}, ` +
            `full list ready ${fmt(figs.listFull.median, 'ms')}`,
        );
        // Where it goes (one run, 4×, each phase alone): read, count, decrypt, validate, decode, derive, sort; shard KiB.
        const phases = await harness.evaluate(() => window.bench.caseListCost());
        detail.listPhasesMs = phases;
        log(
          `scale ${n}: case list phases (4×) ${Object.entries(phases)
            .map(([k, v]) => `${k} ${k === 'kib' ? v.toFixed(0) : fmt(v, 'ms')}`)
            .join(', ')}`,
        );
      }
      if (want('overview')) {
        const { shown } = await harness.evaluate(() => window.bench.overviewQuery());
        await harness.evaluate((e) => window.bench.overviewRender(e), shown);
        const renders = [];
        for (let i = 0; i < RUNS; i++)
          renders.push(await harness.evaluate((e) => window.bench.overviewRender(e), shown));
        figs.overview = summary(renders.map((r) => r.ms));
        figs.overviewAll = summary(renders.map((r) => r.allMs));
        log(
          `scale ${n}: Opvolging first cards (4×) ${fmt(figs.overview.median, 'ms')}, ` +
            `all ${shown} cards ${fmt(figs.overviewAll.median, 'ms')}`,
        );
      }
      if (want('unlock') || want('heap')) {
        // The heap does not depend on the throttle: alone (--figures=heap) it is read at 1×, which is faster.
        await throttle(want('unlock') ? 4 : 1);
        await harness.evaluate(() => window.bench.unlockToUsable());
        const runs = [];
        const afterUnlock = [];
        const unlockFull = [];
        const heaps = [];
        const locked = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await harness.evaluate(() => window.bench.unlockToUsable());
          runs.push(r.ms);
          afterUnlock.push(r.ms - r.unlockMs);
          unlockFull.push(r.fullMs);
          if (want('heap')) {
            await harness.evaluate(() => window.bench.forgetHarnessState());
            heaps.push(await heapMb());
          }
        }
        if (want('unlock')) {
          figs.unlock = summary(runs);
          detail.unlockIndexPartMs = summary(afterUnlock);
          detail.unlockToFullListMs = summary(unlockFull);
          log(
            `scale ${n}: unlock → usable case list (4×) ${fmt(figs.unlock.median, 'ms')} ` +
              `(of which after the KDF + unwrap: ${fmt(median(afterUnlock), 'ms')}; full list ready ${fmt(median(unlockFull), 'ms')})`,
          );
        }
        if (want('heap')) {
          figs.heap = summary(heaps);
          // The same page locked (index dropped): what the logbook adds to the heap.
          await harness.evaluate(() => window.bench.lockOnly());
          locked.push(await heapMb());
          await harness.evaluate(() => window.bench.unlockToUsable());
          detail.heapLockedMb = locked[0];
          log(
            `scale ${n}: JS heap after unlock ${figs.heap.median.toFixed(1)} MB (locked: ${(locked[0] ?? 0).toFixed(1)} MB)`,
          );
        }
      }
      await throttle(1);
      sizes.push({ cases: n, records: seeded.records, seedMs: seeded.ms, loadavg: loadavg(), figures: figs, detail });
      for (const [id, f] of Object.entries(figs)) {
        const show = (/** @type {number} */ v) => (id === 'heap' ? `${v.toFixed(1)} MB` : fmt(v, 'ms'));
        log(`scale ${n}: ${id} median ${show(f.median)}, min ${show(f.min)}, max ${show(f.max)}`);
      }
      // Kept after every size, so a run stopped at a larger size still leaves its figures.
      await writeFile('bench/results-scale.json', `${JSON.stringify({ partial: true, runs: RUNS, sizes }, null, 2)}\n`);
    }
  } finally {
    await close();
  }
  // Growth: per 10× cases, (v_b / v_a) ^ (1 / log10(b / a)); linear is 10, better is less.
  const names = {
    list: 'Case list opened after unlock (first screen), 4×',
    listFull: 'Case list full list ready after unlock (search, filters), 4×',
    overview: 'Opvolging (first cards of the real screen), 4×',
    export: 'Anonymised auditor export, 1×',
    unlock: 'Unlock → usable case list (first screen), 4×',
    heap: 'JS heap after unlock (after GC), MB',
  };
  /** @type {Array<Record<string, unknown>>} */
  const growth = [];
  console.log('');
  for (const id of SCALE_FIGURES) {
    const points = sizes.filter((s) => s.figures[id] !== undefined);
    if (points.length === 0) continue;
    const unit = id === 'heap' ? 'MB' : 'ms';
    const show = (/** @type {number} */ v) => (unit === 'MB' ? `${v.toFixed(1)} MB` : fmt(v, 'ms'));
    const cells = points.map((p) => {
      const f = /** @type {Summary} */ (p.figures[id]);
      return `${p.cases.toLocaleString('en')}: ${show(f.median)} (${show(f.min)}–${show(f.max)})`;
    });
    /** @type {number[]} */
    const per10 = [];
    for (let i = 1; i < points.length; i++) {
      const a = /** @type {typeof points[number]} */ (points[i - 1]);
      const b = /** @type {typeof points[number]} */ (points[i]);
      const va = /** @type {Summary} */ (a.figures[id]).median;
      const vb = /** @type {Summary} */ (b.figures[id]).median;
      per10.push((vb / va) ** (1 / Math.log10(b.cases / a.cases)));
    }
    const linear = per10.length === 0 ? null : per10.every((r) => r <= 10);
    const last = points[points.length - 1];
    const heapPass =
      id === 'heap' && last && last.cases >= 50_000 ? /** @type {Summary} */ (last.figures.heap).median <= 60 : null;
    growth.push({
      id,
      figure: names[/** @type {keyof typeof names} */ (id)],
      per10x: per10,
      linearOrBetter: linear,
      heapAt50kWithin60MB: heapPass,
    });
    console.log(`${names[/** @type {keyof typeof names} */ (id)]}: ${cells.join('; ')}`);
    if (per10.length > 0)
      console.log(
        `  growth per 10× cases: ${per10.map((r) => `${r.toFixed(2)}×`).join(', ')} → ${linear ? 'linear or better' : 'WORSE than linear'}`,
      );
    if (heapPass !== null)
      console.log(`  heap at ${last?.cases.toLocaleString('en')} cases ≤ 60 MB: ${heapPass ? 'pass' : 'MISS'}`);
  }
  const loadAtEnd = loadavg();
  console.log(
    `Load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${loadAtEnd
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores (per size in the JSON).`,
  );
  const results = {
    generatedAt: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 1000),
    runs: RUNS,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, loadAtStart, loadAtEnd, node: process.version },
    sizes,
    growth,
  };
  await writeFile('bench/results-scale.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench/results-scale.json written (${results.durationS} s).`);
}

if (onlyScale) {
  await runScaleOnly();
  process.exit(0);
}

const started = Date.now();
const loadAtStart = loadavg();
// The app build serves figures 1 and 2 only (`--figures=` may leave both out).
if (wantFigure('1') || wantFigure('2')) build();
else vite(['build', '--config', 'bench/harness/vite.config.ts']);

// Figure 1: deterministic sizes from the build manifest (also enforced in npm test).
if (wantFigure('1')) {
  const sizes = await measureJs(appOut);
  record(
    {
      id: '1a',
      figure: 'JS gzip, critical path (lock screen + knowledge screens)',
      unit: 'KiB',
      goal: `≤ ${budgets.criticalKiB} KiB`,
      note: `${sizes.critical.length} chunks; deterministic, checked in npm test`,
    },
    summary([sizes.criticalBytes / 1024]),
    (v) => v <= budgets.criticalKiB,
  );
  record(
    {
      id: '1b',
      figure: 'JS gzip, all',
      unit: 'KiB',
      goal: `≤ ${budgets.allKiB} KiB`,
      note: `${sizes.all.length} files`,
    },
    summary([sizes.allBytes / 1024]),
    (v) => v <= budgets.allKiB,
  );
  record(
    {
      id: '1c',
      figure: 'WebAssembly gzip (Argon2id, base64 in the KDF worker chunk)',
      unit: 'KiB',
      goal: `≤ ${budgets.wasmKiB} KiB`,
      note: 'counted apart from JS (issue 19)',
    },
    summary([sizes.wasmBytes / 1024]),
    (v) => v <= budgets.wasmKiB,
  );
}

const servers = await Promise.all([
  startServer({ root: appOut }),
  startServer({ root: 'bench/baseline' }),
  startServer({ root: harnessOut }),
]);
const [appServer, baselineServer, harnessServer] = servers;
const profile = await mkdtemp(join(tmpdir(), 'baken-bench-'));
const context = await launchBenchContext(profile, { page: true });

/** @type {Record<string, unknown>} */
const extra = {};
try {
  const harness = await context.newPage();
  harness.on('pageerror', (e) => log(`harness error: ${e.message}`));
  await harness.goto(`${harnessServer.url}/`);
  await harness.waitForFunction(() => document.body.dataset.ready === 'true');
  const userAgent = await harness.evaluate(() => navigator.userAgent);
  const cdp = await context.newCDPSession(harness);
  /** @param {number} rate */
  const throttle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });

  // The same busy loop at 1× and 4×: shows that throttling reaches the page.
  const loopMs = async () => Math.min(await harness.evaluate(busyLoop), await harness.evaluate(busyLoop));
  await throttle(1);
  const loop1 = await loopMs();
  await throttle(4);
  const loop4 = await loopMs();
  await throttle(1);
  extra.throttleCheck = { loop1xMs: loop1, loop4xMs: loop4, effective: loop4 / loop1 };
  log(
    `CPU throttling check: busy loop ${fmt(loop1, 'ms')} at 1×, ${fmt(loop4, 'ms')} at 4× (${(loop4 / loop1).toFixed(1)}×)`,
  );

  // Figure 2 ----------------------------------------------------------------
  if (wantFigure('2')) {
    const offline = await figureOfflineLockScreen(context, appServer.url, baselineServer.url, loop1);
    extra.lockScreenThrottle = offline.effective;
  }

  await harness.evaluate((secret) => window.bench.setup(secret), PASSPHRASE);

  // Figure 3 ----------------------------------------------------------------
  if (wantFigure('3')) {
    log(`figure 3: bulk write of ${CASES} encrypted cases vs raw IndexedDB, 1×, ${RUNS} alternated pairs`);
    await harness.evaluate((n) => window.bench.prepareBulk(n), CASES);
    const bulk = [];
    for (let i = 0; i < RUNS; i++) {
      const baken = await harness.evaluate(() => window.bench.writeBaken());
      const raw = await harness.evaluate(() => window.bench.writeRaw());
      bulk.push({ baken: baken.ms, raw: raw.ms, bytes: baken.bytes, rows: raw.rows });
    }
    await harness.evaluate(() => window.bench.clearRecords());
    const writeCost = await harness.evaluate(() => window.bench.writeCost());
    extra.writeCost = writeCost;
    log(
      `figure 3 parts (each alone): validate ${fmt(writeCost.validateMs, 'ms')}, encrypt ${fmt(writeCost.encryptMs, 'ms')}, ` +
        `existence check records.bulkGet ${fmt(writeCost.recordsGetMs, 'ms')}, audit.bulkGet ${fmt(writeCost.auditGetMs, 'ms')}`,
    );
    // Where saveRecords' time goes, step by step (each awaited alone, so their sum exceeds the real write).
    /** @type {Array<Record<string, number>>} */
    const parts = [];
    for (let i = 0; i < 3; i++) parts.push(await harness.evaluate(() => window.bench.writeParts()));
    extra.writeParts = parts;
    const partNames = Object.keys(parts[0] ?? {});
    log(
      `figure 3 steps (median of ${parts.length}, each awaited alone): ` +
        partNames.map((name) => `${name} ${median(parts.map((p) => p[name] ?? Number.NaN)).toFixed(0)}`).join(', '),
    );
    const lean = [];
    for (let i = 0; i < 3; i++) {
      const ms = await harness.evaluate(() => window.bench.writeLean());
      const raw = await harness.evaluate(() => window.bench.writeRaw());
      lean.push(ms / raw.ms);
    }
    extra.writeLeanRatio = summary(lean);
    log(
      `figure 3 what-if: validate + encrypt + bulkPut without the existence reads ÷ raw = ${median(lean).toFixed(2)}×`,
    );
    const bakenWrite = summary(bulk.map((b) => b.baken));
    const rawWrite = summary(bulk.map((b) => b.raw));
    record(
      {
        id: '3',
        figure: `Bulk write of ${CASES} encrypted cases ÷ raw IndexedDB put (same rows, one transaction)`,
        unit: 'ratio',
        goal: '≤ 1.6',
        note: `saveRecords ${fmt(bakenWrite.median, 'ms')}, raw put ${fmt(rawWrite.median, 'ms')} (${Math.round((bulk[0]?.bytes ?? 0) / 1024)} KiB ciphertext)`,
        detail: { bakenMs: bakenWrite, rawMs: rawWrite, pairs: bulk, parts: writeCost, leanRatio: summary(lean) },
      },
      summary(bulk.map((b) => b.baken / b.raw)),
      (v) => v <= 1.6,
    );
  }

  // Seed the logbook once for figures 4–8 ----------------------------------
  if (['4', '5', '7', '8'].some(wantFigure)) {
    log(`seeding ${CASES} cases with betrokkenen, consent, assessment, notes, follow-ups (1×)…`);
    const seeded = await harness.evaluate((n) => window.bench.seed(n), CASES);
    extra.seed = seeded;
    log(`seeded ${seeded.records} records (${seeded.openFollowUps} open follow-ups) in ${fmt(seeded.ms, 'ms')}`);

    // Diagnostics: what one record read costs (decrypt + parse vs validation).
    // Not fatal: a diagnostic.
    try {
      const readCost1x = await harness.evaluate(() => window.bench.readCost(2000));
      await throttle(4);
      const readCost4x = await harness.evaluate(() => window.bench.readCost(2000));
      await throttle(1);
      extra.readCost = { oneX: readCost1x, fourX: readCost4x };
      log(
        `read cost of ${readCost1x.rows} records at 1× / 4×: decrypt+parse ${fmt(readCost1x.decryptMs, 'ms')} / ${fmt(readCost4x.decryptMs, 'ms')}, ` +
          `restoreRecord (zod) ${fmt(readCost1x.validateMs, 'ms')} / ${fmt(readCost4x.validateMs, 'ms')}, ` +
          `openRecordRow ${fmt(readCost1x.openMs, 'ms')} / ${fmt(readCost4x.openMs, 'ms')}`,
      );
    } catch (e) {
      await throttle(1);
      log(`read cost diagnostics skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Figure 7 (1×) -----------------------------------------------------------
  if (wantFigure('7')) {
    log(`figure 7: auditor export of ${CASES} cases, 1×, ${RUNS} runs`);
    /** @type {import('../schema/audit-aggregates').AuditPeriod} */
    const period = { kind: 'quarter', year: 2026, quarter: 3 };
    const exports = [];
    for (let i = 0; i < RUNS; i++) exports.push(await harness.evaluate((p) => window.bench.auditorExport(p), period));
    const exportRead = await harness.evaluate(() => window.bench.exportReadCost());
    extra.exportReadCost = exportRead;
    log(
      `figure 7 parts: reading the parts of every case with where('caseId').anyOf(ids) ${fmt(exportRead.anyOfMs, 'ms')}, ` +
        `with one where('kind').equals(kind) per kind ${fmt(exportRead.byKindMs, 'ms')}`,
    );
    record(
      {
        id: '7',
        figure: `Anonymised auditor export of ${CASES} cases (read + decrypt + aggregate + CSV/JSON), 1×`,
        unit: 'ms',
        goal: '≤ 2000 ms',
        note: `${exports[0]?.cases ?? 0} cases in the period (2026-Q3)`,
      },
      summary(exports.map((e) => e.ms)),
      (v) => v <= 2000,
    );
  }

  // Figure 8 (4×) -----------------------------------------------------------
  if (wantFigure('8')) {
    log(`figure 8: case list search, typing "${SEARCH}" at 4×, ${RUNS} runs`);
    const list1x = await harness.evaluate(() => window.bench.loadCaseList());
    await throttle(4);
    const list4x = await harness.evaluate(() => window.bench.loadCaseList());
    extra.caseListLoad = { oneX: list1x, fourX: list4x };
    await harness.evaluate((q) => window.bench.typeQuery(q), SEARCH);
    const typing = [];
    for (let i = 0; i < RUNS; i++) typing.push(await harness.evaluate((q) => window.bench.typeQuery(q), SEARCH));
    const worstPerRun = typing.map((run) => Math.max(...run.map((k) => k.ms)));
    const allKeys = typing.flat().map((k) => k.ms);
    const filterKeys = typing.flat().map((k) => k.filterMs);
    const sortKeys = typing.flat().map((k) => k.sortMs);
    record(
      {
        id: '8',
        figure: `Case list search over ${CASES} cases, 4×: slowest keystroke of "${SEARCH}"`,
        unit: 'ms',
        goal: '≤ 100 ms per keystroke',
        note:
          `filter + sort + first page; median keystroke ${fmt(median(allKeys), 'ms')} ` +
          `(filterCaseList ${fmt(median(filterKeys), 'ms')}, sortByNextFollowUp ${fmt(median(sortKeys), 'ms')}); ` +
          `opening the list (readCaseList) took ${fmt(list4x.ms, 'ms')} at 4×, ${fmt(list1x.ms, 'ms')} at 1×`,
        detail: { keystrokes: typing },
      },
      summary(worstPerRun),
      (v) => v <= 100,
    );
  }

  // Figure 4 (4×) -----------------------------------------------------------
  if (wantFigure('4')) {
    await throttle(4);
    log(`figure 4: follow-up overview at ${CASES} cases, 4×, ${RUNS + 2} runs`);
    const { shown } = await harness.evaluate(() => window.bench.overviewQuery());
    await harness.evaluate((e) => window.bench.overviewRender(e), shown);
    const queries = [];
    const renders = [];
    for (let i = 0; i < RUNS + 2; i++) {
      queries.push(await harness.evaluate(() => window.bench.overviewQuery()));
      renders.push(await harness.evaluate((e) => window.bench.overviewRender(e), shown));
    }
    const querySummary = summary(queries.map((q) => q.ms));
    const parts = [];
    for (let i = 0; i < 3; i++) parts.push(await harness.evaluate(() => window.bench.overviewCost()));
    const overviewParts = {
      indexMs: median(parts.map((p) => p.indexMs)),
      deriveMs: median(parts.map((p) => p.deriveMs)),
      firstDomMs: median(renders.map((r) => r.firstDomMs)),
    };
    const allCards = summary(renders.map((r) => r.allMs));
    log(
      `figure 4 parts: reading + decrypting the case index from disk (once per unlock) ${fmt(overviewParts.indexMs, 'ms')}, ` +
        `deriving the overview (${parts[0]?.shown ?? 0} shown) from memory ${fmt(overviewParts.deriveMs, 'ms')}; ` +
        `the screen's first DOM after ${fmt(overviewParts.firstDomMs, 'ms')}; ` +
        `all ${shown} cards after ${fmt(allCards.median, 'ms')} (${fmt(allCards.min, 'ms')} – ${fmt(allCards.max, 'ms')})`,
    );
    record(
      {
        id: '4',
        figure: `Follow-up overview at ${CASES} cases, 4×: query + decrypt + first render of the real screen`,
        unit: 'ms',
        goal: '≤ 50 ms',
        note:
          `mount of FollowUpScreen until its first cards are in the DOM (${renders[0]?.firstCards ?? 0} cards; ` +
          `all ${shown} after ${fmt(allCards.median, 'ms')}, ${fmt(allCards.min, 'ms')} – ${fmt(allCards.max, 'ms')}); query + decrypt alone ` +
          `(readFollowUpOverview) ${fmt(querySummary.median, 'ms')}; ${queries[0]?.total ?? 0} open`,
        detail: { queryMs: querySummary, renders, allCardsMs: allCards, parts: overviewParts },
      },
      summary(renders.map((r) => r.ms)),
      (v) => v <= 50,
    );
  }

  // Figure 5 (4×) -----------------------------------------------------------
  if (wantFigure('5')) {
    await throttle(4);
    const perRun = 8;
    log(`figure 5: save one note at 4×, ${RUNS} runs × ${perRun} saves`);
    await harness.evaluate(() => window.bench.saveNotes(3));
    /** @type {number[][]} */
    const saves = [];
    for (let i = 0; i < RUNS; i++) saves.push(await harness.evaluate((n) => window.bench.saveNotes(n), perRun));
    const allSaves = saves.flat();
    const p50 = percentile(allSaves, 50);
    const p95 = percentile(allSaves, 95);
    figures.push({
      id: '5',
      figure: `Save one note (appendNote) at 4×, p95 over ${allSaves.length} saves`,
      unit: 'ms',
      goal: 'p95 ≤ 50 ms',
      value: p95,
      min: Math.min(...allSaves),
      max: Math.max(...allSaves),
      runs: allSaves,
      pass: p95 <= 50,
      note: `p50 ${fmt(p50, 'ms')}, p95 ${fmt(p95, 'ms')}; per-run medians ${saves.map((s) => fmt(median(s), 'ms')).join(', ')}`,
    });
    log(`figure 5: p50 ${fmt(p50, 'ms')}, p95 ${fmt(p95, 'ms')} (goal p95 ≤ 50 ms)`);
  }

  // Figure 6 (4×) -----------------------------------------------------------
  if (wantFigure('6')) {
    await throttle(4);
    log(`figure 6: unlock at 4×, alternated with the pure-JS KDF on the throttled main thread, ${RUNS} runs`);
    const kdfOk = await harness.evaluate(() => window.bench.checkPureKdf());
    const sampleIterations = 30_000;
    const scale = 600_000 / sampleIterations;
    const unlocks = [];
    const pure = [];
    await harness.evaluate(() => window.bench.unlockTimed());
    for (let i = 0; i < RUNS; i++) {
      unlocks.push(await harness.evaluate(() => window.bench.unlockTimed()));
      pure.push((await harness.evaluate((n) => window.bench.pureKdf(n), sampleIterations)) * scale);
    }
    await throttle(1);
    const pure1x = [];
    for (let i = 0; i < 3; i++)
      pure1x.push((await harness.evaluate((n) => window.bench.pureKdf(n), sampleIterations)) * scale);
    const pureSummary = summary(pure);
    record(
      {
        id: '6',
        // Issue 18: Argon2id in a worker; goal 1.5 s at 4x. DevTools CPU throttling
        // may not slow a dedicated worker, so SECURITY.md also gives 4x the 1x time.
        figure: 'Unlock (Argon2id 46 MiB, t = 2, p = 1 in a worker + unwrap), 4×',
        unit: 'ms',
        goal: '≤ 1500 ms',
        note:
          `legacy PBKDF2-SHA-256 600,000 in pure JS on the throttled main thread: ${fmt(pureSummary.median, 'ms')} at 4×, ` +
          `${fmt(median(pure1x), 'ms')} at 1× (extrapolated from ${sampleIterations.toLocaleString('en')} iterations; ` +
          `${kdfOk ? 'matches WebCrypto' : 'DOES NOT match WebCrypto'})`,
        detail: { pureJs4xMs: pureSummary, pureJs1xMs: summary(pure1x), pureMatchesWebCrypto: kdfOk },
      },
      summary(unlocks),
      (v) => v <= 1500,
    );
  }
  extra.userAgent = userAgent;
} finally {
  await context.close();
  await Promise.all(servers.map((s) => s.close()));
  await rm(profile, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const order = ['1a', '1b', '1c', '2', '3', '4', '5', '6', '7', '8'];
figures.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
const rows = figures.map((f) => [
  f.id,
  f.figure,
  f.value === null ? 'not measured' : fmt(f.value, f.unit),
  f.min === undefined || f.max === undefined || (f.runs?.length ?? 0) < 2
    ? ''
    : `${fmt(f.min, f.unit)} – ${fmt(f.max, f.unit)}`,
  f.goal,
  f.pass === null ? '—' : f.pass ? 'pass' : 'MISS',
]);
const header = ['#', 'Figure', 'Median', 'Min – max', 'Goal', 'Result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (/** @type {string[]} */ cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log('');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log('');
for (const f of figures) if (f.note) console.log(`${f.id}: ${f.note}`);
const check = /** @type {{ loop1xMs: number, loop4xMs: number, effective: number } | undefined} */ (
  extra.throttleCheck
);
if (check) {
  console.log(
    `\nCPU throttling check (wall clock of one busy loop): ${fmt(check.loop1xMs, 'ms')} at 1×, ${fmt(check.loop4xMs, 'ms')} at 4× ` +
      `(${check.effective.toFixed(1)}×). Chromium throttles by suspending the page's main thread; on a busy shared ` +
      `machine the thread already waits for a core, so the slowdown seen is below 4× and every timing is noisy.`,
  );
}
console.log(`Load average at the start: ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}.`);
console.log(
  `Load average during the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores.`,
);

const results = {
  generatedAt: new Date().toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  runs: RUNS,
  cases: CASES,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAtStart,
    loadavg: loadavg(),
    node: process.version,
  },
  ...extra,
  figures,
};
const resultsFile = defaultFigures === undefined ? 'bench/results.json' : 'bench/results-figures.json';
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${resultsFile} written (${results.durationS} s).`);
