// Issue 16: the case page on a 360 × 740 phone, by touch and by keyboard.
// A full case folds into about two screens, any section is two taps away from
// the bottom, every save shows the saved item with focus on it, and a
// checklist step is one tap.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { LogbookPage, phone } from './pages/logbook-page';

// Touch emulation (tap); isMobile is left off: its text autosizing changes the layout under test.
test.use({ viewport: phone, hasTouch: true });

const sectionTitles = [
  'Incident',
  'Betrokkenen',
  'Vlaggensysteem',
  'Stappenplan',
  'In gesprek',
  'Materiaal offline halen',
  'Toestemming',
  'Tijdlijn',
  'Doorverwijzingen',
  'Opvolging en status',
];

async function newCase(logbook: LogbookPage): Promise<string> {
  await logbook.openNewIncident();
  await logbook.fillIncident({
    types: ['ongewenste sexting'],
    knownVia: 'Een klasgenoot',
    schools: ['Sint-Jan'],
    description: 'Een foto werd doorgestuurd in een klasgroep.',
  });
  return logbook.saveIncident();
}

/** A second tab of the same logbook on the same device, unlocked, on the case `reference`. */
async function openInSecondTab(
  context: BrowserContext,
  reference: string,
): Promise<{ other: Page; logbookB: LogbookPage }> {
  const other = await context.newPage();
  const logbookB = new LogbookPage(other);
  await other.goto('/');
  await logbookB.lock.unlock();
  await logbookB.openCase(reference);
  return { other, logbookB };
}

function menuButton(page: Page): Locator {
  return page
    .getByRole('navigation', { name: 'Onderdelen van het dossier' })
    .getByRole('button', { name: /^Naar sectie/ });
}

function menuLink(page: Page, title: string): Locator {
  return page
    .getByRole('navigation', { name: 'Onderdelen van het dossier' })
    .getByRole('link', { name: new RegExp(`^${title}(,| |$)`) });
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(() => page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2))
    .toBe(true);
}

/** The saved item is on screen, and focus is on it (or inside it) or on its section's heading. */
async function expectSavedInView(item: Locator, section: Locator): Promise<void> {
  await expect(item).toBeInViewport();
  const heading = section.getByRole('heading', { level: 2 });
  await expect
    .poll(async () => {
      const inItem = await item.evaluate((el) => el.contains(document.activeElement));
      const onHeading = await heading.evaluate((el) => el === document.activeElement);
      return inItem || onHeading;
    })
    .toBe(true);
}

