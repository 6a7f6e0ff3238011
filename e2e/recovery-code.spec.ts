// The recovery code after setup, on a 360 px phone: the reminder when the code
// was never confirmed, and Instellingen → Herstelcode (a new code, revoking).
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { LockPage, testPassphrase } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';

test.use({ viewport: { width: 360, height: 740 } });

const codePattern = /^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/;
const nextPassphrase = 'een heel nieuwe zin voor later';

test('an unconfirmed code is recalled after unlock; a new one replaces it, and revoking needs a confirmation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lock = new LockPage(page);
  await page.goto('/');
  await lock.createVault(testPassphrase, { recoveryCode: true });
  const setupCode = page.getByLabel('Herstelcode', { exact: true });
  await expect(setupCode).toHaveText(codePattern);
  const oldCode = (await setupCode.textContent()) ?? '';
  // No reminder while the code is on screen.
  await expect(page.getByRole('complementary', { name: 'Herstelcode niet bevestigd' })).toHaveCount(0);

  // The worker closes the app before ticking "Ik heb de herstelcode veilig bewaard".
  await page.reload();
  await lock.unlock();
  const notice = page.getByRole('complementary', { name: 'Herstelcode niet bevestigd' });
  await expect(notice).toContainText('Je hebt je herstelcode nog niet bevestigd.');
  await expectNoAxeViolations(page, 'recovery reminder');
  await notice.getByRole('link', { name: 'Naar Herstelcode in Instellingen' }).click();

  const section = page.getByRole('region', { name: 'Herstelcode', exact: true });
  await expect(section.getByRole('heading', { level: 2, name: 'Herstelcode', exact: true })).toBeFocused();
  await expect(page).toHaveURL(/\/instellingen#herstelcode$/);
  await expect(section).toContainText('Dit logboek heeft een herstelcode.');
  await expect(section).toContainText('Je hebt nog niet bevestigd dat je de herstelcode veilig bewaard hebt.');
  await expectNoAxeViolations(page, 'Herstelcode section');

  // A wrong passphrase: said next to the field, focus back in it, nothing changed.
  const passphrase = section.getByLabel('Je wachtwoordzin', { exact: true });
  await passphrase.fill('niet mijn wachtwoordzin');
  await section.getByRole('button', { name: 'Nieuwe herstelcode maken' }).click();
  await expect(section.getByText('De huidige wachtwoordzin klopt niet. Er is niets gewijzigd.')).toBeVisible();
  await expect(passphrase).toBeFocused();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');

  await passphrase.fill(testPassphrase);
  await section.getByRole('button', { name: 'Nieuwe herstelcode maken' }).click();
  const shown = section.getByRole('region', { name: 'Je herstelcode' });
  await expect(shown.getByRole('heading', { level: 3, name: 'Je herstelcode' })).toBeFocused();
  await expect(shown).toContainText('Je vorige herstelcode werkt vanaf nu niet meer.');
  const newCode = (await shown.getByLabel('Herstelcode', { exact: true }).textContent()) ?? '';
  expect(newCode).toMatch(codePattern);
  expect(newCode).not.toBe(oldCode);
  // Never in the address or the title.
  expect(page.url()).not.toContain(newCode);
  expect(await page.title()).not.toContain(newCode);
  await expectNoAxeViolations(page, 'new recovery code');
  await expect(shown.getByRole('button', { name: 'Klaar' })).toHaveAttribute('aria-disabled', 'true');
  await shown.getByRole('checkbox', { name: 'Ik heb de herstelcode veilig bewaard' }).check();
  await shown.getByRole('button', { name: 'Klaar' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'Je nieuwe herstelcode is klaar. Je vorige herstelcode werkt vanaf nu niet meer.',
  );
  await expect(section.getByRole('heading', { level: 2, name: 'Herstelcode', exact: true })).toBeFocused();
  await expect(section).not.toContainText('nog niet bevestigd');

  // Confirmed: no reminder, now or after the next unlock.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await lock.lock();
  await lock.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // The old code no longer unlocks; the new one does.
  await lock.lock();
  await page.getByRole('button', { name: 'Wachtwoordzin vergeten? Gebruik je herstelcode' }).click();
  // No code typed: asked for, not called wrong.
  await page.getByRole('button', { name: 'Ontgrendelen en wachtwoordzin wijzigen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vul je herstelcode in.' })).toBeVisible();
  await expect(page.getByLabel('Herstelcode', { exact: true })).toBeFocused();
  await page.getByLabel('Herstelcode', { exact: true }).fill(oldCode);
  await page.getByLabel('Nieuwe wachtwoordzin').fill(nextPassphrase);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(nextPassphrase);
  await page.getByRole('button', { name: 'Ontgrendelen en wachtwoordzin wijzigen' }).click();
  await expect(page.getByText('Deze herstelcode klopt niet, of er is geen herstelcode ingesteld.')).toBeVisible();
  // A typo in the new code: the code's own check says so (not that the code does not work), and the
  // last attempt's "klopt niet" goes as soon as the code is changed.
  const typo = `${newCode.startsWith('A') ? 'B' : 'A'}${newCode.slice(1)}`;
  await page.getByLabel('Herstelcode', { exact: true }).fill(typo);
  await expect(page.getByText('Deze herstelcode klopt niet, of er is geen herstelcode ingesteld.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ontgrendelen en wachtwoordzin wijzigen' }).click();
  await expect(page.getByText('Deze herstelcode is onvolledig of bevat een tikfout. Kijk hem na.')).toBeVisible();
  await page.getByLabel('Herstelcode', { exact: true }).fill(newCode);
  await page.getByRole('button', { name: 'Ontgrendelen en wachtwoordzin wijzigen' }).click();
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();

  // Revoking: a dialog says what it means; cancelling changes nothing.
  const settings = new SettingsPage(page);
  await settings.open();
  await section.getByLabel('Je wachtwoordzin', { exact: true }).fill(nextPassphrase);
  await section.getByRole('button', { name: 'Herstelcode intrekken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Herstelcode intrekken?' });
  await expect(dialog).toContainText('Daarna opent alleen je wachtwoordzin Baken nog.');
  await expect(dialog).toContainText('dan zijn je gegevens verloren');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expectNoAxeViolations(page, 'revoke dialog');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText('Dit logboek heeft een herstelcode.');

  await section.getByRole('button', { name: 'Herstelcode intrekken' }).click();
  await dialog.getByRole('button', { name: 'Herstelcode intrekken' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(
    'De herstelcode is ingetrokken. Daarna opent alleen je wachtwoordzin Baken nog.',
  );
  await expect(section).toContainText('Dit logboek heeft geen herstelcode.');
  await expect(section.getByRole('button', { name: 'Herstelcode intrekken' })).toHaveCount(0);
  await settings.expectNoHorizontalOverflow('Herstelcode');

  await lock.lock();
  await page.getByRole('button', { name: 'Wachtwoordzin vergeten? Gebruik je herstelcode' }).click();
  // Said before any code is typed: this logbook has none now.
  await expect(
    page.getByText(/^Op dit toestel is geen herstelcode ingesteld, dus een code zal niet werken\./),
  ).toBeVisible();
  await expect(page.getByText('Vul je herstelcode in en kies een nieuwe wachtwoordzin.')).toHaveCount(0);
  await page.getByLabel('Herstelcode', { exact: true }).fill(newCode);
  await page.getByLabel('Nieuwe wachtwoordzin').fill(testPassphrase);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(testPassphrase);
  await page.getByRole('button', { name: 'Ontgrendelen en wachtwoordzin wijzigen' }).click();
  await expect(page.getByText('Deze herstelcode klopt niet, of er is geen herstelcode ingesteld.')).toBeVisible();
});

test('a worker who skipped the code at setup can make one in Instellingen', async ({ page }) => {
  const lock = new LockPage(page);
  await page.goto('/');
  await lock.createVault(testPassphrase);
  const settings = new SettingsPage(page);
  await settings.open();
  const section = page.getByRole('region', { name: 'Herstelcode', exact: true });
  await expect(section).toContainText('Dit logboek heeft geen herstelcode.');
  await expect(section.getByRole('button', { name: 'Herstelcode intrekken' })).toHaveCount(0);
  await section.getByRole('button', { name: 'Nieuwe herstelcode maken' }).click();
  await expect(section.getByText('Vul je wachtwoordzin in.')).toBeVisible();
  await expect(section.getByLabel('Je wachtwoordzin', { exact: true })).toBeFocused();
  await section.getByLabel('Je wachtwoordzin', { exact: true }).fill(testPassphrase);
  await section.getByRole('button', { name: 'Nieuwe herstelcode maken' }).click();
  const shown = section.getByRole('region', { name: 'Je herstelcode' });
  await expect(shown.getByLabel('Herstelcode', { exact: true })).toHaveText(codePattern);
  await expect(shown).not.toContainText('Je vorige herstelcode');

  // Leaving without confirming: the reminder follows at the next unlock.
  await lock.lock();
  await lock.unlock();
  const notice = page.getByRole('complementary', { name: 'Herstelcode niet bevestigd' });
  // Instellingen itself says it in the section; elsewhere the notice does.
  await expect(section).toContainText('Je hebt nog niet bevestigd');
  await expect(notice).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
  await expect(notice).toBeVisible();
  // "Niet nu" hides it until the next unlock.
  await notice.getByRole('button', { name: 'Niet nu' }).click();
  await expect(notice).toHaveCount(0);
  // Its button left with it: focus is on the screen's content, so the next Tab goes on from there.
  await expect(page.getByRole('main')).toBeFocused();
  await lock.lock();
  await lock.unlock();
  await expect(notice).toBeVisible();
});
