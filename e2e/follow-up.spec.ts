// "Opvolging" on a phone (360 px): overdue grouping, done, reschedule with
// history, the calendar file (no betrokkene data in it) and accessibility.
// Time is Playwright's clock: follow-ups are planned on Monday 2 March 2026
// and looked at on Friday 6 March 2026 (Europe/Brussels). The jump in time
// makes the idle lock fire, as it would after days away: we unlock again.
import { expectNoAxeViolations } from './axe';
import { cspViolations, expect, test } from './fixtures';
import { FollowUpPage } from './pages/follow-up-page';
import { LogbookPage, phone } from './pages/logbook-page';

test.use({ viewport: phone });

const monday = new Date('2026-03-02T09:00:00+01:00');
const friday = new Date('2026-03-06T10:00:00+01:00');

const markers = {
  pseudonym: 'Zoltar-Marker-71',
  realName: 'Quilla-Naam-93',
  school: 'Xyloschool-Marker-55',
  purpose: 'Vraag-Marker-28 nagaan',
};

/** Creates the vault on Monday and one case with a follow-up on Wednesday 4 March. */
async function planOnMonday(followUp: FollowUpPage, extra: Partial<typeof markers> = {}): Promise<string> {
  const page = followUp.page;
  await page.clock.install({ time: monday });
  await page.goto('/');
  await followUp.lock.createVault();
  return followUp.seedCase({ ...markers, ...extra, due: '2026-03-04' });
}

/** Moves the clock to Friday; the logbook locked itself meanwhile, so unlock and open Opvolging. */
async function lookOnFriday(followUp: FollowUpPage): Promise<void> {
  await followUp.page.clock.setSystemTime(friday);
  await followUp.page.goto('/opvolging');
  await followUp.lock.unlock();
  await expect(followUp.page.getByRole('heading', { level: 1, name: 'Opvolging' })).toBeVisible();
}

