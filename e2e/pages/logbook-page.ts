import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { waitForServiceWorker } from '../fixtures';
import { LockPage } from './lock-page';

export const phone = { width: 360, height: 740 } as const;

/** A PNG signature: enough for the never-images guard to see an image. */
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

/** The same image as text, the way it could be typed or dropped into a field. */
export const imageDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export interface NewIncident {
  types: string[];
  knownVia: string;
  schools: string[];
  description: string;
}

/** Page object for the case logbook (list, new incident, case page). */
export class LogbookPage {
  readonly lock: LockPage;

  constructor(readonly page: Page) {
    this.lock = new LockPage(page);
  }

  heading(name: string | RegExp, level = 1): Locator {
    return this.page.getByRole('heading', { level, name });
  }

  /** First visit online (the service worker precaches), create the logbook, then go offline. */
  async startOffline(context: BrowserContext): Promise<void> {
    await this.page.setViewportSize(phone);
    await this.page.goto('/');
    await waitForServiceWorker(this.page);
    await this.lock.createVault();
    await expect(this.heading('Logboek')).toBeVisible();
    await context.setOffline(true);
    // The one-time "ready for offline use" notice would cover the bottom of the screen.
    const ready = this.page.getByText('Klaar voor offline gebruik');
    await ready.waitFor({ timeout: 5000 }).then(
      () => this.page.getByRole('button', { name: 'Melding sluiten' }).click(),
      () => undefined,
    );
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Opens the logbook (or Opvolging) from the main menu. */
  async openFromMenu(name: 'Logboek' | 'Opvolging' = 'Logboek'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** Opens a case from the logbook list by its case number. */
  async openCase(reference: string): Promise<void> {
    const heading = this.heading(`Dossier ${reference}`);
    // Right after an unlock a notice (the backup reminder) can still appear above the list and move
    // it between Playwright's stability check and the click: the click then misses. Clicked again.
    await expect(async () => {
      if (!(await heading.isVisible())) {
        await this.page.getByRole('link', { name: reference, exact: true }).click({ timeout: 2000 });
      }
      await expect(heading).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 15_000 });
  }

  /** A new case (the same example incident each time), left open on its page; resolves its case number. */
  async logExampleCase(): Promise<string> {
    await this.openFromMenu();
    await this.openNewIncident();
    await this.fillIncident({
      types: ['ongewenste sexting'],
      knownVia: 'Een klasgenoot',
      schools: ['Sint-Jozefscollege'],
      description: 'Foto doorgestuurd in een klasgroep.',
    });
    return this.saveIncident();
  }

  /**
   * A new vault, and the new-incident form filled with a short example, not saved: returns the
   * "Bekend sinds" field and the date it offers (today), for a test that types its own date.
   */
  async startIncidentInNewVault(description: string): Promise<{ knownOn: Locator; today: string }> {
    await this.page.goto('/');
    await this.lock.createVault();
    await this.openFromMenu();
    await this.openNewIncident();
    await this.fillIncident({ types: ['sextortion'], knownVia: 'Een klasgenoot', schools: [], description });
    const knownOn = this.page.getByRole('textbox', { name: 'Bekend sinds' });
    return { knownOn, today: await knownOn.inputValue() };
  }

  /** A new case under Dutch rules (Rechtsgebied "Nederland" on the new-incident form), left open; resolves its number. */
  async logDutchCase(incident: NewIncident): Promise<string> {
    await this.openNewIncident();
    await this.page
      .getByRole('group', { name: 'Rechtsgebied van dit dossier' })
      .getByRole('radio', { name: 'Nederland' })
      .check();
    await this.fillIncident(incident);
    return this.saveIncident();
  }

  async openNewIncident(): Promise<void> {
    await this.page.getByRole('link', { name: 'Nieuw incident' }).click();
    await expect(this.heading('Nieuw incident')).toBeVisible();
  }

  get description(): Locator {
    return this.page.getByRole('textbox', { name: 'Wat gebeurde er?' });
  }

  async fillIncident(incident: NewIncident): Promise<void> {
    const page = this.page;
    await page
      .getByRole('group', { name: 'Hoe werd het bekend?' })
      .getByRole('radio', { name: incident.knownVia })
      .check();
    const types = page.getByRole('group', { name: 'Soort incident' });
    for (const type of incident.types) await types.getByRole('checkbox', { name: type, exact: true }).check();
    for (const [i, school] of incident.schools.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Nog een school' }).click();
      await page.getByRole('textbox', { name: `School ${i + 1}`, exact: true }).fill(school);
    }
    await this.description.fill(incident.description);
  }

  /** Saves the new-incident form and returns the case reference shown on the case page. */
  async saveIncident(): Promise<string> {
    await this.page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    const title = this.heading(/^Dossier \d{4}-\d{3,5}$/);
    await expect(title).toBeVisible();
    return ((await title.textContent()) ?? '').replace('Dossier ', '');
  }

  /** Opens the "Betrokkene toevoegen" form on the open case. */
  async openNewParty(): Promise<Locator> {
    const section = this.section('Betrokkenen');
    await section.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    return section.getByRole('form', { name: 'Betrokkene toevoegen' });
  }

  async addParty(input: { role: string; age?: string; realName?: string; expectPseudonym: string }): Promise<void> {
    const section = this.section('Betrokkenen');
    const form = await this.openNewParty();
    await form.getByRole('radio', { name: input.role, exact: true }).check();
    await expect(form.getByRole('textbox', { name: 'Pseudoniem' })).toHaveValue(input.expectPseudonym);
    if (input.realName) await form.getByRole('textbox', { name: 'Echte naam (gevoelig)' }).fill(input.realName);
    if (input.age) await form.getByRole('textbox', { name: 'Leeftijd (jaar)' }).fill(input.age);
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(
      section.getByRole('heading', { level: 3, name: new RegExp(`^${input.expectPseudonym} `) }),
    ).toBeVisible();
  }

  async assessFlags(input: {
    answers: Record<string, string>;
    flag: string;
    reasoning: string;
    /** Issue 15: the behaviour the assessment is about (optional). */
    behaviour?: string;
  }): Promise<void> {
    const section = this.section('Vlaggensysteem');
    await section.getByRole('button', { name: 'Beoordeling toevoegen' }).click();
    const form = section.getByRole('form', { name: 'Nieuwe beoordeling' });
    for (const [criterion, answer] of Object.entries(input.answers)) {
      await form
        .getByRole('group', { name: criterion, exact: true })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    await form.getByRole('radio', { name: new RegExp(`^${input.flag}`) }).check();
    await form.getByRole('textbox', { name: 'Waarom deze vlag?' }).fill(input.reasoning);
    if (input.behaviour !== undefined) {
      await form.getByRole('textbox', { name: /^Over welk gedrag gaat deze beoordeling\?/ }).fill(input.behaviour);
    }
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^De beoordeling is bewaard\.$/ })).toBeVisible();
  }

