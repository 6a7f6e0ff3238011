// Issue 20: pairing a second device with a one-time code, through the app's
// own /sync/ proxy and the embedded CouchDB-protocol server; removing it.
import { expectNoAxeViolations } from './axe';
import { LockPage, testPassphrase } from './pages/lock-page';
import { phone } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

test('a second device joins with a one-time code, the code works once, and a removed device stops syncing', async ({
  page,
  browser,
  baseURL,
  syncAccount,
  syncServer,
}) => {
  // Three devices, two axe scans and a removal: longer than the default 60 s on a busy machine.
  test.setTimeout(180_000);
  // Device A: new logbook, connect to the worker's database, make a code.
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: 'fout-wachtwoord', deviceName: 'Laptop' });
  await expect(page.getByRole('alert').filter({ hasText: 'Aanmelding geweigerd' })).toBeVisible();
  // The refusal is the password field's: marked, described and focused, so it can be typed again.
  const passwordA = page.getByRole('form', { name: 'Dit toestel verbinden' }).getByLabel('Wachtwoord van het account');
  await expect(passwordA).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordA).toHaveAccessibleDescription(/^Aanmelding geweigerd/);
  await expect(passwordA).toBeFocused();
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  // The form that had focus is gone: focus is on the status card that replaced it.
  await expect(syncA.section.getByRole('heading', { name: 'Status', exact: true })).toBeFocused();
  const pairPanel = page.getByRole('region', { name: 'Een toestel toevoegen' });
  // A copied code (with the account, the key to the whole logbook) leaves the clipboard at lock.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copiedCode = await syncA.makePairingCode(testPassphrase);
  await pairPanel.getByRole('button', { name: 'Kopieer de koppelcode' }).click();
  await expect(pairPanel.getByRole('status').filter({ hasText: 'gekopieerd' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copiedCode);
  await new LockPage(page).lock();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');
  await new LockPage(page).unlock();
  await new SettingsPage(page).open();
  // Withdrawing needs the server: offline, the code stays on screen and the panel says until when it works.
  await syncA.makePairingCode(testPassphrase);
  await page.context().setOffline(true);
  await pairPanel.getByRole('button', { name: 'Koppelcode intrekken' }).click();
  await expect(pairPanel.getByRole('status').filter({ hasText: 'Intrekken lukte niet' })).toBeVisible();
  await expect(pairPanel.getByLabel('Koppelcode')).toHaveCount(1);
  await page.context().setOffline(false);
  // A code withdrawn gives the passphrase field back, focused; the code is gone.
  await pairPanel.getByRole('button', { name: 'Koppelcode intrekken' }).click();
  await expect(pairPanel.getByLabel('Je wachtwoordzin (ter bevestiging)')).toBeFocused();
  await expect(pairPanel.getByLabel('Koppelcode')).toHaveCount(0);
  await expect(pairPanel.getByRole('status').filter({ hasText: 'De koppelcode is ingetrokken.' })).toBeVisible();
  const code = await syncA.makePairingCode(testPassphrase);
  await expectNoAxeViolations(page, 'sync settings with a pairing code');

  // Device B: a fresh browser context joins with account, password and code.
  const contextB = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const pageB = await contextB.newPage();
  await pageB.setViewportSize(phone);
  await pageB.goto('/');
  const syncB = new SyncPage(pageB);
  await pageB.getByRole('button', { name: 'Koppel dit toestel aan je logboek' }).click();
  await expect(pageB.getByRole('form', { name: 'Koppel dit toestel aan je logboek' })).toBeVisible();
  await expectNoAxeViolations(pageB, 'join form');
  expect(await pageB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await pageB.getByRole('button', { name: 'Terug naar instellen' }).click();
  const passphraseB = 'eigen zin voor de telefoon';
  await syncB.join({
    account: syncAccount.account,
    password: syncAccount.password,
    code,
    passphrase: passphraseB,
    deviceName: 'Telefoon',
  });
  await expect(pageB.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
  await new SettingsPage(pageB).open();
  await expect(syncB.connectedText(syncAccount.account)).toBeVisible();
  // B adds itself to the list right after its vault opens; a list read before that shows the new entry
  // after the first sync round, which under a loaded CI took longer than 10 s once.
  await expect(syncB.devices()).toHaveCount(2, { timeout: 30_000 });
  await expectNoAxeViolations(pageB, 'sync settings on a phone');
  expect(await pageB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  // B's own passphrase opens B's vault.
  await new LockPage(pageB).lock();
  await new LockPage(pageB).unlock(passphraseB);

  // The same code a second time, on a third device: refused.
  const contextC = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const pageC = await contextC.newPage();
  await pageC.goto('/');
  await new SyncPage(pageC).join({
    account: syncAccount.account,
    password: syncAccount.password,
    code,
    passphrase: 'nog een andere zin hier',
    deviceName: 'Derde',
  });
  await expect(pageC.getByRole('alert').filter({ hasText: 'onbekend, al gebruikt of verlopen' })).toBeVisible();
  const codeC = pageC.getByRole('form', { name: 'Koppel dit toestel aan je logboek' }).getByLabel('Koppelcode');
  await expect(codeC).toHaveAttribute('aria-invalid', 'true');
  await expect(codeC).toBeFocused();
  await expect(pageC.getByRole('heading', { level: 1, name: 'Baken instellen' })).toBeVisible();

  // The server holds no readable device names, account or code.
  const raw = (await syncServer.rawDocs(syncAccount.db)) as Array<Record<string, unknown>>;
  const docs = JSON.stringify(raw);
  expect(docs).toContain('baken-devices');
  for (const marker of ['Laptop', 'Telefoon', code, code.replace(/-/g, '')]) expect(docs).not.toContain(marker);
  // The pairing documents withdrawn (by the lock and by hand) and used are gone: only their deletion
  // markers (no ciphertext) remain.
  const pairDocs = raw.filter((doc) => String(doc._id).startsWith('baken-pair-'));
  expect(pairDocs).toHaveLength(3);
  for (const doc of pairDocs) {
    expect(doc).toMatchObject({ _deleted: true });
    expect(doc).not.toHaveProperty('ct');
  }

  // A removes B; B stops and forgets its sync settings at its next check.
  await page.reload();
  await new LockPage(page).unlock();
  await new SettingsPage(page).open();
  await expect(syncA.devices()).toHaveCount(2);
  await syncA.removeDevice('Telefoon');
  await expect(syncA.devices().filter({ hasText: 'Telefoon' })).toContainText('verwijderd op');

  await pageB.reload();
  await new LockPage(pageB).unlock(passphraseB);
  await new SettingsPage(pageB).open();
  await expect(syncB.section.getByText('Dit toestel werd verwijderd uit je lijst van toestellen.')).toBeVisible();
  await expect(pageB.getByRole('form', { name: 'Dit toestel verbinden' })).toBeVisible();

  // On A, disconnecting swaps the status card for the connect form: focus goes to its heading.
  // It asks first; "Verbonden blijven" changes nothing.
  await syncA.section.getByRole('button', { name: 'Dit toestel loskoppelen' }).click();
  const ask = page.getByRole('dialog', { name: 'Dit toestel loskoppelen?' });
  await expect(ask).toContainText('De gegevens op dit toestel blijven staan.');
  await ask.getByRole('button', { name: 'Verbonden blijven' }).click();
  await expect(ask).toBeHidden();
  await expect(syncA.section.getByRole('button', { name: 'Dit toestel loskoppelen' })).toBeFocused();
  await syncA.section.getByRole('button', { name: 'Dit toestel loskoppelen' }).click();
  await ask.getByRole('button', { name: 'Loskoppelen' }).click();
  await expect(syncA.section.getByRole('heading', { name: 'Dit toestel verbinden' })).toBeFocused();
  await expect(syncA.section.getByRole('status').filter({ hasText: 'synchroniseert niet meer' })).not.toContainText(
    'niet bereikbaar',
  );

  // Disconnecting took A off the list: connected again (under a new entry), the old one shows as removed.
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  await expect(syncA.devices()).toHaveCount(3);
  await expect(syncA.devices().filter({ hasText: 'dit toestel' })).toContainText('toegevoegd op');
  await expect(syncA.devices().filter({ hasText: 'Laptop' }).filter({ hasNotText: 'dit toestel' })).toContainText(
    'verwijderd op',
  );

  await contextB.close();
  await contextC.close();
});
