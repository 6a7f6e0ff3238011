// Robustness suite (issue 10), part 3 in the browser: a sample of hostile
// backup and audit-log files through the real file inputs (setInputFiles).
// Each is refused with a Dutch message (or, for script tags in free text,
// accepted and shown as plain text), the store is unchanged after a refusal,
// and no error escapes to the page (no `pageerror`). The 10,000-file run is
// the unit test app/data/robust/hostile-imports.robust.test.ts.
import { deriveBackupKeys, sealBackupText } from '../../app/data/backup';
import { newKdfParams } from '../../app/data/crypto';
import { expect, test } from '../fixtures';
import { ExportPage } from '../pages/export-page';
import { LogbookPage, phone } from '../pages/logbook-page';
import { SettingsPage } from '../pages/settings-page';
import { backupPayload, caseWithParts, figure, readRawStore } from './robust-support';
import type { Page } from '@playwright/test';

test.use({ viewport: phone });

const TRANSFER = 'overdracht met vijandige bestanden';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

/** Every Dutch refusal of the import form (nl.settings.errors), as the user reads them. */
const refusal =
  /geen Baken-back-up|nieuwere versie van Baken|onvolledig of beschadigd|wachtwoordzin opent de back-up niet|te zwakke instellingen|klopt niet met wat Baken verwacht|bevat beeldgegevens|botst met gegevens|te groot voor een Baken-back-up|Kies een \.baken-bestand|alleen .baken|Dit is geen/;

async function snapshot(page: Page): Promise<string> {
  const raw = await readRawStore(page);
  return JSON.stringify(
    { records: raw.records, head: raw.meta.find((m) => m.key === 'auditHead') ?? null },
    (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join('.') : v),
  );
}

