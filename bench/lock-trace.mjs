// Figure 2 diagnostic (issue 19), not a bench figure: traces offline repeat
// visits to the lock screen at 4x CPU (after one warm-up), alternated with the
// bare page, and prints per visit when the field is in the DOM and usable
// (MutationObserver, DOMContentLoaded or first rAF, whichever sees it first),
// the frame after it, first paint / FCP, each resource, the app's JS main-thread
// time before the frame mark and the long tasks between the field and the frame.
//   node bench/lock-trace.mjs [app build dir, default bench/.out/app] [visits, default 3]
// TRACE=1 also prints the main events of each trace.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launchBenchContext } from './launch.mjs';

const appOut = process.argv[2] ?? 'bench/.out/app';
const N = Number(process.argv[3] ?? 3);
const PASSPHRASE = 'bench wachtwoordzin voor de meting';

const probe = `(() => {
  if (window.top !== window) return;
  const log = [];
  Object.defineProperty(window, '__diag', { value: log });
  const at = (what) => { log.push([what, Math.round(performance.now())]); performance.mark('diag:' + what); };
  const find = () => Array.from(document.querySelectorAll('input[type="password"]')).find(
      (el) => el.labels && el.labels[0] && (el.labels[0].textContent || '').trim() === 'Wachtwoordzin');
  let seen = false, usableSeen = false, mo = 0;
  const check = (src) => {
    const input = find();
    if (!input) return;
    if (!seen) { seen = true; at('input-in-dom(' + src + ')'); }
    if (usableSeen) return;
    const rect = input.getBoundingClientRect();
    const style = getComputedStyle(input);
    if (!input.disabled && rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none') {
      usableSeen = true; at('usable(' + src + ')');
      requestAnimationFrame(() => { at('raf-after-usable'); const c = new MessageChannel(); c.port1.onmessage = () => at('frame-after-usable'); c.port2.postMessage(0); });
    }
  };
  new MutationObserver(() => { mo++; if (mo === 1) at('first-mutation-callback'); check('mo'); }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', () => { at('DOMContentLoaded'); check('dcl'); });
  window.addEventListener('load', () => at('load'));
  requestAnimationFrame(() => { at('first-raf'); check('raf'); });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([e.name, Math.round(e.startTime)]); }).observe({ type: 'paint', buffered: true });
})();`;

