import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the export screen: summary, auditor figures, audit log. */
export class ExportPage {
  constructor(readonly page: Page) {}

  /** Opens the screen through the main menu (a reload would lock the vault). */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Export', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  get summarySection(): Locator {
    return this.section('Samenvatting: alleen wat nodig is');
  }

  get summaryDocument(): Locator {
    return this.summarySection.getByRole('article');
  }

  async makeSummary(reference: string, recipient: string): Promise<void> {
    const section = this.summarySection;
    await section.getByRole('combobox', { name: 'Dossier' }).selectOption({ label: `${reference} (open)` });
    await section
      .getByRole('group', { name: 'Voor wie?' })
      .getByRole('radio', { name: recipient, exact: true })
      .check();
    await section.getByRole('button', { name: 'Samenvatting maken' }).click();
    await expect(this.summaryDocument).toBeVisible();
  }

  get auditorSection(): Locator {
    return this.section('Geanonimiseerd overzicht voor de auditor');
  }

  /** Figures for the current quarter (the screen's default; months are not offered). */
  async makeAuditorFigures(): Promise<void> {
    const section = this.auditorSection;
    await expect(section.getByRole('combobox', { name: 'Welk kwartaal?' })).toBeVisible();
    await section.getByRole('button', { name: 'Overzicht maken' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Het overzicht is klaar.' })).toBeVisible();
  }

  /** Clicks a button that saves a file and returns the saved text and its path. */
  async download(within: Locator, button: string): Promise<{ text: string; path: string; name: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      within.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return { text: await readFile(path, 'utf8'), path, name: download.suggestedFilename() };
  }

  get logSection(): Locator {
    return this.section('Auditlog');
  }

  async currentAnchor(): Promise<string> {
    const text = (await this.logSection.getByText(/^Huidige ankercode: /).textContent()) ?? '';
    return text.replace('Huidige ankercode: ', '').trim();
  }

  /** "Auditlog controleren": opens a file (path) with an optional anchor and returns the verdict text. */
  /** `file`: a path, or the file's bytes with the name and type a browser would give it. */
  async verify(file: string | { name: string; mimeType: string; buffer: Buffer }, anchor = ''): Promise<Locator> {
    const section = this.logSection;
    await section.getByLabel('Auditlogbestand').setInputFiles(file);
    await section.getByRole('textbox', { name: /Ankercode die je eerder noteerde/ }).fill(anchor);
    await section.getByRole('button', { name: 'Controleren' }).click();
    const verdict = section.getByRole('status').filter({ hasText: /^(Geldig|Ongeldig)/ });
    await expect(verdict).toBeVisible();
    return verdict;
  }
}
