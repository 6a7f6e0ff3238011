// Backup, restore and merge between two browser contexts (two "devices"),
// offline after the first visit; and the Instellingen screen at 360 px.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test, waitForServiceWorker } from './fixtures';
import { LogbookPage, phone } from './pages/logbook-page';
import { testPassphrase } from './pages/lock-page';
import { SettingsPage, type BackupFile } from './pages/settings-page';

test.use({ viewport: phone });

const incident = {
  knownVia: 'Een klasgenoot',
  types: ['ongewenste sexting'],
  schools: ['Sint-Jozefscollege'],
  description: 'Foto doorgestuurd in een klasgroep. Marker-back-up-feit.',
};

const otherPassphrase = 'tweede toestel met een eigen zin';
const transferPassphrase = 'eenmalig voor de overdracht 2026';

/** A second device: a fresh browser context on the same build, offline after the first visit. */
async function secondDevice(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: phone, locale: 'nl-BE', acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

/** Creates the logbook on a device (online first so the service worker precaches), then goes offline. */
async function startDevice(page: Page, context: BrowserContext, passphrase: string, path = '/'): Promise<LogbookPage> {
  const logbook = new LogbookPage(page);
  await page.setViewportSize(phone);
  await page.goto(path);
  await waitForServiceWorker(page);
  await logbook.lock.createVault(passphrase);
  await context.setOffline(true);
  return logbook;
}

async function openCase(page: Page, reference: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible();
}

test.describe('backup and restore', () => {
  test('a backup made on one device restores every case, party, consent, note and follow-up on a fresh one', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const logbook = await startDevice(page, context, testPassphrase);
    await logbook.openNewIncident();
    await logbook.fillIncident(incident);
    const reference = await logbook.saveIncident();
    await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
    await logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient: 'school',
      categories: ['feiten'],
      givenBy: 'de jongere',
    });
    await logbook.addNote('gesprek', 'Gesprek met Jongere A, marker-back-up-noot.');
    await logbook.scheduleFollowUp('Terugkomen op de afspraken, marker-back-up-opvolging.');

    const settings = new SettingsPage(page);
    await settings.open();
    await expect(page.getByText('Je hebt op dit toestel nog geen back-up gemaakt.')).toBeVisible();
    const file = await settings.exportBackup({ passphrase: testPassphrase });
    expect(file.name).toMatch(/^baken-back-up-\d{4}-\d{2}-\d{2}\.baken$/);
    expect(file.buffer.subarray(0, 13).toString('latin1')).toBe('BAKEN-BACKUP\n');
    expect(file.buffer.toString('latin1')).not.toContain('marker-back-up');
    await expect(page.getByText(/^Laatste back-up: /)).toBeVisible();

    // The new phone: "Instellingen" first asks to create a logbook, then offers the restore.
    const device = await secondDevice(browser, baseURL);
    await startDevice(device.page, device.context, otherPassphrase, '/instellingen');
    const fresh = new SettingsPage(device.page);
    await expect(fresh.heading()).toBeVisible();
    await expect(fresh.importForm.getByRole('radio', { name: /^Terugzetten in een leeg logboek/ })).toBeChecked();

    await fresh.importBackup(file, 'niet de goede wachtwoordzin', 'Terugzetten in een leeg logboek');
    await expect(fresh.importError()).toContainText('Deze wachtwoordzin opent de back-up niet.');
    // The error is the passphrase field's: marked, described and focused, so it can be typed again.
    const passphraseField = fresh.importForm.getByLabel('Wachtwoordzin van de back-up', { exact: true });
    await expect(passphraseField).toHaveAttribute('aria-invalid', 'true');
    await expect(passphraseField).toHaveAccessibleDescription(/Deze wachtwoordzin opent de back-up niet\./);
    await expect(passphraseField).toBeFocused();
    await fresh.importBackup(file, testPassphrase, 'Terugzetten in een leeg logboek');
    // Issue 16: the result in words, each kind with its own singular or plural.
    await expect(fresh.importStatus()).toContainText(
      /1 dossier teruggezet \(met 1 betrokkene, 1 toestemming, \d+ notities?, 1 opvolging\)\./,
    );

    const restored = new LogbookPage(device.page);
    await openCase(device.page, reference);
    await expect(restored.section('Incident')).toContainText('Marker-back-up-feit');
    await expect(restored.section('Betrokkenen').getByRole('heading', { level: 3 })).toHaveText([
      'Jongere A (afgebeelde jongere)',
    ]);
    await expect(restored.section('Toestemming').getByRole('article', { name: 'Jongere A → school' })).toContainText(
      'Informatie: feiten',
    );
    await expect(restored.section('Tijdlijn')).toContainText('marker-back-up-noot');
    await expect(restored.section('Opvolging en status')).toContainText('marker-back-up-opvolging');

    // The restored data lives under the new device's passphrase.
    await restored.lock.lock();
    await restored.lock.unlock(otherPassphrase);
    await expect(restored.section('Tijdlijn')).toContainText('marker-back-up-noot');
    await device.context.close();
  });

  test('merging two logbooks that share a case keeps the union of its notes', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    // Device A: a case with one note, handed over with a transfer passphrase.
    const logbook = await startDevice(page, context, testPassphrase);
    await logbook.openNewIncident();
    await logbook.fillIncident(incident);
    const reference = await logbook.saveIncident();
    await logbook.addNote('gesprek', 'Noot van toestel A, eerste.');
    const settings = new SettingsPage(page);
    await settings.open();
    const handover: BackupFile = await settings.exportBackup({
      passphrase: transferPassphrase,
      transfer: true,
      cases: [reference],
    });
    expect(handover.name).toMatch(/^baken-overdracht-/);

    // Device B: takes the case over and adds a note of its own.
    const device = await secondDevice(browser, baseURL);
    const other = await startDevice(device.page, device.context, otherPassphrase, '/instellingen');
    const settingsB = new SettingsPage(device.page);
    await settingsB.importBackup(handover, transferPassphrase, 'Terugzetten in een leeg logboek');
    await expect(settingsB.importStatus()).toContainText(/1 dossier teruggezet \(met \d+ notities?\)\./);
    await openCase(device.page, reference);
    await other.addNote('overleg', 'Noot van toestel B.');
    await settingsB.open();
    const fromB = await settingsB.exportBackup({ passphrase: transferPassphrase, transfer: true });

    // Device A meanwhile adds another note, then merges B's logbook in.
    await openCase(page, reference);
    await logbook.addNote('afspraak', 'Noot van toestel A, tweede.');
    await settings.open();
    await settings.importBackup(fromB, transferPassphrase, 'Samenvoegen met dit logboek');
    await expect(settings.importStatus()).toContainText('Samengevoegd: 0 dossiers toegevoegd');
    await expect(settings.importStatus()).toContainText('Bij 1 dossier staat nu een notitie');

    await openCase(page, reference);
    const timeline = logbook.section('Tijdlijn');
    await expect(timeline).toContainText('Noot van toestel A, eerste.');
    await expect(timeline).toContainText('Noot van toestel A, tweede.');
    await expect(timeline).toContainText('Noot van toestel B.');
    await expect(timeline).toContainText('Samengevoegd uit back-up: toegevoegd: 1 notitie.');
    await expect(timeline.getByRole('article')).toHaveCount(4);

    // The same file again changes nothing.
    await settings.open();
    await settings.importBackup(fromB, transferPassphrase, 'Samenvoegen met dit logboek');
    await expect(settings.importStatus()).toContainText(
      'Samengevoegd: 0 dossiers toegevoegd, bij 0 de dossiergegevens bijgewerkt.',
    );
    await expect(settings.importStatus()).not.toContainText('notitie');
    await device.context.close();

    // Device C has its own case with the same number: the handed-over case gets the next free one.
    const third = await secondDevice(browser, baseURL);
    const logbookC = await startDevice(third.page, third.context, otherPassphrase);
    await logbookC.openNewIncident();
    await logbookC.fillIncident(incident);
    expect(await logbookC.saveIncident()).toBe(reference);
    const settingsC = new SettingsPage(third.page);
    await settingsC.open();
    await settingsC.importBackup(handover, transferPassphrase, 'Samenvoegen met dit logboek');
    await expect(settingsC.importStatus()).toContainText(
      new RegExp(`Dossier ${reference} uit het bestand heet hier \\d{4}-\\d{3}: dat nummer was al in gebruik\\.`),
    );
    await third.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();
    // Two cases, two numbers: each link's name is unique.
    await expect(third.page.getByRole('link', { name: reference })).toHaveCount(1);
    await third.context.close();
  });

  test('refuses a file that is not a Baken backup and keeps the logbook as it was', async ({ page, context }) => {
    await startDevice(page, context, testPassphrase, '/instellingen');
    const settings = new SettingsPage(page);
    await settings.importBackup(
      { name: 'niet-baken.baken', mimeType: 'application/octet-stream', buffer: Buffer.from('{"type":"iets anders"}') },
      testPassphrase,
      'Samenvoegen met dit logboek',
    );
    await expect(settings.importError()).toContainText('Dit is geen Baken-back-up.');
    // The refusal is the file field's: marked, described and focused, so another file can be chosen.
    const fileField = settings.importForm.getByLabel('Back-upbestand (.baken)');
    await expect(fileField).toHaveAttribute('aria-invalid', 'true');
    await expect(fileField).toHaveAccessibleDescription(/Dit is geen Baken-back-up\./);
    await expect(fileField).toBeFocused();
    await settings.importForm
      .getByLabel('Back-upbestand (.baken)')
      .setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await expect(settings.importForm.getByText('Dit is geen .baken-bestand.')).toBeVisible();
    // The chosen file's whole name is written out (the browser's field can show one letter of it).
    await expect(settings.importForm.getByText('Gekozen bestand: foto.png', { exact: true })).toBeVisible();
    await expect(settings.importForm.getByLabel('Back-upbestand (.baken)')).toHaveAttribute('accept', '.baken');
    // Reading in saves nothing: the form says it read nothing in, not that nothing was saved.
    await settings.importForm.getByRole('button', { name: 'Back-up inlezen' }).click();
    await expect(
      settings.importError().filter({ hasText: 'Niet ingelezen: kijk de gemarkeerde velden na.' }),
    ).toBeVisible();
    await expect(settings.importForm).not.toContainText('Niet bewaard');
  });
});

