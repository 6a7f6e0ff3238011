// A case under Dutch rules, as a Dutch school care team meets it (a review as a zorgcoördinator): no
// Belgian legal basis for sharing without consent, the older Dutch Vlaggensysteem said to be incomplete
// where it is chosen, Flemish-only reading sections labelled, and a summary that says whose consent is
// still missing when one of two depicted pupils consented. Also: a school field refuses a link to an image
// until the worker removes it or says it is no image (a security review).
import { expect, test } from './fixtures';
import { ExportPage } from './pages/export-page';
import { LockPage } from './pages/lock-page';
import { LogbookPage, phone } from './pages/logbook-page';

test.use({ viewport: phone });

const FACT = 'Marker-feit-NL31';

test('a Dutch case offers no Belgian basis, says the older Vlaggensysteem is incomplete, and names missing consent', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  await logbook.startOffline(context);
  const reference = await logbook.logDutchCase({
    knownVia: 'Een leerkracht',
    types: ['shame sexting'],
    schools: ['Het Baken College'],
    description: `De foto van twee leerlingen ging rond. ${FACT}.`,
  });
  await logbook.addParty({ role: 'afgebeelde jongere', age: '17', expectPseudonym: 'Jongere A' });
  await logbook.addParty({ role: 'afgebeelde jongere', age: '16', expectPseudonym: 'Jongere B' });

  // Sharing without consent: art. 458bis is Belgian law, so only a noodtoestand is offered, and the
  // Flemish Vertrouwenscentrum Kindermishandeling is no example of whom to consult.
  const consent = logbook.section('Toestemming');
  await consent.getByRole('button', { name: 'Delen zonder toestemming noteren' }).click();
  const share = consent.getByRole('form', { name: 'Delen zonder toestemming' });
  await expect(share.getByText(/^Art\. 458bis is Belgisch recht en geldt niet in Nederland/)).toBeVisible();
  const basis = share.getByRole('group', { name: 'Grond' });
  await expect(basis.getByRole('radio')).toHaveCount(1);
  await expect(basis.getByRole('radio', { name: 'noodtoestand' })).toBeVisible();
  await expect(
    share.getByRole('group', { name: 'Heb je overlegd met anderen, zonder de jongere te noemen?' }),
  ).toBeVisible();
  await expect(share.getByText(/Vertrouwenscentrum Kindermishandeling/)).toHaveCount(0);
  // Saved, the record shows the question as it was asked.
  await share.getByRole('combobox', { name: 'Van wie is de informatie?' }).selectOption({
    label: 'Jongere B (afgebeelde jongere)',
  });
  await basis.getByRole('radio', { name: 'noodtoestand' }).check();
  await share.getByRole('group', { name: 'Aan wie mag het?' }).getByRole('radio', { name: 'hulpverlening' }).check();
  await share.getByRole('group', { name: 'Welke informatie?' }).getByRole('checkbox', { name: 'feiten' }).check();
  await share.getByRole('textbox', { name: 'Verantwoording' }).fill('Ernstig en reëel gevaar, marker-nood-nl.');
  for (const [question, answer] of [
    ['Is een oplossing binnen de vertrouwensrelatie onmogelijk?', 'ja'],
    ['Heb je overlegd met anderen, zonder de jongere te noemen?', 'ja'],
    ['Heb je het met de jongere besproken?', 'ja'],
    ['Kan de jongere gemotiveerd worden om zelf te melden?', 'nee'],
  ] as const) {
    await share.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
  }
  await share.getByRole('textbox', { name: 'Wie kan het best geïnformeerd worden?' }).fill('De huisarts');
  await share.getByRole('textbox', { name: 'Wie (persoon of dienst) kan het best helpen?' }).fill('De huisarts');
  await share
    .getByRole('group', { name: 'Weet de jongere wat je deelt, waarom en wat er daarna gebeurt?' })
    .getByRole('radio', { name: 'ja, de jongere is ingelicht' })
    .check();
  await share.getByRole('textbox', { name: 'Hoe ingelicht?' }).fill('In een gesprek op school.');
  await share.getByRole('button', { name: 'Bewaren' }).click();
  const card = consent.getByRole('article').filter({ hasText: 'marker-nood-nl' });
  await expect(card).toContainText('Heb je overlegd met anderen, zonder de jongere te noemen?');
  await expect(card).not.toContainText('Vertrouwenscentrum');
  // The case header says it too (a review: it read "nog geen" after a share without consent).
  await expect(
    page
      .getByRole('group', { name: 'Dossier in het kort' })
      .getByText('nog geen; 1 keer gedeeld zonder toestemming', { exact: true }),
  ).toBeVisible();

  // The older Dutch version of the Vlaggensysteem: the form says its list is incomplete in the sources.
  const flags = logbook.section('Vlaggensysteem');
  await flags.getByRole('button', { name: 'Beoordeling toevoegen' }).click();
  const flagForm = flags.getByRole('form', { name: 'Nieuwe beoordeling' });
  await expect(flagForm.getByText('Onvolledig in de bronnen.')).toHaveCount(0);
  await flagForm
    .getByRole('group', { name: 'Welke versie van het Vlaggensysteem?' })
    .getByRole('radio', { name: 'oudere versie (nog gebruikt in Nederland)' })
    .check();
  await expect(flagForm.getByRole('note')).toContainText(
    /^Onvolledig in de bronnen\. De bronnen van Baken noemen van deze oudere versie alleen de criteria/,
  );
  await flagForm.getByRole('button', { name: 'Annuleren' }).click();

  // One of the two depicted pupils (16 and 17: each decides alone in the Netherlands) consents.
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten'],
    givenBy: 'de jongere',
  });
  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument).toContainText('Er is niets dat je met deze ontvanger mag delen');
  await expect(exports.summaryDocument).not.toContainText(FACT);
  // Said to the worker, outside the document: whose consent is missing.
  const awaiting = exports.summarySection.getByText(/^Informatie over het incident \(zoals de feiten\)/);
  await expect(awaiting).toContainText('Nog geen geldige toestemming voor wat hier niet gedeeld wordt: Jongere B.');
  await expect(exports.summaryDocument).not.toContainText('Jongere B');

  // Flemish-only reading sections say so.
  await page.goto('/praktijkvragen');
  await expect(page.getByText('Geldt in: Vlaanderen').first()).toBeVisible();
});

