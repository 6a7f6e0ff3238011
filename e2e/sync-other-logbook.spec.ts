// A separate logbook connected with "Dit toestel verbinden" to a database that
// another logbook already uses (pairing was meant): refused with a plain
// Dutch message, nothing saved, nothing sent.
import { LockPage } from './pages/lock-page';
import { phone } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

test('connecting a second logbook to a database in use says it belongs to another logbook and connects nothing', async ({
  page,
  browser,
  baseURL,
  syncAccount,
}) => {
  test.setTimeout(120_000);
  // Logbook A: connected to the worker's database.
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  await expect(syncA.devices()).toHaveCount(1);

  // Logbook D: a new logbook of its own on another device, connected the same way by mistake.
  const contextD = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const pageD = await contextD.newPage();
  await pageD.setViewportSize(phone);
  await pageD.goto('/');
  await new LockPage(pageD).createVault('een andere zin voor toestel D');
  await new SettingsPage(pageD).open();
  const syncD = new SyncPage(pageD);
  await syncD.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Tablet' });
  const form = pageD.getByRole('form', { name: 'Dit toestel verbinden' });
  await expect(form.getByRole('alert')).toHaveText(
    /^Deze database hoort al bij een ander logboek\. Er is niets bewaard of verstuurd\..*"Koppel dit toestel aan je logboek"/,
  );
  await expect(form.getByRole('button', { name: 'Verbinden' })).toBeEnabled();
  await expect(syncD.connectedText(syncAccount.account)).toHaveCount(0);

  // Nothing was kept: after a reload D still offers to connect.
  await pageD.reload();
  await new LockPage(pageD).unlock('een andere zin voor toestel D');
  await new SettingsPage(pageD).open();
  await expect(pageD.getByRole('form', { name: 'Dit toestel verbinden' })).toBeVisible();
  await expect(syncD.connectedText(syncAccount.account)).toHaveCount(0);

  // Nothing was sent: A's device list still names only A, and A syncs on.
  await page.getByRole('region', { name: 'Toestellen' }).getByRole('button', { name: 'Lijst vernieuwen' }).click();
  await expect(syncA.devices()).toHaveCount(1);
  await expect(syncA.devices()).toContainText('Laptop');
  await expect(syncA.section.getByText(/geweigerd/)).toHaveCount(0);
  await contextD.close();
});