const [server, base] = await Promise.all([startServer({ root: appOut }), startServer({ root: 'bench/baseline' })]);
const profile = await mkdtemp(join(tmpdir(), 'baken-diag-lock-'));
const context = await launchBenchContext(profile, { page: true });
try {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(PASSPHRASE);
  await page.getByRole('checkbox', { name: /Maak ook een herstelcode/ }).uncheck();
  await page.getByRole('button', { name: 'Logboek aanmaken' }).click();
  await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  await page.goto(base.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.close();
  await context.setOffline(true);
  for (let i = 0; i < N + 1; i++) {
    for (const url of [server.url, base.url]) {
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.addInitScript(probe);
      const events = [];
      cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,v8.execute,blink.user_timing,loading,disabled-by-default-devtools.timeline',
        transferMode: 'ReportEvents',
      });
      await p.goto(`${url}/`, { waitUntil: 'load' });
      await p.waitForTimeout(1500);
      const log = await p.evaluate(() => Reflect.get(window, '__diag'));
      const res = await p.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]),
      );
      const nav = await p.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return [Math.round(n.responseEnd), Math.round(n.domInteractive), Math.round(n.domContentLoadedEventStart)];
      });
      await cdp.send('Tracing.end');
      await done;
      await p.close();
      if (i === 0) continue;
      // Trace: timestamps relative to navigationStart of the main frame.
      const navStart =
        events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts ??
        events.find((e) => e.name === 'navigationStart')?.ts;
      const rel = (ts) => Math.round((ts - navStart) / 1000);
      const interesting = events
        .filter((e) => e.ph === 'X' || e.ph === 'I' || e.ph === 'R' || e.ph === 'n' || e.ph === 'b')
        .filter(
          (e) =>
            [
              'ParseHTML',
              'EvaluateScript',
              'v8.compileModule',
              'v8.evaluateModule',
              'v8.compile',
              'FunctionCall',
              'Paint',
              'Layout',
              'UpdateLayoutTree',
              'firstPaint',
              'firstContentfulPaint',
              'ResourceFinish',
              'ResourceSendRequest',
              'ResourceReceiveResponse',
              'ResourceReceivedData',
              'TimerFire',
              'EventDispatch',
              'HandlePostMessage',
              'ThreadControllerImpl::RunTask',
              'MarkDOMContent',
              'CompileScript',
              'RunMicrotasks',
              'Commit',
              'PrePaint',
              'BeginFrame',
              'ScheduleStyleRecalculation',
            ].includes(e.name) || e.name.startsWith('diag:'),
        )
        .filter((e) => e.ts >= navStart)
        .map(
          (e) =>
            `${String(rel(e.ts)).padStart(5)} ${e.dur ? `+${Math.round(e.dur / 1000)}`.padEnd(5) : '     '} ${e.name} ${e.args?.data?.url?.replace(/.*\//, '') ?? e.args?.data?.functionName ?? e.args?.fileName?.replace(/.*\//, '') ?? ''} ${e.args?.data?.requestId ?? ''} ${e.args?.beginData?.startLine ?? ''}${e.args?.endData?.endLine !== undefined ? '-' + e.args.endData.endLine : ''} ${e.args?.data?.type ?? ''} ${e.args?.data?.encodedDataLength ?? ''}`,
        )
        .filter((line) => !/^\s*\d+ \+0\s+(FunctionCall|RunMicrotasks|UpdateLayoutTree|Layout|PrePaint)/.test(line));
      console.log(
        `\n=== ${url === server.url ? 'BAKEN' : 'BARE'} visit ${i}: nav(responseEnd, domInteractive, DCL) ${nav.join(', ')}`,
      );
      console.log('probe:', log.map(([a, b]) => `${a}@${b}`).join('  '));
      console.log('resources:', res.map(([n, s, e]) => `${n} ${s}-${e}`).join('  '));
      if (process.env.TRACE) console.log(interesting.join('\n'));
      const key = events
        .filter(
          (e) =>
            e.ts >= navStart &&
            (['v8.evaluateModule', 'firstContentfulPaint'].includes(e.name) ||
              (e.name === 'ParseHTML' && e.args?.beginData?.frame) ||
              e.name.startsWith('diag:') ||
              e.name === 'ResourceFinish'),
        )
        .sort((a, b) => a.ts - b.ts)
        .map((e) => `${e.name.replace('diag:', '')}@${rel(e.ts)}${e.dur ? `+${Math.round(e.dur / 1000)}` : ''}`);
      console.log('trace:', key.join('  '));
      {
        const fr = events.find((e) => e.name === 'diag:frame-after-usable');
        const tid = fr?.tid;
        const js = events
          .filter(
            (e) =>
              e.tid === tid &&
              e.ph === 'X' &&
              e.ts >= navStart &&
              (e.name === 'v8.evaluateModule' ||
                ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
                  /assets\/index-/.test(e.args?.data?.url ?? ''))),
          )
          .map((e) => [e.ts, e.ts + e.dur])
          .sort((a, b) => a[0] - b[0]);
        const merged = [];
        for (const iv of js) {
          const last = merged.at(-1);
          if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
          else merged.push([...iv]);
        }
        const before = fr ? merged.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, fr.ts) - a), 0) / 1000 : NaN;
        const total = merged.reduce((sum, [a, b]) => sum + (b - a), 0) / 1000;
        console.log(`appJS main-thread ms: before frame mark ${Math.round(before)}, in all ${Math.round(total)}`);
      }
      const u = events.find((e) => e.name.startsWith('diag:usable'))?.ts,
        f = events.find((e) => e.name === 'diag:frame-after-usable')?.ts;
      const d0 = events.find((e) => e.name.startsWith('diag:input-in-dom'))?.ts;
      if (u && f)
        console.log(
          'between dom and frame:',
          events
            .filter(
              (e) =>
                e.ts >= d0 - 2000 &&
                e.ts <= f &&
                e.ph === 'X' &&
                e.dur > 2000 &&
                e.tid === events.find((x) => x.name.startsWith('diag:usable')).tid,
            )
            .sort((a, b) => a.ts - b.ts)
            .map(
              (e) =>
                `${e.name}@${rel(e.ts)}+${Math.round(e.dur / 1000)}${e.args?.data?.url ? ' ' + e.args.data.url.replace(/.*\//, '') : ''}${e.args?.data?.functionName ? ' fn=' + e.args.data.functionName : ''}`,
            )
            .join('  '),
        );
    }
  }
} finally {
  await context.close();
  await Promise.all([server.close(), base.close()]);
  await rm(profile, { recursive: true, force: true });
}
