// Robustness suite (issue 10), part 2: a full device, in the browser.
// Chromium's Storage.overrideQuotaForOrigin (DevTools protocol) only bites
// when a database is created in this Chromium (writes to an open, existing
// database are not checked against the override; see the README), so:
// - the first run on a full device uses the real quota override;
// - writes to an existing logbook use a wrapper (test code only) that makes
//   IndexedDB put/add throw a DOMException "QuotaExceededError" while
//   `window.__bakenDiskFull` is true.
// Either way the user gets the Dutch "storage.full" message, nothing is half
// written (raw store compared before and after) and, once space is back, the
// same actions work.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LogbookPage, phone } from '../pages/logbook-page';
import { LockPage, testPassphrase } from '../pages/lock-page';
import { SettingsPage } from '../pages/settings-page';
import { figure, readRawStore } from './robust-support';

test.use({ viewport: phone });

const fullLogbook =
  'Het toestel is vol. Er is niets opgeslagen. Maak ruimte vrij of maak een back-up en probeer opnieuw.';
const fullSettings = 'Het toestel is vol. Er is niets bewaard. Maak ruimte vrij en probeer opnieuw.';

/** Records, audit events and the audit head, as text (drafts left out: they are saved while typing). */
async function snapshot(page: Page): Promise<string> {
  const raw = await readRawStore(page);
  return JSON.stringify(
    {
      records: raw.records.filter((r) => r.kind !== 'draft'),
      audit: raw.audit,
      head: raw.meta.find((m) => m.key === 'auditHead') ?? null,
      counter: raw.meta.find((m) => m.key === 'caseReferences') ?? null,
    },
    (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join('.') : v),
  );
}

/** Wraps IndexedDB put/add in every page of the context: they throw QuotaExceededError while the flag is on. */
async function installDiskFullSwitch(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(window, '__bakenDiskFull', { value: false, writable: true });
    const proto = IDBObjectStore.prototype;
    type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
    const wrap = (real: Write): Write =>
      function (this: IDBObjectStore, ...args: unknown[]) {
        if ((window as unknown as { __bakenDiskFull: boolean }).__bakenDiskFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return real.apply(this, args);
      };
    proto.put = wrap(proto.put as Write) as typeof proto.put;
    proto.add = wrap(proto.add as Write) as typeof proto.add;
  });
}

async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __bakenDiskFull: boolean }).__bakenDiskFull = value;
  }, full);
}

test('a full device gives a clear Dutch message, writes nothing, and the app keeps working', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const logbook = new LogbookPage(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await installDiskFullSwitch(context);
  await logbook.startOffline(context);
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een leerkracht',
    types: ['grooming'],
    schools: ['Atheneum'],
    description: 'Contact via een game, gemeld door een leerkracht.',
  });
  const reference = await logbook.saveIncident();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '13', expectPseudonym: 'Jongere A' });

  let attempts = 0;

  // A note on a full device.
  let before = await snapshot(page);
  await setDiskFull(page, true);
  const timeline = logbook.section('Tijdlijn');
  await logbook.noteText.fill('Een lange notitie. '.repeat(300));
  await timeline.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(timeline.getByRole('alert').filter({ hasText: fullLogbook })).toBeVisible();
  attempts++;
  expect(await snapshot(page)).toBe(before);

  // A betrokkene (party + case + audit event in one transaction).
  const parties = logbook.section('Betrokkenen');
  await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
  const form = parties.getByRole('form', { name: 'Betrokkene toevoegen' });
  await form.getByRole('radio', { name: 'melder', exact: true }).check();
  await form.getByRole('textbox', { name: 'Leeftijd (jaar)' }).fill('15');
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(parties.getByRole('alert').filter({ hasText: fullLogbook })).toBeVisible();
  attempts++;
  expect(await snapshot(page)).toBe(before);
  await form.getByRole('button', { name: 'Annuleren' }).click();

  // A new incident (the case number is reserved first; a failed save leaves a gap by design).
  await page.getByRole('link', { name: 'Terug naar het logboek' }).click();
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een ouder',
    types: ['sexting'],
    schools: ['Sint-Jozef'],
    description: 'Tweede incident op een vol toestel.',
  });
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: fullLogbook })).toBeVisible();
  attempts++;
  const afterIncident = JSON.parse(await snapshot(page)) as { records: unknown[]; audit: unknown[] };
  const beforeIncident = JSON.parse(before) as { records: unknown[]; audit: unknown[] };
  expect(afterIncident.records).toEqual(beforeIncident.records);
  expect(afterIncident.audit).toEqual(beforeIncident.audit);
  await expect(logbook.heading('Nieuw incident')).toBeVisible();

  // Space is back: the same actions work, and nothing of the failed ones shows up.
  await setDiskFull(page, false);
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(logbook.heading(/^Dossier \d{4}-\d{3}$/)).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar het logboek' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(logbook.section('Tijdlijn').getByText('Nog geen notities.')).toBeVisible();
  await expect(logbook.section('Betrokkenen').getByRole('heading', { level: 3 })).toHaveText([
    'Jongere A (afgebeelde jongere)',
  ]);
  await logbook.addNote('gesprek', 'Notitie nadat er weer plaats is.');
  await logbook.addParty({ role: 'melder', age: '15', expectPseudonym: 'Melder A' }); // issue 15: by role

  // A backup import on a full device: refused as a whole, with the settings screen's message.
  const settings = new SettingsPage(page);
  await settings.open();
  const file = await settings.exportBackup({ passphrase: testPassphrase });
  before = await snapshot(page);
  await setDiskFull(page, true);
  await settings.importBackup(file, testPassphrase, 'Samenvoegen met dit logboek');
  await expect(settings.importError()).toHaveText(fullSettings, { timeout: 30_000 });
  attempts++;
  expect(await snapshot(page)).toBe(before);
  await setDiskFull(page, false);

  figure(
    `quota (browser): writes tried on a full device=${attempts}, half-written=0, page errors so far=${errors.length}`,
  );

  expect(errors).toEqual([]);

  // Locked out by a full disk? Unlocking must still work (the flag lives in the page, so no reload).
  // Page errors are not checked here: the wrapper throws synchronously, which a real quota error
  // never does (it aborts the transaction later), and the raw IndexedDB callbacks of the lock
  // screen's meta store (app/data/meta-store.ts) then report an uncaught exception of the wrapper's.
  await setDiskFull(page, true);
  await logbook.lock.lock();
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(testPassphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
  await setDiskFull(page, false);
});

test('first run on a device whose quota is used up explains it in Dutch, and works once there is room', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.goto('/');
  const lock = new LockPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Baken instellen' })).toBeVisible();
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(testPassphrase);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(testPassphrase);
  await page.getByRole('checkbox', { name: /Maak ook een herstelcode/ }).uncheck();
  await page.getByRole('button', { name: 'Logboek aanmaken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Het toestel is vol/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeHidden();

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  await lock.createVault();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  expect(errors).toEqual([]);
  figure(
    'quota (browser, first run with a used-up quota): refused with a Dutch message, then set up once there was room',
  );
});
