// The bench's browser: system Chromium with a disk-backed profile (incognito keeps
// IndexedDB in memory), shared by bench/run.mjs and bench/ab-save.mjs.
import { chromium } from '@playwright/test';

import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';

/**
 * A disk-backed Chromium profile; `page` adds the lock screen visits' settings
 * (360 px viewport, service workers on) for the full run and `--only=lock`.
 * @param {string} profile
 * @param {{ page?: boolean }} [options]
 */
export async function launchBenchContext(profile, options = {}) {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; run `node scripts/ensure-chromium.mjs`.');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: chromiumArgs,
    headless: true,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    ...(options.page ? { viewport: { width: 360, height: 780 }, serviceWorkers: /** @type {const} */ ('allow') } : {}),
  });
  context.setDefaultTimeout(60_000);
  return context;
}
