// Robustness suite (issue 10), part 6: offline endurance. A logbook with two
// follow-ups (in 7 and in 40 days) is left alone for 30 days with the server
// gone: the clock moves 30 days ahead (page.clock), the server is stopped,
// and the app still starts, unlocks and files the follow-ups correctly in
// Opvolging (the one of "in 7 days" is now te laat).
import { startServer } from '../../scripts/serve.mjs';
import { distDir, expect, test, waitForServiceWorker } from '../fixtures';
import { FollowUpPage } from '../pages/follow-up-page';
import { LockPage } from '../pages/lock-page';
import { phone } from '../pages/logbook-page';
import { figure } from './robust-support';

const DAY = 86_400_000;

function brusselsDate(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(new Date(ms));
}

test('30 days later, with the server gone, Baken starts, unlocks and shows the overdue follow-up', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer({ root: distDir });
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: phone,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.clock.install();
    await page.goto('/');
    await waitForServiceWorker(page);
    const lock = new LockPage(page);
    await lock.createVault();
    const now = await page.evaluate(() => Date.now());
    const followUps = new FollowUpPage(page);
    const soon = await followUps.seedCase({
      school: 'Atheneum Noord',
      pseudonym: 'Jongere A',
      realName: 'Naam Een',
      due: brusselsDate(now + 7 * DAY),
      purpose: 'Terugkomen na een week.',
    });
    const later = await followUps.seedCase({
      school: 'Sint-Jozef',
      pseudonym: 'Jongere B',
      realName: 'Naam Twee',
      due: brusselsDate(now + 40 * DAY),
      purpose: 'Terugkomen na veertig dagen.',
    });
    await followUps.open();
    await expect(followUps.groupHeading('Te laat', 1)).toBeHidden();

    // Thirty days on, and no server: everything must come from the service worker.
    await page.clock.setSystemTime(now + 30 * DAY);
    await server.close();
    await page.reload();
    await lock.unlock();
    await followUps.open();
    await expect(followUps.groupHeading('Te laat', 1)).toBeVisible();
    await expect(followUps.group('Te laat')).toContainText(`Dossier ${soon}`);
    await expect(followUps.group('Te laat')).not.toContainText(`Dossier ${later}`);
    await expect(followUps.card(later)).toBeVisible();
    await expect(followUps.card(later)).toContainText('Terugkomen na veertig dagen.');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(errors).toEqual([]);
    figure('offline endurance: +30 days, server stopped; started, unlocked, 1 of 2 follow-ups te laat as expected');
  } finally {
    await context.close();
    await server.close().catch(() => undefined);
  }
});
