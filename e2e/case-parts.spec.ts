// Issue 15 on a phone (360 px), offline after the first visit: the structured
// parts of a case — evidence (that it exists, never the evidence), police,
// other schools and CLBs informed, grooming observations and conversations.
import { expectNoAxeViolations } from './axe';
import { cspViolations, expect, test } from './fixtures';
import { LogbookPage, phone } from './pages/logbook-page';

test.use({ viewport: phone });

test.describe('the structured parts of a case', () => {
  test('records evidence, police, other schools, grooming signs and a conversation, offline at 360 px', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Een ander CLB of een andere school',
      types: ['grooming'],
      schools: ['Atheneum Noord'],
      description: 'Een volwassene zocht online contact met een leerling.',
    });
    await logbook.saveIncident();
    await logbook.addParty({
      role: 'afgebeelde jongere',
      age: '14',
      realName: 'Milan Claes',
      expectPseudonym: 'Jongere A',
    });
    await logbook.addParty({ role: 'jongere die doorstuurde', age: '15', expectPseudonym: 'Jongere B' });

    // Evidence: what and who only once it exists.
    const evidence = logbook.section('Bewijsmateriaal');
    await expect(evidence.getByText('Nog niets genoteerd.')).toBeVisible();
    await evidence.getByRole('button', { name: 'Bewijsmateriaal noteren' }).click();
    const evidenceForm = evidence.getByRole('form', { name: 'Bewijsmateriaal noteren' });
    await evidenceForm
      .getByRole('group', { name: 'Is er bewijsmateriaal?' })
      .getByRole('radio', { name: 'ja' })
      .check();
    await evidenceForm
      .getByRole('group', { name: 'Wat is er?' })
      .getByRole('checkbox', { name: 'schermafbeeldingen' })
      .check();
    await evidenceForm
      .getByRole('group', { name: 'Wie heeft het?' })
      .getByRole('checkbox', { name: 'politie' })
      .check();
    await evidenceForm.getByLabel('Datum').fill('2026-03-03');
    await evidenceForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
    await evidenceForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(evidence.getByRole('status')).toHaveText('Het bewijsmateriaal is genoteerd.');
    await expect(evidence).toContainText('ja, genoteerd op 03/03/2026 (KV)');
    await expect(evidence).toContainText('Bij: politie');

    // Police: the explanation of what a complaint means is offered, not required.
    const police = logbook.section('Politie');
    await police.getByRole('button', { name: 'Klacht noteren' }).click();
    const policeForm = police.getByRole('form', { name: 'Klacht bij de politie noteren' });
    await expect(policeForm.getByText('Een klacht kan niet anoniem.', { exact: false })).toBeVisible();
    await policeForm
      .getByRole('group', { name: 'Wat gebeurde er?' })
      .getByRole('radio', { name: 'Klacht neergelegd' })
      .check();
    await policeForm.getByRole('group', { name: 'Door wie?' }).getByRole('radio', { name: 'de jongere' }).check();
    await policeForm.getByLabel('Datum').fill('2026-03-04');
    await policeForm.getByRole('checkbox', { name: 'De jongere of de ouders weten wat een klacht betekent' }).check();
    await policeForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
    await policeForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(police.getByRole('status')).toHaveText('De klacht is genoteerd.');
    await expect(police.getByRole('listitem').filter({ hasText: 'Klacht neergelegd' })).toContainText(
      'door de jongere op 04/03/2026 (KV)',
    );

    // Other school: a link is refused as the name.
    const schools = logbook.section("Andere scholen en CLB's");
    await schools.getByRole('button', { name: 'School of CLB noteren' }).click();
    const schoolForm = schools.getByRole('form', { name: 'Andere school of CLB op de hoogte gebracht' });
    await schoolForm.getByRole('group', { name: 'Wie?' }).getByRole('radio', { name: 'een andere school' }).check();
    // A person's name typed into the institution's name is warned about at once, with the pseudonym offered.
    const institution = schoolForm.getByRole('textbox', { name: 'Naam van de school of het CLB' });
    await institution.fill('Basisschool De Linde, juf van Milan');
    await expect(schoolForm.getByRole('status').filter({ hasText: 'Je typt een echte naam.' })).toContainText(
      '"Milan": schrijf "Jongere A".',
    );
    await schoolForm
      .getByRole('button', { name: 'Vervang door schuilnamen in de naam van de school of het CLB' })
      .click();
    await expect(institution).toHaveValue('Basisschool De Linde, juf van Jongere A');
    await institution.fill('www.school.test');
    await schoolForm
      .getByRole('group', { name: 'Op welke grond?' })
      .getByRole('radio', { name: 'met toestemming' })
      .check();
    await schoolForm.getByRole('checkbox', { name: 'De betrokken leerlingen wisten het eerst' }).check();
    await schoolForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
    await schoolForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(schoolForm.getByText('Noteer hier geen link of webadres.', { exact: false })).toBeVisible();
    await schoolForm.getByRole('textbox', { name: 'Naam van de school of het CLB' }).fill('Sint-Victor Turnhout');
    await schoolForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(schools.getByRole('status')).toHaveText('De school of het CLB is genoteerd.');
    await expect(schools.getByRole('listitem').filter({ hasText: 'Sint-Victor Turnhout' })).toContainText(
      'De leerlingen wisten het eerst.',
    );
    // "Met toestemming", but no consent to a school is on record yet: the entry says so (and is kept).
    await expect(schools.getByRole('listitem').filter({ hasText: 'Sint-Victor Turnhout' })).toContainText(
      'Bij Toestemming staat nog geen toestemming voor deze ontvanger die op die dag genoeg was.',
    );

    // Grooming: phases as tags.
    const grooming = logbook.section('Signalen van grooming');
    await grooming.getByRole('button', { name: 'Signalen noteren' }).click();
    const groomingForm = grooming.getByRole('form', { name: 'Signalen van grooming noteren' });
    const phases = groomingForm.getByRole('group', { name: 'Wat merk je op?' });
    await phases.getByRole('checkbox', { name: 'Verleggen van grenzen' }).check();
    await phases.getByRole('checkbox', { name: 'Informatie inwinnen en vertrouwen winnen' }).check();
    await groomingForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
    await groomingForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(grooming.getByRole('status')).toHaveText('De signalen zijn genoteerd.');
    await expect(grooming.getByRole('listitem')).toHaveText([
      'Informatie inwinnen en vertrouwen winnen',
      'Verleggen van grenzen',
    ]);

    // Conversation: not saved without everyone's agreement.
    const talks = logbook.section('Gesprekken');
    await talks.getByRole('button', { name: 'Gesprek noteren' }).click();
    const talkForm = talks.getByRole('form', { name: 'Gesprek noteren' });
    await talkForm.getByLabel('Wanneer?').fill('2026-03-05');
    await talkForm.getByRole('group', { name: 'Samen of apart?' }).getByRole('radio', { name: 'samen' }).check();
    const withWhom = talkForm.getByRole('group', { name: 'Met wie?' });
    await withWhom.getByRole('checkbox', { name: 'Jongere A' }).check();
    await withWhom.getByRole('checkbox', { name: 'Jongere B' }).check();
    await talkForm.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
    await talkForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(
      talkForm.getByText('Een gesprek kan alleen als elke betrokkene ermee instemde.', { exact: false }),
    ).toBeVisible();
    await talkForm.getByRole('checkbox', { name: 'Elke betrokkene in dit gesprek stemde ermee in' }).check();
    await talkForm.getByRole('button', { name: 'Bewaren' }).click();
    await expect(talks.getByRole('status')).toHaveText('Het gesprek is genoteerd.');
    await expect(talks.getByRole('listitem')).toContainText('Met: Jongere A, Jongere B');

    await logbook.expectNoHorizontalOverflow('case page with the issue 15 parts');
    await expectNoAxeViolations(page, 'case page with the issue 15 parts');
    expect(await cspViolations(page)).toEqual([]);
  });
});
