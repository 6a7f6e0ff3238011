// Issue 14 in the browser: consent binds to whose information it is. The
// melder's and the forwarding pupil's consent release nothing about the
// depicted pupil; a parent cannot consent for a presumed-competent
// 15-year-old in Flanders; the depicted pupil's own consent releases exactly
// what was consented, with other names in the facts replaced by role and age.
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { ExportPage } from './pages/export-page';
import { LogbookPage, phone } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';

test.use({ viewport: phone });

const FACT = 'Marker-feit-C14';
const AGREEMENT = 'Marker-afspraak-C14';

test('consent releases only the information of the person who may give it', async ({ page, context }) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  await logbook.startOffline(context);

  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een klasgenoot',
    types: ['ongewenste sexting'],
    schools: ['Sint-Jozefscollege'],
    // The forwarding pupil's name typed with odd case, accents and spacing.
    description: `jens  PÉETERS stuurde de foto door in de klasgroep. ${FACT}.`,
  });
  const reference = await logbook.saveIncident();
  await logbook.addParty({
    role: 'afgebeelde jongere',
    age: '15',
    realName: 'Lotte Janssens',
    expectPseudonym: 'Jongere A',
  });
  await logbook.addParty({
    role: 'jongere die doorstuurde',
    age: '16',
    realName: 'Jens Peeters',
    expectPseudonym: 'Jongere B',
  });
  // Since issue 15 a pseudonym follows the role: the melder is "Melder A".
  await logbook.addParty({ role: 'melder', age: '15', expectPseudonym: 'Melder A' });
  await logbook.addNote('afspraak', `Terugkomen na de vakantie. ${AGREEMENT}`);
  const backToCase = async (): Promise<void> => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Logboek', exact: true })
      .click();
    await page.getByRole('link', { name: reference, exact: true }).click();
    await expect(logbook.heading(`Dossier ${reference}`)).toBeVisible();
  };

  // 1. The melder's and the forwarding pupil's consent: stored, but they never release the facts.
  await logbook.recordConsent({
    party: 'Melder A (melder)',
    recipient: 'school',
    categories: ['feiten', 'afspraken'],
    givenBy: 'de jongere',
  });
  await logbook.recordConsent({
    party: 'Jongere B (jongere die doorstuurde)',
    recipient: 'school',
    categories: ['feiten', 'afspraken'],
    givenBy: 'de jongere',
    // Said while filling in, in a live region that was already there (so screen readers read it).
    verdict: /^Telt niet voor feiten, afspraken: dat is informatie over de afgebeelde jongere/,
  });
  const consent = logbook.section('Toestemming');
  await expect(
    consent.getByText(/^Telt niet voor feiten, afspraken: dat is informatie over de afgebeelde jongere/),
  ).toHaveCount(2);
  // A share without consent about the melder would not release the facts either, and the form says so.
  await consent.getByRole('button', { name: 'Delen zonder toestemming noteren' }).click();
  const shareForm = consent.getByRole('form', { name: 'Delen zonder toestemming' });
  await shareForm
    .getByRole('combobox', { name: 'Van wie is de informatie?' })
    .selectOption({ label: 'Melder A (melder)' });
  await shareForm
    .getByRole('group', { name: 'Welke informatie?' })
    .getByRole('checkbox', { name: 'feiten', exact: true })
    .check();
  await expect(
    shareForm.getByRole('status').filter({
      hasText:
        /^Telt niet voor feiten: dat is informatie over de afgebeelde jongere\. Gaat wat je deelt over het incident zelf/,
    }),
  ).toBeVisible();
  // Art. 458bis informs only the parket: choosing it chooses that recipient, no other stays selected.
  const to = shareForm.getByRole('group', { name: 'Aan wie mag het?' });
  await to.getByRole('radio', { name: 'school', exact: true }).check();
  await shareForm.getByRole('radio', { name: /^art\. 458bis/ }).check();
  await expect(to.getByRole('radio')).toHaveCount(1);
  await expect(to.getByRole('radio', { name: 'politie/parket' })).toBeChecked();
  await shareForm.getByRole('button', { name: 'Annuleren' }).click();
  // The case header does not count them as consent that is in place.
  await expect(
    page.getByRole('group', { name: 'Dossier in het kort' }).getByText('2 gegeven (2 tellen niet)', { exact: true }),
  ).toBeVisible();

  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText('Er is niets dat je met deze ontvanger mag delen');
  for (const hidden of [FACT, AGREEMENT, 'Jens', 'Peeters', 'PÉETERS']) {
    await expect(exports.summaryDocument).not.toContainText(hidden);
  }

  // 2. A parent's consent for a presumed-competent 15-year-old in Flanders is refused, with the reason.
  await backToCase();
  await consent.getByRole('button', { name: 'Toestemming noteren', exact: true }).click();
  const form = consent.getByRole('form', { name: 'Toestemming noteren' });
  await form
    .getByRole('combobox', { name: 'Van wie is de informatie?' })
    .selectOption({ label: 'Jongere A (afgebeelde jongere)' });
  await form
    .getByRole('group', { name: 'Aan wie mag het?' })
    .getByRole('radio', { name: 'school', exact: true })
    .check();
  await form
    .getByRole('group', { name: 'Welke informatie?' })
    .getByRole('checkbox', { name: 'feiten', exact: true })
    .check();
  await form
    .getByRole('group', { name: 'Gegeven door' })
    .getByRole('radio', { name: 'ouder/voogd', exact: true })
    .check();
  const reason = 'Deze jongere beslist zelf: vanaf 12 jaar wordt een jongere in Vlaanderen bekwaam geacht';
  await expect(form.getByRole('status').filter({ hasText: reason })).toBeVisible();
  await form.getByRole('button', { name: 'Bewaren' }).click();
  // Said once, by the refused save's alert; the live verdict does not repeat it.
  await expect(form.getByRole('alert').filter({ hasText: reason })).toBeVisible();
  await expect(form.getByText(reason)).toHaveCount(1);
  await expect(consent.getByRole('article')).toHaveCount(2);
  await expectNoAxeViolations(page, 'consent form with a refused giver');
  // A date in the future is refused; judged on that date the pupil would be an adult, so no verdict is shown.
  const givenOn = form.getByRole('textbox', { name: 'Wanneer?' });
  await expect(givenOn).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}$/);
  await givenOn.fill('2099-01-01');
  // The live verdict (role=status) goes; the refusal from the earlier save stays until the next one.
  await expect(form.getByRole('status').filter({ hasText: reason })).toHaveCount(0);
  await expect(form.getByText('Een volwassene geeft zelf toestemming')).toHaveCount(0);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(form.getByText('Deze datum ligt in de toekomst.')).toBeVisible();
  await expect(consent.getByRole('article')).toHaveCount(2);
  // Nor before the case became known ("Bekend sinds" is today here): it cannot be about this incident.
  await expect(givenOn).toHaveAttribute('min', /^\d{4}-\d{2}-\d{2}$/);
  await givenOn.fill(new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(form.getByText('Deze datum ligt vóór ‘Bekend sinds’ van dit dossier.')).toBeVisible();
  // With it, in the same round, the refused giver (a review: it came only on the next try), said once.
  await expect(form.getByRole('alert').filter({ hasText: reason })).toBeVisible();
  await expect(form.getByText(reason)).toHaveCount(1);
  await expect(consent.getByRole('article')).toHaveCount(2);
  await form.getByRole('button', { name: 'Annuleren' }).click();

  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText('Er is niets dat je met deze ontvanger mag delen');

  // 3. The depicted pupil's own consent releases exactly the consented category; other names become role and age.
  await backToCase();
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  const given = consent.getByRole('article').filter({ hasText: 'Jongere A' });
  await expect(given).toContainText('Geldig');
  // Only whether it was withdrawn; no second, green "geldt" next to the validity.
  await expect(given.getByText('Niet ingetrokken', { exact: true })).toBeVisible();
  await expect(consent.getByText('geldt', { exact: true })).toHaveCount(0);

  await exports.open();
  await exports.makeSummary(reference, 'de school');
  const doc = exports.summaryDocument;
  await expect(doc).toContainText(FACT);
  // The forwarding pupil is named by role alone: their age is their information too.
  // At the start of the sentence, the role starts with a capital.
  await expect(doc).toContainText('Jongere die doorstuurde stuurde de foto door in de klasgroep.');
  await expect(doc).not.toContainText('doorstuurde (16)');
  await expect(doc).toContainText(/Bron: gedeeld met toestemming van afgebeelde jongere \(15\)/);
  await expect(doc).toContainText('Niet gedeeld: Namen van betrokkenen, Afspraken');
  for (const hidden of [AGREEMENT, 'Jens', 'Peeters', 'PÉETERS', 'Lotte', 'Jongere A', 'Jongere B', 'Melder A']) {
    await expect(doc).not.toContainText(hidden);
  }
  await expectNoAxeViolations(page, 'summary with the depicted pupil consent');

  // Printing prints the summary only.
  await page.emulateMedia({ media: 'print' });
  await expect(doc).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await expect(exports.auditorSection).toBeHidden();
  await expect(exports.logSection).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('a facts correction needs a reason, keeps the earlier version and the summary uses the current one', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  const OLD = 'Marker-oud-C14';
  const NEW = 'Marker-nieuw-C14';
  const REASON = 'De klas was verkeerd genoteerd.';
  await logbook.startOffline(context);

  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'De betrokkene zelf',
    types: ['ongewenste sexting'],
    schools: [],
    description: `Foto doorgestuurd in klas 3B. ${OLD}.`,
  });
  const reference = await logbook.saveIncident();
  await logbook.addParty({
    role: 'afgebeelde jongere',
    age: '15',
    realName: 'Lotte Janssens',
    expectPseudonym: 'Jongere A',
  });

  // Issue 14: a real name typed into a note is flagged at once and can be replaced by the pseudonym.
  const timeline = logbook.section('Tijdlijn');
  await logbook.noteText.fill('Gesprek met lotte  JANSSENS na school.');
  await expect(timeline.getByRole('status').filter({ hasText: 'Je typt een echte naam' })).toBeVisible();
  await timeline.getByRole('button', { name: 'Vervang door schuilnamen in de nieuwe notitie' }).click();
  await expect(logbook.noteText).toHaveValue(/Jongere A/);
  await expect(logbook.noteText).not.toHaveValue(/lotte|janssens/i);
  await expect(timeline.getByRole('status').filter({ hasText: 'Je typt een echte naam' })).toHaveCount(0);

  // Changing the description without a reason is refused, with the reason why.
  const incident = logbook.section('Incident');
  await incident.getByRole('button', { name: 'Feiten aanpassen', exact: true }).click();
  const form = incident.getByRole('form', { name: 'Feiten aanpassen' });
  await form.getByRole('textbox', { name: 'Wat gebeurde er?' }).fill(`Foto doorgestuurd in klas 4A. ${NEW}.`);
  const reason = form.getByRole('textbox', { name: 'Waarom pas je de feiten aan?' });
  await expect(reason).toBeVisible();
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(form.getByText('Schrijf kort waarom je de feiten aanpast.').first()).toBeVisible();
  // Nothing changed on the case page: the description shown is still the old one.
  await expect(incident.getByRole('definition').filter({ hasText: OLD })).toBeVisible();
  await expect(incident.getByRole('definition').filter({ hasText: NEW })).toHaveCount(0);

  await reason.fill(REASON);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(incident.getByRole('status')).toHaveText('Bewaard.');
  await expect(form).toBeHidden();

  // The case page shows the current version, and the earlier one with when and why it was replaced.
  await expect(incident.getByText(NEW)).toBeVisible();
  const history = incident.getByText('Eerdere versie (1)', { exact: true });
  await expect(incident.getByText(OLD)).toBeHidden();
  await history.focus();
  await page.keyboard.press('Enter');
  await expect(incident.getByText(OLD)).toBeVisible();
  await expect(
    incident.getByText(new RegExp(`^Vervangen op .+\\. Reden: ${REASON.replace('.', '\\.')}$`)),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'facts with an earlier version');

  // The summary uses the current version only, never the earlier one or the reason.
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  await exports.open();
  await exports.makeSummary(reference, 'de school');
  const doc = exports.summaryDocument;
  await expect(doc).toContainText(NEW);
  await expect(doc).toContainText('Foto doorgestuurd in klas 4A.');
  for (const hidden of [OLD, 'klas 3B', REASON, 'Lotte', 'Janssens']) await expect(doc).not.toContainText(hidden);
});

