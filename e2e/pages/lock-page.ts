import { expect, type Page } from '@playwright/test';

export const testPassphrase = 'paarse fiets op het dak';

/** Page object for first run, unlock and lock. */
export class LockPage {
  constructor(readonly page: Page) {}

  /** First run: create the logbook (without a recovery code unless asked). */
  async createVault(
    passphrase = testPassphrase,
    options: { recoveryCode?: boolean; region?: 'In Vlaanderen' | 'In Nederland' } = {},
  ): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Baken instellen' })).toBeVisible();
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(passphrase);
    if (options.region)
      await page.getByRole('group', { name: 'Waar werk je?' }).getByRole('radio', { name: options.region }).check();
    const recovery = page.getByRole('checkbox', { name: /Maak ook een herstelcode/ });
    if (!options.recoveryCode) await recovery.uncheck();
    await page.getByRole('button', { name: 'Logboek aanmaken' }).click();
    if (!options.recoveryCode) await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
  }

  async unlock(passphrase = testPassphrase): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Baken ontgrendelen' })).toBeVisible();
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Baken ontgrendelen' })).toBeVisible();
  }
}
