// A sync problem shows on every screen while it lasts, not only in Instellingen
// (a review: with the server down, the logbook said nothing and the header
// "Online"); it goes once a round succeeds again.
import { expectNoAxeViolations } from './axe';
import { LockPage } from './pages/lock-page';
import { LogbookPage, phone } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

test.use({ viewport: phone });

test('an unreachable sync server is said on the logbook screen, with the way to Synchronisatie', async ({
  page,
  syncAccount,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const sync = new SyncPage(page);
  await sync.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Telefoon' });
  await expect(sync.connectedText(syncAccount.account)).toBeVisible();

  // The proxy answers 503, as when the server is down; the device itself stays online.
  await page.route('**/sync/**', (route) => route.fulfill({ status: 503, body: '' }));
  const logbook = new LogbookPage(page);
  await logbook.openFromMenu('Logboek');
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een klasgenoot',
    types: ['sextortion'],
    schools: [],
    description: 'Gelogd terwijl de sync-server niet antwoordt.',
  });
  await logbook.saveIncident();
  const trouble = page.getByRole('complementary', { name: 'Synchronisatie' });
  await expect(trouble).toContainText('Geen verbinding met de sync-server', { timeout: 60_000 });
  await expect(trouble).toContainText('je wijzigingen blijven bewaard');
  await expectNoAxeViolations(page, 'sync trouble notice');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await trouble.getByRole('link', { name: 'Naar Synchronisatie in Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  // It lands on the Synchronisatie section, not at the top of a long page.
  await expect(page.getByRole('heading', { level: 2, name: 'Synchronisatie' })).toBeFocused();

  // The server answers again: after the next round the notice is gone.
  await page.unroute('**/sync/**');
  await logbook.openFromMenu('Logboek');
  await expect(trouble).toHaveCount(0, { timeout: 90_000 });
});
