import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the "Synchronisatie" section in Instellingen and the join form on the setup screen. */
export class SyncPage {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Synchronisatie' });
  }

  async connect(options: { account: string; password: string; deviceName: string; db?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Dit toestel verbinden' });
    await form.getByLabel('Account', { exact: true }).fill(options.account);
    await form.getByLabel('Wachtwoord van het account').fill(options.password);
    if (options.db) await form.getByLabel('Databasenaam').fill(options.db);
    await form.getByLabel('Naam van dit toestel').fill(options.deviceName);
    await form.getByRole('button', { name: 'Verbinden' }).click();
  }

  connectedText(account: string): Locator {
    return this.section.getByText(new RegExp(`Verbonden als ${account} met database`));
  }

  /** Makes a pairing code on this (first) device and returns it. */
  async makePairingCode(passphrase: string): Promise<string> {
    const panel = this.page.getByRole('region', { name: 'Een toestel toevoegen' });
    await panel.getByLabel('Je wachtwoordzin (ter bevestiging)').fill(passphrase);
    await panel.getByRole('button', { name: 'Maak een koppelcode' }).click();
    const code = panel.getByLabel('Koppelcode');
    await expect(code).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    // The form (and the button pressed) made way for the code, which has focus.
    await expect(code).toBeFocused();
    return (await code.textContent()) ?? '';
  }

  /** On a fresh device's setup screen: join with account, password and code. */
  async join(options: {
    account: string;
    password: string;
    code: string;
    passphrase: string;
    deviceName: string;
  }): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: 'Koppel dit toestel aan je logboek' }).click();
    const form = page.getByRole('form', { name: 'Koppel dit toestel aan je logboek' });
    await form.getByLabel('Account', { exact: true }).fill(options.account);
    await form.getByLabel('Wachtwoord van het account').fill(options.password);
    await form.getByLabel('Koppelcode').fill(options.code);
    await form.getByLabel('Naam van dit toestel').fill(options.deviceName);
    await form.getByLabel('Nieuwe wachtwoordzin voor dit toestel').fill(options.passphrase);
    await form.getByLabel('Herhaal de wachtwoordzin').fill(options.passphrase);
    await form.getByRole('button', { name: 'Koppel dit toestel' }).click();
  }

  devices(): Locator {
    return this.page.getByRole('region', { name: 'Toestellen' }).getByRole('listitem');
  }

  async removeDevice(name: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: 'Toestellen' });
    await panel.getByRole('button', { name: `Verwijder ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `${name} verwijderen?` });
    await expect(dialog).toContainText('blijft er wel staan');
    await dialog.getByRole('button', { name: 'Ja, verwijder dit toestel' }).click();
    await expect(panel.getByRole('status')).toHaveText(`${name} is verwijderd.`);
    // Its button left with it: focus is on the list's heading, not on the page.
    await expect(panel.getByRole('heading', { name: 'Toestellen', exact: true })).toBeFocused();
  }
}
