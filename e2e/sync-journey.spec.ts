// Issue 20 (helper F): two devices, offline work, replication, a conflict,
// erasure, and what the server holds afterwards.
import type { Page } from '@playwright/test';

import { LockPage, testPassphrase } from './pages/lock-page';
import { LogbookPage } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

const SYNC_WAIT = { timeout: 45_000 };

function isoInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** In-app navigation (works offline, unlike a reload). */
async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
}

async function openCase(page: Page, reference: string): Promise<void> {
  await goHome(page);
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible();
}

async function reschedule(page: Page, to: string, reason: string): Promise<void> {
  await new LogbookPage(page).rescheduleFollowUp(to, reason);
}

test('offline work on two devices replicates, a conflicting date becomes one choice, erasure travels, the server sees no content', async ({
  page,
  browser,
  baseURL,
  syncAccount,
  syncServer,
}) => {
  test.setTimeout(240_000);
  const markers = {
    description: 'MARKER-beschrijving-sync',
    school: 'MARKER-School-Sint-Jozef',
    realName: 'MARKER-Vandenberghe',
    noteA: 'MARKER-notitie-laptop',
    noteB: 'MARKER-notitie-telefoon',
    purpose: 'MARKER-opvolgen',
    reasonA: 'MARKER-reden-a',
    reasonB: 'MARKER-reden-b',
  };

  // Device A connects; device B joins with a pairing code.
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
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

  // A case made offline on A appears on B once A is online again.
  await page.context().setOffline(true);
  const logbookA = new LogbookPage(page);
  await goHome(page);
  await logbookA.openNewIncident();
  await logbookA.fillIncident({
    types: ['ongewenste sexting'],
    knownVia: 'Een klasgenoot',
    schools: [markers.school],
    description: markers.description,
  });
  const reference = await logbookA.saveIncident();
  await logbookA.addParty({ role: 'afgebeelde jongere', realName: markers.realName, expectPseudonym: 'Jongere A' });
  await logbookA.scheduleFollowUp(markers.purpose);
  // The sync status says the device is offline (not that the server cannot be reached), and that nothing is lost.
  await new SettingsPage(page).open();
  await expect(page.getByRole('status', { name: 'Synchronisatie' })).toContainText(
    'Dit toestel is offline. Je wijzigingen blijven bewaard',
    SYNC_WAIT,
  );
  await page.context().setOffline(false);
  await goHome(pageB);
  await expect(pageB.getByRole('link', { name: reference, exact: true })).toBeVisible(SYNC_WAIT);
  await openCase(pageB, reference);
  await expect(pageB.getByText(/Tot .*: MARKER-opvolgen/)).toBeVisible(SYNC_WAIT);

  // Both offline: a note each, and the same follow-up moved to different dates.
  await page.context().setOffline(true);
  await contextB.setOffline(true);
  await openCase(page, reference);
  await logbookA.addNote('gesprek', markers.noteA);
  await reschedule(page, isoInDays(20), markers.reasonA);
  const logbookB = new LogbookPage(pageB);
  await logbookB.addNote('gesprek', markers.noteB);
  await reschedule(pageB, isoInDays(30), markers.reasonB);
  await page.context().setOffline(false);
  await contextB.setOffline(false);

  for (const p of [page, pageB]) {
    const timeline = p.getByRole('region', { name: 'Tijdlijn', exact: true });
    await expect(timeline.getByRole('article').filter({ hasText: markers.noteA })).toBeVisible(SYNC_WAIT);
    await expect(timeline.getByRole('article').filter({ hasText: markers.noteB })).toBeVisible(SYNC_WAIT);
    const conflicts = p.getByRole('region', { name: 'Tegenstrijdige wijzigingen' });
    await expect(conflicts.getByRole('listitem')).toHaveCount(1, SYNC_WAIT);
    await expect(conflicts).toContainText('opvolging, veld "due"');
  }

  // The worker chooses on B; the item closes on both devices.
  const choice = pageB.getByRole('region', { name: 'Tegenstrijdige wijzigingen' });
  await choice.getByRole('button', { name: `Kies ${isoInDays(20)}` }).click();
  await expect(choice).toBeHidden(SYNC_WAIT);
  await expect(page.getByRole('region', { name: 'Tegenstrijdige wijzigingen' })).toBeHidden(SYNC_WAIT);

  // Erasing on A removes the case on B.
  const followSection = page.getByRole('region', { name: 'Opvolging en status', exact: true });
  await followSection.getByRole('button', { name: 'Dossier wissen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Definitief wissen' }).click();
  await goHome(pageB);
  await expect(pageB.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(pageB.getByRole('link', { name: reference, exact: true })).toHaveCount(0, SYNC_WAIT);

  // Every document on the server: no marker, name, date or case reference.
  const raw = JSON.stringify(await syncServer.rawDocs(syncAccount.db));
  for (const marker of Object.values(markers)) expect(raw).not.toContain(marker);
  expect(raw).not.toContain('MARKER');
  expect(raw).not.toContain(reference);
  expect(raw).not.toMatch(/20\d\d-\d\d-\d\d/);
  expect(raw).not.toContain('Laptop');

  await contextB.close();
});
