// Locates a Chromium for Playwright. Playwright cannot download its own browser
// on our machines, so the system package comes first.
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_PATH or a system package; synchronous for playwright.config.ts. */
export function findSystemChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const path of candidates) if (existsSync(path)) return path;
  return null;
}

/** @returns {Promise<string | null>} */
export async function findChromium() {
  const system = findSystemChromium();
  if (system) return system;
  try {
    const { chromium } = await import('@playwright/test');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright not installed yet or no bundled browser.
  }
  return null;
}

/** Flags that keep Chromium quiet on a closed network (see README). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
