import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { expectNoAxeViolations } from './axe';
import { cspViolations, distDir, expect, test, waitForServiceWorker } from './fixtures';
import { LogbookPage } from './pages/logbook-page';
import { firstRunHeading, routeHeadings, ShellPage } from './pages/shell-page';

test.describe('installable offline shell', () => {
  test('is installable with a manifest Chromium accepts', async ({ persistentContext }) => {
    const page = persistentContext.pages()[0] ?? (await persistentContext.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await persistentContext.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    // One manifest link: vite-plugin-pwa adds it to the built index.html, so index.html has none of its own.
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(parsed).toMatchObject({ name: 'Baken', display: 'standalone', lang: 'nl-BE', start_url: '/', scope: '/' });
  });

  test('shows "Klaar voor offline gebruik" once, after the first install', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Klaar voor offline gebruik')).toBeVisible();
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
    await expect(page.getByText('Klaar voor offline gebruik')).toBeHidden();
    // The notice left with its button: focus is on the screen's heading, not dropped to the page.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.reload();
    await expect(new ShellPage(page).heading(firstRunHeading)).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.getByText('Klaar voor offline gebruik')).toBeHidden();
  });

  test('renders every route offline after the first visit', async ({ page, context }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await expect(page.getByText('Offline — Baken werkt gewoon verder')).toBeVisible();
    await page.reload();
    await shell.expectEveryRouteRenders();
  });

  test('renders every route with the server stopped', async ({ browser }) => {
    const server = await startServer({ root: distDir });
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const shell = new ShellPage(page);
    await shell.goto('/');
    await waitForServiceWorker(page);
    await server.close();
    await page.reload();
    await shell.expectEveryRouteRenders();
    await context.close();
  });

  test('offers an update and reloads only when the user chooses', async ({ browser }) => {
    // A second build: a copy of dist whose service worker differs by one comment.
    const root = await mkdtemp(join(tmpdir(), 'baken-dist-'));
    await cp(distDir, root, { recursive: true });
    const server = await startServer({ root });
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/opvolging');
    await waitForServiceWorker(page);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const swPath = join(root, 'sw.js');
    await writeFile(swPath, `${await readFile(swPath, 'utf8')}\n// second build\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const prompt = page.getByText('Nieuwe versie beschikbaar');
    await expect(prompt).toBeVisible();
    // The live region announces the notice's text, not its button too.
    await expect(page.getByRole('status').filter({ hasText: 'Nieuwe versie beschikbaar' })).toHaveText(
      'Nieuwe versie beschikbaar — Bewaar eerst wat je aan het typen bent: herladen vergrendelt Baken.',
    );
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Herladen' }).click()]);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBeUndefined();
    await expect(page.getByRole('heading', { level: 1, name: firstRunHeading })).toBeVisible();
    await expect(prompt).toBeHidden();
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  test('an update taken in one tab is loaded by "Herladen" in the other', async ({ browser }) => {
    const root = await mkdtemp(join(tmpdir(), 'baken-dist-'));
    await cp(distDir, root, { recursive: true });
    const server = await startServer({ root });
    const context = await browser.newContext({ baseURL: server.url });
    const first = await context.newPage();
    await first.goto('/stappenplan');
    await waitForServiceWorker(first);
    const second = await context.newPage();
    await second.goto('/verwijzingen');
    await second.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const swPath = join(root, 'sw.js');
    await writeFile(swPath, `${await readFile(swPath, 'utf8')}\n// second build\n`);
    await first.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    for (const page of [first, second]) await expect(page.getByText('Nieuwe versie beschikbaar')).toBeVisible();

    await Promise.all([first.waitForEvent('load'), first.getByRole('button', { name: 'Herladen' }).click()]);
    // The second tab's version no longer waits (the first activated it): its button reloads all the same.
    const reload = second.getByRole('button', { name: 'Herladen' });
    await reload.focus();
    await Promise.all([second.waitForEvent('load'), second.keyboard.press('Enter')]);
    expect(
      await second.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBeUndefined();
    await expect(second.getByText('Nieuwe versie beschikbaar')).toBeHidden();
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  test('sends every request to its own origin, with no CSP violations', async ({ page, context, baseURL }) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const shell = new ShellPage(page);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['permissions-policy']).toContain('camera=()');
    await waitForServiceWorker(page);
    for (const route of routeHeadings) {
      await shell.open(route.heading, route.locked ? firstRunHeading : route.heading);
      expect(await cspViolations(page)).toEqual([]);
    }
    const origin = new URL(baseURL ?? '').origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });

  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    test(`has no axe violations on any route at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const route of routeHeadings) {
        await page.goto(route.path);
        await expect(
          page.getByRole('heading', { level: 1, name: route.locked ? firstRunHeading : route.heading }),
        ).toBeVisible();
        await expectNoAxeViolations(page, route.path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `horizontal overflow on ${route.path}`).toBeLessThanOrEqual(0);
      }
    });
  }

  test('fits 360 px with text at 200% on every route (WCAG 1.4.4, 1.4.10)', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const route of routeHeadings) {
      await page.goto(route.path);
      await expect(
        page.getByRole('heading', { level: 1, name: route.locked ? firstRunHeading : route.heading }),
      ).toBeVisible();
      // The browser's text size setting, as a user sets it (the CSP allows no style element; CSSOM is fine).
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${route.path} at 200% text`).toBeLessThanOrEqual(0);
    }
    // Unlocked, the header carries the status and the lock button too: what does not fit wraps.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });
    await page.goto('/');
    await new LogbookPage(page).lock.createVault();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const lock = page.getByRole('button', { name: 'Vergrendelen' });
    await expect(lock).toBeVisible();
    const box = await lock.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0), 'the lock button inside the screen').toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test('can be used by keyboard: skip link and menu', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await expect(shell.heading(firstRunHeading)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
    const menuLink = shell.nav.getByRole('link', { name: 'Verwijzingen' });
    await menuLink.focus();
    await page.keyboard.press('Enter');
    await expect(shell.heading('Verwijzingen')).toBeFocused();
    await expect(menuLink).toHaveAttribute('aria-current', 'page');
  });
});