test('a withdrawal dated ahead says the consent still counts until that day; one dated today says it is withdrawn', async ({
  page,
}) => {
  const logbook = new LogbookPage(page);
  await page.goto('/');
  await logbook.lock.createVault();
  await logbook.logExampleCase();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '15', expectPseudonym: 'Jongere A' });
  for (const recipient of ['school', 'ouders/voogd'])
    await logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient,
      categories: ['feiten'],
      givenBy: 'de jongere',
    });
  const consent = logbook.section('Toestemming');
  const inAWeek = await page.evaluate(() => {
    const day = new Date(Date.now() + 7 * 86_400_000);
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(day);
  });
  const shown = `${inAWeek.slice(8, 10)}/${inAWeek.slice(5, 7)}/${inAWeek.slice(0, 4)}`;

  // Each consent is named by who gave it and when, so two to one recipient (the young person's and a parent's) differ.
  await expect(
    consent.getByRole('article', { name: /^Jongere A → school Toestemming van de jongere op \d{2}\/\d{2}\/\d{4}, / }),
  ).toHaveCount(1);
  await expect(
    consent.getByRole('button', {
      name: /^Toestemming Jongere A → school intrekken \(van de jongere, \d{2}\/\d{2}\/\d{4}\)$/,
    }),
  ).toHaveCount(1);
  await consent.getByRole('button', { name: 'Toestemming Jongere A → school intrekken' }).click();
  const form = consent.getByRole('form', { name: 'Toestemming Jongere A → school intrekken' });
  const date = form.getByLabel('Ingetrokken op');
  await expect(date).toHaveAccessibleDescription(/Kies je een latere dag, dan geldt ze tot dan\./);
  await date.fill(inAWeek);
  await form.getByRole('button', { name: 'Intrekking bewaren' }).click();
  const school = consent.getByRole('article', { name: /^Jongere A → school/ });
  await expect(school).toContainText(`Wordt ingetrokken op ${shown}; tot dan geldt de toestemming nog`);
  await expect(school).not.toContainText('Ingetrokken op');

  await consent.getByRole('button', { name: /^Toestemming Jongere A → ouders\/voogd/ }).click();
  await consent.getByRole('button', { name: 'Intrekking bewaren' }).click();
  await expect(consent.getByRole('article', { name: /^Jongere A → ouders\/voogd/ })).toContainText(
    /Ingetrokken op \d{2}\/\d{2}\/\d{4}/,
  );
});