test('a link in a school field is held back until it is removed or said to be no image', async ({ page, context }) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een leerkracht',
    types: ['sextortion'],
    schools: ['https://example.com/foto.jpg'],
    description: 'Dreigberichten na een videogesprek.',
  });
  const warning = page.getByRole('status').filter({ hasText: 'https://example.com/foto.jpg' });
  await expect(warning).toBeVisible();
  // Said for a field that holds no link at all (a review: "describe what happened" did not fit a school).
  await expect(warning).toContainText('in dit veld hoort geen link: verwijder hem.');
  await expect(warning).not.toContainText('Beschrijf in woorden');
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Dossier \d{4}-\d{3,5}$/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'School 1', exact: true })).toHaveAccessibleDescription(/.+/);
  await page.getByRole('textbox', { name: 'School 1', exact: true }).fill('Sint-Jozefscollege');
  await expect(warning).toHaveCount(0);
  const reference = await logbook.saveIncident();
  expect(reference).toMatch(/^\d{4}-\d{3,5}$/);
  await expect(
    logbook.section('Incident').getByRole('definition').filter({ hasText: 'Sint-Jozefscollege' }),
  ).toBeVisible();
});

test('a Dutch case says "aangifte" in its police part, its consent and its summary', async ({ page, context }) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  await logbook.startOffline(context);
  const reference = await logbook.logDutchCase({
    knownVia: 'Een leerkracht',
    types: ['sextortion'],
    schools: ['Het Baken College'],
    description: 'Dreigberichten na een videogesprek.',
  });
  await logbook.addParty({ role: 'afgebeelde jongere', age: '16', expectPseudonym: 'Jongere A' });

  // The case's checklist says, as the reading screen does, that a plan for sextortion is Baken's choice.
  await expect(
    logbook
      .section('Stappenplan')
      .getByText('Voor sextortion is dit plan een keuze van Baken: de bron noemt het niet.'),
  ).toBeVisible();

  // Referrals list the case's own region first.
  const referrals = logbook.section('Doorverwijzingen');
  await referrals.getByRole('button', { name: 'Doorverwijzing noteren' }).click();
  const groups = await referrals
    .getByRole('combobox', { name: 'Organisatie' })
    .evaluate((select) => Array.from(select.querySelectorAll('optgroup'), (group) => group.label));
  expect(groups[0]).toBe('Nederland');
  await referrals.getByRole('button', { name: 'Annuleren' }).click();

  const police = logbook.section('Politie');
  await expect(police.getByRole('button', { name: 'Klacht noteren' })).toHaveCount(0);
  await police.getByRole('button', { name: 'Aangifte noteren' }).click();
  const policeForm = police.getByRole('form', { name: 'Aangifte bij de politie noteren' });
  await expect(policeForm.getByText(/^Bespreek of het doen van aangifte of melding gewenst is/)).toBeVisible();
  await policeForm
    .getByRole('group', { name: 'Wat gebeurde er?' })
    .getByRole('radio', { name: 'Aangifte gedaan' })
    .check();
  // No CLB in the Netherlands.
  await expect(policeForm.getByRole('group', { name: 'Door wie?' }).getByRole('radio', { name: 'CLB' })).toHaveCount(0);
  await policeForm.getByRole('group', { name: 'Door wie?' }).getByRole('radio', { name: 'de jongere' }).check();
  await policeForm.getByRole('checkbox', { name: 'De jongere of de ouders weten wat een aangifte betekent' }).check();
  await policeForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('ZC');
  await policeForm.getByRole('button', { name: 'Bewaren' }).click();
  await expect(police.getByRole('status')).toHaveText('De aangifte is genoteerd.');
  await expect(police.getByRole('listitem').filter({ hasText: 'Aangifte gedaan' })).toContainText('(ZC)');
  await expect(police).toContainText('Uitgelegd wat een aangifte betekent');
  await expect(police).not.toContainText(/klacht/i);
  // Seed 004's "niet de enige manier om ongewenste sexting te stoppen" is said of a Belgian klacht.
  await expect(police).not.toContainText('niet de enige manier');

  // Nor a CLB or Child Focus (Belgian) to share with.
  const consentSection = logbook.section('Toestemming');
  await consentSection.getByRole('button', { name: 'Toestemming noteren', exact: true }).click();
  const to = consentSection
    .getByRole('form', { name: 'Toestemming noteren' })
    .getByRole('group', { name: 'Aan wie mag het?' });
  await expect(to.getByRole('radio', { name: 'ander CLB' })).toHaveCount(0);
  await expect(to.getByRole('radio', { name: 'Child Focus' })).toHaveCount(0);
  await expect(to.getByRole('radio', { name: 'school', exact: true })).toBeVisible();
  // The parket is Belgian: the police are "politie" (a Dutch care team's review).
  await expect(to.getByRole('radio', { name: 'politie', exact: true })).toBeVisible();
  await expect(to.getByRole('radio', { name: /parket/ })).toHaveCount(0);
  await consentSection.getByRole('button', { name: 'Annuleren' }).click();
  await logbook.recordConsent({
    party: 'Jongere A (afgebeelde jongere)',
    recipient: 'school',
    categories: ['feiten', 'aangifte bij de politie'],
    givenBy: 'de jongere',
  });
  await expect(
    logbook.section('Toestemming').getByText('Informatie: feiten, aangifte bij de politie', { exact: true }),
  ).toBeVisible();
  // The Flemish decree's "mondeling is genoeg" and competence are not stated as Dutch rules.
  await expect(logbook.section('Toestemming').getByText(/^Noteer per betrokkene wie wat mag weten\./)).toContainText(
    'naargelang de leeftijd.',
  );
  await expect(logbook.section('Toestemming')).not.toContainText('Mondeling, genoteerd in het dossier, is genoeg.');

  await exports.open();
  await exports.makeSummary(reference, 'de school');
  await expect(exports.summaryDocument.getByRole('heading', { name: 'Aangifte bij de politie' })).toBeVisible();
  await expect(exports.summaryDocument).toContainText(
    /Aangifte bij de politie gedaan door de jongere \(\d{2}\/\d{2}\/\d{4}\); uitgelegd wat een aangifte betekent/,
  );
  await expect(exports.summaryDocument).not.toContainText(/klacht/i);
});

