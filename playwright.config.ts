import { defineConfig } from '@playwright/test';
import { chromiumArgs, findSystemChromium } from './scripts/chromium.mjs';

// System Chromium first: Playwright cannot download its own browser here.
// `npm test` runs scripts/ensure-chromium.mjs before this config is read.
const executablePath = findSystemChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    trace: 'on-first-retry',
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    serviceWorkers: 'allow',
    launchOptions: { executablePath, args: chromiumArgs },
  },
});