test("an adult's own consent is theirs: 'de betrokkene zelf', never 'de jongere'", async ({ page }) => {
  const logbook = new LogbookPage(page);
  await page.goto('/');
  await logbook.lock.createVault();
  await logbook.logExampleCase();
  await logbook.addParty({ role: 'ouder/voogd', age: '45', expectPseudonym: 'Ouder A' });
  await logbook.recordConsent({
    party: 'Ouder A (ouder/voogd)',
    recipient: 'hulpverlening',
    categories: ['namen van betrokkenen'],
    givenBy: 'de betrokkene zelf',
  });
  const card = logbook.section('Toestemming').getByRole('article', { name: /^Ouder A → / });
  await expect(card).toContainText('Toestemming van de betrokkene zelf op');
  await expect(card).toContainText('Beslist: de betrokkene zelf.');
  await expect(card).not.toContainText('de jongere');
});

test('the betrokkene card says who decides today: an 11-year-old known months ago may be 12, so both decide', async ({
  page,
}) => {
  const logbook = new LogbookPage(page);
  const { knownOn, today } = await logbook.startIncidentInNewVault('Foto doorgestuurd in een klasgroep.');
  // Known three months ago, at 11: today 11 or 12 (the birthday is not known).
  const earlier = new Date(`${today}T12:00:00Z`);
  earlier.setUTCMonth(earlier.getUTCMonth() - 3);
  await knownOn.fill(earlier.toISOString().slice(0, 10));
  await logbook.saveIncident();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '11', expectPseudonym: 'Jongere A' });
  const card = logbook.section('Betrokkenen').getByRole('article', { name: /^Jongere A/ });
  await expect(card).toContainText(
    'Leeftijd: 11 of 12 jaar. Beslist: de jongere en de ouders of voogd samen, omdat een leeftijdsgrens in deze periode kan vallen',
  );
  await expect(card).not.toContainText('Toestemming geeft: de ouders of voogd.');
});

