// The account forms in Instellingen that keep their own state (reshaped in
// issue 13): the two account-password forms of Synchronisatie (issue 20) and
// the team's join form with its required fields (issue 21).
import { LockPage } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { TeamPage } from './pages/team-page';
import { expect, test } from './sync-fixtures';

test('the account password is changed from this device, and a changed password is given to it', async ({
  page,
  syncAccount,
}) => {
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  // An account name with a colon can never sign in (Basic authentication splits at it): said before any request.
  const connectForm = page.getByRole('form', { name: 'Dit toestel verbinden' });
  const account = connectForm.getByLabel('Account', { exact: true });
  await account.fill('anna:werk');
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(
    connectForm.getByText('Een accountnaam kan geen dubbele punt (:) bevatten.', { exact: false }),
  ).toBeVisible();
  // So is a database name the server would refuse; emptied, the proposed name is used.
  const db = connectForm.getByLabel('Databasenaam', { exact: true });
  await db.fill('Mijn DB!');
  await expect(db).toHaveAttribute('aria-invalid', 'true');
  await expect(db).toHaveAccessibleDescription(/Een databasenaam begint met een kleine letter/);
  await db.fill('');
  await expect(db).not.toHaveAttribute('aria-invalid', 'true');

  const sync = new SyncPage(page);
  await sync.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(sync.connectedText(syncAccount.account)).toBeVisible();

  const changeForm = page.getByRole('form', { name: 'Wachtwoord van het account wijzigen' });
  const next = changeForm.getByLabel('Nieuw wachtwoord voor het account');
  // Sent with the field empty (Enter; the button is marked unavailable): said at the field, not ignored.
  await expect(changeForm.getByRole('button', { name: 'Wijzig het wachtwoord' })).toBeDisabled();
  await next.press('Enter');
  await expect(changeForm.getByRole('alert')).toHaveText('Vul dit in.');
  await next.fill('te kort');
  await changeForm.getByRole('button', { name: 'Wijzig het wachtwoord' }).click();
  await expect(changeForm.getByRole('alert')).toHaveText('Kies minstens 12 tekens.');
  await expect(next).toHaveAttribute('aria-invalid', 'true');

  const changed = 'een nieuw accountwachtwoord';
  await next.fill(changed);
  await changeForm.getByRole('button', { name: 'Wijzig het wachtwoord' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Wachtwoord gewijzigd.' })).toBeVisible();
  await expect(next).toHaveValue('');
  await expect(changeForm.getByRole('alert')).toHaveCount(0);

  const updateForm = page.getByRole('form', { name: 'Nieuw wachtwoord van het account invullen' });
  const given = updateForm.getByLabel('Wachtwoord van het account');
  await given.fill('niet het wachtwoord');
  await updateForm.getByRole('button', { name: 'Wachtwoord bewaren' }).click();
  await expect(updateForm.getByRole('alert')).toHaveText(/^Aanmelding geweigerd/);
  await expect(given).toHaveValue('niet het wachtwoord');

  await given.fill(changed);
  await updateForm.getByRole('button', { name: 'Wachtwoord bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het nieuwe wachtwoord is bewaard.' })).toBeVisible();
  await expect(given).toHaveValue('');
  await expect(updateForm.getByRole('alert')).toHaveCount(0);
});

test('the team join form says which required fields are empty and when the team id is not valid', async ({ page }) => {
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const team = new TeamPage(page);
  await team.open('Aansluiten met een uitnodigingscode');
  const form = team.section.getByRole('form', { name: 'Aansluiten bij een team' });
  const labels = [
    'Team-id',
    'Account voor het team',
    'Wachtwoord van het teamaccount',
    'Jouw naam in het team',
    'Uitnodigingscode',
  ];
  await form.getByRole('button', { name: 'Aansluiten' }).click();
  for (const label of labels) {
    const field = form.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Vul dit in\.$/);
  }

  await form.getByLabel('Team-id', { exact: true }).fill('Geen Geldig ID');
  await form.getByLabel('Uitnodigingscode', { exact: true }).fill('ABCD-EFGH');
  await form.getByRole('button', { name: 'Aansluiten' }).click();
  await expect(form.getByLabel('Team-id', { exact: true })).toHaveAccessibleDescription(/begint met een kleine letter/);
  await expect(form.getByLabel('Uitnodigingscode', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Account voor het team', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // Nothing was sent: the form stays open with the typed values.
  await expect(form.getByLabel('Team-id', { exact: true })).toHaveValue('Geen Geldig ID');
});