test.describe('the case page on a phone', () => {
  test('a full case folds into two screens, the header stays small, and any section is two taps from the bottom', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    const reference = await newCase(logbook);

    // The unlocked header and main menu: at most about 120 px at 360 px wide.
    const mainNav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const navBox = await mainNav.boundingBox();
    expect(navBox).not.toBeNull();
    expect((navBox?.y ?? 0) + (navBox?.height ?? 0)).toBeLessThanOrEqual(120);

    // A full case: 3 betrokkenen, 2 assessments, 4 consents, 10 notes, checklist, follow-ups.
    await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
    await logbook.addParty({ role: 'jongere die doorstuurde', age: '15', expectPseudonym: 'Jongere B' });
    await logbook.addParty({ role: 'melder', age: '15', expectPseudonym: 'Melder A' });
    for (const flag of ['Geel', 'Rood']) {
      await logbook.assessFlags({
        answers: { 'Wederzijdse toestemming': 'niet in orde', Vrijwilligheid: 'twijfel' },
        flag,
        reasoning: `Inschatting ${flag}.`,
      });
    }
    for (const recipient of ['school', 'ouders/voogd', 'hulpverlening', 'Child Focus']) {
      await logbook.recordConsent({
        party: 'Jongere A (afgebeelde jongere)',
        recipient,
        categories: ['feiten'],
        givenBy: 'de jongere',
      });
    }
    for (let i = 1; i <= 10; i++) await logbook.addNote('gesprek', `Gesprek ${i} met Jongere A.`);
    // Ten notes in a minute or two: every correct button names a different note (seconds where minutes repeat).
    const correct = logbook.section('Tijdlijn').getByRole('button', { name: / corrigeren$/ });
    await expect(correct).toHaveCount(10);
    const names = await correct.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(new Set(names).size).toBe(10);
    expect(names.some((name) => /\d{2}:\d{2}:\d{2}/.test(name))).toBe(true);
    const steps = logbook.section('Stappenplan');
    await steps
      .getByRole('checkbox', { name: /^Gedaan — stap 1 van / })
      .first()
      .tap();
    await expect(steps.getByRole('checkbox', { name: /^Gedaan — stap 1 van / }).first()).toBeChecked();
    await logbook.scheduleFollowUp('Terugkomen op de afspraken.');
    await logbook.scheduleFollowUp('Nagaan of de foto verwijderd is.');

    // The compact header says what a worker checks first.
    const summary = page.getByRole('group', { name: 'Dossier in het kort' });
    await expect(summary.getByText('Volgende opvolging')).toBeVisible();
    await expect(summary.getByText('Rood', { exact: true })).toBeVisible();
    await expect(summary.getByText('4 gegeven', { exact: true })).toBeVisible();
    await expect(summary.getByText(/^\d+ van \d+$/)).toBeVisible();

    // The menu shows how many items each section holds.
    await menuButton(page).tap();
    await expect(menuLink(page, 'Tijdlijn')).toContainText('10');
    await expect(menuLink(page, 'Betrokkenen')).toContainText('3');
    await expect(menuLink(page, 'Toestemming')).toContainText('4');
    await expect(menuLink(page, 'Betrokkenen')).toHaveAccessibleName('Betrokkenen, 3 items');
    // The Stappenplan's count is of steps done, and says so.
    await expect(menuLink(page, 'Stappenplan')).toHaveAccessibleName(/^Stappenplan, \d+ (stap|stappen) gedaan$/);
    // Opvolging counts the open follow-ups, and says so.
    await expect(menuLink(page, 'Opvolging en status')).toHaveAccessibleName('Opvolging en status, 2 open');
    // Every tile holds its title and count at 360 px: nothing sticks out past its edge.
    const sticksOut = await page
      .getByRole('navigation', { name: 'Onderdelen van het dossier' })
      .getByRole('link')
      .evaluateAll((links) =>
        links
          .filter((link) => {
            const edge = link.getBoundingClientRect().right;
            return Array.from(link.querySelectorAll('*')).some(
              (part) => part.getBoundingClientRect().right > edge + 0.5,
            );
          })
          .map((link) => link.textContent),
      );
    expect(sticksOut).toEqual([]);
    await expectNoAxeViolations(page, 'case page, section menu open');

    // All sections folded: about two screens.
    await page.getByRole('button', { name: 'Alles dichtklappen' }).tap();
    await expect(page.getByRole('button', { name: 'Betrokkenen openklappen' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1500);
    await expectNoAxeViolations(page, 'case page, all sections folded');

    // The fold is kept per device: another visit to the case (any case) starts folded.
    await page.reload();
    await logbook.lock.unlock();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();
    await page.getByRole('link', { name: reference, exact: true }).click();
    await expect(logbook.heading(`Dossier ${reference}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tijdlijn openklappen' })).toHaveAttribute('aria-expanded', 'false');

    // One section opened by its own button.
    await page.getByRole('button', { name: 'Tijdlijn openklappen' }).tap();
    await expect(logbook.section('Tijdlijn').getByRole('article')).toHaveCount(10);
    await expectNoAxeViolations(page, 'case page, one section open');

    // Everything open again; from the very bottom, each section is two taps away.
    await menuButton(page).tap();
    await page.getByRole('button', { name: 'Alles openklappen' }).tap();
    for (const title of sectionTitles) {
      await scrollToBottom(page);
      await menuButton(page).tap();
      await menuLink(page, title).tap();
      const heading = logbook.section(title).getByRole('heading', { level: 2, name: title });
      await expect(heading).toBeInViewport();
      await expect(heading).toBeFocused();
      await expect(menuButton(page)).toContainText(title);
    }
    await expectNoAxeViolations(page, 'case page, all sections open');

    // A folded section opens when the menu goes there.
    await page.getByRole('button', { name: 'Doorverwijzingen dichtklappen' }).tap();
    await scrollToBottom(page);
    await menuButton(page).tap();
    await menuLink(page, 'Doorverwijzingen').tap();
    await expect(page.getByRole('button', { name: 'Doorverwijzing noteren' })).toBeInViewport();

    // By keyboard: the menu opens with Enter, Escape closes it and focus returns; a link goes with Enter.
    await scrollToBottom(page);
    await menuButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(menuLink(page, 'Incident')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menuLink(page, 'Incident')).toBeHidden();
    await expect(menuButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(menuLink(page, 'Incident')).toBeFocused();
    await page.keyboard.press('Enter');
    const incident = logbook.section('Incident').getByRole('heading', { level: 2, name: 'Incident' });
    await expect(incident).toBeFocused();
    await expect(incident).toBeInViewport();
  });

  test('after each kind of save the saved item is on screen with focus, and a step is one tap', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await newCase(logbook);

    // Errors shown in an open form: axe-clean, focus on the first invalid field.
    const parties = logbook.section('Betrokkenen');
    await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).tap();
    const partyForm = parties.getByRole('form', { name: 'Betrokkene toevoegen' });
    await partyForm.getByRole('button', { name: 'Bewaren' }).tap();
    await expect(partyForm.getByRole('radio').first()).toBeFocused();
    await expectNoAxeViolations(page, 'party form with errors');
    await partyForm.getByRole('button', { name: 'Annuleren' }).tap();

    // A betrokkene, added and then changed.
    await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
    await expectSavedInView(parties.getByRole('article', { name: /^Jongere A/ }), parties);
    await parties.getByRole('button', { name: 'Jongere A aanpassen' }).tap();
    await parties.getByRole('textbox', { name: 'Klas' }).fill('3B');
    await parties.getByRole('button', { name: 'Bewaren' }).tap();
    await expectSavedInView(parties.getByRole('article', { name: /^Jongere A/ }), parties);

    // An assessment.
    await logbook.assessFlags({
      answers: { 'Wederzijdse toestemming': 'niet in orde', Vrijwilligheid: 'twijfel' },
      flag: 'Rood',
      reasoning: 'Doorgestuurd zonder toestemming.',
    });
    const flags = logbook.section('Vlaggensysteem');
    await expectSavedInView(flags.getByRole('article').first(), flags);

    // A consent.
    await logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient: 'school',
      categories: ['feiten'],
      givenBy: 'de jongere',
    });
    const consent = logbook.section('Toestemming');
    await expectSavedInView(consent.getByRole('article', { name: 'Jongere A → school' }), consent);

    // A note, then its correction.
    const notes = logbook.section('Tijdlijn');
    await logbook.addNote('gesprek', 'Eerste gesprek, marker-notitie.');
    await expectSavedInView(notes.getByRole('article').filter({ hasText: 'marker-notitie' }), notes);
    await logbook.correctNote('marker-notitie', 'Eerste gesprek, marker-correctie.', 'Tikfout.');
    await expectSavedInView(notes.getByRole('article').filter({ hasText: 'marker-correctie' }).last(), notes);

    // A follow-up.
    const followUp = logbook.section('Opvolging en status');
    await logbook.scheduleFollowUp('Terugkomen op de afspraken, marker-opvolging.');
    await expectSavedInView(followUp.getByRole('article').filter({ hasText: 'marker-opvolging' }), followUp);

    // A referral.
    const referrals = logbook.section('Doorverwijzingen');
    await referrals.getByRole('button', { name: 'Doorverwijzing noteren' }).tap();
    await referrals.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'Child Focus' });
    await referrals.getByRole('textbox', { name: 'Door (initialen)' }).fill('KV');
    await referrals.getByRole('button', { name: 'Bewaren' }).tap();
    await expectSavedInView(referrals.getByRole('listitem').filter({ hasText: 'Child Focus' }), referrals);

    // The facts: no item of their own, so the section heading.
    const incident = logbook.section('Incident');
    await incident.getByRole('button', { name: 'Feiten aanpassen' }).tap();
    await incident.getByRole('button', { name: 'Bewaren' }).tap();
    await expectSavedInView(incident.getByRole('heading', { level: 2, name: 'Incident' }), incident);

    // A step: one tap marks it done today, one tap undoes it; names carry step and plan.
    const steps = logbook.section('Stappenplan');
    const stepItem = steps
      .getByRole('listitem')
      .filter({ has: page.getByRole('checkbox', { name: /^Gedaan — stap 1 van / }) })
      .first();
    const stepOne = stepItem.getByRole('checkbox', { name: /^Gedaan — stap 1 van / });
    const names = await steps
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    expect(new Set(names).size).toBe(names.length);
    await stepOne.tap();
    await expect(stepOne).toBeChecked();
    await expect(stepItem.getByText(/^Gedaan op \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
    await expectSavedInView(stepItem, steps);
    await stepOne.tap();
    await expect(stepOne).not.toBeChecked();
    await expect(stepItem.getByText('Nog niet gedaan')).toBeVisible();
    // By keyboard: Space toggles it.
    await stepOne.focus();
    await page.keyboard.press('Space');
    await expect(stepOne).toBeChecked();
    // A note with the step, on its own button.
    await stepItem.getByRole('button', { name: /^Notitie of datum bij stap 1 van / }).tap();
    await stepItem.getByRole('textbox', { name: 'Korte notitie (optioneel)' }).fill('Meteen gereageerd.');
    await expectNoAxeViolations(page, 'step note form open');
    await stepItem.getByRole('button', { name: 'Bewaren' }).tap();
    await expect(stepItem.getByText('— Meteen gereageerd.')).toBeVisible();
    await expectSavedInView(stepItem, steps);
    await expectNoAxeViolations(page, 'case page after saves');
  });

  test('the section menu by keyboard: Tab past its last button closes it and focus goes back to its button', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await newCase(logbook);
    const button = menuButton(page);
    // At 360 px the button's text is whole, also for the longest section name: "Naar sectie" on one
    // line, the name not cut off.
    await button.tap();
    await menuLink(page, 'Opvolging en status').tap();
    await expect(button).toHaveAccessibleName('Naar sectie · Opvolging en status');
    const cut = await button.evaluate(
      (b) =>
        Array.from(b.querySelectorAll('span')).filter(
          (part) => part.scrollWidth > part.clientWidth + 0.5 || part.getBoundingClientRect().height > 60,
        ).length,
    );
    expect(cut).toBe(0);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    // The list's last control (it stays focusable while there is nothing to open: aria-disabled).
    const last = page.getByRole('button', { name: 'Alles openklappen' });
    for (let i = 0; i < 30 && !(await last.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(last).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    // The page behind is usable again: the next Tab goes into it, not to the page body.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // At 320 px no section title runs past its tile (one tile per row there).
    await page.setViewportSize({ width: 320, height: 640 });
    await button.click();
    const nav = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
    const overflowing = await nav.evaluate(
      (n) => Array.from(n.querySelectorAll('li a')).filter((a) => a.scrollWidth > a.clientWidth + 0.5).length,
    );
    expect(overflowing).toBe(0);

    // Text at 200 % at 360 px (a review): no tile title is cut, and the button's parts stay inside it.
    await page.setViewportSize(phone);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const enlarged = await nav.evaluate(
      (n) => Array.from(n.querySelectorAll('li a')).filter((a) => a.scrollWidth > a.clientWidth + 0.5).length,
    );
    expect(enlarged).toBe(0);
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    const outside = await button.evaluate((b) => {
      const box = b.getBoundingClientRect();
      return Array.from(b.querySelectorAll('span')).filter((part) => {
        const r = part.getBoundingClientRect();
        return r.right > box.right + 0.5 || r.left < box.left - 0.5 || r.bottom > box.bottom + 0.5;
      }).length;
    });
    expect(outside).toBe(0);
  });

  test('a paste longer than the room left says how much of it is not in the field', async ({ page, context }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await newCase(logbook);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'p'.repeat(20_000));
    await logbook.noteText.click();
    await page.keyboard.press('Control+V');
    await expect(logbook.noteText).toHaveValue('p'.repeat(8000));
    const notes = logbook.section('Tijdlijn');
    await expect(
      notes.getByRole('alert').filter({
        hasText: 'Van wat je plakte, konden 12.000 tekens er niet meer bij: ze staan niet in het veld.',
      }),
    ).toBeVisible();
    // With room again, the notice goes; a paste that fits says nothing.
    await logbook.noteText.fill('Kort.');
    await expect(notes.getByText(/Van wat je plakte/)).toHaveCount(0);
    await page.evaluate(() => navigator.clipboard.writeText(' Nog een zin.'));
    await logbook.noteText.press('End');
    await page.keyboard.press('Control+V');
    await expect(logbook.noteText).toHaveValue('Kort. Nog een zin.');
    await expect(notes.getByText(/Van wat je plakte/)).toHaveCount(0);
    await page.evaluate(() => navigator.clipboard.writeText(''));
  });

  test('a note at its maximum length says so, and is saved whole', async ({ page, context }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await newCase(logbook);
    const notes = logbook.section('Tijdlijn');

    // Near the maximum: how much room is left.
    await logbook.noteText.fill('a'.repeat(7500));
    // In the field's description, so a screen reader reads it with the field.
    await expect(logbook.noteText).toHaveAccessibleDescription(/Nog 500 tekens \(maximaal 8000\)\./);
    await expect(notes.getByRole('alert')).toHaveCount(0);
    // A paste beyond it: the field keeps 8000 characters and the worker is told where the rest must go.
    await logbook.noteText.fill('b'.repeat(7990));
    await logbook.noteText.press('End');
    // As a paste arrives: the browser inserts only what fits.
    await page.keyboard.insertText(' EINDE-MARKER-44 en wat niet meer past');
    await expect(logbook.noteText).toHaveValue(new RegExp(`^b{7990} EINDE-MAR$`));
    await expect(notes.getByRole('alert')).toHaveText(
      'De notitie is 8000 tekens lang, het maximum: wat je nog typt of plakt, komt er niet bij. Schrijf de rest in een nieuwe notitie.',
    );
    await expectNoAxeViolations(page, 'note at its maximum length');
    await notes.getByRole('button', { name: 'Notitie toevoegen' }).tap();
    await expect(notes.getByRole('article')).toHaveCount(1);
    await expect(notes.getByRole('article')).toContainText('EINDE-MAR');
    await expect(notes.getByRole('alert')).toHaveCount(0);
  });

  test('a link to an image in a note needs removing or "dit is geen beeld"; a name field warns about any link', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await newCase(logbook);

    const notes = logbook.section('Tijdlijn');
    await logbook.noteText.fill('Zie https://voorbeeld.be/foto/naakt.jpg voor de details.');
    const warning = notes.getByRole('status').filter({ hasText: 'Link naar een beeld?' });
    await expect(warning).toContainText('Baken bewaart geen beelden en ook geen links ernaar');
    await expect(warning).toContainText('Gevonden: https://voorbeeld.be/foto/naakt.jpg');
    await expectNoAxeViolations(page, 'note with an image link');
    await notes.getByRole('button', { name: 'Notitie toevoegen' }).tap();
    await expect(notes.getByRole('alert').filter({ hasText: 'Verwijder de link' })).toBeVisible();
    await expect(logbook.noteText).toBeFocused();
    await expect(notes.getByRole('article')).toHaveCount(0);
    await expectNoAxeViolations(page, 'note refused for an image link');

    // Removing the link is enough.
    await logbook.noteText.fill('Zie het verslag voor de details.');
    await expect(warning).toHaveCount(0);
    await notes.getByRole('button', { name: 'Notitie toevoegen' }).tap();
    await expect(notes.getByRole('article')).toHaveCount(1);

    // Or the worker confirms it is no image.
    await logbook.noteText.fill('Info: https://voorbeeld.be/uitleg/stappen.png is een schema van de school.');
    await notes.getByRole('checkbox', { name: 'Dit is geen beeld (Notitie)' }).check();
    await notes.getByRole('button', { name: 'Notitie toevoegen' }).tap();
    await expect(notes.getByRole('article')).toHaveCount(2);

    // A school field holds no link at all.
    const parties = logbook.section('Betrokkenen');
    await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).tap();
    const form = parties.getByRole('form', { name: 'Betrokkene toevoegen' });
    await form.getByRole('radio', { name: 'afgebeelde jongere', exact: true }).check();
    await form.getByRole('textbox', { name: 'School' }).fill('www.sint-jan.be');
    await expect(form.getByRole('status').filter({ hasText: 'Link in dit veld' })).toBeVisible();
    await form.getByRole('button', { name: 'Bewaren' }).tap();
    await expect(form.getByRole('alert').filter({ hasText: 'Verwijder de link' })).toBeVisible();
    await form.getByRole('textbox', { name: 'School' }).fill('Sint-Jan');
    await form.getByRole('button', { name: 'Bewaren' }).tap();
    await expect(parties.getByRole('article', { name: /^Jongere A/ })).toBeVisible();
  });
});

test('two tabs editing one betrokkene: a change saved in one is kept, never silently undone by the other', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  const reference = await newCase(logbook);
  await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });

  // Tab B opens the same case (same logbook, same device) and starts editing Jongere A.
  const { other, logbookB } = await openInSecondTab(context, reference);
  const partiesB = logbookB.section('Betrokkenen');
  await partiesB.getByRole('button', { name: 'Jongere A aanpassen' }).tap();

  // Tab A changes the school and saves.
  const parties = logbook.section('Betrokkenen');
  await parties.getByRole('button', { name: 'Jongere A aanpassen' }).tap();
  await parties.getByRole('textbox', { name: 'School' }).fill('School volgens tab A');
  await parties.getByRole('button', { name: 'Bewaren' }).tap();
  await expect(parties.getByRole('article', { name: /^Jongere A/ })).toContainText('School volgens tab A');

  // Tab B, whose form still shows no school, changes the class: both are kept.
  await partiesB.getByRole('textbox', { name: 'Klas' }).fill('5A');
  await partiesB.getByRole('button', { name: 'Bewaren' }).tap();
  const cardB = partiesB.getByRole('article', { name: /^Jongere A/ });
  await expect(cardB).toContainText('School volgens tab A');
  await expect(cardB).toContainText('5A');

  // B opens its form, then A saves a new school; B changes the school it saw before A's save.
  await partiesB.getByRole('button', { name: 'Jongere A aanpassen' }).tap();
  await parties.getByRole('button', { name: 'Jongere A aanpassen' }).tap();
  await parties.getByRole('textbox', { name: 'School' }).fill('Tweede school volgens tab A');
  await parties.getByRole('button', { name: 'Bewaren' }).tap();
  await expect(parties.getByRole('article', { name: /^Jongere A/ })).toContainText('Tweede school volgens tab A');
  const formB = partiesB.getByRole('form', { name: /aanpassen/ });
  await formB.getByRole('textbox', { name: 'School' }).fill('School volgens tab B');
  await formB.getByRole('button', { name: 'Bewaren' }).tap();
  // Refused on that field, in Dutch; A's school stays, and B's text is still in the form to copy.
  await expect(
    formB.getByText(/Dit werd intussen gewijzigd, in een ander venster of op een ander toestel\./),
  ).toBeVisible();
  await expect(formB.getByRole('textbox', { name: 'School' })).toHaveValue('School volgens tab B');
  await expect(parties.getByRole('article', { name: /^Jongere A/ })).toContainText('Tweede school volgens tab A');
  await formB.getByRole('button', { name: 'Annuleren' }).tap();
  await expect(cardB).toContainText('Tweede school volgens tab A');
  await other.close();
});

test('facts changed in another tab while this one edits them: refused first, then kept as mine on request, the other in Eerdere versies', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  const reference = await newCase(logbook);

  // Tab A opens "Feiten aanpassen" and types; tab B saves other facts meanwhile.
  const incident = logbook.section('Incident');
  await incident.getByRole('button', { name: 'Feiten aanpassen' }).tap();
  const formA = incident.getByRole('form', { name: 'Feiten aanpassen' });
  await formA.getByRole('textbox', { name: 'Wat gebeurde er?' }).fill('Feiten volgens tab A, na het gesprek.');
  await formA.getByRole('textbox', { name: 'Waarom pas je de feiten aan?' }).fill('Aangevuld na het gesprek.');

  const { other, logbookB } = await openInSecondTab(context, reference);
  const incidentB = logbookB.section('Incident');
  await incidentB.getByRole('button', { name: 'Feiten aanpassen' }).tap();
  const formB = incidentB.getByRole('form', { name: 'Feiten aanpassen' });
  await formB.getByRole('textbox', { name: 'Wat gebeurde er?' }).fill('Feiten volgens tab B.');
  await formB.getByRole('textbox', { name: 'Waarom pas je de feiten aan?' }).fill('Verbeterd in tab B.');
  await formB.getByRole('button', { name: 'Bewaren' }).tap();
  // Saved only once the form has closed: the text in the form's own field is not proof of a write.
  await expect(formB).toBeHidden();
  await expect(incidentB.getByText('Feiten volgens tab B.')).toBeVisible();
  await other.close();

  // A saves: refused, the typed text stays; then A keeps its own version on purpose.
  await formA.getByRole('button', { name: 'Bewaren' }).tap();
  await expect(formA.getByText(/Dit werd intussen gewijzigd/)).toBeVisible();
  await expect(formA.getByRole('textbox', { name: 'Wat gebeurde er?' })).toHaveValue(
    'Feiten volgens tab A, na het gesprek.',
  );
  await formA.getByRole('button', { name: 'Toch mijn versie bewaren' }).tap();
  await expect(formA).toBeHidden();
  await expect(incident.getByText('Feiten volgens tab A, na het gesprek.')).toBeVisible();
  // Nothing lost: B's facts and the original are both under Eerdere versies.
  await incident.getByText(/^Eerdere versies \(2\)$/).tap();
  await expect(incident.getByText('Feiten volgens tab B.')).toBeVisible();
  await expect(incident.getByText('Een foto werd doorgestuurd in een klasgroep.')).toBeVisible();
});
