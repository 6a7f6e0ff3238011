import { expect, type Locator, type Page } from '@playwright/test';

export const routeHeadings = [
  { path: '/', heading: 'Logboek' },
  { path: '/opvolging', heading: 'Opvolging' },
  { path: '/stappenplan', heading: 'Stappenplan' },
  { path: '/verwijzingen', heading: 'Verwijzingen' },
  { path: '/export', heading: 'Export' },
  { path: '/instellingen', heading: 'Instellingen' },
] as const;

/** Page object for the app shell: navigation, headings and notices. */
export class ShellPage {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  async open(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
    await expect(this.heading(label)).toBeVisible();
  }

  /** Visits every route by URL and checks its heading renders. */
  async expectEveryRouteRenders(): Promise<void> {
    for (const route of routeHeadings) {
      await this.page.goto(route.path);
      await expect(this.heading(route.heading)).toBeVisible();
    }
  }
}