test("a case keeps the Rechtsgebied it was made under: changing the device's setting re-judges no consent", async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  const settings = new SettingsPage(page);
  await logbook.startOffline(context);
  const chooseRegion = async (region: 'Vlaanderen' | 'Nederland'): Promise<void> => {
    await settings.open();
    await page.getByRole('group', { name: 'Rechtsgebied' }).getByRole('radio', { name: region, exact: true }).check();
    await expect(page.getByRole('region', { name: 'Algemeen' }).getByRole('status')).toHaveText(
      `Bewaard. Nieuwe dossiers volgen nu de regels van ${region}. Bestaande dossiers houden hun eigen rechtsgebied.`,
    );
  };

  // A Dutch case: a 14-year-old's own consent alone does not release the facts (12–15: both decide).
  await chooseRegion('Nederland');
  await logbook.openFromMenu('Logboek');
  await logbook.openNewIncident();
  // The new incident form says (and lets the worker change) the Rechtsgebied it starts from: the device's.
  await expect(
    page.getByRole('group', { name: 'Rechtsgebied van dit dossier' }).getByRole('radio', { name: 'Nederland' }),
  ).toBeChecked();
  await logbook.fillIncident({
    knownVia: 'Een leerkracht',
    types: ['ongewenste sexting'],
    schools: ['Het Baken College'],
    description: `De foto ging rond in de klas. ${FACT}.`,
  });
  const reference = await logbook.saveIncident();
  const facts = logbook.section('Incident');
  await expect(facts.getByRole('definition').filter({ hasText: /^Nederland$/ })).toBeVisible();
  // Police: a Dutch case gets seed 000's step, not seed 004's Belgian explanation of a complaint.
  const police = logbook.section('Politie');
  await police.getByRole('button', { name: 'Aangifte noteren' }).click();
  const policeForm = police.getByRole('form', { name: 'Aangifte bij de politie noteren' });
  await expect(policeForm.getByText(/^Bespreek of het doen van aangifte of melding gewenst is/)).toBeVisible();
  await expect(policeForm.getByText(/Een klacht kan niet anoniem/)).toHaveCount(0);
  await policeForm.getByRole('button', { name: 'Annuleren' }).click();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText('Er is niets dat je met deze ontvanger mag delen');

  // The device moves to Vlaanderen: the Dutch case keeps Dutch law, so still nothing is shared.
  await chooseRegion('Vlaanderen');
  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText('Er is niets dat je met deze ontvanger mag delen');
  await expect(exports.summaryDocument).not.toContainText(FACT);

  // Only a choice on the case itself changes its law.
  await logbook.openFromMenu('Logboek');
  await logbook.openCase(reference);
  await expect(facts.getByRole('definition').filter({ hasText: /^Nederland$/ })).toBeVisible();
  await facts.getByRole('button', { name: 'Feiten aanpassen' }).click();
  const edit = facts.getByRole('form', { name: 'Feiten aanpassen' });
  const region = edit.getByRole('group', { name: 'Rechtsgebied van dit dossier' });
  await expect(region.getByRole('radio', { name: 'Nederland' })).toBeChecked();
  await region.getByRole('radio', { name: 'Vlaanderen' }).check();
  await edit.getByRole('button', { name: 'Bewaren' }).click();
  await expect(edit).toBeHidden();
  await expect(facts.getByRole('definition').filter({ hasText: /^Vlaanderen$/ })).toBeVisible();
  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText(FACT);
  await expect(exports.summaryDocument).toContainText(/Bron: gedeeld met toestemming van afgebeelde jongere \(14\)/);
});

