// Shared e2e fixtures: a production-build server per worker, a fresh browser
// storage per test (Playwright's default context), CSP-violation capture, and
// a persistent profile where IndexedDB or installability must be real.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test as base, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, findSystemChromium } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

export { expect } from '@playwright/test';

type Server = Awaited<ReturnType<typeof startServer>>;

/** The production build under test; BAKEN_DIST lets parallel runs use their own build. */
export const distDir = process.env.BAKEN_DIST ?? 'dist';

interface WorkerFixtures {
  server: Server;
}

interface TestFixtures {
  /** A persistent, disk-backed profile (IndexedDB on disk, installability without `in-incognito`). */
  persistentContext: BrowserContext;
}

/** Records CSP violations on every page of a context into window.__cspViolations. */
export async function captureCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Waits until a service worker controls the page (the shell is then precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer({ root: distDir });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  context: async ({ context }, use) => {
    await captureCspViolations(context);
    await use(context);
  },
  persistentContext: async ({ baseURL }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'baken-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: findSystemChromium() ?? undefined,
      args: chromiumArgs,
      baseURL,
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    await captureCspViolations(context);
    await use(context);
    await context.close();
    await rm(dir, { recursive: true, force: true });
  },
});
