import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { LockPage } from './lock-page';
import { LogbookPage } from './logbook-page';

export interface SeedCase {
  school: string;
  pseudonym: string;
  realName: string;
  /** Follow-up date, YYYY-MM-DD (today or later on the page's clock). */
  due: string;
  purpose: string;
}

/** Page object for "Opvolging"; cases are seeded through the logbook UI (no test hooks in the app). */
export class FollowUpPage {
  readonly lock: LockPage;
  readonly logbook: LogbookPage;

  constructor(readonly page: Page) {
    this.lock = new LockPage(page);
    this.logbook = new LogbookPage(page);
  }

  /** Creates a case with one betrokkene and one follow-up; returns its reference. */
  async seedCase(input: SeedCase): Promise<string> {
    const { page, logbook } = this;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een klasgenoot',
      types: ['sextortion'],
      schools: [input.school],
      description: 'Dreiging met doorsturen, gemeld door een klasgenoot.',
    });
    const reference = await logbook.saveIncident();

    const parties = logbook.section('Betrokkenen');
    await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    const form = parties.getByRole('form', { name: 'Betrokkene toevoegen' });
    await form.getByRole('radio', { name: 'afgebeelde jongere', exact: true }).check();
    await form.getByRole('textbox', { name: 'Pseudoniem' }).fill(input.pseudonym);
    await form.getByRole('textbox', { name: 'Echte naam (gevoelig)' }).fill(input.realName);
    await form.getByRole('textbox', { name: 'Leeftijd (jaar)' }).fill('14');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(parties.getByRole('heading', { level: 3, name: new RegExp(`^${input.pseudonym} `) })).toBeVisible();

    const followUp = logbook.section('Opvolging en status');
    await followUp.getByRole('button', { name: 'Laten rusten tot…' }).click();
    await followUp.getByLabel('Laten rusten tot', { exact: true }).fill(input.due);
    await followUp.getByRole('textbox', { name: 'Waarvoor kom je erop terug?' }).fill(input.purpose);
    await followUp.getByRole('button', { name: 'Opvolgdatum bewaren' }).click();
    await expect(followUp.getByRole('status')).toHaveText('De opvolgdatum is bewaard.');
    return reference;
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Opvolging', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Opvolging' })).toBeVisible();
  }

  /** A group section: "Te laat", "Vandaag", "Deze week" or "Later". */
  group(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  groupHeading(name: string, count: number): Locator {
    return this.page.getByRole('heading', { level: 2, name: `${name} (${count})` });
  }

  card(reference: string): Locator {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name: `Dossier ${reference}` }) });
  }

  async markDone(reference: string): Promise<void> {
    await this.card(reference)
      .getByRole('button', { name: /^Klaar/ })
      .click();
  }

  async reschedule(reference: string, to: string, reason: string): Promise<void> {
    const card = this.card(reference);
    await card.getByRole('button', { name: /verplaatsen$/ }).click();
    const form = card.getByRole('form', { name: `Opvolging van dossier ${reference} verplaatsen` });
    await form.getByLabel('Nieuwe datum').fill(to);
    await form.getByRole('textbox', { name: 'Reden' }).fill(reason);
    await form.getByRole('button', { name: 'Verplaatsing bewaren' }).click();
  }

  /** Clicks the calendar button and returns the downloaded file's name and text. */
  async downloadCalendar(): Promise<{ name: string; text: string }> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Agenda-bestand (.ics)' }).click();
    const download = await downloading;
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async expectNoHorizontalOverflow(where: string): Promise<void> {
    await this.logbook.expectNoHorizontalOverflow(where);
  }
}