test('"Bekend sinds" cannot move past a consent already recorded, so that consent never quietly stops counting', async ({
  page,
  context,
}) => {
  const day = (daysAgo: number): string =>
    new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.openNewIncident();
  await page.getByLabel('Bekend sinds', { exact: true }).fill(day(5));
  await logbook.fillIncident({
    knownVia: 'De betrokkene zelf',
    types: ['ongewenste sexting'],
    schools: [],
    description: 'Foto doorgestuurd in de klas.',
  });
  await logbook.saveIncident();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '15', expectPseudonym: 'Jongere A' });

  // A consent given three days ago.
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
    givenOn: day(3),
  });
  const consent = logbook.section('Toestemming');

  // "Bekend sinds" two days ago would put the consent before it: refused at the field, nothing changes.
  const incident = logbook.section('Incident');
  await incident.getByRole('button', { name: 'Feiten aanpassen', exact: true }).click();
  const form = incident.getByRole('form', { name: 'Feiten aanpassen' });
  const knownOn = form.getByLabel('Bekend sinds', { exact: true });
  await knownOn.fill(day(2));
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(
    form.getByText(/al een toestemming, een beslissing om te delen of een beoordeling/).first(),
  ).toBeVisible();
  await expect(knownOn).toHaveAttribute('aria-invalid', 'true');
  await expect(consent.getByText(/Niet geldig/)).toHaveCount(0);

  // The day of the consent itself is allowed.
  await knownOn.fill(day(3));
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(form).toBeHidden();
  await expect(consent.getByText(/Niet geldig/)).toHaveCount(0);
});

