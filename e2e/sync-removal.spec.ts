// Issue 20, "a removed device gets no new data": two paired browser contexts
// replicate through the app's /sync/ proxy; after A removes B, a new case
// from A reaches the server but never B.
import { LockPage, testPassphrase } from './pages/lock-page';
import { LogbookPage } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

const incident = (description: string) => ({
  knownVia: 'Een klasgenoot',
  types: ['ongewenste sexting'],
  schools: ['Atheneum Zuid'],
  description,
});

test('a removed device gets no new data', async ({ page, browser, baseURL, syncAccount, syncServer }) => {
  test.setTimeout(120_000);
  // A: logbook, connected, pairing code.
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  const code = await syncA.makePairingCode(testPassphrase);

  // B joins.
  const contextB = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  const passphraseB = 'eigen zin voor de telefoon';
  await new SyncPage(pageB).join({
    account: syncAccount.account,
    password: syncAccount.password,
    code,
    passphrase: passphraseB,
    deviceName: 'Telefoon',
  });
  await expect(pageB.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();

  // A case made on A reaches B while both are paired.
  const logbookA = new LogbookPage(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
  await logbookA.openNewIncident();
  await logbookA.fillIncident(incident('Eerste melding voor beide toestellen.'));
  const first = await logbookA.saveIncident();
  await expect(pageB.getByText(first)).toBeVisible({ timeout: 30_000 });

  // B writes a note while offline, so it has a change waiting to be sent.
  const logbookB = new LogbookPage(pageB);
  await contextB.setOffline(true);
  await logbookB.openCase(first);
  await logbookB.addNote('gesprek', 'Noot van de telefoon, offline geschreven.');

  // A removes B and at once makes a new case. B checks its own entry before every round, so it stops
  // before storing anything more (or sending its note), and says so on the screen it is on (not only
  // in Instellingen), with the change it never sent (the note and the case it touched; audit events
  // are not counted).
  await new SettingsPage(page).open();
  await syncA.removeDevice('Telefoon');
  await contextB.setOffline(false);
  await expect(
    pageB.getByRole('status').filter({ hasText: 'Dit toestel werd verwijderd uit je lijst van toestellen' }),
  ).toHaveText(
    'Dit toestel werd verwijderd uit je lijst van toestellen en synchroniseert niet meer. Wat je hier nu noteert, blijft alleen op dit toestel.' +
      ' 2 wijzigingen van vóór de verwijdering zijn niet verstuurd en staan alleen op dit toestel. Maak een back-up (Instellingen) als je ze wilt bewaren of overdragen.',
    { timeout: 30_000 },
  );

  // A new case from A reaches the server …
  const docsBefore = (await syncServer.rawDocs(syncAccount.db)).length;
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
  await logbookA.openNewIncident();
  await logbookA.fillIncident(incident('Tweede melding, na het verwijderen.'));
  const second = await logbookA.saveIncident();
  await expect
    .poll(async () => (await syncServer.rawDocs(syncAccount.db)).length, { timeout: 30_000 })
    .toBeGreaterThan(docsBefore);

  // … but never B: not while it stays open, and not after a reload and unlock.
  await pageB
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Logboek', exact: true })
    .click();
  await expect(pageB.getByText(first)).toBeVisible();
  await pageB.waitForTimeout(3000);
  await expect(pageB.getByText(second)).toHaveCount(0);
  await new SettingsPage(pageB).open();
  await expect(pageB.getByText('Dit toestel werd verwijderd uit je lijst van toestellen.')).toBeVisible();
  await pageB.reload();
  await new LockPage(pageB).unlock(passphraseB);
  // After a reload, Instellingen still says what was left unsent (kept, sealed, with the removal).
  await new SettingsPage(pageB).open();
  await expect(
    pageB.getByText(
      'Dit toestel werd verwijderd uit je lijst van toestellen. Het synchroniseert niet meer. 2 wijzigingen van vóór de verwijdering zijn niet verstuurd',
    ),
  ).toBeVisible();
  await pageB
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Logboek', exact: true })
    .click();
  await expect(pageB.getByText(first)).toBeVisible();
  await pageB.waitForTimeout(3000);
  await expect(pageB.getByText(second)).toHaveCount(0);

  await contextB.close();
});
