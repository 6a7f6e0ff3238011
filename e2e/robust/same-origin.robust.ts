// Robustness suite (issue 10), part 7: same origin only. A full journey
// through every screen — logbook, case page, Opvolging, Stappenplan,
// Verwijzingen, Vlaggensysteem, Begrippen, Export (summary, auditor figures,
// audit log) and Instellingen (backup) — while every request of the context,
// the service worker's included, is recorded. Every one goes to Baken's own
// origin (blob:/data: URLs of that origin are local, not requests to anyone).
import { cspViolations, expect, test, waitForServiceWorker } from '../fixtures';
import { ExportPage } from '../pages/export-page';
import { FollowUpPage } from '../pages/follow-up-page';
import { testPassphrase } from '../pages/lock-page';
import { LogbookPage, phone } from '../pages/logbook-page';
import { SettingsPage } from '../pages/settings-page';
import { figure } from './robust-support';

test.use({ viewport: phone, acceptDownloads: true });

test('a journey through every screen sends every request to its own origin', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? '').origin;
  const requests: Array<{ url: string; fromServiceWorker: boolean }> = [];
  context.on('request', (request) =>
    requests.push({ url: request.url(), fromServiceWorker: request.serviceWorker() !== null }),
  );
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });

  await page.goto('/');
  await waitForServiceWorker(page);
  const logbook = new LogbookPage(page);
  await logbook.lock.createVault();

  // Logbook and case page.
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een klasgenoot',
    types: ['sextortion'],
    schools: ['Atheneum'],
    description: 'Dreiging met doorsturen.',
  });
  const reference = await logbook.saveIncident();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '15', expectPseudonym: 'Jongere A' });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  await logbook.addNote('gesprek', 'Gesprek met Jongere A.');

  // Export: summary, auditor figures, audit log.
  const exportPage = new ExportPage(page);
  await exportPage.open();
  await exportPage.makeSummary(reference, 'de school');
  await exportPage.makeAuditorFigures();
  await exportPage.download(exportPage.logSection, 'Auditlog bewaren (JSON)');

  // Back to the case for a follow-up.
  await nav.getByRole('link', { name: 'Logboek', exact: true }).click();
  await page.getByRole('link', { name: reference }).click();
  await logbook.scheduleFollowUp('Terugkomen op het gesprek.');

  // Opvolging, with its calendar file.
  const followUps = new FollowUpPage(page);
  await followUps.open();
  await expect(followUps.card(reference)).toBeVisible();
  await followUps.downloadCalendar();

  // Knowledge screens.
  for (const name of ['Stappenplan', 'Verwijzingen']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(heading(name)).toBeVisible();
  }

  // Instellingen: a backup.
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.exportBackup({ passphrase: testPassphrase });

  // Screens outside the menu (a fresh load; they need no unlock).
  for (const [path, name] of [
    ['/vlaggensysteem', 'Vlaggensysteem'],
    ['/begrippen', 'Begrippen'],
  ] as const) {
    await page.goto(path);
    await expect(heading(name)).toBeVisible();
  }
  await page.goto('/');
  await logbook.lock.unlock();
  await expect(heading('Logboek')).toBeVisible();

  const local = (url: string) =>
    url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith(`blob:${origin}/`);
  const foreign = requests.filter((r) => !local(r.url));
  const fromWorker = requests.filter((r) => r.fromServiceWorker).length;
  figure(
    `same origin: screens visited=10, requests=${requests.length} (from the service worker=${fromWorker}), ` +
      `other origins=${foreign.length}`,
  );
  expect(requests.length).toBeGreaterThan(10);
  expect(fromWorker).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});
