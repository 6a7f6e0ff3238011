import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export interface BackupFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export type ImportMode = 'Terugzetten in een leeg logboek' | 'Samenvoegen met dit logboek';

/** Page object for "Instellingen": backup, import, passphrase and device settings. */
export class SettingsPage {
  readonly exportForm: Locator;
  readonly importForm: Locator;

  constructor(readonly page: Page) {
    this.exportForm = page.getByRole('form', { name: 'Back-up maken' });
    this.importForm = page.getByRole('form', { name: 'Back-up inlezen' });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Instellingen' });
  }

  /** Opens Instellingen from the main menu (the logbook must be unlocked). */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Instellingen', exact: true })
      .click();
    await expect(this.heading()).toBeVisible();
  }

  /**
   * Makes a backup and returns the downloaded file. Without `transfer`, the
   * current passphrase protects it; with `cases`, only those references go in.
   */
  async exportBackup(options: { passphrase: string; transfer?: boolean; cases?: string[] }): Promise<BackupFile> {
    const form = this.exportForm;
    if (options.cases) {
      await form.getByRole('radio', { name: /^Enkele dossiers/ }).check();
      for (const reference of options.cases) {
        await form.getByRole('checkbox', { name: new RegExp(`^Dossier ${reference}`) }).check();
      }
    } else {
      await form.getByRole('radio', { name: /^Het hele logboek/ }).check();
    }
    if (options.transfer) {
      await form.getByRole('radio', { name: /^Een eenmalige wachtwoordzin/ }).check();
      await form.getByLabel('Wachtwoordzin voor dit bestand', { exact: true }).fill(options.passphrase);
      await form.getByLabel('Herhaal de wachtwoordzin voor dit bestand', { exact: true }).fill(options.passphrase);
    } else {
      await form.getByRole('radio', { name: /^Mijn wachtwoordzin/ }).check();
      await form.getByLabel('Je huidige wachtwoordzin', { exact: true }).fill(options.passphrase);
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      form.getByRole('button', { name: 'Back-up maken' }).click(),
    ]);
    await expect(form.getByRole('status')).toContainText('Back-up gemaakt');
    const path = await download.path();
    return { name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: await readFile(path) };
  }

  /** Chooses the file, the mode and the passphrase, and reads the backup in. */
  async importBackup(file: BackupFile, passphrase: string, mode: ImportMode): Promise<void> {
    const form = this.importForm;
    await form.getByLabel('Back-upbestand (.baken)', { exact: true }).setInputFiles(file);
    await form.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await form.getByLabel('Wachtwoordzin van de back-up', { exact: true }).fill(passphrase);
    await form.getByRole('button', { name: 'Back-up inlezen' }).click();
  }

  importStatus(): Locator {
    return this.importForm.getByRole('status');
  }

  importError(): Locator {
    return this.importForm.getByRole('alert');
  }

  async expectNoHorizontalOverflow(where: string): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
  }
}
