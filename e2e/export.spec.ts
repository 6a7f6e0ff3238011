// Exports on a phone (360×740), offline after the first visit: the
// need-to-know summary (screen, print, copy), the anonymised auditor CSV/JSON,
// and the audit log with both verifiers (in the app and `verify-audit`).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExportPage } from './pages/export-page';
import { LogbookPage, phone } from './pages/logbook-page';

test.use({ viewport: phone });

const markers = {
  school: 'School-marker-S7K',
  fact: 'Feit-marker-F3Q',
  // One word: a real name's parts are names too (issue 14), so it must not share the word "marker" with the facts.
  realName: 'Naammarker-N5W',
  reasoning: 'Vlag-marker-V2P',
};

/** Seeds one case through the logbook UI: facts consented for the school, an assessment without consent. */
async function seedCase(logbook: LogbookPage, moreFacts = ''): Promise<string> {
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een klasgenoot',
    types: ['ongewenste sexting'],
    schools: [markers.school],
    description: `Foto doorgestuurd in de klasgroep. ${markers.fact}.${moreFacts}`,
  });
  const reference = await logbook.saveIncident();
  await logbook.addParty({
    role: 'afgebeelde jongere',
    age: '15',
    realName: markers.realName,
    expectPseudonym: 'Jongere A',
  });
  await logbook.assessFlags({
    answers: { 'Wederzijdse toestemming': 'niet in orde' },
    flag: 'Rood',
    reasoning: `Doorgestuurd zonder toestemming. ${markers.reasoning}.`,
  });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  return reference;
}