test.describe('follow-up overview', () => {
  test('what is due today is on the first screen at 360 × 740, below the notices and the empty groups', async ({
    page,
  }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    await followUp.page.clock.setSystemTime(new Date('2026-03-04T08:30:00+01:00'));
    await followUp.page.goto('/opvolging');
    await followUp.lock.unlock();
    const today = followUp.groupHeading('Vandaag', 1);
    await expect(today).toBeVisible();
    // The backup reminder is above it (no backup made), and three groups are empty.
    await expect(page.getByRole('complementary', { name: 'Herinnering back-up' })).toBeVisible();
    await expect(followUp.groupHeading('Te laat', 0)).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = await today.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(phone.height);
    await expect(followUp.group('Vandaag').getByRole('heading', { level: 3 })).toHaveText(`Dossier ${reference}`);
  });

  test('an overdue follow-up shows under "te laat" and marking it done removes it', async ({ page }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);

    // On Monday it is due this week.
    await followUp.open();
    await expect(followUp.groupHeading('Deze week', 1)).toBeVisible();
    await expect(followUp.group('Deze week').getByText(/^over 2 dagen — wo\.? 4 mrt\.? 2026$/)).toBeVisible();
    await expectNoAxeViolations(page, 'overview, due this week');

    await lookOnFriday(followUp);
    await expect(followUp.groupHeading('Te laat', 1)).toBeVisible();
    const card = followUp.group('Te laat').getByRole('article', { name: `Dossier ${reference}` });
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(`Dossier ${reference}`);
    await expect(card).toContainText('2 dagen te laat');
    await expect(card).toContainText(markers.pseudonym);
    await expect(card).toContainText(markers.purpose);
    await expect(card).not.toContainText(markers.realName);
    await expect(followUp.groupHeading('Vandaag', 0)).toBeVisible();
    await followUp.expectNoHorizontalOverflow('overview with an overdue item');
    await expectNoAxeViolations(page, 'overview, overdue');

    await followUp.markDone(reference);
    await expect(
      page.getByRole('status').filter({ hasText: `De opvolging van dossier ${reference} is afgevinkt.` }),
    ).toBeAttached();
    await expect(followUp.groupHeading('Te laat', 0)).toBeFocused();
    // Issue 15: with no open follow-up left, the case moves to "Zonder opvolgdatum".
    await expect(followUp.group('Te laat').getByRole('article')).toHaveCount(0);
    await expect(followUp.group('Zonder opvolgdatum').getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByText('Er staan geen opvolgingen open.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'empty overview');

    // "Klaar" by mistake: the next Tab from the group's heading reaches "Weer openzetten", which brings it back.
    await page.keyboard.press('Tab');
    const undo = followUp.group('Te laat').getByRole('button', {
      name: `Opvolging van dossier ${reference} weer openzetten`,
    });
    await expect(undo).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: `De opvolging van dossier ${reference} staat weer open.` }),
    ).toBeAttached();
    await expect(followUp.card(reference)).toBeVisible();
    await expect(followUp.groupHeading('Te laat', 1)).toBeFocused();
    await expect(undo).toHaveCount(0);
  });

  test('with more than a page, every card comes in and "Toon meer" shows the rest', async ({ page }) => {
    test.slow(); // 12 cases through the UI
    const followUp = new FollowUpPage(page);
    await page.clock.install({ time: monday });
    await page.goto('/');
    await followUp.lock.createVault();
    // 11 this week (a page is 10) and 1 later: the first render shows 10 cards, the rest follows.
    const dues = [...Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? '2026-03-04' : '2026-03-05')), '2026-03-20'];
    for (const [i, due] of dues.entries()) {
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Logboek', exact: true })
        .click();
      await followUp.logbook.openNewIncident();
      await followUp.logbook.fillIncident({
        knownVia: 'Een klasgenoot',
        types: ['sextortion'],
        schools: ['Xyloschool'],
        description: `Melding ${i + 1}.`,
      });
      await followUp.logbook.saveIncident();
      const section = followUp.logbook.section('Opvolging en status');
      await section.getByRole('button', { name: 'Laten rusten tot…' }).click();
      await section.getByLabel('Laten rusten tot', { exact: true }).fill(due);
      await section.getByRole('textbox', { name: 'Waarvoor kom je erop terug?' }).fill(`Nagaan ${i + 1}`);
      await section.getByRole('button', { name: 'Opvolgdatum bewaren' }).click();
      await expect(section.getByRole('status')).toHaveText('De opvolgdatum is bewaard.');
    }

    await followUp.open();
    await expect(followUp.groupHeading('Deze week', 11)).toBeVisible();
    await expect(followUp.group('Deze week').getByRole('article')).toHaveCount(10);
    await expect(followUp.group('Later').getByRole('article')).toHaveCount(1);
    await expect(followUp.group('Later')).toContainText('Nagaan 12');
    await page.getByRole('button', { name: 'Toon meer (nog 1)' }).click();
    await expect(followUp.group('Deze week').getByRole('article')).toHaveCount(11);
    await expect(page.getByRole('button', { name: /^Toon meer/ })).toHaveCount(0);
    // The button left with the last page: focus is on the first card it brought, not on the page.
    await expect(followUp.group('Deze week').getByRole('listitem').nth(10).getByRole('link').first()).toBeFocused();
    await followUp.expectNoHorizontalOverflow('overview with two pages');
  });

  test('a reschedule needs a reason and keeps the history, also after lock and unlock', async ({ page }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    await lookOnFriday(followUp);

    const card = followUp.card(reference);
    await card.getByRole('button', { name: /verplaatsen$/ }).click();
    const form = card.getByRole('form', { name: `Opvolging van dossier ${reference} verplaatsen` });
    await expect(form.getByLabel('Nieuwe datum')).toBeFocused();
    await form.getByLabel('Nieuwe datum').fill('2026-03-20');
    await form.getByRole('button', { name: 'Verplaatsing bewaren' }).click();
    await expect(form.getByRole('alert')).toHaveText('Geef een reden op.');
    await expect(form.getByRole('textbox', { name: 'Reden' })).toBeFocused();
    await expectNoAxeViolations(page, 'reschedule form with an error');

    await form.getByRole('textbox', { name: 'Reden' }).fill('Jongere op schoolreis');
    await form.getByRole('button', { name: 'Verplaatsing bewaren' }).click();
    await expect(followUp.groupHeading('Te laat', 0)).toBeVisible();
    await expect(followUp.groupHeading('Later', 1)).toBeVisible();
    const moved = followUp.group('Later').getByRole('article');
    await expect(moved).toContainText(/over 14 dagen — vr\.? 20 mrt\.? 2026/);
    const history = /Verplaatst van wo\.? 4 mrt\.? 2026 naar vr\.? 20 mrt\.? 2026: Jongere op schoolreis/;
    await expect(moved.getByRole('listitem')).toHaveText(history);
    await followUp.expectNoHorizontalOverflow('overview with history');
    await expectNoAxeViolations(page, 'overview with history');

    await followUp.lock.lock();
    await followUp.lock.unlock();
    await expect(followUp.card(reference).getByRole('listitem')).toHaveText(history);
  });

  test('the calendar file holds only the reference and date, keeps its UID and counts reschedules', async ({
    page,
  }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    await followUp.open();

    const first = await followUp.downloadCalendar();
    expect(first.name).toBe('baken-opvolging.ics');
    await expect(
      page.getByRole('status').filter({ hasText: 'Het agenda-bestand met 1 opvolging is gedownload.' }),
    ).toBeVisible();
    expect(first.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(first.text).toContain(`SUMMARY:Baken opvolging ${reference}\r\n`);
    expect(first.text).toContain('DTSTART;VALUE=DATE:20260304\r\n');
    expect(first.text).toContain('SEQUENCE:0\r\n');
    for (const marker of Object.values(markers)) expect(first.text).not.toContain(marker);
    expect(first.text).not.toMatch(/Zoltar|Quilla|Xyloschool|Vraag-Marker|sextortion|Jongere/i);
    expect(first.text).not.toMatch(/^(DESCRIPTION|LOCATION|ATTENDEE|ORGANIZER)(?!:Baken opvolging)/m);

    await followUp.reschedule(reference, '2026-03-13', 'Later gesprek afgesproken');
    await expect(followUp.groupHeading('Later', 1)).toBeVisible();
    const second = await followUp.downloadCalendar();
    const uid = (text: string) => /^UID:(.+)\r$/m.exec(text)?.[1];
    expect(uid(second.text)).toBeDefined();
    expect(uid(second.text)).toBe(uid(first.text));
    expect(second.text).toContain('SEQUENCE:1\r\n');
    expect(second.text).toContain('DTSTART;VALUE=DATE:20260313\r\n');
    expect(second.text).not.toContain('Later gesprek');

    // With nothing open, no (empty) file is offered, and the status says why.
    await followUp.markDone(reference);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.getByRole('button', { name: 'Agenda-bestand (.ics)' }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Er staan geen opvolgingen open. Er is geen agenda-bestand gemaakt.' }),
    ).toBeVisible();
    await expect(page.getByText('Open het bestand opnieuw in je agenda')).toHaveCount(0);
    expect(downloads).toEqual([]);

    expect(await cspViolations(page)).toEqual([]);
    await expectNoAxeViolations(page, 'after calendar download');
  });

  test('filters by school, type and flag, and works by keyboard', async ({ page }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    await followUp.open();

    await page
      .getByRole('group', { name: 'Filteren op school, soort of vlag', exact: true })
      .getByText('Filteren op school, soort of vlag')
      .click();
    const filters = page.getByRole('search', { name: 'Filteren' });
    await filters.getByRole('searchbox', { name: 'School' }).fill('xyloschool');
    await expect(filters.getByRole('status')).toHaveText('1 opvolging gevonden.');
    await expect(followUp.card(reference)).toBeVisible();

    await filters.getByRole('combobox', { name: 'Soort incident' }).selectOption({ label: 'grooming' });
    await expect(filters.getByRole('status')).toHaveText('0 opvolgingen gevonden.');
    await expect(page.getByText('Geen opvolgingen die bij deze filters passen.')).toBeVisible();
    await expectNoAxeViolations(page, 'filtered, no results');

    await filters.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(followUp.card(reference)).toBeVisible();
    // The button left with the filters: focus is on the first filter, and the clearing is said.
    await expect(filters.getByRole('searchbox', { name: 'School' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Filters gewist' })).toHaveText(
      'Filters gewist: alle opvolgingen staan er weer.',
    );
    await filters.getByRole('combobox', { name: 'Vlag' }).selectOption({ label: 'Rood — ernstig grensoverschrijdend' });
    await expect(filters.getByRole('status')).toHaveText('0 opvolgingen gevonden.');
    await filters.getByRole('combobox', { name: 'Vlag' }).selectOption({ label: 'Alle' });
    await expect(followUp.card(reference)).toBeVisible();

    // Keyboard: reach "Klaar" with Tab and press Enter.
    const done = followUp.card(reference).getByRole('button', { name: /^Klaar/ });
    await followUp
      .card(reference)
      .getByRole('link', { name: `Dossier ${reference}` })
      .focus();
    await page.keyboard.press('Tab');
    await expect(done).toBeFocused();
    await page.keyboard.press('Enter');
    // Done: no follow-up card is left; the case itself is now listed without a date (issue 15).
    await expect(done).toHaveCount(0);
    await expect(followUp.group('Zonder opvolgdatum').getByRole('article')).toHaveCount(1);
  });

  test('two follow-ups of one case on the same day have buttons that say which is which', async ({ page }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    // A second one on the same day, on the case page seedCase left open.
    const section = followUp.logbook.section('Opvolging en status');
    await section.getByRole('button', { name: 'Laten rusten tot…' }).click();
    await section.getByLabel('Laten rusten tot', { exact: true }).fill('2026-03-04');
    await section.getByRole('textbox', { name: 'Waarvoor kom je erop terug?' }).fill('Tweede afspraak');
    await section.getByRole('button', { name: 'Opvolgdatum bewaren' }).click();
    await expect(section.getByRole('status')).toHaveText('De opvolgdatum is bewaard.');
    for (const purpose of [markers.purpose, 'Tweede afspraak']) {
      await expect(
        section.getByRole('button', { name: `Klaar: opvolging van 04/03/2026 (${purpose}) afvinken`, exact: true }),
      ).toBeVisible();
      await expect(
        section.getByRole('button', { name: `Opvolging van 04/03/2026 (${purpose}) verplaatsen`, exact: true }),
      ).toBeVisible();
    }
    // On Opvolging too: the case has two cards, and their headings say which is which.
    await followUp.open();
    for (const purpose of [markers.purpose, 'Tweede afspraak']) {
      await expect(
        page.getByRole('heading', {
          level: 3,
          name: `Dossier ${reference} · opvolging van wo 4 mrt 2026 (${purpose})`,
          exact: true,
        }),
      ).toBeVisible();
      await expect(
        page.getByRole('button', {
          name: `Klaar: opvolging van dossier ${reference} afvinken (${purpose})`,
          exact: true,
        }),
      ).toBeVisible();
    }
    // One follow-up left: the short names again.
    await page
      .getByRole('button', {
        name: `Klaar: opvolging van dossier ${reference} afvinken (Tweede afspraak)`,
        exact: true,
      })
      .click();
    await expect(
      page.getByRole('button', { name: `Klaar: opvolging van dossier ${reference} afvinken`, exact: true }),
    ).toBeVisible();
  });

  test('the case list says an overdue follow-up is late, as Opvolging does', async ({ page }) => {
    const followUp = new FollowUpPage(page);
    const reference = await planOnMonday(followUp);
    await lookOnFriday(followUp);
    await expect(followUp.groupHeading('Te laat', 1)).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: reference }) });
    await expect(entry.getByText('Opvolging: 04/03/2026, te laat')).toBeVisible();
    // The case page says it too, in "Dossier in het kort".
    await entry.getByRole('link', { name: reference }).click();
    await expect(
      page.getByRole('group', { name: 'Dossier in het kort' }).getByText('04/03/2026, te laat', { exact: true }),
    ).toBeVisible();
  });

  test('the app badge shows only the overdue count while unlocked, and is cleared on lock', async ({ page }) => {
    // Record Badging API calls (Chromium has the API; the OS badge itself is not observable).
    await page.addInitScript(() => {
      const calls: Array<number | 'clear'> = [];
      Object.defineProperty(window, '__badgeCalls', { value: calls });
      Object.defineProperty(Navigator.prototype, 'setAppBadge', {
        configurable: true,
        value: (count?: number) => {
          calls.push(count ?? 0);
          return Promise.resolve();
        },
      });
      Object.defineProperty(Navigator.prototype, 'clearAppBadge', {
        configurable: true,
        value: () => {
          calls.push('clear');
          return Promise.resolve();
        },
      });
    });
    const badge = () =>
      page.evaluate(() => (window as unknown as { __badgeCalls: Array<number | 'clear'> }).__badgeCalls.at(-1));
    const followUp = new FollowUpPage(page);
    await planOnMonday(followUp);
    // Planned for Wednesday: nothing overdue on Monday.
    await expect.poll(badge).toBe('clear');

    await followUp.page.clock.setSystemTime(friday);
    await page.goto('/opvolging');
    await expect(page.getByRole('heading', { level: 1, name: 'Baken ontgrendelen' })).toBeVisible();
    await expect.poll(badge).toBe('clear');
    await followUp.lock.unlock();
    await expect.poll(badge).toBe(1);

    await followUp.lock.lock();
    await expect.poll(badge).toBe('clear');
  });

  test('an open case without a date and a step marked for Opvolging show at 1280 px and 360 px, offline', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een klasgenoot',
      // A type with a Flemish plan: since issue 17 a case's checklist uses only its Rechtsgebied's plans.
      types: ['ongewenste sexting'],
      schools: [markers.school],
      description: 'Foto doorgestuurd zonder toestemming, gemeld door een klasgenoot.',
    });
    const reference = await logbook.saveIncident();

    // On the case page: keep step 2 of the step plan in Opvolging until it is done.
    const steps = logbook.section('Stappenplan');
    const remind = steps.getByRole('button', { name: /^Herinneren in Opvolging: stap 2 van / });
    await expect(remind).toHaveAttribute('aria-pressed', 'false');
    await remind.click();
    await expect(remind).toHaveAttribute('aria-pressed', 'true');
    await expect(steps.getByText('Staat in Opvolging tot de stap gedaan is')).toBeVisible();
    // The status says which way the toggle went (its text stays the same).
    await expect(
      steps.getByRole('status').filter({ hasText: 'Stap 2 staat in Opvolging tot ze gedaan is.' }),
    ).toBeVisible();

    const followUp = new FollowUpPage(page);
    await followUp.open();
    for (const viewport of [{ width: 1280, height: 800 }, phone]) {
      await page.setViewportSize(viewport);
      await expect(followUp.groupHeading('Zonder opvolgdatum', 1)).toBeVisible();
      // Each card is named by its heading, as on the case page (a review heard a bare "article").
      const noDate = followUp.group('Zonder opvolgdatum').getByRole('article', { name: `Dossier ${reference}` });
      await expect(noDate.getByRole('link', { name: `Dossier ${reference}` })).toBeVisible();
      await expect(noDate).toContainText('open');
      await expect(followUp.groupHeading('Stappen met herinnering', 1)).toBeVisible();
      await expect(followUp.group('Stappen met herinnering').getByRole('article')).toContainText(
        'Open stappen met herinnering1',
      );
      await followUp.expectNoHorizontalOverflow(`Opvolging at ${viewport.width} px`);
    }
    await expectNoAxeViolations(page, 'Opvolging with cases without a date');

    // Marking step 2 done takes the case out of "Stappen met herinnering".
    await followUp
      .group('Stappen met herinnering')
      .getByRole('link', { name: `Dossier ${reference}` })
      .click();
    // Issue 16: one tap on the step's checkbox marks it done today.
    await logbook
      .section('Stappenplan')
      .getByRole('checkbox', { name: /^Gedaan — stap 2 van / })
      .check();
    await expect(logbook.section('Stappenplan').getByText(/^Gedaan op/)).toBeVisible();
    await followUp.open();
    await expect(followUp.groupHeading('Stappen met herinnering', 0)).toBeVisible();
    await expect(followUp.groupHeading('Zonder opvolgdatum', 1)).toBeVisible();
  });
});