test('a Dutch case speaks of other schools only and offers Helpwanted.nl to take material offline', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  const exports = new ExportPage(page);
  await logbook.startOffline(context);
  const reference = await logbook.logDutchCase({
    knownVia: 'Een leerkracht',
    types: ['ongewenste sexting'],
    schools: ['Het Baken College'],
    description: 'Een foto werd doorgestuurd naar een andere school.',
  });

  // Helpwanted.nl is the Dutch counterpart of Child Focus for taking images offline (DOMAIN.md).
  const takedown = logbook.section('Materiaal offline halen');
  await takedown.getByRole('button', { name: 'Stap noteren' }).click();
  const stepForm = takedown.getByRole('form', { name: 'Stap om het materiaal offline te halen noteren' });
  const steps = stepForm.getByRole('group', { name: 'Welke stap?' });
  await expect(steps.getByRole('radio', { name: 'Child Focus gecontacteerd' })).toHaveCount(0);
  await steps.getByRole('radio', { name: 'Helpwanted.nl gecontacteerd' }).check();
  await stepForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('ZC');
  await stepForm.getByRole('button', { name: 'Bewaren' }).click();
  await expect(takedown.getByRole('status')).toHaveText('De stap is genoteerd.');
  await expect(takedown.getByRole('listitem').filter({ hasText: 'Helpwanted.nl gecontacteerd' })).toContainText(
    /gedaan op \d{2}\/\d{2}\/\d{4} \(ZC\)/,
  );

  // No CLB in the Netherlands: the section, its menu link and its form name a school only.
  await expect(page.getByRole('region', { name: "Andere scholen en CLB's" })).toHaveCount(0);
  const sectionNav = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
  await sectionNav.getByRole('button', { name: /^Naar sectie/ }).click();
  await expect(sectionNav.getByRole('link', { name: /^Andere scholen/ })).toHaveText(/^Andere scholen\d*$/);
  await page.keyboard.press('Escape');
  const schools = logbook.section('Andere scholen');
  await schools.getByRole('button', { name: 'School noteren' }).click();
  const schoolForm = schools.getByRole('form', { name: 'Andere school op de hoogte gebracht' });
  await expect(schoolForm.getByRole('group', { name: 'Wie?' })).toHaveCount(0);
  await schoolForm.getByRole('textbox', { name: 'Naam van de school' }).fill('Het Noorderlicht College');
  await schoolForm
    .getByRole('group', { name: 'Op welke grond?' })
    .getByRole('radio', { name: 'met toestemming' })
    .check();
  await schoolForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('ZC');
  await schoolForm.getByRole('button', { name: 'Bewaren' }).click();
  await expect(schools.getByRole('status')).toHaveText('De school is genoteerd.');
  const entry = schools.getByRole('listitem').filter({ hasText: 'Het Noorderlicht College' });
  await expect(entry).toContainText('een andere school, op');
  // "Met toestemming" of a 13-year-old in the Netherlands needs the pupil's and the parents' consent: the
  // pupil's alone is no basis (a review: it was accepted as one).
  await logbook.addParty({ role: 'afgebeelde jongere', age: '13', expectPseudonym: 'Jongere A' });
  const consentOf = (givenBy: string) =>
    logbook.recordConsent({
      party: 'Jongere A (afgebeelde jongere)',
      recipient: 'school',
      categories: ['feiten'],
      givenBy,
    });
  await consentOf('de jongere');
  const missing = entry.getByText(
    /^Bij Toestemming staat nog geen toestemming voor deze ontvanger die op die dag genoeg was\./,
  );
  await expect(missing).toBeVisible();
  await consentOf('ouder/voogd');
  await expect(missing).toHaveCount(0);

  // A summary for this case is not offered for another CLB.
  await exports.open();
  const section = exports.summarySection;
  const recipients = section.getByRole('group', { name: 'Voor wie?' });
  await expect(recipients.getByRole('radio', { name: 'een ander CLB' })).toBeVisible();
  await section.getByRole('combobox', { name: 'Dossier' }).selectOption({ label: `${reference} (open)` });
  await expect(recipients.getByRole('radio', { name: 'een ander CLB' })).toHaveCount(0);
  await expect(recipients.getByRole('radio', { name: 'de school', exact: true })).toBeChecked();
});

