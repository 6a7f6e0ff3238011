// Issue 20: after sync, device B's Export screen verifies device A's audit chain on its own
// (each device appends to its own chain; the file holds B's chain only).
import { ExportPage } from './pages/export-page';
import { LockPage, testPassphrase } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

const SYNC_WAIT = { timeout: 45_000 };

test("device B's audit log shows device A's replicated chain as verified", async ({
  page,
  browser,
  baseURL,
  syncAccount,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  const anchorA = await (async () => {
    const exportsA = new ExportPage(page);
    await exportsA.open();
    return exportsA.currentAnchor();
  })();
  await new SettingsPage(page).open();
  const code = await syncA.makePairingCode(testPassphrase);

  const contextB = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await new SyncPage(pageB).join({
    account: syncAccount.account,
    password: syncAccount.password,
    code,
    passphrase: 'eigen zin voor de telefoon',
    deviceName: 'Telefoon',
  });
  await expect(pageB.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
  await new SettingsPage(pageB).open();
  await expect(pageB.getByRole('status', { name: 'Synchronisatie' })).toContainText(/Gesynchroniseerd om/, SYNC_WAIT);

  const exportsB = new ExportPage(pageB);
  await exportsB.open();
  const log = await exportsB.download(exportsB.logSection, 'Auditlog bewaren (JSON)');
  const chainsOfB = JSON.parse(log.text) as { events: unknown[] };
  expect(chainsOfB.events.length).toBeGreaterThan(0);
  // A's chain, named by the anchor A showed (its head when B pulled it, at least up to that anchor's seq).
  const other = exportsB.logSection.getByRole('listitem').filter({ hasText: 'Keten van een ander toestel' });
  await expect(other).toHaveCount(1);
  await expect(other).toContainText('geldig, de keten klopt.');
  const seqA = Number(anchorA.split('-')[0]);
  const shown = /ankercode (\d+)-/.exec((await other.textContent()) ?? '');
  expect(Number(shown?.[1])).toBeGreaterThanOrEqual(seqA);
  await contextB.close();
});