function verifyAuditCli(file: string, anchor?: string): { status: number | null; out: string } {
  const args = ['scripts/verify-audit.mjs', file, ...(anchor ? ['--anchor', anchor] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

test.describe('exports', () => {
  test('a summary for the school shows the consented facts, not the assessment without consent, and prints', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    const reference = await seedCase(logbook);
    const exports = new ExportPage(page);
    await exports.open();
    await logbook.expectNoHorizontalOverflow('export screen');
    await expectNoAxeViolations(page, 'export screen');

    // Issue 16: the anchor code follows the audit chain without a reload.
    const anchorBefore = await exports.currentAnchor();
    await exports.makeSummary(reference, 'de school');
    const seqOf = (code: string) => Number(code.split('-')[0]);
    await expect.poll(async () => seqOf(await exports.currentAnchor())).toBeGreaterThan(seqOf(anchorBefore));
    const doc = exports.summaryDocument;
    await expect(doc).toContainText('Vertrouwelijk — alleen wat nodig is');
    await expect(doc.getByRole('heading', { level: 3 })).toHaveText(`Samenvatting dossier ${reference} voor de school`);
    await expect(doc).toContainText(markers.fact);
    await expect(doc).toContainText(markers.school);
    await expect(doc).toContainText(
      /Bron: gedeeld met toestemming van afgebeelde jongere \(15\), mondeling genoteerd, \d{2}\/\d{2}\/\d{4}/,
    );
    await expect(doc).toContainText('Niet gedeeld: Namen van betrokkenen, Vlaggensysteem-beoordeling');
    await expect(doc).toContainText(/Ankercode auditlog: \d+-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    for (const hidden of [markers.reasoning, markers.realName, 'Jongere A', 'Rood', 'rood']) {
      await expect(doc).not.toContainText(hidden);
    }
    await logbook.expectNoHorizontalOverflow('summary preview');
    await expectNoAxeViolations(page, 'summary preview');
    // Nothing like a phone number or e-mail address in it (the dates are not): no warning.
    await expect(exports.summarySection.getByText(/lijkt op een telefoonnummer of e-mailadres/)).toHaveCount(0);

    // The same summary as plain text.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await exports.summarySection.getByRole('button', { name: 'Tekst kopiëren' }).click();
    // Issue 18: copying names to the clipboard asks first.
    const ask = page.getByRole('dialog', { name: 'Tekst op het klembord zetten?' });
    await expect(ask).toContainText('andere apps');
    await ask.getByRole('button', { name: 'Ja, kopiëren' }).click();
    await expect(exports.summarySection.getByRole('status').filter({ hasText: 'klembord' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Vertrouwelijk — alleen wat nodig is');
    expect(copied).toContain(markers.fact);
    expect(copied).not.toContain(markers.reasoning);

    // Print: only the summary document remains.
    await page.emulateMedia({ media: 'print' });
    await expect(doc).toBeVisible();
    await expect(doc).toContainText(markers.fact);
    await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeHidden();
    await expect(exports.summarySection.getByRole('button', { name: 'Samenvatting maken' })).toBeHidden();
    await expect(exports.auditorSection).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });

    // Issue 18: locking empties the clipboard Baken wrote to.
    await logbook.lock.lock();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('');
  });

  test('a summary leaves a phone number and an e-mail address out, whole, and says why', async ({ page, context }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    const reference = await seedCase(logbook, ' Moeder belde vanop 0471 23 45 67, mail: an.peeters@telenet.be.');
    const exports = new ExportPage(page);
    await exports.open();
    await exports.makeSummary(reference, 'de school');
    await expect(exports.summaryDocument).toContainText(
      'Moeder belde vanop [telefoonnummer weggelaten], mail: [e-mailadres weggelaten].',
    );
    for (const hidden of ['0471', '@', 'telenet']) await expect(exports.summaryDocument).not.toContainText(hidden);
    await expect(
      exports.summarySection.getByText(/^Telefoonnummers en e-mailadressen laat Baken weg uit een samenvatting/),
    ).toBeVisible();
    // Nothing like one is left in the text: the other warning does not show.
    await expect(exports.summarySection.getByText(/lijkt op een telefoonnummer of e-mailadres/)).toHaveCount(0);
  });

  test('a downloaded auditor CSV and JSON contain no names, schools, free text or exact dates', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    const reference = await seedCase(logbook);
    const exports = new ExportPage(page);
    await exports.open();

    await exports.makeAuditorFigures();
    const section = exports.auditorSection;
    const types = section.getByRole('table', { name: 'Dossiers per soort incident (eerste gekozen soort)' });
    await expect(types).toBeVisible();
    // One case is below k: the table says only "minder dan 5", no cell and no zero.
    await expect(types.getByRole('row')).toHaveCount(2);
    await expect(types.getByRole('row', { name: 'Totaal minder dan 5' })).toBeVisible();
    await expect(section.getByRole('row', { name: /ongewenste sexting/ })).toHaveCount(0);
    await logbook.expectNoHorizontalOverflow('auditor preview');
    await expectNoAxeViolations(page, 'auditor preview');

    const csv = await exports.download(section, 'CSV bewaren');
    const json = await exports.download(section, 'JSON bewaren');
    expect(csv.name).toMatch(/^baken-auditor-\d{4}-Q[1-4]\.csv$/);
    expect(csv.text.split('\r\n')[0]).toBe('type,version,generatedOn,period,k');
    // Each row also in words, for an auditor without Baken (a review: only codes).
    expect(csv.text.split('\r\n')[3]).toBe('table,cell,value,suppressed,omschrijving');
    expect(csv.text).toContain('types,total,<5,1,Dossiers per soort incident (eerste gekozen soort): Totaal\r\n');
    expect(csv.text).toMatch(/\r\nstats,pctSharesWithConsent,[^,]*,\d,Delen met gedocumenteerde toestemming \(%\)\r\n/);
    const envelope = JSON.parse(json.text) as {
      type: string;
      version: number;
      generatedOn: string;
      period: string;
      k: number;
    };
    expect(envelope).toMatchObject({ type: 'baken-auditor-aggregates', version: 3, k: 5 });
    for (const file of [csv.text, json.text]) {
      for (const marker of [...Object.values(markers), reference, 'Jongere A', 'Foto doorgestuurd']) {
        expect(file).not.toContain(marker);
      }
      // The only full date is the envelope's generatedOn; records' dates never appear.
      expect(file.match(/\d{4}-\d{2}-\d{2}/g)).toEqual([envelope.generatedOn]);
      expect(file).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    }

    // The optional row-level log: pseudonymised personal data, labelled as such on screen and in the file.
    await expect(section.getByText(/Dit zijn gepseudonimiseerde persoonsgegevens/)).toBeVisible();
    // Rows per case can single a pupil out (here the only case): the screen says so before offering them.
    await expect(section.getByText(/kan daarin soms een leerling herkennen/)).toBeVisible();
    const rows = await exports.download(section, 'Rij per dossier bewaren (JSON, gepseudonimiseerd)');
    expect(rows.name).toMatch(/^baken-auditor-rijen-gepseudonimiseerd-\d{4}-Q[1-4]\.json$/);
    const log = JSON.parse(rows.text) as {
      dataClass: string;
      version: number;
      rows: Array<{ pseudonym: string; knownWeek: string } & Record<string, unknown>>;
    };
    expect(log.dataClass).toBe('gepseudonimiseerde-persoonsgegevens');
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]?.knownWeek).toMatch(/^\d{4}-W\d{2}$/);
    // Issue 15: version 2 carries the structured parts as enums, counts and weeks (none recorded here);
    // version 3 adds the Helpwanted.nl takedown step.
    expect(log.version).toBe(3);
    expect(log.rows[0]).toMatchObject({
      evidence: 'geen',
      police: { overwogen: 'geen', aangeraden: 'geen', neergelegd: 'geen' },
      otherInstitutionsInformed: 0,
      groomingPhases: [],
      conversations: { samen: 0, apart: 0 },
      firstConversationWeek: null,
    });
    for (const marker of [...Object.values(markers), reference, 'Jongere A', 'Foto doorgestuurd']) {
      expect(rows.text).not.toContain(marker);
    }
    expect(rows.text.match(/\d{4}-\d{2}-\d{2}/g)).toEqual([envelope.generatedOn]);

    // A year that is not a year: marked on its field, focus there, and the last figures stay away.
    const year = section.getByRole('textbox', { name: 'Jaar' });
    await year.fill('20');
    await section.getByRole('button', { name: 'Overzicht maken' }).click();
    await expect(year).toHaveAttribute('aria-invalid', 'true');
    await expect(year).toHaveAccessibleDescription(/Geef een jaar tussen 2000 en 2100\./);
    await expect(year).toBeFocused();

    // A quarter in which no case became known: true zeros, not "minder dan 5", and nothing to count.
    await year.fill('2020');
    await section.getByRole('combobox', { name: 'Welk kwartaal?' }).selectOption({ index: 0 });
    await section.getByRole('button', { name: 'Overzicht maken' }).click();
    await expect(types.getByRole('row', { name: 'Totaal 0' })).toBeVisible();
    await expect(types.getByRole('row', { name: 'sextortion 0' })).toBeVisible();
    await expect(section.getByRole('cell', { name: 'minder dan 5', exact: true })).toHaveCount(0);
    await expect(
      section
        .getByRole('table', { name: 'Kerncijfers' })
        .getByRole('row', { name: 'Delen met gedocumenteerde toestemming (%) niets te tellen' }),
    ).toBeVisible();
    // At 360 px a row heading wraps between words, never inside one (a review saw "gedocumenteer / de").
    const header = section.getByRole('rowheader', { name: 'Delen met gedocumenteerde toestemming (%)' });
    const wordLines = await header.evaluate((th) => {
      const text = [...th.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('gedocumenteerde'),
      );
      if (!text?.textContent) return -1;
      const range = document.createRange();
      const start = text.textContent.indexOf('gedocumenteerde');
      range.setStart(text, start);
      range.setEnd(text, start + 'gedocumenteerde'.length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(wordLines).toBe(1);

    // At 200% text on the phone every table stays on the screen: a row's label above its value, the page
    // never scrolls sideways (a review: "Aantal" was off-screen), and the table is still a table.
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    await logbook.expectNoHorizontalOverflow('auditor figures at 200% text');
    const zero = types.getByRole('row', { name: 'sextortion 0' });
    await zero.scrollIntoViewIfNeeded();
    const [label, value] = await Promise.all([
      zero.getByRole('rowheader').boundingBox(),
      zero.getByRole('cell').boundingBox(),
    ]);
    expect(value?.y ?? 0).toBeGreaterThan(label?.y ?? 0);
    expect((value?.x ?? 999) + (value?.width ?? 0)).toBeLessThanOrEqual(360);
    await expect(types.getByRole('columnheader', { name: 'Aantal' })).toHaveCount(1);
  });

  test('a summary shows the newest flag of each behaviour with its words, once consent covers the assessment', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    // The seeded case already has a flag for the case as a whole.
    const reference = await seedCase(logbook);
    // Issue 15: one case, a flag per behaviour (Sensoa: forwarding without consent is always transgressive).
    await logbook.assessFlags({
      answers: { 'Wederzijdse toestemming': 'in orde' },
      flag: 'Groen',
      reasoning: 'Tussen leeftijdsgenoten, met wederzijdse toestemming.',
      behaviour: 'eigen foto gestuurd',
    });
    await logbook.assessFlags({
      answers: { 'Wederzijdse toestemming': 'niet in orde' },
      flag: 'Rood',
      reasoning: 'Doorgestuurd zonder toestemming.',
      behaviour: 'foto doorgestuurd zonder toestemming',
    });
    const flags = logbook.section('Vlaggensysteem');
    await expect(flags.getByText('Gedrag: eigen foto gestuurd')).toBeVisible();
    await expect(flags.getByText('Gedrag: foto doorgestuurd zonder toestemming')).toBeVisible();
    await logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient: 'school',
      categories: ['Vlaggensysteem-beoordeling'],
      givenBy: 'de jongere',
    });

    const exports = new ExportPage(page);
    await exports.open();
    await exports.makeSummary(reference, 'de school');
    const doc = exports.summaryDocument;
    await expect(doc.getByRole('listitem').filter({ hasText: /^Vlag groen/ })).toBeVisible();
    await expect(doc).toContainText('Gedrag: eigen foto gestuurd');
    await expect(doc).toContainText('Gedrag: foto doorgestuurd zonder toestemming');
    await expect(doc).toContainText('Toelichting: Doorgestuurd zonder toestemming.');
    // The flag for the case as a whole is another subject, so it is shown too.
    await expect(doc).toContainText(markers.reasoning);
    await logbook.expectNoHorizontalOverflow('summary with a flag per behaviour');
  });

  test("a link to an image in a flag's reasoning is warned about, and never reaches the summary", async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    const reference = await seedCase(logbook);
    const flags = logbook.section('Vlaggensysteem');
    await flags.getByRole('button', { name: 'Beoordeling toevoegen' }).click();
    const form = flags.getByRole('form', { name: 'Nieuwe beoordeling' });
    await form.getByRole('radio', { name: /^Geel/ }).check();
    const reasoning = form.getByRole('textbox', { name: 'Waarom deze vlag?' });
    await reasoning.fill('Zie https://cdn.voorbeeld.be/leak/foto123.jpg voor wat rondging.');
    // Warned at once, and the save is held back until the link goes or is said to be no image.
    const warning = form.getByRole('status').filter({ hasText: 'Link naar een beeld?' });
    await expect(warning).toContainText('Gevonden: https://cdn.voorbeeld.be/leak/foto123.jpg');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(form.getByRole('alert').filter({ hasText: 'Verwijder de link' })).toBeVisible();
    await expect(reasoning).toBeFocused();
    // Said to be no image, it is kept on the case page; a summary still leaves it out.
    await form.getByRole('checkbox', { name: 'Dit is geen beeld (Waarom deze vlag?)' }).check();
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(flags.getByRole('status').filter({ hasText: /^De beoordeling is bewaard\.$/ })).toBeVisible();
    await logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient: 'school',
      categories: ['Vlaggensysteem-beoordeling'],
      givenBy: 'de jongere',
    });
    const exports = new ExportPage(page);
    await exports.open();
    await exports.makeSummary(reference, 'de school');
    await expect(exports.summaryDocument).toContainText(
      'Toelichting: Zie [link naar een beeld weggelaten] voor wat rondging.',
    );
    await expect(exports.summaryDocument).not.toContainText('foto123');
  });

  test('the audit log verifies in the app and with verify-audit, and a tampered copy fails both', async ({
    page,
    context,
    browser,
    server,
  }, testInfo) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await seedCase(logbook);
    const exports = new ExportPage(page);
    await exports.open();

    const log = await exports.download(exports.logSection, 'Auditlog bewaren (JSON)');
    expect(log.name).toMatch(/^baken-auditlog-gepseudonimiseerd-\d{4}-\d{2}-\d{2}\.json$/);
    // Labelled as pseudonymised personal data, in the file and on the screen.
    expect(JSON.parse(log.text)).toMatchObject({ dataClass: 'gepseudonimiseerde-persoonsgegevens' });
    await expect(exports.logSection.getByText(/gepseudonimiseerde persoonsgegevens/)).toBeVisible();
    await expect(exports.logSection.getByRole('status').filter({ hasText: 'is klaar om te bewaren' })).toBeVisible();
    const anchor = await exports.currentAnchor();
    // Issue 18: the seq and 80 bits (was 10 characters, 50 bits).
    expect(anchor).toMatch(/^\d+-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const file = JSON.parse(log.text) as { events: Array<{ seq: number; action: string }> };
    expect(file.events.length).toBeGreaterThan(5);
    expect(log.text).not.toContain(markers.fact);

    const untouched = testInfo.outputPath('auditlog.json');
    await writeFile(untouched, log.text);
    const tamperedEvents = file.events.map((e) => (e.seq === 2 ? { ...e, action: 'backup.exported' } : e));
    const tampered = testInfo.outputPath('auditlog-gewijzigd.json');
    await writeFile(tampered, JSON.stringify({ ...file, events: tamperedEvents }));
    // A link edited out of the log's format (an action Baken does not know): a changed Baken log,
    // not "not a Baken log".
    const outOfFormat = testInfo.outputPath('auditlog-buiten-formaat.json');
    await writeFile(
      outOfFormat,
      JSON.stringify({ ...file, events: file.events.map((e) => (e.seq === 3 ? { ...e, action: 'verwijderd' } : e)) }),
    );
    const wrongType = join(testInfo.outputPath(), 'notities.txt');
    await writeFile(wrongType, 'geen auditlog');

    // On a laptop.
    const ok = verifyAuditCli(untouched, anchor);
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toContain('Geldig');
    expect(ok.out).toContain('Valid');
    expect(ok.out).toContain('up to that link the history was not rewritten');
    const bad = verifyAuditCli(tampered);
    expect(bad.status, bad.out).toBe(1);
    expect(bad.out).toContain('Ongeldig vanaf schakel 2');
    expect(bad.out).toContain('Invalid from link 2');

    // In the app ("Auditlog controleren").
    await expect(await exports.verify(untouched, anchor.toLowerCase())).toContainText(
      'De ankercode die je opgaf, staat in de keten: tot die schakel werd de geschiedenis niet herschreven.',
    );
    // Without an anchor a chain that holds together is no proof that nothing was rewritten, and the verdict says so.
    const alone = await exports.verify(untouched);
    await expect(alone).toContainText(/^Geldig: de keten van \d+ handelingen klopt in zichzelf\./);
    // The same log handed over by mail or a cloud drive, typed as text or as bytes: still read.
    for (const mimeType of ['text/plain', 'application/octet-stream']) {
      const handedOver = await exports.verify({ name: 'auditlog.json', mimeType, buffer: Buffer.from(log.text) });
      await expect(handedOver).toContainText(/^Geldig: de keten van \d+ handelingen klopt in zichzelf\./);
    }
    await expect(alone).toContainText(
      'Of er niets herschreven werd, toont alleen een ankercode die je eerder noteerde',
    );
    await expect(alone).not.toContainText('niet gewijzigd');
    // A mistyped anchor names its own link and asks to check the code, rather than claiming a rewrite outright.
    const [anchorSeq, ...anchorRest] = anchor.split('-');
    const firstGroup = anchorRest[0] ?? '';
    const mistyped = [
      anchorSeq,
      (firstGroup[0] === 'A' ? 'B' : 'A') + firstGroup.slice(1),
      ...anchorRest.slice(1),
    ].join('-');
    await expect(await exports.verify(untouched, mistyped)).toHaveText(
      `Ongeldig vanaf schakel ${anchorSeq}: de ankercode past niet bij de schakel met dat nummer. Controleer of je de code juist overnam; klopt ze, dan werd de geschiedenis tot daar herschreven.`,
    );
    await expect(await exports.verify(tampered)).toHaveText(
      'Ongeldig vanaf schakel 2: de inhoud van de schakel is gewijzigd.',
    );
    await expect(await exports.verify(outOfFormat)).toHaveText(
      'Ongeldig vanaf schakel 3: dit is een auditlog van Baken, maar het werd gewijzigd: de inhoud past niet meer in het vaste formaat.',
    );
    // A wrong file and a malformed anchor: both fields marked, focus on the first.
    const fileField = exports.logSection.getByLabel('Auditlogbestand');
    const anchorField = exports.logSection.getByRole('textbox', { name: /Ankercode die je eerder noteerde/ });
    await fileField.setInputFiles(wrongType);
    await anchorField.fill('12-ABC');
    await exports.logSection.getByRole('button', { name: 'Controleren' }).click();
    await expect(fileField).toHaveAccessibleDescription(/Kies een \.json-bestand van Baken\./);
    await expect(anchorField).toHaveAttribute('aria-invalid', 'true');
    await expect(anchorField).toHaveAccessibleDescription(/Een ankercode is een nummer/);
    await expect(fileField).toBeFocused();
    await expectNoAxeViolations(page, 'audit log section');

    // An auditor with no logbook of their own (another browser): "Auditlog controleren" from the first
    // screen, without setting Baken up, on a phone.
    const auditorContext = await browser.newContext({ viewport: phone, baseURL: server.url });
    const auditor = await auditorContext.newPage();
    await auditor.goto('/');
    await expect(auditor.getByRole('heading', { level: 1, name: 'Baken instellen' })).toBeVisible();
    await auditor
      .getByRole('navigation', { name: 'Zonder ontgrendelen' })
      .getByRole('link', { name: 'Auditlog controleren', exact: true })
      .click();
    await expect(auditor.getByRole('heading', { level: 1, name: 'Auditlog controleren' })).toBeVisible();
    await expect(auditor.getByText(/Je hebt er geen eigen logboek voor nodig\./)).toBeVisible();
    const check = async (path: string, code = ''): Promise<Locator> => {
      await auditor.getByLabel('Auditlogbestand').setInputFiles(path);
      await auditor.getByRole('textbox', { name: /Ankercode die je eerder noteerde/ }).fill(code);
      await auditor.getByRole('button', { name: 'Controleren' }).click();
      const verdict = auditor.getByRole('status').filter({ hasText: /^(Geldig|Ongeldig)/ });
      await expect(verdict).toBeVisible();
      return verdict;
    };
    await expect(await check(untouched, anchor)).toContainText(
      'De ankercode die je opgaf, staat in de keten: tot die schakel werd de geschiedenis niet herschreven.',
    );
    await expect(await check(tampered)).toHaveText('Ongeldig vanaf schakel 2: de inhoud van de schakel is gewijzigd.');
    await expect(auditor.getByRole('heading', { level: 1, name: 'Baken instellen' })).toHaveCount(0);
    expect(await auditor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await expectNoAxeViolations(auditor, 'audit log check without a logbook');
    await auditorContext.close();
  });
});