test('a care team in the Netherlands says so when setting up: new cases and the reading screens follow', async ({
  page,
}) => {
  await page.goto('/');
  const region = page.getByRole('group', { name: 'Waar werk je?' });
  await expect(region).toHaveAccessibleDescription(/^Dit bepaalt de regels voor nieuwe dossiers/);
  await expect(region.getByRole('radio', { name: 'In Vlaanderen' })).toBeChecked();
  await new LockPage(page).createVault(undefined, { region: 'In Nederland' });

  const logbook = new LogbookPage(page);
  await logbook.openNewIncident();
  await expect(
    page.getByRole('group', { name: 'Rechtsgebied van dit dossier' }).getByRole('radio', { name: 'Nederland' }),
  ).toBeChecked();
  // "Hoe werd het bekend?" offers no CLB and no Child Focus in the Netherlands.
  const knownVia = page.getByRole('group', { name: 'Hoe werd het bekend?' });
  await expect(knownVia.getByRole('radio', { name: 'Een andere school', exact: true })).toBeVisible();
  await expect(knownVia.getByRole('radio', { name: 'Child Focus' })).toHaveCount(0);
  await expect(knownVia.getByRole('radio', { name: /CLB/ })).toHaveCount(0);
  // A grooming case says which role the young person who was approached has (a review recorded her as
  // "andere", whose consent releases none of the case's facts).
  await logbook.fillIncident({
    knownVia: 'Een leerkracht',
    types: ['grooming'],
    schools: [],
    description: 'Een volwassene benaderde een leerling online.',
  });
  await logbook.saveIncident();
  const parties = logbook.section('Betrokkenen');
  await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
  await expect(
    parties.getByRole('form', { name: 'Betrokkene toevoegen' }).getByRole('group', { name: 'Rol' }),
  ).toHaveAccessibleDescription(/^Bij grooming: kies "afgebeelde jongere" voor de jongere die benaderd werd/);
  await parties.getByRole('button', { name: 'Annuleren' }).click();
  // Before a case is chosen, a summary is not offered for another CLB either (the device works in NL).
  await new ExportPage(page).open();
  await expect(
    new ExportPage(page).summarySection
      .getByRole('group', { name: 'Voor wie?' })
      .getByRole('radio', { name: 'een ander CLB' }),
  ).toHaveCount(0);
  await page.goto('/verwijzingen');
  // The worker's own region is Nederland now; Vlaanderen is the other one.
  await expect(page.getByRole('radio', { name: 'Nederland', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Vlaanderen (ander rechtsgebied)' })).not.toBeChecked();
});