test.describe('Instellingen', () => {
  test('after an unlock the backup reminder is in place before the case list, so nothing moves under a tap', async ({
    page,
    context,
  }) => {
    const logbook = await startDevice(page, context, testPassphrase);
    await logbook.openNewIncident();
    await logbook.fillIncident(incident);
    const reference = await logbook.saveIncident();
    const reminder = page.getByRole('complementary', { name: 'Herinnering back-up' });
    await expect(reminder).toBeVisible();
    // Where the first case link lands when it enters the page, and whether the reminder is there then.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (Reflect.has(window, '__listFirst')) return;
        const link = document.querySelector('main a[href^="/dossier/"]:not([href="/dossier/nieuw"])');
        if (!link) return;
        Reflect.set(window, '__listFirst', {
          reminder: document.querySelector('aside[aria-label="Herinnering back-up"]') !== null,
          top: Math.round(link.getBoundingClientRect().top + window.scrollY),
        });
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto('/');
    // A slow phone (4× CPU): without the wait for the notices, the list came first in 3 of 4 runs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await logbook.lock.unlock();
    const link = page.getByRole('link', { name: reference, exact: true });
    await expect(link).toBeVisible();
    await expect(reminder).toBeVisible();
    const first = await page.evaluate(() => Reflect.get(window, '__listFirst') as { reminder: boolean; top: number });
    expect(first.reminder).toBe(true);
    const now = await link.evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
    expect(now).toBe(first.top);
    // The page's heading still takes focus after the unlock, as before the wait.
    await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeFocused();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible();
  });

  test('is axe-clean and fits 360 px, with every section', async ({ page, context }) => {
    const logbook = await startDevice(page, context, testPassphrase);
    await logbook.openNewIncident();
    await logbook.fillIncident(incident);
    await logbook.saveIncident();
    // A logbook with a case and no backup: the reminder's link lands on the Back-up section.
    const reminder = page.getByRole('complementary', { name: 'Herinnering back-up' });
    await expect(reminder).toContainText('Je hebt nog geen back-up gemaakt van je logboek.');
    // Its "Niet nu" says which notice it is about (the recovery-code notice can show at the same time).
    await expect(reminder.getByRole('button', { name: 'Niet nu — Herinnering back-up', exact: true })).toBeVisible();
    await reminder.getByRole('link', { name: 'Back-up maken' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Back-up' })).toBeFocused();
    const settings = new SettingsPage(page);
    await settings.open();
    for (const name of ['Back-up', 'Beveiliging', 'Algemeen']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    for (const name of [
      'Back-up maken',
      'Back-up inlezen',
      'Wachtwoordzin wijzigen',
      'Automatisch vergrendelen',
      'Opslag op dit toestel',
    ]) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    }
    await expect(page.getByText(/ MB van .* MB gebruikt\.$/)).toBeVisible();
    await settings.exportBackup({ passphrase: testPassphrase });
    // Refused for its passphrase, then "Enkele dossiers": the group that opens is not marked before it is used.
    await settings.exportForm.getByRole('button', { name: 'Back-up maken' }).click();
    await expect(
      settings.exportForm.getByRole('alert').filter({ hasText: 'Vul je huidige wachtwoordzin in.' }),
    ).toBeVisible();
    await settings.exportForm.getByRole('radio', { name: /^Enkele dossiers/ }).check();
    const pick = settings.exportForm.getByRole('group', { name: 'Welke dossiers?' });
    await expect(pick.getByRole('checkbox').first()).toBeVisible();
    await expect(pick.getByRole('checkbox').first()).not.toHaveAttribute('aria-invalid', 'true');
    await expect(settings.exportForm.getByText('Kies minstens één dossier.')).toHaveCount(0);
    await settings.exportForm.getByRole('radio', { name: /^Een eenmalige wachtwoordzin/ }).check();
    await settings.exportForm.getByRole('button', { name: 'Back-up maken' }).click();
    await expect(settings.exportForm.getByText('Kies minstens één dossier.')).toBeVisible();
    // The earlier backup's "Back-up gemaakt" does not stand next to this attempt's errors.
    await expect(settings.exportForm.getByText(/^Back-up gemaakt/)).toHaveCount(0);
    // Making a backup saves nothing: the refusal says no backup was made, not that nothing was saved.
    await expect(
      settings.exportForm
        .getByRole('alert')
        .filter({ hasText: 'Geen back-up gemaakt: kijk de gemarkeerde velden na.' }),
    ).toBeVisible();
    await expect(settings.exportForm).not.toContainText('Niet bewaard');
    await expectNoAxeViolations(page, 'Instellingen with errors shown');
    await settings.expectNoHorizontalOverflow('Instellingen');

    // Settings save at once.
    await page
      .getByRole('combobox', { name: 'Vergrendelen na zoveel tijd zonder activiteit' })
      .selectOption({ label: '10 minuten' });
    await expect(page.getByRole('status').filter({ hasText: 'Bewaard.' })).toBeVisible();
    await page.getByRole('group', { name: 'Rechtsgebied' }).getByRole('radio', { name: 'Nederland' }).check();
    // Wait for this section's own "Bewaard." (the one above is the lock setting's), so the reload
    // cannot overtake the write.
    await expect(
      page.getByRole('region', { name: 'Algemeen' }).getByRole('status').filter({ hasText: 'Bewaard.' }),
    ).toBeVisible();
    // A switch of region is for new cases; the saved line says the existing ones keep theirs.
    await expect(page.getByRole('region', { name: 'Algemeen' }).getByRole('status')).toHaveText(
      'Bewaard. Nieuwe dossiers volgen nu de regels van Nederland. Bestaande dossiers houden hun eigen rechtsgebied.',
    );
    // What Instellingen shows first after unlock, recorded as it enters the page: the stored settings,
    // never the defaults for a moment (no "no backup yet", no 5 minutes, no Vlaanderen).
    await page.addInitScript(() => {
      const first: Record<string, unknown> = {};
      Object.defineProperty(window, '__firstShown', { value: first });
      new MutationObserver(() => {
        const select = Array.from(document.querySelectorAll('select')).find((el) =>
          el.labels?.[0]?.textContent?.includes('Vergrendelen na zoveel tijd'),
        );
        if (select && !('lockAfter' in first)) first.lockAfter = select.value;
        const radio = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
          (el) => el.labels?.[0]?.textContent?.trim() === 'Nederland',
        );
        if (radio && !('nederland' in first)) first.nederland = radio.checked;
        if (document.body.textContent?.includes('Je hebt op dit toestel nog geen back-up gemaakt.')) first.never = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await logbook.lock.unlock();
    await expect(page.getByRole('combobox', { name: 'Vergrendelen na zoveel tijd zonder activiteit' })).toHaveValue(
      '10',
    );
    await expect(page.getByText(/^Laatste back-up: /)).toBeVisible();
    expect(await page.evaluate(() => Reflect.get(window, '__firstShown'))).toEqual({
      lockAfter: '10',
      nederland: true,
    });
    await expect(
      page.getByRole('group', { name: 'Rechtsgebied' }).getByRole('radio', { name: 'Nederland' }),
    ).toBeChecked();

    // Changing the passphrase: a wrong current one is refused, then the change works.
    const form = page.getByRole('form', { name: 'Wachtwoordzin wijzigen' });
    // The same passphrase again: said on the new passphrase's field, which takes focus.
    const next = form.getByLabel('Nieuwe wachtwoordzin', { exact: true });
    await form.getByLabel('Huidige wachtwoordzin').fill(testPassphrase);
    await next.fill(testPassphrase);
    await form.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(testPassphrase);
    await form.getByRole('button', { name: 'Wachtwoordzin wijzigen' }).click();
    await expect(next).toHaveAttribute('aria-invalid', 'true');
    await expect(next).toHaveAccessibleDescription(/De nieuwe wachtwoordzin is dezelfde als de huidige\./);
    await expect(next).toBeFocused();
    await form.getByLabel('Huidige wachtwoordzin').fill('niet mijn wachtwoordzin');
    await form.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(otherPassphrase);
    await form.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(otherPassphrase);
    await form.getByRole('button', { name: 'Wachtwoordzin wijzigen' }).click();
    await expect(form.getByText('De huidige wachtwoordzin klopt niet.')).toBeVisible();
    await form.getByLabel('Huidige wachtwoordzin').fill(testPassphrase);
    await form.getByRole('button', { name: 'Wachtwoordzin wijzigen' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Je wachtwoordzin is gewijzigd. Gebruik voortaan de nieuwe. Je vorige back-ups openen alleen met de oude: maak een nieuwe back-up.',
    );
    // A next attempt that is refused: the last one's "gewijzigd" does not stand beside its error.
    await form.getByLabel('Huidige wachtwoordzin').fill(otherPassphrase);
    await next.fill(otherPassphrase);
    await form.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(otherPassphrase);
    await form.getByRole('button', { name: 'Wachtwoordzin wijzigen' }).click();
    await expect(next).toHaveAccessibleDescription(/De nieuwe wachtwoordzin is dezelfde als de huidige\./);
    await expect(form.getByText('Je wachtwoordzin is gewijzigd.', { exact: false })).toHaveCount(0);
    await logbook.lock.lock();
    await logbook.lock.unlock(otherPassphrase);
    await expect(settings.heading()).toBeVisible();
  });
});
