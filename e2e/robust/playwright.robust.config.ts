// The robustness suite (issue 10): `npm run test:robust` after a build.
// Its specs end in `.robust.ts`, so the default `playwright test` of
// `npm test` does not pick them up (they take several minutes).
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findSystemChromium } from '../../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.robust\.ts$/,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    trace: 'on-first-retry',
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    serviceWorkers: 'allow',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: { executablePath: findSystemChromium() ?? undefined, args: chromiumArgs },
  },
});
