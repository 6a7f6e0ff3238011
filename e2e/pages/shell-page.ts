import { expect, type Locator, type Page } from '@playwright/test';

/** Every main-menu route. Locked routes show the lock screen until unlocked. */
export const routeHeadings = [
  { path: '/', heading: 'Logboek', locked: true },
  { path: '/opvolging', heading: 'Opvolging', locked: true },
  { path: '/stappenplan', heading: 'Stappenplan', locked: false },
  { path: '/verwijzingen', heading: 'Verwijzingen', locked: false },
  { path: '/export', heading: 'Export', locked: true },
  { path: '/instellingen', heading: 'Instellingen', locked: true },
] as const;

/** The heading a fresh device shows on a locked route: the first-run screen. */
export const firstRunHeading = 'Baken instellen';

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

  /** Follows a main-menu link; `expectHeading` defaults to the link's label. */
  async open(label: string, expectHeading: string = label): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
    await expect(this.heading(expectHeading)).toBeVisible();
  }

  /** Visits every route by URL and checks it renders (lock screen for locked routes on a fresh device). */
  async expectEveryRouteRenders(): Promise<void> {
    for (const route of routeHeadings) {
      await this.page.goto(route.path);
      await expect(this.heading(route.locked ? firstRunHeading : route.heading)).toBeVisible();
      await expect(this.nav.getByRole('link', { name: route.heading, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
    }
  }
}
