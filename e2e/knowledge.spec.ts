import { expectNoAxeViolations } from './axe';
import { cspViolations, expect, test } from './fixtures';
import { KnowledgePage, viewports } from './pages/knowledge-page';
import { LogbookPage } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';

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
    // The step is a group named by its summary, for screen readers and role locators.
    await expect(
      page.getByRole('group', { name: 'Stap 1: Ga in gesprek met de jongere en stel gerust', exact: true }),
    ).toBeVisible();
    await expect(knowledge.heading('Wat doe/zeg je wel', 4)).toBeHidden();
    // By keyboard: the native <summary> toggles with Enter.
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(knowledge.heading('Wat doe/zeg je wel', 4)).toBeVisible();
    await expect(knowledge.heading('Wat doe/zeg je niet', 4)).toBeVisible();
    await expect(page.getByText('Beloof nooit geheimhouding.', { exact: true }).first()).toBeVisible();
    // Only the step's body is the source's words: "Letterlijk uit" is its caption, right under it; the
    // reworded do's and don'ts and Baken's own reminders are under a plain "Bron:" and labelled as Baken's.
    const quote = page.getByRole('figure').filter({ hasText: 'Ga in gesprek met de jongen of het meisje' });
    await expect(quote.getByText(/^Letterlijk uit: Qpido — Wat doe je bij… .*\(brondocument 000\)$/)).toBeVisible();
    await expect(knowledge.heading('Denk eraan (herinneringen van Baken)', 4)).toBeVisible();
    // A type the source's plan does not name is said to be Baken's choice.
    await expect(
      page.getByText('Voor sextortion is dit plan een keuze van Baken: de bron noemt het niet.'),
    ).toBeVisible();

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

    // Opens on Rechtsgebied Vlaanderen (the default): Child Focus and, since
    // issue 17, the Belgian police are listed under sextortion.
    await knowledge.search.fill('SEXTORTION');
    await expect(knowledge.entry('Child Focus')).toBeVisible();
    await expect(knowledge.entry('Politie (België)')).toBeVisible();
    await expect(knowledge.entry('Qpido')).toBeHidden();
    await expect(knowledge.entry('Awel')).toBeHidden();
    await expect(knowledge.resultCount).toHaveText('2 organisaties gevonden');
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

    await knowledge.chooseRegion('Nederland (ander rechtsgebied)');
    await expect(knowledge.entry('Child Focus')).toBeHidden();
    const qpido = knowledge.entry('Qpido');
    await expect(qpido).toBeVisible();
    await expect(qpido.getByRole('link', { name: 'Bel 06 - 29 33 80 64' })).toHaveAttribute('href', 'tel:0629338064');
    await expect(qpido.getByRole('link', { name: 'info@qpido.nl' })).toHaveAttribute('href', 'mailto:info@qpido.nl');
    // The other Rechtsgebied's numbers say where they work as written.
    await expect(qpido.getByText(/^Zo gebeld werken deze nummers vanuit Nederland;/)).toBeVisible();
    await expect(knowledge.entry('Noodnummer 112')).toBeVisible();
    await expect(knowledge.entry('Noodnummer 112').getByText(/^Zo gebeld werken deze nummers/)).toBeHidden();
    await expect(knowledge.heading('Bij acuut gevaar', 2)).toBeVisible();

    await knowledge.topic.selectOption({ label: 'beelden laten verwijderen' });
    await expect(knowledge.entry('Helpwanted.nl')).toBeVisible();
    await expect(qpido).toBeHidden();
    await expect(knowledge.resultCount).toHaveText('1 organisatie gevonden');

    await knowledge.chooseRegion('Vlaanderen');
    await expect(knowledge.entry('Child Focus')).toBeVisible();
    await expect(knowledge.entry('Child Focus').getByText(/^Zo gebeld werken deze nummers/)).toBeHidden();
    await expect(knowledge.entry('Helpwanted.nl')).toBeHidden();
  });

  test('an organisation of the other region is found from a search and from a link to it', async ({
    page,
    context,
  }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');

    // Searched under Vlaanderen: none here, but the screen says another region has one, one press away.
    await knowledge.search.fill('qpido');
    await expect(knowledge.resultCount).toHaveText('Geen organisaties gevonden');
    await expect(page.getByText('In een andere regio past wel 1 organisatie.')).toBeVisible();
    await page.getByRole('button', { name: 'Toon alle regio’s' }).click();
    await expect(knowledge.entry('Qpido')).toBeVisible();
    await expect(knowledge.heading('Qpido', 3)).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Alle', exact: true })).toBeChecked();

    // A link to it (as from the Dutch step plans) opens on its region, with the organisation focused.
    await page.goto('/stappenplan');
    await page.goto('/verwijzingen#qpido');
    await expect(knowledge.heading('Qpido', 3)).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Nederland (ander rechtsgebied)' })).toBeChecked();
    // A link to one of the worker's own region changes nothing.
    await page.goto('/stappenplan');
    await page.goto('/verwijzingen#child-focus');
    await expect(knowledge.heading('Child Focus', 3)).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Vlaanderen', exact: true })).toBeChecked();
  });

  test('shows Qpido open or closed in words, computed on the device', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    // Monday 23 November 2026, 14:00 in Amsterdam: chat hours.
    await page.clock.setFixedTime(new Date('2026-11-23T14:00:00+01:00'));
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');
    // Qpido is Dutch: one tap away from the Flemish default.
    await knowledge.chooseRegion('Nederland (ander rechtsgebied)');
    const qpido = knowledge.entry('Qpido');
    await expect(qpido.getByText('Open nu (chat), tot 17:00')).toBeVisible();
    await expect(qpido.getByText('Laatst gecontroleerd: 21 november 2026')).toBeVisible();

    // Saturday: closed until Monday.
    await page.clock.setFixedTime(new Date('2026-11-28T11:00:00+01:00'));
    await page.reload();
    await knowledge.chooseRegion('Alle');
    await expect(qpido.getByText('Gesloten (chat), opent maandag om 13:00')).toBeVisible();
    // Awel's hours are not in the sources: said once, pointing to its website (not "does not answer").
    await expect(
      knowledge.entry('Awel').getByText('De openingsuren staan niet in onze bronnen: kijk ze na op de website.'),
    ).toHaveCount(1);
    await expect(knowledge.entry('Awel').getByRole('link', { name: /awel\.be/ })).toBeVisible();
    await expect(knowledge.entry('Awel').getByText('Openingsuren onbekend')).toHaveCount(0);
    // The police emergency number says what it is for, not "hours unknown".
    const police = knowledge.entry('Politie (België)');
    await expect(police.getByText('Noodnummer, bij acuut gevaar. Voor een klacht: de lokale politie.')).toBeVisible();
    await expect(police.getByText('Openingsuren onbekend')).toHaveCount(0);
    // An organisation the source names without any contact details says so.
    await expect(
      knowledge
        .entry('Vertrouwenscentrum Kindermishandeling (VK)')
        .getByText('De bron noemt geen telefoonnummer, adres of website.'),
    ).toBeVisible();
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
    // The Flemish gap note below the plan links Child Focus too: take the step's link.
    await page
      .getByRole('region', { name: 'CLB-aanpak bij ongewenste sexting', exact: true })
      .getByRole('link', { name: 'Child Focus', exact: true })
      .click();
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
    // Seed 004's noodtoestand is Belgian (beroepsgeheim, "politie of parket"): it says where it holds.
    await expect(
      page.getByRole('definition').filter({ hasText: /^Geldt in: Vlaanderen.*Er is een reëel gevaar/ }),
    ).toBeVisible();
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
    });

    // Split from the test above so each stays well within the timeout on a busy machine.
    test(`Verwijzingen has no axe violations and no horizontal overflow at ${viewport.width}×${viewport.height}`, async ({
      page,
      context,
    }) => {
      await page.setViewportSize(viewport);
      const knowledge = new KnowledgePage(page);
      await knowledge.startOffline(context);

      await knowledge.openFromMenu('Verwijzingen');
      await expect(knowledge.entry('Child Focus')).toBeVisible();
      await expectNoAxeViolations(page, 'verwijzingen');
      await knowledge.expectNoHorizontalOverflow('verwijzingen');

      await knowledge.chooseRegion('Nederland (ander rechtsgebied)');
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

  // One test per screen and viewport, so each stays within the timeout on a busy machine.
  for (const viewport of viewports) {
    for (const screen of ['Wat zegt de wet', 'Vragen uit de praktijk', 'In gesprek'] as const) {
      test(`${screen} has no axe violations and no horizontal overflow at ${viewport.width}×${viewport.height}`, async ({
        page,
        context,
      }) => {
        await page.setViewportSize(viewport);
        const knowledge = new KnowledgePage(page);
        await knowledge.startOffline(context);
        await knowledge.openFromMenu('Stappenplan');
        await knowledge.openSeeAlso(screen);
        await expect(knowledge.contentVersionText()).toBeVisible();
        await expectNoAxeViolations(page, screen);
        await knowledge.expectNoHorizontalOverflow(screen);
      });
    }
  }

  test('with Rechtsgebied Vlaanderen, Stappenplan opens on the Flemish approach and shows the Flemish gaps', async ({
    page,
    context,
  }) => {
    await page.setViewportSize(viewports[0]);
    const knowledge = new KnowledgePage(page);
    // No logbook yet: the Rechtsgebied is the settings default, Vlaanderen.
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Stappenplan');

    await expect(knowledge.heading('CLB-aanpak bij ongewenste sexting', 2)).toBeVisible();
    const chooser = knowledge.planChooser;
    await expect(chooser.getByText('Jouw rechtsgebied: Vlaanderen')).toBeVisible();
    await expect(chooser.getByText('Ander rechtsgebied: Nederland')).toBeVisible();
    await expect(chooser.getByRole('link', { name: /CLB-aanpak/ })).toHaveAttribute('aria-current', 'page');

    // Grooming and sextortion have no Flemish plan: a plain gap, no borrowed Dutch plan.
    const gap = page.getByRole('region', { name: /^Geen stappenplan voor .*grooming.* in Vlaanderen$/ });
    await expect(gap).toContainText('sextortion');
    await expect(gap.getByRole('link', { name: 'Child Focus', exact: true })).toBeVisible();
    await expect(gap.getByRole('link', { name: 'Bel 116 000' })).toHaveAttribute('href', 'tel:116000');
    // The police's number says what it is for: not for a complaint (a review read "Bel 101" as that).
    await expect(gap.getByRole('listitem').filter({ hasText: 'Politie (België)' })).toContainText(
      'Bel 101 (noodnummer politie, niet voor een klacht)',
    );
    await expect(knowledge.heading('Grooming 18-', 2)).toBeHidden();

    // The Dutch plan is one tap away, and says it belongs to another jurisdiction.
    await knowledge.choosePlan('Grooming 18-');
    await expect(page.getByText(/hoort bij een ander rechtsgebied \(Nederland\)/)).toBeVisible();
  });

  test('reaches the legal frame offline without unlocking, dated and with the 2022 and 2026 reform note', async ({
    page,
    context,
  }) => {
    await page.setViewportSize(viewports[0]);
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Stappenplan');
    await knowledge.openSeeAlso('Wat zegt de wet');

    await expect(knowledge.heading('Let op: de wet is sindsdien veranderd', 2)).toBeVisible();
    await expect(page.getByText(/hervormd, en sinds 8 april 2026 geldt een nieuw Strafwetboek/)).toBeVisible();
    await expect(page.getByText(/schooljaar 2017-2018/)).toBeVisible();
    for (const title of [
      'Wanneer mag sexting tussen jongeren?',
      'Wat is strafbaar?',
      'De rol van de jeugdrechter',
      'Klacht neerleggen bij de politie',
      'School en CLB hoeven niet te melden bij de politie',
    ]) {
      await expect(knowledge.heading(title, 2)).toBeVisible();
    }
    const complaint = page.getByRole('region', { name: 'Klacht neerleggen bij de politie', exact: true });
    await expect(complaint.getByText('Klacht neerleggen is niet verplicht.')).toBeVisible();
    await expect(complaint.getByText(/^Klacht neerleggen doe je bij de lokale politie/)).toBeVisible();
    await expect(page.getByText('art. 371/1 Sw', { exact: true })).toBeVisible();
    await expect(page.getByText(/Laatst gecontroleerd: 1 december 2026/).first()).toBeVisible();
    // Still locked: the lock button is not there, and no logbook exists.
    await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeHidden();
  });

  test('finds Sextortion by “chantage” in Verwijzingen and in Begrippen', async ({ page, context }) => {
    const knowledge = new KnowledgePage(page);
    await knowledge.startOffline(context);
    await knowledge.openFromMenu('Verwijzingen');
    await knowledge.search.fill('chantage');
    await expect(knowledge.entry('Child Focus')).toBeVisible();
    // In the Netherlands Helpwanted.nl helps with it (online grensoverschrijdend gedrag, removing images;
    // a Dutch care team's review found only the police).
    await knowledge.chooseRegion('Nederland (ander rechtsgebied)');
    await expect(knowledge.entry('Helpwanted.nl')).toBeVisible();
    await knowledge.chooseRegion('Vlaanderen');
    const terms = page.getByRole('region', { name: 'Ook in Begrippen', exact: true });
    await terms.getByRole('link', { name: 'Sextortion', exact: true }).click();
    await expect(knowledge.heading('Begrippen')).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'Sextortion' }).first()).toBeInViewport();
  });

  test('a grooming case under Rechtsgebied Vlaanderen shows the Flemish gap and Child Focus, not the Dutch plan', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    // Creates the logbook at 360×740 and goes offline.
    await logbook.startOffline(context);
    const settings = new SettingsPage(page);
    await settings.open();
    await expect(
      page.getByRole('group', { name: 'Rechtsgebied' }).getByRole('radio', { name: 'Vlaanderen', exact: true }),
    ).toBeChecked();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();

    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een klasgenoot',
      types: ['grooming'],
      schools: ['Sint-Jozefscollege'],
      description: 'Een volwassene benadert een leerling online. Marker-groom-1.',
    });
    await logbook.saveIncident();

    const steps = logbook.section('Stappenplan');
    const gap = steps.getByRole('region', { name: 'Geen stappenplan voor grooming in Vlaanderen', exact: true });
    await expect(gap).toBeVisible();
    await expect(gap.getByRole('link', { name: 'Child Focus', exact: true })).toBeVisible();
    await expect(gap.getByRole('link', { name: 'Bel 116 000' })).toHaveAttribute('href', 'tel:116000');
    await expect(gap.getByRole('link', { name: 'Stappenplan: CLB-aanpak bij ongewenste sexting' })).toBeVisible();
    // Not the Dutch plan: no Grooming 18- checklist, no step to tick.
    await expect(steps.getByRole('link', { name: 'Grooming 18-' })).toHaveCount(0);
    await expect(steps.getByRole('checkbox', { name: /^Gedaan — stap \d+ van / })).toHaveCount(0);
    await expect(steps.getByText(/GGD|Veilig Thuis/)).toHaveCount(0);

    // What to do in the conversation sits next to the checklist.
    const guide = logbook.section('In gesprek');
    await guide.getByText('In gesprek met de afgebeelde jongere', { exact: true }).click();
    await expect(guide.getByText('Identiteit/Zelfbeeld = Ik wil gezien worden')).toBeVisible();
    await guide.getByText('Wat ontvangers en omstaanders kunnen doen', { exact: true }).click();
    await expect(guide.getByText('De zender blokkeren.')).toBeVisible();
    await expect(guide.getByRole('link', { name: 'Wat zegt de wet' })).toBeVisible();
    await expectNoAxeViolations(page, 'grooming case, Vlaanderen');
    await logbook.expectNoHorizontalOverflow('grooming case, Vlaanderen');
  });
});
