// Issue 15 on a phone (360 px), offline after the first visit: a case that
// became known via Child Focus, default pseudonyms by role (a parent is never
// "Jongere …"), and the steps to take the material offline with their history.
import { expectNoAxeViolations } from './axe';
import { cspViolations, expect, test } from './fixtures';
import { LogbookPage, phone } from './pages/logbook-page';

test.use({ viewport: phone });

test.describe('a complete case record', () => {
  test('records how it became known, betrokkenen named by role and the takedown steps, offline at 360 px', async ({
    page,
    context,
  }) => {
    const logbook = new LogbookPage(page);
    await logbook.startOffline(context);
    await logbook.openNewIncident();
    await logbook.fillIncident({
      knownVia: 'Child Focus',
      types: ['shame sexting'],
      schools: ['Atheneum Noord'],
      description: 'Foto rondgestuurd om iemand te kijk te zetten.',
    });
    await logbook.saveIncident();
    await expect(logbook.section('Incident')).toContainText('Child Focus');

    await logbook.addParty({ role: 'afgebeelde jongere', age: '14', expectPseudonym: 'Jongere A' });
    await logbook.addParty({ role: 'ouder/voogd', expectPseudonym: 'Ouder A' });
    await logbook.addParty({ role: 'volwassene', expectPseudonym: 'Volwassene A' });

    const takedown = logbook.section('Materiaal offline halen');
    await expect(takedown.getByText('Nog geen stap genoteerd.')).toBeVisible();
    const note = async (step: string, status: string, date: string) => {
      await takedown.getByRole('button', { name: 'Stap noteren' }).click();
      const form = takedown.getByRole('form', { name: 'Stap om het materiaal offline te halen noteren' });
      await form.getByRole('group', { name: 'Welke stap?' }).getByRole('radio', { name: step }).check();
      await form.getByRole('group', { name: 'Stand' }).getByRole('radio', { name: status, exact: true }).check();
      await form.getByLabel('Datum').fill(date);
      await form.getByRole('textbox', { name: 'Jouw initialen' }).fill('KV');
      await form.getByRole('button', { name: 'Bewaren' }).click();
      await expect(takedown.getByRole('status')).toHaveText('De stap is genoteerd.');
    };

    // Without a step and initials nothing is saved, and the form says why.
    await takedown.getByRole('button', { name: 'Stap noteren' }).click();
    const form = takedown.getByRole('form', { name: 'Stap om het materiaal offline te halen noteren' });
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(form.getByText('Maak een keuze.')).toBeVisible();
    await expect(form.getByText('Vul dit veld in.')).toBeVisible();
    await form.getByRole('button', { name: 'Annuleren' }).click();

    await note('Gemeld bij het platform of een moderator', 'lukte niet', '2026-03-03');
    await note('Gemeld bij het platform of een moderator', 'gedaan', '2026-03-05');
    await note('Child Focus gecontacteerd', 'gedaan', '2026-03-04');

    const platform = takedown.getByRole('listitem').filter({ hasText: 'Gemeld bij het platform' });
    await expect(platform).toContainText('gedaan op 05/03/2026 (KV)');
    await expect(platform).toContainText('Eerder: lukte niet op 03/03/2026 (KV)');
    await expect(takedown.getByRole('listitem').filter({ hasText: 'Child Focus gecontacteerd' })).toContainText(
      'gedaan op 04/03/2026 (KV)',
    );
    await logbook.expectNoHorizontalOverflow('case page with takedown steps');
    await expectNoAxeViolations(page, 'case page with takedown steps');
    expect(await cspViolations(page)).toEqual([]);
  });
});

test('a pseudonym that is the real name is warned about, and the warning goes once it is made up', async ({
  page,
  context,
}) => {
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  await logbook.logExampleCase();
  const form = await logbook.openNewParty();
  await form.getByRole('radio', { name: 'afgebeelde jongere', exact: true }).check();
  const pseudonym = form.getByRole('textbox', { name: 'Pseudoniem' });
  await pseudonym.fill('Emma Janssens');
  await form.getByRole('textbox', { name: 'Echte naam (gevoelig)' }).fill('Janssens, Emma');
  const warning = form.getByRole('status').filter({ hasText: 'Het pseudoniem is hier de echte naam.' });
  await expect(warning).toBeVisible();
  await pseudonym.fill('Jongere A');
  await expect(warning).toHaveCount(0);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(logbook.section('Betrokkenen').getByRole('heading', { level: 3, name: /^Jongere A / })).toBeVisible();
});