  async recordConsent(input: {
    party: string;
    recipient: string;
    categories: string[];
    givenBy: string;
    /** The form's live verdict, once party, categories and giver are chosen (its region is there, empty, before). */
    verdict?: RegExp;
    /** YYYY-MM-DD; today when absent. */
    givenOn?: string;
  }): Promise<void> {
    const section = this.section('Toestemming');
    await section.getByRole('button', { name: 'Toestemming noteren', exact: true }).click();
    const form = section.getByRole('form', { name: 'Toestemming noteren' });
    // The live region is in the form, empty, before there is anything to say (so it is read when there is).
    if (input.verdict) await expect(form.locator('[aria-live="polite"]')).toHaveText('');
    await form.getByRole('combobox', { name: 'Van wie is de informatie?' }).selectOption({ label: input.party });
    await form
      .getByRole('group', { name: 'Aan wie mag het?' })
      .getByRole('radio', { name: input.recipient, exact: true })
      .check();
    const categories = form.getByRole('group', { name: 'Welke informatie?' });
    for (const category of input.categories)
      await categories.getByRole('checkbox', { name: category, exact: true }).check();
    await form
      .getByRole('group', { name: 'Gegeven door' })
      .getByRole('radio', { name: input.givenBy, exact: true })
      .check();
    if (input.givenOn) await form.getByLabel('Wanneer?', { exact: true }).fill(input.givenOn);
    if (input.verdict) await expect(form.getByRole('status')).toHaveText(input.verdict);
    await expect(form.getByRole('radio', { name: 'mondeling, genoteerd in het dossier' })).toBeChecked();
    await form.getByRole('button', { name: 'Bewaren' }).click();
    // The open form has its own live verdict (also role=status) until it closes; pick the saved message.
    await expect(section.getByRole('status').filter({ hasText: /^De toestemming is bewaard\.$/ })).toBeVisible();
    await expect(form).toBeHidden();
  }

  get noteText(): Locator {
    return this.section('Tijdlijn').getByRole('textbox', { name: 'Notitie', exact: true });
  }

  async addNote(kind: string, text: string): Promise<void> {
    const section = this.section('Tijdlijn');
    await section.getByRole('group', { name: 'Soort notitie' }).getByRole('radio', { name: kind, exact: true }).check();
    await this.noteText.fill(text);
    await section.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(section.getByRole('article').filter({ hasText: text })).toBeVisible();
    await expect(this.noteText).toHaveValue('');
  }

  async correctNote(oldText: string, newText: string, reason: string): Promise<void> {
    const section = this.section('Tijdlijn');
    const card = section.getByRole('article').filter({ hasText: oldText });
    await card.getByRole('button', { name: /corrigeren$/ }).click();
    await card.getByRole('textbox', { name: 'Verbeterde notitie' }).fill(newText);
    await card.getByRole('textbox', { name: 'Waarom corrigeer je?' }).fill(reason);
    await card.getByRole('button', { name: 'Correctie bewaren' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^De correctie is bewaard\.$/ })).toBeVisible();
  }

  async scheduleFollowUp(purpose: string): Promise<void> {
    const section = this.section('Opvolging en status');
    await section.getByRole('button', { name: 'Laten rusten tot…' }).click();
    await section.getByRole('textbox', { name: 'Waarvoor kom je erop terug?' }).fill(purpose);
    await section.getByRole('button', { name: 'Opvolgdatum bewaren' }).click();
    await expect(section.getByRole('status').filter({ hasText: /^De opvolgdatum is bewaard\.$/ })).toBeVisible();
  }

  /** Moves the (one) open follow-up to `to` (YYYY-MM-DD) with a reason. */
  async rescheduleFollowUp(to: string, reason: string): Promise<void> {
    const section = this.section('Opvolging en status');
    await section.getByRole('button', { name: /^Opvolging van .* verplaatsen$/ }).click();
    await section.getByLabel('Nieuwe datum').fill(to);
    await section.getByRole('textbox', { name: 'Waarom verplaats je de opvolging?' }).fill(reason);
    await section.getByRole('button', { name: 'Nieuwe datum bewaren' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'De opvolging is verplaatst.' })).toBeVisible();
  }

  /** Dispatches a paste of a PNG file (as a phone's clipboard would) into the focused field. */
  async pasteImageInto(field: Locator): Promise<void> {
    await field.focus();
    await field.evaluate((element, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'foto.png', { type: 'image/png' }));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PNG_BYTES);
  }

  async expectNoHorizontalOverflow(where: string): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
  }
}
