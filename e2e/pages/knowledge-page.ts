import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { waitForServiceWorker } from '../fixtures';

/** The content version shipped in public/content (all files share it). */
export const contentVersion = (
  JSON.parse(readFileSync(new URL('../../public/content/stappenplan.json', import.meta.url), 'utf8')) as {
    contentVersion: string;
  }
).contentVersion;

export const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

/** Page object for the offline knowledge screens (no unlocking needed). */
export class KnowledgePage {
  readonly mainNav: Locator;
  readonly seeAlso: Locator;
  readonly planChooser: Locator;
  readonly search: Locator;
  readonly topic: Locator;
  readonly resultCount: Locator;

  constructor(readonly page: Page) {
    this.mainNav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    this.seeAlso = page.getByRole('navigation', { name: 'Zie ook' });
    this.planChooser = page.getByRole('navigation', { name: 'Kies een stappenplan' });
    this.search = page.getByRole('searchbox', { name: 'Zoeken' });
    this.topic = page.getByRole('combobox', { name: 'Onderwerp' });
    this.resultCount = page.getByRole('status').filter({ hasText: /gevonden/ });
  }

  heading(name: string, level = 1): Locator {
    return this.page.getByRole('heading', { level, name, exact: true });
  }

  /** First visit online so the service worker precaches everything, then go offline and reload. */
  async startOffline(context: BrowserContext): Promise<void> {
    await this.page.goto('/');
    await waitForServiceWorker(this.page);
    await context.setOffline(true);
    await this.page.reload();
    await expect(this.mainNav).toBeVisible();
  }

  /** Follows a main-menu link from the current screen (works on the lock screen too). */
  async openFromMenu(label: 'Stappenplan' | 'Verwijzingen'): Promise<void> {
    await this.mainNav.getByRole('link', { name: label, exact: true }).click();
    await expect(this.heading(label)).toBeVisible();
  }

  async openSeeAlso(
    label:
      | 'Stappenplan'
      | 'Verwijzingen'
      | 'Vlaggensysteem'
      | 'Begrippen'
      | 'Wat zegt de wet'
      | 'In gesprek'
      | 'Vragen uit de praktijk',
  ): Promise<void> {
    await this.seeAlso.getByRole('link', { name: label, exact: true }).click();
    await expect(this.heading(label)).toBeVisible();
  }

  /** Stappenplan: chooses a plan by its title. */
  async choosePlan(title: string): Promise<void> {
    const link = this.planChooser.getByRole('link', { name: title });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.heading(title, 2)).toBeVisible();
  }

  /** Stappenplan: the clickable summary of a step ("Stap 1: …"). */
  step(summary: string): Locator {
    return this.page.getByText(summary, { exact: true });
  }

  /** Verwijzingen: one directory entry, found by its name. */
  entry(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /** The Rechtsgebied's region is listed plainly, the other one as "… (ander rechtsgebied)". */
  async chooseRegion(
    label: 'Alle' | 'Vlaanderen' | 'Nederland' | 'Vlaanderen (ander rechtsgebied)' | 'Nederland (ander rechtsgebied)',
  ): Promise<void> {
    await this.page.getByRole('group', { name: 'Regio' }).getByRole('radio', { name: label, exact: true }).check();
  }

  contentVersionText(): Locator {
    return this.page.getByText(`Inhoudsversie ${contentVersion}`, { exact: true });
  }

  async expectNoHorizontalOverflow(where: string): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
  }
}
