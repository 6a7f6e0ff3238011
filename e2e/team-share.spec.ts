// Sharing a case inside a team (issue 21), two people in their own browser
// contexts at 360 px against one server: A shares a case with B, B adds a
// note that A sees; A withdraws B's access; B is told, and what A writes
// afterwards does not reach B (on B's screen and in the raw server documents:
// B holds no grant for the new key the note is sealed under).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { LogbookPage } from './pages/logbook-page';
import { closeTeam, expect, setUpTeam, test } from './team-fixtures';

test.describe.configure({ timeout: 300_000 });

async function openLogbook(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
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
  const { teamId, people } = await setUpTeam(browser, baseURL ?? '', syncServer, [
    { name: 'Anna', role: 'coordinator' },
    { name: 'Bram', role: 'medewerker' },
  ]);
  const [anna, bram] = people;
  if (!anna || !bram) throw new Error('team not set up');
  const casesDb = `baken-team-${teamId}-cases`;
  const a = new LogbookPage(anna.page);
  const b = new LogbookPage(bram.page);

  // A logs a case with a note; the Toegang section shows only A.
  await openLogbook(anna.page);
  await a.openNewIncident();
  await a.fillIncident({
    types: ['ongewenste sexting'],
    knownVia: 'Een klasgenoot',
    schools: ['Sint-Jozefscollege'],
    description: 'Foto doorgestuurd in een klasgroep.',
  });
  const reference = await a.saveIncident();
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

  // B sees the case and A's note, and adds a note.
  await openLogbook(bram.page);
  await expect(bram.page.getByRole('link', { name: new RegExp(reference) })).toBeVisible({ timeout: 60_000 });
  await bram.page.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(
    b.section('Tijdlijn').getByRole('article').filter({ hasText: 'Eerste gesprek met de school.' }),
  ).toBeVisible({ timeout: 30_000 });
  await b.addNote('gesprek', 'Notitie van Bram na het gesprek.');
  await expect(b.section('Toegang').getByRole('listitem').filter({ hasText: 'Anna (coördinator)' })).toBeVisible({
    timeout: 30_000,
  });

  // A sees B's note.
  await expect(
    a.section('Tijdlijn').getByRole('article').filter({ hasText: 'Notitie van Bram na het gesprek.' }),
  ).toBeVisible({ timeout: 60_000 });

  // A withdraws B's access: the dialog says what B keeps.
  await access.getByRole('button', { name: 'Toegang intrekken voor Bram' }).click();
  const dialog = anna.page.getByRole('dialog', { name: 'Toegang van Bram intrekken?' });
  await expect(dialog.getByText(/Wat Bram al ontving .* blijft op diens toestel/)).toBeVisible();
  await expectNoAxeViolations(anna.page, 'withdraw dialog');
  await dialog.getByRole('button', { name: 'Toegang intrekken' }).click();
  await expect(access.getByRole('status').filter({ hasText: /^Toegang ingetrokken voor Bram\./ })).toBeVisible();
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible();

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
