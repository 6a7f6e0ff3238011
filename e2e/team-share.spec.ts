// Sharing a case inside a team (issue 21), two people in their own browser
// contexts at 360 px against one server: A shares a case with B, B adds a
// note that A sees, each note saying who wrote it ("Door Bram"); A withdraws
// B's access; B is told, and what A writes afterwards does not reach B (on B's screen and in the raw server documents:
// B holds no grant for the new key the note is sealed under). Second test:
// both change the same follow-up offline, one "tegenstrijdige wijziging" is
// resolved in the UI, then the owner erases the case for B too.
import type { Browser, Page } from '@playwright/test';
import type { TestSyncServer } from './sync-server';
import { expectNoAxeViolations } from './axe';
import { LogbookPage } from './pages/logbook-page';
import { closeTeam, expect, setUpTeam, test } from './team-fixtures';

test.describe.configure({ timeout: 300_000 });

/** A team of Anna (coördinator, lead) and Bram (medewerker), each in their own context. */
async function annaAndBram(browser: Browser, baseURL: string, syncServer: TestSyncServer) {
  const { teamId, people } = await setUpTeam(browser, baseURL, syncServer, [
    { name: 'Anna', role: 'coordinator' },
    { name: 'Bram', role: 'medewerker' },
  ]);
  const [anna, bram] = people;
  if (!anna || !bram) throw new Error('team not set up');
  const casesDb = `baken-team-${teamId}-cases`;
  return { people, anna, bram, casesDb, a: new LogbookPage(anna.page), b: new LogbookPage(bram.page) };
}

interface RawDoc {
  _id: string;
  _deleted?: boolean;
  k?: string;
  to?: string;
}

test('a shared case: B adds a note A sees; after withdrawal B is told and gets nothing new', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  const { people, anna, bram, casesDb, a, b } = await annaAndBram(browser, baseURL ?? '', syncServer);

  // A logs a case with a note; the Toegang section shows only A.
  const reference = await a.logExampleCase();
  await a.addNote('gesprek', 'Eerste gesprek met de school.');
  const access = a.section('Toegang');
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });
  await access.scrollIntoViewIfNeeded();
  await a.expectNoHorizontalOverflow('Toegang');
  await expectNoAxeViolations(anna.page, 'Toegang before sharing');

  // A shares it with B (never offered: the auditor; here: only Bram is a colleague).
  await access.getByRole('combobox', { name: 'Collega' }).selectOption({ label: 'Bram (medewerker)' });
  await access.getByRole('button', { name: 'Delen met collega' }).click();
  await expect(access.getByRole('status').filter({ hasText: 'Gedeeld met Bram.' })).toBeVisible();
  await expect(access.getByRole('listitem').filter({ hasText: 'Bram (medewerker)' })).toBeVisible();
  // The form left with the last colleague to offer: focus is on the list it changed.
  await expect(access.getByRole('heading', { name: 'Wie heeft toegang' })).toBeFocused();

  // B sees the case and A's note, and adds a note.
  await new LogbookPage(bram.page).openFromMenu();
  await expect(bram.page.getByRole('link', { name: new RegExp(reference) })).toBeVisible({ timeout: 60_000 });
  await bram.page.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(
    b
      .section('Tijdlijn')
      .getByRole('article', { name: /Door Anna$/ })
      .filter({ hasText: 'Eerste gesprek met de school.' }),
  ).toBeVisible({ timeout: 30_000 });
  await b.addNote('gesprek', 'Notitie van Bram na het gesprek.');
  await expect(b.section('Toegang').getByRole('listitem').filter({ hasText: 'Anna (coördinator)' })).toBeVisible({
    timeout: 30_000,
  });

  // A sees B's note, and who wrote each note: in its heading, so in the article's accessible name too.
  const bramsNote = a.section('Tijdlijn').getByRole('article').filter({ hasText: 'Notitie van Bram na het gesprek.' });
  await expect(bramsNote).toBeVisible({ timeout: 60_000 });
  await expect(bramsNote).toHaveAccessibleName(/ — gesprek — Door Bram$/);
  await expect(bramsNote.getByRole('heading', { name: /Door Bram$/ })).toBeVisible();
  await expect(
    a
      .section('Tijdlijn')
      .getByRole('article', { name: /Door Anna$/ })
      .filter({ hasText: 'Eerste gesprek met de school.' }),
  ).toBeVisible();
  await a.expectNoHorizontalOverflow('Tijdlijn');

  // A withdraws B's access: the dialog says what B keeps.
  await access.getByRole('button', { name: 'Toegang intrekken voor Bram' }).click();
  const dialog = anna.page.getByRole('dialog', { name: 'Toegang van Bram intrekken?' });
  await expect(dialog.getByText(/Wat Bram al ontving .* blijft op diens toestel/)).toBeVisible();
  await expectNoAxeViolations(anna.page, 'withdraw dialog');
  await dialog.getByRole('button', { name: 'Toegang intrekken' }).click();
  await expect(access.getByRole('status').filter({ hasText: /^Toegang ingetrokken voor Bram\./ })).toBeVisible();
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible();
  // The withdraw button left with Bram: focus is on the list it changed, not on the page.
  await expect(access.getByRole('heading', { name: 'Wie heeft toegang', exact: true })).toBeFocused();

  // B is told on the case page.
  await expect(b.section('Toegang').getByText(/heeft jouw toegang tot dit dossier ingetrokken/)).toBeVisible({
    timeout: 60_000,
  });

  // A writes after the withdrawal; it reaches the server under a key B holds no grant for.
  await a.addNote('gesprek', 'Geschreven na de intrekking.');
  await expect(async () => {
    const docs = (await syncServer.rawDocs(casesDb)) as RawDoc[];
    const live = docs.filter((d) => d._deleted !== true);
    const grants = live.filter((d) => d._id.startsWith('grant-'));
    // Only Anna holds grants now; Bram's were deleted.
    expect(new Set(grants.map((g) => g.to)).size).toBe(1);
    const deleted = docs.filter((d) => d._deleted === true && d._id.startsWith('grant-')).map((d) => d._id);
    expect(deleted.length).toBeGreaterThan(0);
    // The case documents use two keys: the old one (Bram's grant to it deleted) and the new one.
    const keys = [...new Set(live.filter((d) => !d._id.startsWith('grant-')).map((d) => d.k))];
    expect(keys).toHaveLength(2);
    const newKey = keys.find((k) => !deleted.some((id) => id.startsWith(`grant-${k}-`)));
    // Under the new key: the re-keyed case row and the note written after the withdrawal.
    expect(live.filter((d) => d.k === newKey && !d._id.startsWith('grant-')).length).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 60_000 });

  // B gets nothing new: after several share rounds (every 5 s) the note is not on B's screen.
  await bram.page.waitForTimeout(15_000);
  await expect(b.section('Tijdlijn').getByText('Geschreven na de intrekking.')).toHaveCount(0);
  await expect(b.section('Tijdlijn').getByText('Notitie van Bram na het gesprek.')).toBeVisible();

  await closeTeam(people);
});

function isoInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** dd/mm/jjjj, as the case page shows a date. */
function shownDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

test('a shared case: the same follow-up moved offline by both gives one choice; the owner erases it for B too', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  const { people, anna, bram, casesDb, a, b } = await annaAndBram(browser, baseURL ?? '', syncServer);

  const reference = await a.logExampleCase();
  await a.scheduleFollowUp('Terugkoppeling met de leerling');
  const access = a.section('Toegang');
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });
  await access.getByRole('combobox', { name: 'Collega' }).selectOption({ label: 'Bram (medewerker)' });
  await access.getByRole('button', { name: 'Delen met collega' }).click();
  await expect(access.getByRole('status').filter({ hasText: 'Gedeeld met Bram.' })).toBeVisible();

  await new LogbookPage(bram.page).openFromMenu();
  await bram.page.getByRole('link', { name: new RegExp(reference) }).click({ timeout: 60_000 });
  await expect(bram.page.getByText(/Tot .*: Terugkoppeling met de leerling/)).toBeVisible({ timeout: 60_000 });

  // Both offline: the same follow-up moved to different dates.
  await anna.context.setOffline(true);
  await bram.context.setOffline(true);
  await a.rescheduleFollowUp(isoInDays(20), 'School vraagt later');
  await b.rescheduleFollowUp(isoInDays(30), 'Leerling is op reis');
  await anna.context.setOffline(false);
  await bram.context.setOffline(false);

  // The device whose change met the other's shows one item; the worker there chooses 20 days.
  const region = (page: Page) => page.getByRole('region', { name: 'Tegenstrijdige wijzigingen' });
  let chooser: Page | undefined;
  await expect(async () => {
    for (const p of [anna.page, bram.page]) if ((await region(p).getByRole('listitem').count()) === 1) chooser = p;
    expect(chooser).toBeDefined();
  }).toPass({ timeout: 60_000 });
  if (!chooser) throw new Error('no conflict item');
  // Named as the case page names it, each date as the case page shows it.
  const item = region(chooser).getByRole('group', {
    name: 'Tegenstrijdige wijziging: Opvolging en status (Terugkoppeling met de leerling) — Laten rusten tot',
    exact: true,
  });
  await expect(item.getByRole('button', { name: `Kies ${shownDate(isoInDays(30))}`, exact: true })).toBeVisible();
  await expect(region(chooser)).not.toContainText('due');
  await expect(region(chooser)).not.toContainText(isoInDays(20));
  await expectNoAxeViolations(chooser, 'shared-case conflict');
  await item.getByRole('button', { name: `Kies ${shownDate(isoInDays(20))}`, exact: true }).click();
  await expect(region(chooser)).toBeHidden({ timeout: 30_000 });
  // Both devices end on the chosen date, and neither shows an item.
  for (const p of [anna.page, bram.page]) {
    await expect(region(p)).toBeHidden({ timeout: 60_000 });
  }
  const [y, m, d] = isoInDays(20).split('-');
  for (const logbook of [a, b]) {
    await expect(
      logbook.section('Opvolging en status').getByRole('button', { name: `Opvolging van ${d}/${m}/${y} verplaatsen` }),
    ).toBeVisible({ timeout: 60_000 });
  }

  // Bram (not the owner) is told erasing here removes only his copy; Anna erases it for everyone.
  const bAccess = b.section('Toegang');
  await expect(bAccess.getByRole('button', { name: 'Mijn kopie wissen en toegang opgeven' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(bAccess.getByText('Anna deelde dit dossier met jou.', { exact: false })).toBeVisible();
  await access.getByRole('button', { name: 'Dossier wissen voor iedereen' }).click();
  const dialog = anna.page.getByRole('dialog', { name: 'Dossier wissen voor iedereen?' });
  await expect(dialog.getByText(/op het toestel van elke collega met toegang/)).toBeVisible();
  await expectNoAxeViolations(anna.page, 'erase shared case dialog');
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(anna.page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(anna.page.getByRole('link', { name: new RegExp(reference) })).toHaveCount(0);

  // Bram's device learns of it and erases its copy.
  await new LogbookPage(bram.page).openFromMenu();
  await expect(bram.page.getByRole('link', { name: new RegExp(reference) })).toHaveCount(0, { timeout: 60_000 });
  // On the server only the signed erase notice is left live (no case rows, no grants).
  const live = ((await syncServer.rawDocs(casesDb)) as RawDoc[]).filter((d) => d._deleted !== true);
  expect(live.map((d) => d._id.replace(/-[0-9a-f-]{36}$/, ''))).toEqual(['erase']);

  await closeTeam(people);
});

test('the same case number on two workers: a shared case says who shared it; a pick-up request names one case', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  test.setTimeout(420_000);
  const { people, anna, bram, a, b } = await annaAndBram(browser, baseURL ?? '', syncServer);
  const onOpvolging = async (page: Page) => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Opvolging', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opvolging' })).toBeVisible();
  };
  const refreshTeam = async (page: Page) => {
    await page.getByRole('button', { name: 'Teamoverzicht bijwerken' }).click();
    await expect(page.getByText(/^Bijgewerkt om /)).toBeVisible({ timeout: 30_000 });
  };

  // Numbers are per worker: Bram's first case and Anna's first case get the same number.
  const bramsOwn = await b.logExampleCase();
  const annas = await a.logExampleCase();
  expect(annas).toBe(bramsOwn);
  const ref = annas;
  // The number stays out of the address bar and the tab title.
  expect(anna.page.url()).not.toContain(ref);
  expect(await anna.page.title()).not.toContain(ref);

  // The coordinator's first round makes the coordination key; Anna's record is on the server first.
  await onOpvolging(anna.page);
  await refreshTeam(anna.page);

  // Anna shares hers with Bram.
  await new LogbookPage(anna.page).openFromMenu();
  await anna.page.getByRole('link', { name: ref, exact: true }).click();
  const access = a.section('Toegang');
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });
  await access.getByRole('combobox', { name: 'Collega' }).selectOption({ label: 'Bram (medewerker)' });
  await access.getByRole('button', { name: 'Delen met collega' }).click();
  await expect(access.getByRole('status').filter({ hasText: 'Gedeeld met Bram.' })).toBeVisible();
  // The owner's own case is named by its number alone.
  await expect(anna.page.getByRole('heading', { level: 1 })).toHaveText(`Dossier ${ref}`);

  // Bram's logbook: his own case by its number, Anna's with who shared it.
  await new LogbookPage(bram.page).openFromMenu();
  const shared = bram.page.getByRole('link', { name: `${ref} (gedeeld door Anna)`, exact: true });
  await expect(shared).toBeVisible({ timeout: 60_000 });
  await expect(bram.page.getByRole('link', { name: ref, exact: true })).toHaveCount(1);
  await b.expectNoHorizontalOverflow('Logboek with a shared case');
  await shared.click();
  await expect(bram.page.getByRole('heading', { level: 1 })).toHaveText(`Dossier ${ref} (gedeeld door Anna)`);
  expect(bram.page.url()).not.toContain(ref);
  expect(await bram.page.title()).not.toContain(ref);

  // Bram's Opvolging (neither case has a date yet): two cards, told apart by name.
  await onOpvolging(bram.page);
  await expect(bram.page.getByRole('link', { name: `Dossier ${ref}`, exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(bram.page.getByRole('link', { name: `Dossier ${ref} (gedeeld door Anna)`, exact: true })).toBeVisible();
  await expectNoAxeViolations(bram.page, 'Opvolging with a shared case');
  // Bram's round publishes his own case's record (Anna's record of the shared case stays hers).
  await refreshTeam(bram.page);

  // Anna's team view: one case each, in the singular; her own row has no pick-up button; her own
  // case links to its page, Bram's (not on her device) does not.
  await onOpvolging(anna.page);
  await refreshTeam(anna.page);
  const teamView = anna.page.getByRole('region', { name: 'Team', exact: true });
  const annaRow = teamView.getByRole('region', { name: 'Anna', exact: true });
  const bramRow = teamView.getByRole('region', { name: 'Bram', exact: true });
  await expect(annaRow.getByRole('heading', { level: 3 })).toHaveText('Anna: 1 dossier');
  await expect(bramRow.getByRole('heading', { level: 3 })).toHaveText('Bram: 1 dossier');
  await expect(annaRow.getByRole('button', { name: /op te nemen$/ })).toHaveCount(0);
  await expect(annaRow.getByRole('link', { name: `Dossier ${ref}`, exact: true })).toBeVisible();
  await expect(bramRow.getByRole('link')).toHaveCount(0);
  await expect(bramRow.getByText(`Dossier ${ref}`, { exact: true })).toBeVisible();
  await expectNoAxeViolations(anna.page, 'team view with the same number twice');

  // Anna asks Bram to pick up HIS case: his device names that one, links to it, and not to the shared one.
  await bramRow.getByRole('button', { name: `Vraag Bram om dossier ${ref} op te nemen`, exact: true }).click();
  await expect(teamView.getByRole('status')).toHaveText(`Bram is gevraagd om dossier ${ref} op te nemen.`);
  await refreshTeam(bram.page);
  const pickups = bram.page.getByRole('region', { name: 'Gevraagd om op te nemen' });
  await expect(pickups.getByText(`Anna vraagt je dossier ${ref} op te nemen`, { exact: false })).toBeVisible();
  await expect(pickups).not.toContainText('gedeeld door');
  await expect(pickups.getByRole('button', { name: `Vraag over dossier ${ref} gezien`, exact: true })).toBeVisible();
  await expectNoAxeViolations(bram.page, 'pick-up request with a link');
  await pickups.getByRole('link', { name: `Dossier ${ref} openen`, exact: true }).click();
  await expect(bram.page.getByRole('heading', { level: 1 })).toHaveText(`Dossier ${ref}`);
  // It is Bram's own case: its Toegang says only he has access.
  await expect(b.section('Toegang').getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({
    timeout: 30_000,
  });

  // "Gezien" takes the request away; after the last one focus goes to the page heading, not the body.
  await new LogbookPage(bram.page).openFromMenu('Opvolging');
  await pickups.getByRole('button', { name: `Vraag over dossier ${ref} gezien`, exact: true }).click();
  await expect(pickups).toBeHidden();
  await expect(bram.page.getByRole('heading', { level: 1 })).toBeFocused();

  await closeTeam(people);
});