test('one of two depicted pupils consenting is "geldig" but releases nothing yet, and says whose consent is missing', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een leerkracht',
    types: ['shame sexting'],
    schools: ['Het Baken College'],
    description: 'De foto van twee leerlingen ging rond.',
  });
  await logbook.saveIncident();
  await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
  await logbook.addParty({ role: 'afgebeelde jongere', age: '15', expectPseudonym: 'Jongere B' });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  const header = page.getByRole('group', { name: 'Dossier in het kort' });
  await expect(header.getByText('1 gegeven (1 telt niet)', { exact: true })).toBeVisible();
  const card = logbook.section('Toestemming').getByRole('article').filter({ hasText: 'Jongere A' });
  await expect(card.getByText('Geldig, maar geeft nog niets vrij', { exact: true })).toBeVisible();
  await expect(card).toContainText(
    'Nog niet gedeeld: feiten. Het incident gaat ook over Jongere B: dit gaat pas naar deze ontvanger als er ook voor Jongere B geldige toestemming is.',
  );

  // Once Jongere B consents too, both count and nothing waits.
  await logbook.recordConsent({
    party: 'Jongere B (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  await expect(header.getByText('2 gegeven', { exact: true })).toBeVisible();
  await expect(card.getByText('Geldig', { exact: true })).toBeVisible();
  await expect(card).not.toContainText('Nog niet gedeeld');
});

test("a Dutch 13-year-old's consent that goes partly with the parents' consent says which categories go and which wait", async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.logDutchCase({
    knownVia: 'Een leerkracht',
    types: ['sextortion'],
    schools: ['Het Baken College'],
    description: 'Dreigberichten na een videogesprek.',
  });
  await logbook.addParty({ role: 'afgebeelde jongere', age: '13', expectPseudonym: 'Jongere A' });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten', 'afspraken'],
    givenBy: 'de jongere',
  });
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'ouder/voogd',
  });
  const consent = logbook.section('Toestemming');
  await expect(
    consent.getByText(
      'Nog niet genoeg voor afspraken: ook toestemming van de ouders of voogd is nodig. Samen met een andere toestemming geldig voor feiten.',
      { exact: true },
    ),
  ).toBeVisible();
  // Both count: together they release the facts.
  await expect(
    page.getByRole('group', { name: 'Dossier in het kort' }).getByText('2 gegeven', { exact: true }),
  ).toBeVisible();
});
