import { expect, type Locator, type Page } from '@playwright/test';

export type TeamRoleLabel = 'medewerker' | 'coördinator' | 'auditor';

/** Page object for Instellingen → Team (issue 21). The settings screen must be open. */
export class TeamPage {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Team', exact: true });
  }

  private async fill(form: Locator, input: { teamId: string; account: string; password: string; name: string }) {
    await form.getByLabel('Team-id', { exact: true }).fill(input.teamId);
    await form.getByLabel('Account voor het team', { exact: true }).fill(input.account);
    await form.getByLabel('Wachtwoord van het teamaccount', { exact: true }).fill(input.password);
    await form.getByLabel('Jouw naam in het team', { exact: true }).fill(input.name);
  }

  /** Opens one of the two forms (a toggle button), unless it is open already. */
  async open(choice: 'Een nieuw team aanmaken' | 'Aansluiten met een uitnodigingscode'): Promise<void> {
    const button = this.section.getByRole('button', { name: choice });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }

  /** The lead creates the team (the server admin made the databases and the account's role first). */
  async create(input: { teamId: string; account: string; password: string; name: string; role?: TeamRoleLabel }) {
    await this.open('Een nieuw team aanmaken');
    const form = this.section.getByRole('form', { name: 'Een team aanmaken' });
    await this.fill(form, input);
    await form.getByRole('radio', { name: input.role ?? 'coördinator', exact: true }).check();
    await form.getByRole('button', { name: 'Team aanmaken' }).click();
  }

  /** The invitee enters team id, account, password, name and code. */
  async join(input: { teamId: string; account: string; password: string; name: string; code: string }) {
    await this.open('Aansluiten met een uitnodigingscode');
    const form = this.section.getByRole('form', { name: 'Aansluiten bij een team' });
    await this.fill(form, input);
    await form.getByLabel('Uitnodigingscode', { exact: true }).fill(input.code);
    await form.getByRole('button', { name: 'Aansluiten' }).click();
  }

  invitePanel(): Locator {
    return this.section.getByRole('region', { name: 'Iemand uitnodigen' });
  }

  /** The lead's earlier codes still open (role and expiry, never the code), each with its withdraw button. */
  openInvites(): Locator {
    return this.invitePanel().getByRole('list', { name: 'Open uitnodigingen' }).getByRole('listitem');
  }

  /** The lead makes a one-time invite code for a role; returns the code. */
  async makeInvite(role: TeamRoleLabel): Promise<string> {
    const panel = this.invitePanel();
    const another = panel.getByRole('button', { name: 'Nog een code maken' });
    if (await another.isVisible()) await another.click();
    await panel.getByRole('radio', { name: role, exact: true }).check();
    await panel.getByRole('button', { name: 'Maak een uitnodigingscode' }).click();
    const code = panel.getByRole('status', { name: 'Uitnodigingscode' });
    await expect(code).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await expect(code).toBeFocused();
    return (await code.textContent()) ?? '';
  }

  async refresh(): Promise<void> {
    await this.section.getByRole('button', { name: 'Vernieuwen', exact: true }).click();
  }

  requests(): Locator {
    return this.section.getByRole('list', { name: 'Aanvragen' }).getByRole('listitem');
  }

  /** The lead admits a person after comparing the fingerprint (returned, as shown to the lead). */
  async admit(name: string): Promise<string> {
    await expect(async () => {
      await this.refresh();
      await expect(this.requests().filter({ hasText: name })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const item = this.requests().filter({ hasText: name });
    const fingerprint = (await item.locator('code').textContent()) ?? '';
    await item.getByRole('button', { name: `${name} toelaten` }).click();
    await expect(
      this.section.getByRole('status').filter({ hasText: `${name} staat nu in de ledenlijst.` }),
    ).toBeVisible();
    return fingerprint;
  }

  members(): Locator {
    return this.section.getByRole('list', { name: 'Leden' }).getByRole('listitem');
  }

  /** This person's own fingerprint, as their screen shows it. */
  async ownFingerprint(): Promise<string> {
    const own = this.section
      .locator('.team-fingerprint')
      .filter({ hasText: 'Jouw sleutelvingerafdruk' })
      .locator('code');
    await expect(own).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    return (await own.textContent()) ?? '';
  }

  /** Waits until this person's verified list names them (refreshing meanwhile). */
  async expectAdmitted(name: string): Promise<void> {
    await expect(async () => {
      await this.refresh();
      await expect(
        this.members()
          .filter({ hasText: `${name},` })
          .filter({ hasText: '(jij)' }),
      ).toHaveCount(1, {
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
  }

  problem(): Locator {
    return this.section.getByRole('alert').filter({ hasText: /ledenlijst/ });
  }
}