test('hostile backup and audit-log files through the file inputs are refused in Dutch, with no page errors', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een ouder',
    types: ['sexting'],
    schools: ['Atheneum'],
    description: 'Bestaand dossier.',
  });
  await logbook.saveIncident();

  // ---- backup files ---------------------------------------------------------
  const keys = await deriveBackupKeys(TRANSFER, newKdfParams());
  const valid = caseWithParts('2025-0001', 'vijandig');
  const seal = async (text: string) => Buffer.from(await sealBackupText(text, keys));
  const good = await seal(backupPayload(valid));
  const flipped = Buffer.from(good);
  flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0x10;
  const withKey = (key: string) => {
    const text = backupPayload(valid);
    return `${text.slice(0, -1)},"${key}":{"polluted":true}}`;
  };
  const backups: Array<{ label: string; name: string; bytes: Buffer }> = [
    { label: 'not a backup', name: 'foto.baken', bytes: Buffer.from(PNG) },
    { label: 'empty', name: 'leeg.baken', bytes: Buffer.alloc(0) },
    { label: 'truncated', name: 'kort.baken', bytes: good.subarray(0, good.length - 7) },
    { label: 'bit flip', name: 'flip.baken', bytes: flipped },
    {
      label: 'random bytes',
      name: 'ruis.baken',
      bytes: Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 37) & 0xff)),
    },
    {
      label: 'header script',
      name: 'kop.baken',
      bytes: Buffer.concat([
        good.subarray(0, 13),
        Buffer.from([0, 0, 0, 25]),
        Buffer.from('<script>alert(1)</script>'),
      ]),
    },
    { label: '__proto__ key', name: 'proto.baken', bytes: await seal(withKey('__proto__')) },
    { label: 'constructor key', name: 'constructor.baken', bytes: await seal(withKey('constructor')) },
    {
      label: 'deep nesting',
      name: 'diep.baken',
      bytes: await seal(
        backupPayload([]).replace('"records":[]', `"records":[${'['.repeat(5000)}${']'.repeat(5000)}]`),
      ),
    },
    {
      label: 'wrong types',
      name: 'types.baken',
      bytes: await seal(backupPayload(valid.map((r) => ({ ...r, schemaVersion: '1' })))),
    },
    {
      label: 'huge string',
      name: 'groot.baken',
      bytes: await seal(
        backupPayload(valid.map((r) => (r.kind === 'case' ? { ...r, description: 'x'.repeat(300_000) } : r))),
      ),
    },
    {
      label: 'image data',
      name: 'beeld.baken',
      bytes: await seal(
        backupPayload(
          valid.map((r) =>
            r.kind === 'note' ? { ...r, text: `Kijk data:image/png;base64,${Buffer.from(PNG).toString('base64')}` } : r,
          ),
        ),
      ),
    },
    { label: 'newer version', name: 'nieuw.baken', bytes: await seal(backupPayload(valid, { version: 2 })) },
    { label: 'not JSON', name: 'tekst.baken', bytes: await seal('<script>alert(1)</script>') },
    { label: 'wrong extension', name: 'foto.png', bytes: Buffer.from(PNG) },
  ];

  const settings = new SettingsPage(page);
  await settings.open();
  let refused = 0;
  const failures: string[] = [];
  for (const file of backups) {
    const before = await snapshot(page);
    await settings.importBackup(
      { name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes },
      TRANSFER,
      'Samenvoegen met dit logboek',
    );
    const message = settings.importForm.getByRole('alert').filter({ hasText: refusal });
    try {
      await expect(message).toBeVisible({ timeout: 30_000 });
      refused++;
    } catch {
      failures.push(`${file.label}: no Dutch refusal (${(await settings.importForm.textContent())?.slice(-200)})`);
    }
    if ((await snapshot(page)) !== before) failures.push(`${file.label}: the store changed`);
  }

  // Script tags in free text: accepted, and shown as plain text on the case page.
  const script = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
  const scripted = caseWithParts('2025-0002', 'script').map((r) =>
    r.kind === 'case'
      ? { ...r, description: script }
      : r.kind === 'note'
        ? { ...r, text: `javascript:alert(1) ${script}` }
        : r,
  );
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await settings.importBackup(
    { name: 'script.baken', mimeType: 'application/octet-stream', buffer: await seal(backupPayload(scripted)) },
    TRANSFER,
    'Samenvoegen met dit logboek',
  );
  await expect(settings.importStatus()).toContainText('Samengevoegd', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
  await page.getByRole('link', { name: '2025-0002' }).click();
  await expect(logbook.section('Incident').getByText(script, { exact: true })).toBeVisible();
  await expect(logbook.section('Tijdlijn').getByText(`javascript:alert(1) ${script}`, { exact: true })).toBeVisible();
  expect(await page.locator('img[onerror], script:not([src])').count()).toBe(0);

  // ---- audit-log files --------------------------------------------------------
  const exportPage = new ExportPage(page);
  await exportPage.open();
  const log = JSON.stringify({
    type: 'baken-audit-log',
    version: 1,
    generatedOn: '2026-03-12',
    hashAlgorithm: 'SHA-256',
    preChainEvents: 0,
    events: [],
    head: null,
    checksum: '0'.repeat(64),
  });
  const audits: Array<{ label: string; name: string; text: string; mime: string }> = [
    { label: 'script', name: 'log.json', text: '<script>alert(1)</script>', mime: 'application/json' },
    {
      label: '__proto__',
      name: 'log.json',
      text: log.replace('{', '{"__proto__":{"polluted":true},'),
      mime: 'application/json',
    },
    {
      label: 'constructor',
      name: 'log.json',
      text: log.replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
      mime: 'application/json',
    },
    {
      label: 'deep nesting',
      name: 'log.json',
      text: '['.repeat(100_000) + ']'.repeat(100_000),
      mime: 'application/json',
    },
    {
      label: 'wrong types',
      name: 'log.json',
      text: log.replace('"version":1', '"version":"1"'),
      mime: 'application/json',
    },
    {
      label: 'huge string',
      name: 'log.json',
      text: log.replace('2026-03-12', 'x'.repeat(1_000_000)),
      mime: 'application/json',
    },
    {
      label: 'image data',
      name: 'log.json',
      text: log.replace('SHA-256', `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`),
      mime: 'application/json',
    },
    { label: 'bad checksum', name: 'log.json', text: log, mime: 'application/json' },
    { label: 'truncated', name: 'log.json', text: log.slice(0, 40), mime: 'application/json' },
  ];
  const section = exportPage.logSection;
  let auditRefused = 0;
  for (const file of audits) {
    const before = await snapshot(page);
    await section
      .getByLabel('Auditlogbestand')
      .setInputFiles({ name: file.name, mimeType: file.mime, buffer: Buffer.from(file.text) });
    await section.getByRole('button', { name: 'Controleren' }).click();
    try {
      await expect(section.getByRole('status').filter({ hasText: /^Ongeldig/ })).toBeVisible({ timeout: 30_000 });
      auditRefused++;
    } catch {
      failures.push(`audit ${file.label}: not reported as invalid`);
    }
    if ((await snapshot(page)) !== before) failures.push(`audit ${file.label}: the store changed`);
  }
  // A picture renamed or typed as something else never reaches the verifier.
  await section
    .getByLabel('Auditlogbestand')
    .setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from(PNG) });
  await section.getByRole('button', { name: 'Controleren' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'Kies een .json-bestand van Baken.' })).toBeVisible();

  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
  figure(
    `hostile files (browser): backups tried=${backups.length}, refused in Dutch=${refused}; audit logs tried=${audits.length + 1}, ` +
      `refused=${auditRefused + 1}; literal script text shown=2; dialogs=${dialogs.length}; page errors=${errors.length}; failures=${failures.length}`,
  );
  expect(failures).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
