// Issue 20, team side: the team server refuses a member's team account (the
// admin changed its password on the server). The member's team loops stop;
// Instellingen → Team says so calmly with a form to enter the password again,
// the case page's "Toegang" and the rest of the app show a short notice, and
// nothing shared arrives. A wrong
// password is refused and changes nothing; the right one is checked, stored,
// and the loops resume: the case a colleague shared meanwhile arrives. 360 px,
// axe on the new states. (CouchDB's lockout has no embedded counterpart: its
// text is covered by app/data/team/account-reentry.test.ts.) First, a role the
// server takes away (403 on the cases database): "Toegang" says it is a role
// setting on the server, as Opvolging does, not that the server is offline.
import { expectNoAxeViolations } from './axe';
import { LogbookPage } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { closeTeam, expect, setUpTeam, test } from './team-fixtures';

test.describe.configure({ timeout: 300_000 });

test('a changed team password: the member is told, enters the new one, and a shared case arrives', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  const { teamId, people } = await setUpTeam(browser, baseURL ?? '', syncServer, [
    { name: 'Anna', role: 'coordinator' },
    { name: 'Bram', role: 'medewerker' },
  ]);
  const [anna, bram] = people;
  if (!anna || !bram) throw new Error('team not set up');

  // Bram has a case of his own open (its "Toegang" reads the team server).
  const b = new LogbookPage(bram.page);
  const bramReference = await b.logExampleCase();
  const bramAccess = b.section('Toegang');
  await expect(bramAccess.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });

  // The server admin gives Bram's account the auditor role by mistake: the cases database refuses it (403).
  await syncServer.setTeamRole(bram.account, teamId, 'auditor');
  await b.openFromMenu();
  await b.openCase(bramReference);
  await expect(bramAccess.getByText(/^De server geeft je teamaccount geen toegang tot een deel/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(bramAccess).toContainText('een instelling van de rollen op de server');
  await expect(bramAccess).not.toContainText('niet bereikbaar');
  await syncServer.setTeamRole(bram.account, teamId, 'medewerker');
  await b.openFromMenu();
  await b.openCase(bramReference);
  await expect(bramAccess.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });

  // The server admin gives Bram's account a new password; Bram's device still holds the old one.
  const changed = 'een nieuw wachtwoord voor het team';
  await syncServer.createAccount(bram.account, changed, { team: teamId, role: 'medewerker' });

  // Bram's team loops meet the refusal; "Toegang" says so and where to fix it.
  await expect(bramAccess.getByText(/^De teamserver weigert het wachtwoord van je teamaccount\./)).toBeVisible({
    timeout: 30_000,
  });
  await expect(bramAccess.getByText('Alleen jij hebt toegang tot dit dossier.')).toHaveCount(0);
  await b.expectNoHorizontalOverflow('Toegang, refused team account');
  await expectNoAxeViolations(bram.page, 'Toegang, refused team account');
  await bramAccess.getByRole('link', { name: 'Instellingen → Team openen' }).click();

  // Instellingen → Team says what happened and what to do.
  const notice = bram.team.section
    .getByRole('status')
    .filter({ hasText: 'De teamserver weigert het wachtwoord van je teamaccount.' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Vul hieronder het wachtwoord van het teamaccount opnieuw in.');
  const form = bram.team.section.getByRole('form', { name: 'Wachtwoord van het teamaccount opnieuw invullen' });
  const field = form.getByLabel('Wachtwoord van het teamaccount', { exact: true });
  const submit = form.getByRole('button', { name: 'Teamwachtwoord controleren en bewaren' });
  await form.scrollIntoViewIfNeeded();
  await new LogbookPage(bram.page).expectNoHorizontalOverflow('Team, refused account');
  await expectNoAxeViolations(bram.page, 'Team, refused account');

  // Meanwhile Anna shares a case with Bram. Case numbers are per device, so Bram's list may already show
  // the same number: what counts is one more link with it once the case arrives.
  const a = new LogbookPage(anna.page);
  const reference = await a.logExampleCase();
  const caseLinks = bram.page.getByRole('link', { name: new RegExp(reference) });
  const access = a.section('Toegang');
  await access.getByRole('combobox', { name: 'Collega' }).selectOption({ label: 'Bram (medewerker)' });
  await access.getByRole('button', { name: 'Delen met collega' }).click();
  await expect(access.getByRole('status').filter({ hasText: 'Gedeeld met Bram.' })).toBeVisible({ timeout: 30_000 });

  // A wrong password is refused and changes nothing: the notice and the form stay.
  await field.fill('niet het wachtwoord');
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText(/^Aanmelding geweigerd/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('niet het wachtwoord');
  await expect(notice).toBeVisible();

  // Elsewhere in the app a short notice points to Instellingen → Team; the shared case does not arrive.
  await new LogbookPage(bram.page).openFromMenu();
  // The heading shows before the list has loaded: count only once Bram's own case is listed.
  await expect(bram.page.getByRole('link', { name: new RegExp(bramReference) }).first()).toBeVisible();
  const before = await caseLinks.count();
  const appNotice = bram.page.getByRole('complementary', { name: 'Teamaccount' });
  await expect(appNotice.getByRole('status')).toHaveText(/^De teamserver weigert het wachtwoord van je teamaccount\./);
  await new LogbookPage(bram.page).expectNoHorizontalOverflow('Logboek, refused team account');
  await expectNoAxeViolations(bram.page, 'Logboek, refused team account');
  // Longer than a share round (5 s): the stopped loop sends nothing, so nothing arrives.
  await bram.page.waitForTimeout(8_000);
  await expect(caseLinks).toHaveCount(before);

  // The notice's link leads to Instellingen, where the right password is checked, stored, and the loops resume.
  await appNotice.getByRole('link', { name: 'Wachtwoord invullen in Instellingen → Team' }).click();
  await expect(new SettingsPage(bram.page).heading()).toBeVisible();
  await field.fill(changed);
  await submit.click();
  await expect(
    bram.team.section.getByRole('status').filter({ hasText: 'Het wachtwoord klopt en is bewaard.' }),
  ).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  // The form went: focus is on the Team heading, not lost to the page.
  await expect(bram.page.getByRole('heading', { name: 'Team', level: 2, exact: true })).toBeFocused();
  await expectNoAxeViolations(bram.page, 'Team, password entered again');

  await new LogbookPage(bram.page).openFromMenu();
  await expect(caseLinks).toHaveCount(before + 1, { timeout: 60_000 });
  await expect(appNotice).toHaveCount(0);

  await closeTeam(people);
});
