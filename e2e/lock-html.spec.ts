// Issue 19 item 2: the lock screen is in index.html, usable before any JS
// module has run, and the app hydrates that very DOM.
import type { Page, Route } from '@playwright/test';
import { cspViolations, expect, test } from './fixtures';
import { LockPage, testPassphrase } from './pages/lock-page';

/** Holds back the app's entry module until `release()`; the HTML and CSS load as usual. */
async function holdAppModule(page: Page): Promise<{ held: Promise<void>; release: () => void }> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    seen = resolve;
  });
  const entry = await page.request.get('/').then((r) => r.text());
  const src = /<script type="module"[^>]*src="([^"]+)"/.exec(entry)?.[1];
  expect(src, 'index.html loads one entry module').toBeTruthy();
  await page.route(`**${src ?? ''}`, async (route: Route) => {
    seen();
    await gate;
    await route.continue();
  });
  return { held, release };
}

/**
 * Console errors and uncaught exceptions (a hydration mismatch shows as either).
 * With service workers blocked by Playwright, workbox-window's registration
 * fails on its own; `swBlocked` leaves out that one known error.
 */
function collectErrors(page: Page, swBlocked = false): string[] {
  const errors: string[] = [];
  const keep = (text: string) => {
    if (!(swBlocked && text === "Cannot read properties of undefined (reading 'waiting')")) errors.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') keep(message.text());
  });
  page.on('pageerror', (error) => keep(error.message));
  return errors;
}

test('with JavaScript off, index.html shows the usable lock form and the knowledge links', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Baken ontgrendelen' })).toBeVisible();
  const field = page.getByLabel('Wachtwoordzin', { exact: true });
  await expect(field).toBeVisible();
  await expect(field).toBeEditable();
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeEnabled();
  const knowledge = page.getByRole('navigation', { name: 'Zonder ontgrendelen' });
  for (const name of [
    'Stappenplan',
    'Verwijzingen',
    'Vlaggensysteem',
    'Begrippen',
    'Wat zegt de wet',
    'In gesprek',
    'Vragen uit de praktijk',
  ]) {
    await expect(knowledge.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Styled by the linked stylesheet alone: the unlock button has the brand colour, not the browser default.
  const background = await page
    .getByRole('button', { name: 'Ontgrendelen' })
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(239, 239, 239)');
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  await field.fill('getypt zonder script');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  // A submit without the app goes nowhere: same page, no passphrase in the URL.
  expect(new URL(page.url()).pathname).toBe('/');
  expect(page.url()).not.toContain('getypt');
  await context.close();
});

test.describe('before the app module runs', () => {
  // page.route cannot see requests a service worker answers; these tests hold
  // the app's module back with a route, so no service worker here.
  test.use({ serviceWorkers: 'block' });

  test('a passphrase typed before the app module runs survives hydration and unlocks', async ({ page }) => {
    const lock = new LockPage(page);
    await page.goto('/');
    await lock.createVault();

    const errors = collectErrors(page, true);
    const { held, release } = await holdAppModule(page);
    await page.goto('/', { waitUntil: 'commit' });
    await held;
    const field = page.getByLabel('Wachtwoordzin', { exact: true });
    await field.fill(testPassphrase);
    await expect(field).toBeFocused();
    // A submit before the app runs goes nowhere (method="dialog", CSP form-action 'none') and keeps what was typed.
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).search).toBe('');
    await expect(field).toHaveValue(testPassphrase);
    release();
    // The app has run once the page title follows the screen (Page's effect).
    await expect(page).toHaveTitle('Baken ontgrendelen — Baken');
    await expect(field).toHaveValue(testPassphrase);
    await expect(field).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('first run: what was typed into the prerendered form moves to the setup form', async ({ page }) => {
    const errors = collectErrors(page, true);
    const { held, release } = await holdAppModule(page);
    await page.goto('/', { waitUntil: 'commit' });
    await held;
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(testPassphrase);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Baken instellen' })).toBeVisible();
    const first = page.getByLabel('Wachtwoordzin', { exact: true });
    await expect(first).toHaveValue(testPassphrase);
    await expect(first).toBeFocused();
    await page.getByLabel('Herhaal de wachtwoordzin').fill(testPassphrase);
    await page.getByRole('checkbox', { name: /Maak ook een herstelcode/ }).uncheck();
    await page.getByRole('button', { name: 'Logboek aanmaken' }).click();
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test('a normal load hydrates without console errors, on the lock screen and on a knowledge route', async ({ page }) => {
  const lock = new LockPage(page);
  const errors = collectErrors(page);
  await page.goto('/');
  await lock.createVault();
  await page.reload();
  await expect(page).toHaveTitle('Baken ontgrendelen — Baken');
  await expect(page.getByRole('status').filter({ hasText: /Online|Offline/ })).toBeVisible();
  // The HTML holds the lock screen; another route renders its own screen right after hydration.
  await page.goto('/stappenplan');
  await expect(page.getByRole('heading', { level: 1, name: 'Stappenplan' })).toBeVisible();
  await page.goto('/opvolging');
  await lock.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Opvolging' })).toBeVisible();
  expect(errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});
