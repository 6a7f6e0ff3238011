import { expectNoAxeViolations } from './axe';
import { cspViolations, expect, test } from './fixtures';
import { KnowledgePage, viewports } from './pages/knowledge-page';

// Every test runs offline and without unlocking: the knowledge screens hold no
// personal data and must work on a school visit without signal.
test.describe('offline knowledge screens', () => {
  test('opens the sexting step plan and a Child Focus phone link, offline, from the start screen', async ({
    page,
    context,
  }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);

    await knowledge.openFromMenu('Stappenplan');
    await expect(knowledge.heading('Nooit beelden bekijken, vragen, bewaren of doorsturen', 2)).toBeVisible();
    await knowledge.choosePlan('Sexting 18-');
    await expect(page).toHaveURL(/\/stappenplan\?plan=sexting-18$/);

    const step = knowledge.step('Stap 1: Ga in gesprek met de jongere en stel gerust');
    await expect(knowledge.heading('Wat doe/zeg je wel', 4)).toBeHidden();
    // By keyboard: the native <summary> toggles with Enter.
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(knowledge.heading('Wat doe/zeg je wel', 4)).toBeVisible();
    await expect(knowledge.heading('Wat doe/zeg je niet', 4)).toBeVisible();
    await expect(page.getByText('Beloof nooit geheimhouding.', { exact: true }).first()).toBeVisible();

    await knowledge.openFromMenu('Verwijzingen');
    await knowledge.search.fill('child focus');
    const childFocus = knowledge.entry('Child Focus');
    await expect(childFocus).toBeVisible();
    await expect(childFocus.getByRole('link', { name: 'Bel 116 000' })).toHaveAttribute('href', 'tel:116000');
    await expect(childFocus.getByText('24/7 bereikbaar').first()).toBeVisible();
    await expect(childFocus.getByRole('link', { name: 'www.childfocus.be/nl/hulp-nodig' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
  });

  test('finds the sextortion entries by free text, ignoring case, and hides unrelated ones', async ({
    page,
    context,
  }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');

    await knowledge.search.fill('SEXTORTION');
    await expect(knowledge.entry('Child Focus')).toBeVisible();
    await expect(knowledge.entry('Qpido')).toBeHidden();
    await expect(knowledge.entry('Awel')).toBeHidden();
    await expect(knowledge.resultCount).toHaveText('1 organisatie gevonden');
    // 112 is pinned and stays visible whatever the search.
    await expect(knowledge.entry('Noodnummer 112')).toBeVisible();

    // Accents do not matter either: "he het is oke" finds "Hé, het is oké".
    await knowledge.search.fill('he het is oke');
    await expect(knowledge.entry('Mediawijs – ‘Hé, het is oké’')).toBeVisible();

    await knowledge.search.fill('geen-organisatie-heet-zo');
    await expect(knowledge.resultCount).toHaveText('Geen organisaties gevonden');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(knowledge.search).toHaveValue('');
    await expect(knowledge.entry('Awel')).toBeVisible();
  });

  test('the Nederland filter hides Child Focus, shows Qpido and keeps 112 pinned', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');

    await knowledge.chooseRegion('Nederland');
    await expect(knowledge.entry('Child Focus')).toBeHidden();
    const qpido = knowledge.entry('Qpido');
    await expect(qpido).toBeVisible();
    await expect(qpido.getByRole('link', { name: 'Bel 06 - 29 33 80 64' })).toHaveAttribute('href', 'tel:0629338064');
    await expect(qpido.getByRole('link', { name: 'info@qpido.nl' })).toHaveAttribute('href', 'mailto:info@qpido.nl');
    await expect(knowledge.entry('Noodnummer 112')).toBeVisible();
    await expect(knowledge.heading('Bij acuut gevaar', 2)).toBeVisible();

    await knowledge.topic.selectOption({ label: 'beelden laten verwijderen' });
    await expect(knowledge.entry('Helpwanted.nl')).toBeVisible();
    await expect(qpido).toBeHidden();
    await expect(knowledge.resultCount).toHaveText('1 organisatie gevonden');

    await knowledge.chooseRegion('Vlaanderen');
    await expect(knowledge.entry('Child Focus')).toBeVisible();
    await expect(knowledge.entry('Helpwanted.nl')).toBeHidden();
  });

  test('shows Qpido open or closed in words, computed on the device', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    // Monday 23 November 2026, 14:00 in Amsterdam: chat hours.
    await page.clock.setFixedTime(new Date('2026-11-23T14:00:00+01:00'));
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');
    const qpido = knowledge.entry('Qpido');
    await expect(qpido.getByText('Open nu (chat), tot 17:00')).toBeVisible();
    await expect(qpido.getByText('Laatst gecontroleerd: 21 november 2026')).toBeVisible();

    // Saturday: closed until Monday.
    await page.clock.setFixedTime(new Date('2026-11-28T11:00:00+01:00'));
    await page.reload();
    await expect(qpido.getByText('Gesloten, opent maandag om 13:00')).toBeVisible();
    await expect(knowledge.entry('Awel').getByText('Openingsuren onbekend')).toBeVisible();
  });

  test('the grooming plan shows that step 4 is missing in the source', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Stappenplan');
    await knowledge.choosePlan('Grooming 18-');
    await expect(page.getByText('Stap 4 ontbreekt in de bron', { exact: true })).toBeVisible();
    await expect(knowledge.step('Stap 3: Overleg met een collega en schat de ernst in')).toBeVisible();
    await expect(knowledge.step('Stap 5: Bepaal met de betrokkenen welke hulp nodig is')).toBeVisible();
  });

  test('a step links to its organisations in Verwijzingen', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Stappenplan');
    await knowledge.choosePlan('CLB-aanpak bij ongewenste sexting');
    await knowledge.step('Stap 4: Beperk de schade: laat het materiaal offline halen').click();
    await page.getByRole('link', { name: 'Child Focus', exact: true }).click();
    await expect(knowledge.heading('Verwijzingen')).toBeVisible();
    await expect(knowledge.heading('Child Focus', 3)).toBeFocused();
  });

  test('shows the content version on every knowledge screen, with no CSP violations', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Stappenplan');
    await expect(knowledge.contentVersionText()).toBeVisible();
    await knowledge.openSeeAlso('Vlaggensysteem');
    await expect(knowledge.contentVersionText()).toBeVisible();
    await expect(knowledge.heading('De vier vlaggen', 2)).toBeVisible();
    await expect(page.getByText('Onvolledig in de bronnen')).toBeVisible();
    await knowledge.openSeeAlso('Begrippen');
    await expect(knowledge.contentVersionText()).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'Sextortion' }).first()).toBeVisible();
    await knowledge.openFromMenu('Verwijzingen');
    await expect(knowledge.contentVersionText()).toBeVisible();
    // Parsing the content (zod) must not trip the strict CSP.
    expect(await cspViolations(page)).toEqual([]);
  });

  for (const viewport of viewports) {
    test(`has no axe violations and no horizontal overflow at ${viewport.width}×${viewport.height}`, async ({
      page,
      context,
    }) => {
      await page.setViewportSize(viewport);
      const knowledge = new KnowledgePage(page);
      await knowledge.startOffline(context);

      await knowledge.openFromMenu('Stappenplan');
      await expectNoAxeViolations(page, 'stappenplan');
      await knowledge.choosePlan('Grooming 18-');
      await knowledge.step('Stap 2: Ga in gesprek met de jongere en stel gerust').click();
      await expect(knowledge.heading('Wat doe/zeg je niet', 4)).toBeVisible();
      await expectNoAxeViolations(page, 'stappenplan, grooming, step open');
      await knowledge.expectNoHorizontalOverflow('stappenplan');

      await knowledge.openSeeAlso('Vlaggensysteem');
      await expectNoAxeViolations(page, 'vlaggensysteem');
      await knowledge.expectNoHorizontalOverflow('vlaggensysteem');

      await knowledge.openSeeAlso('Begrippen');
      await expectNoAxeViolations(page, 'begrippen');
      await knowledge.expectNoHorizontalOverflow('begrippen');

      await knowledge.openFromMenu('Verwijzingen');
      await expect(knowledge.entry('Child Focus')).toBeVisible();
      await expectNoAxeViolations(page, 'verwijzingen');
      await knowledge.expectNoHorizontalOverflow('verwijzingen');

      await knowledge.chooseRegion('Nederland');
      await knowledge.topic.selectOption({ label: 'voor ouders' });
      await knowledge.search.fill('qpido');
      await expect(knowledge.entry('Qpido')).toBeVisible();
      await expectNoAxeViolations(page, 'verwijzingen, filtered');
      await knowledge.search.fill('niets hiervan bestaat');
      await expect(knowledge.resultCount).toHaveText('Geen organisaties gevonden');
      await expectNoAxeViolations(page, 'verwijzingen, no results');
      await knowledge.expectNoHorizontalOverflow('verwijzingen, filtered');
    });
  }
});
