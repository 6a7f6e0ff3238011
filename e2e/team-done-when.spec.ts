// Issue 21 "Done when", one journey with one server and four browser contexts
// at 360 px: worker A (Anna), worker B (Bram), the coordinator (Cora, also the
// team lead) and the auditor (Ida).
// - A shares a case with B; B adds a note that A sees.
// - The coordinator sees A's overdue follow-up; opening that case is refused.
// - The auditor's figures equal totals computed here from the seeded cases,
//   with cells of 1 to 4 suppressed (and the complementary cell rule).
// - After B is removed, B's device receives nothing new and nothing written
//   after the removal is under a key B holds.
// - The server's raw documents, read with each role's credentials: each role
//   reads only its databases; no document holds plaintext (marker texts).
// Also: the lead's device picks up a join request in the background and says
// so in a calm notice, without admitting anyone; at the end the lead hands the
// lead role to Anna and every device follows.
// Time: Playwright clocks. Anna's device starts three days before the others,
// so a follow-up she plans for "today" is overdue once her clock catches up.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { cspViolations } from './fixtures';
import { LockPage } from './pages/lock-page';
import { LogbookPage } from './pages/logbook-page';
import { closeTeam, expect, newPerson, roleLabel, setUpTeam, test } from './team-fixtures';
import type { TeamPerson } from './team-fixtures';

const DAY = 24 * 60 * 60_000;
// Mid-quarter (2026-Q4), so every case of the journey falls in one quarter.
const START = new Date('2026-11-09T09:00:00+01:00');
const LATER = new Date(START.getTime() + 3 * DAY);

const M = {
  schoolS: 'Gedeeldschool-Marker-31',
  factsS: 'Gedeeld-feit-Marker-32',
  noteA: 'Notitie-Anna-Marker-33',
  noteB: 'Notitie-Bram-Marker-34',
  schoolO: 'Laatschool-Marker-35',
  purposeO: 'Opvolgvraag-Marker-36',
  afterRemoval: 'Na-verwijdering-Marker-37',
};

/** The seeded cases: who logged them and their first (only) incident type. Every one: "Een klasgenoot", no betrokkenen, no flag. */
const seeded: Array<{ by: 'Anna' | 'Bram'; type: 'ongewenste sexting' | 'sextortion' }> = [
  { by: 'Anna', type: 'ongewenste sexting' }, // S, shared with Bram: still one case for the team
  { by: 'Anna', type: 'ongewenste sexting' }, // O, with the follow-up that becomes overdue
  { by: 'Anna', type: 'ongewenste sexting' },
  { by: 'Bram', type: 'sextortion' },
  { by: 'Bram', type: 'sextortion' },
];

/**
 * The disclosure rule as the README states it (k = 5), computed by hand here:
 * a table of 1 to 4 in total shows only "minder dan 5"; a count of 1 to 4 is
 * hidden; while the hidden cells are fewer than two, sum to less than 5, or
 * could all be 1, the smallest other non-zero cell is hidden too; 0 is shown,
 * a total of 0 too.
 */
function expectedTable(counts: Record<string, number>): { total: string; cells: Record<string, string> } {
  const entries = Object.entries(counts);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total > 0 && total < 5) return { total: 'minder dan 5', cells: {} };
  const hidden = new Set(entries.filter(([, v]) => v > 0 && v < 5).map(([k]) => k));
  const sum = () => [...hidden].reduce((s, k) => s + (counts[k] ?? 0), 0);
  while (hidden.size > 0 && (hidden.size < 2 || sum() < 5 || sum() <= hidden.size)) {
    const next = entries.filter(([k, v]) => !hidden.has(k) && v > 0).sort((a, b) => a[1] - b[1])[0];
    if (!next) break;
    hidden.add(next[0]);
  }
  return {
    total: String(total),
    cells: Object.fromEntries(entries.map(([k, v]) => [k, hidden.has(k) ? 'verborgen' : String(v)])),
  };
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A coordination round by hand (Opvolging or Export → Teamcijfers): publishes records and fresh counts. */
async function refreshTeam(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^(Teamoverzicht bijwerken|Bijwerken…)$/ }).first();
  // A round started on arrival finishes first; then this one runs to its end.
  await expect(button).toHaveText('Teamoverzicht bijwerken', { timeout: 60_000 });
  await button.click();
  await expect(button).toHaveText('Teamoverzicht bijwerken', { timeout: 60_000 });
  await expect(page.getByText(/^Bijgewerkt om /).first()).toBeVisible();
}

/** Opens a case from the Logboek list (no reload: a reload would lock the logbook). */
async function openCase(page: Page, reference: string): Promise<void> {
  await nav(page, 'Logboek');
  await page.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible();
}

async function newCase(page: Page, type: string, school: string, facts: string): Promise<string> {
  const logbook = new LogbookPage(page);
  await nav(page, 'Logboek');
  await logbook.openNewIncident();
  await logbook.fillIncident({ knownVia: 'Een klasgenoot', types: [type], schools: [school], description: facts });
  return logbook.saveIncident();
}

interface RawDoc {
  _id: string;
  _deleted?: boolean;
  k?: string;
  to?: string;
  list?: { members: Array<{ id: string; name: string }> };
}

test('issue 21 done when: share, coordinate, audit, remove, and the server holds only ciphertext', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  test.setTimeout(900_000);
  const { teamId, people } = await setUpTeam(browser, baseURL!, syncServer, [
    { name: 'Cora', role: 'coordinator', clock: LATER },
    { name: 'Anna', role: 'medewerker', clock: START },
    { name: 'Bram', role: 'medewerker', clock: LATER },
  ]);
  const [cora, anna, bram] = people as [TeamPerson, TeamPerson, TeamPerson];
  const db = (which: string) => `baken-team-${teamId}-${which}`;

  // The auditor joins while the lead is elsewhere in the app: Cora's device picks the request up in the
  // background and says so calmly; nobody is admitted until Cora does it.
  const ida = await newPerson(browser, baseURL!, syncServer, teamId, { name: 'Ida', role: 'auditor', clock: LATER });
  people.push(ida);
  const code = await cora.team.makeInvite(roleLabel.auditor);
  await nav(cora.page, 'Logboek');
  await ida.team.join({ teamId, account: ida.account, password: ida.password, name: 'Ida', code });
  const notice = cora.page.getByRole('complementary', { name: 'Aanvragen voor het team' });
  await expect(notice).toContainText('Er wacht 1 aanvraag om lid te worden van je team.', { timeout: 90_000 });
  await expectNoAxeViolations(cora.page, 'join request notice');
  await notice.getByRole('link', { name: 'Aanvragen bekijken in Instellingen → Team' }).click();
  await expect(ida.team.section.getByText(/wacht op de teamverantwoordelijke/)).toBeVisible();
  const seen = await cora.team.admit('Ida');
  expect(seen).toBe(await ida.team.ownFingerprint());
  await ida.team.expectAdmitted('Ida');
  await nav(cora.page, 'Logboek');
  await expect(notice).toHaveCount(0);

  // The coordinator's first round grants the coordination and figures keys to those who joined.
  await nav(cora.page, 'Opvolging');
  await refreshTeam(cora.page);

  // ---- A shares a case with B; B adds a note that A sees. ----
  const a = new LogbookPage(anna.page);
  const b = new LogbookPage(bram.page);
  const refS = await newCase(anna.page, 'ongewenste sexting', M.schoolS, M.factsS);
  await a.addNote('gesprek', M.noteA);
  const access = a.section('Toegang');
  await expect(access.getByText('Alleen jij hebt toegang tot dit dossier.')).toBeVisible({ timeout: 30_000 });
  await access.getByRole('combobox', { name: 'Collega' }).selectOption({ label: 'Bram (medewerker)' });
  await access.getByRole('button', { name: 'Delen met collega' }).click();
  await expect(access.getByRole('status').filter({ hasText: 'Gedeeld met Bram.' })).toBeVisible();
  const urlS = anna.page.url();

  await nav(bram.page, 'Logboek');
  await expect(bram.page.getByRole('link', { name: new RegExp(refS) })).toBeVisible({ timeout: 60_000 });
  await openCase(bram.page, refS);
  await expect(b.section('Tijdlijn').getByRole('article').filter({ hasText: M.noteA })).toBeVisible({
    timeout: 30_000,
  });
  await b.addNote('gesprek', M.noteB);
  await expect(a.section('Tijdlijn').getByRole('article').filter({ hasText: M.noteB })).toBeVisible({
    timeout: 60_000,
  });

  // ---- The other seeded cases. ----
  const refO = await newCase(anna.page, 'ongewenste sexting', M.schoolO, 'Doorgestuurde foto, gemeld.');
  const followUp = a.section('Opvolging en status');
  await followUp.getByRole('button', { name: 'Laten rusten tot…' }).click();
  await followUp.getByLabel('Laten rusten tot', { exact: true }).fill(START.toISOString().slice(0, 10));
  await followUp.getByRole('textbox', { name: 'Waarvoor kom je erop terug?' }).fill(M.purposeO);
  await followUp.getByRole('button', { name: 'Opvolgdatum bewaren' }).click();
  await expect(followUp.getByRole('status')).toHaveText('De opvolgdatum is bewaard.');
  const urlO = anna.page.url();
  await newCase(anna.page, 'ongewenste sexting', 'Derdeschool-Marker-38', 'Nog een melding.');
  await newCase(bram.page, 'sextortion', 'Bramschool-Marker-41', 'Dreiging, gemeld.');
  await newCase(bram.page, 'sextortion', 'Bramschool-Marker-42', 'Nog een dreiging, gemeld.');

  // Three days later on Anna's device too: the idle lock fired; she unlocks and her round runs.
  await anna.page.clock.setSystemTime(new Date(await cora.page.evaluate(() => Date.now())));
  await anna.page.goto('/');
  await new LockPage(anna.page).unlock();
  for (const worker of [anna, bram]) {
    await nav(worker.page, 'Opvolging');
    await refreshTeam(worker.page);
  }

  // ---- The coordinator sees A's overdue follow-up; opening that case is refused. ----
  await refreshTeam(cora.page);
  const teamView = cora.page.getByRole('region', { name: 'Team', exact: true });
  const annaGroup = teamView.getByRole('region', { name: 'Anna', exact: true });
  await expect(annaGroup.getByRole('heading', { level: 4, name: 'Te laat (1)' })).toBeVisible();
  await expect(annaGroup.getByText(`Dossier ${refO}`)).toBeVisible();
  // The shared case has one coordination record, not one per holder; five open cases in all.
  await expect(teamView.getByText(`Dossier ${refS}`)).toHaveCount(1);
  const totals = await teamView.getByRole('heading', { level: 3 }).allTextContents();
  expect(totals.reduce((sum, h) => sum + Number(/: (\d+) dossiers/.exec(h)?.[1] ?? 'NaN'), 0)).toBe(seeded.length);
  await expect(teamView.getByRole('link')).toHaveCount(0);
  await expect(teamView).not.toContainText('Marker');
  // Anna's own case addresses, typed into Cora's browser (a reload: Cora unlocks first).
  for (const url of [urlO, urlS]) {
    await cora.page.goto(url);
    await new LockPage(cora.page).unlock();
    await expect(cora.page.getByRole('heading', { level: 1 })).toHaveText(
      'Open het dossier opnieuw vanuit het logboek',
    );
    await expect(cora.page.getByText(M.purposeO)).toHaveCount(0);
  }

  // ---- The auditor's figures equal the hand-computed totals. ----
  await nav(cora.page, 'Opvolging');
  await refreshTeam(cora.page); // sums the workers' fresh counts and signs the figures
  await nav(ida.page, 'Export');
  const figures = ida.page.getByRole('region', { name: 'Teamcijfers' });
  await refreshTeam(ida.page);
  const quarter = figures.getByRole('region', { name: /2026/ }).first();
  await expect(
    quarter.getByText(/^Ondertekend door coördinator Cora op .* Handtekening gecontroleerd\.$/),
  ).toBeVisible();
  const rows = async (caption: string) => {
    const table = quarter.getByRole('table', { name: caption });
    const out: Record<string, string> = {};
    for (const row of await table.getByRole('row').all()) {
      const head = (await row.getByRole('rowheader').allTextContents())[0];
      const cell = (await row.getByRole('cell').allTextContents())[0];
      if (head !== undefined && cell !== undefined) out[head.trim()] = cell.trim();
    }
    return out;
  };
  const wantTypes = expectedTable(tally(seeded.map((c) => c.type)));
  await expect(
    quarter
      .getByRole('table', { name: 'Dossiers per soort incident (eerste gekozen soort)' })
      .getByRole('row', { name: /^Totaal/ }),
  ).toContainText(wantTypes.total);
  const types = await rows('Dossiers per soort incident (eerste gekozen soort)');
  expect(types['Totaal']).toBe(wantTypes.total);
  for (const [label, value] of Object.entries(wantTypes.cells)) expect(types[label]).toBe(value);
  // Every type nobody logged is a real 0.
  for (const [label, value] of Object.entries(types))
    if (label !== 'Totaal' && !(label in wantTypes.cells)) expect(value).toBe('0');
  // One non-zero cell of 5 is shown as is: no betrokkene recorded, no flag given.
  const ages = await rows('Dossiers per leeftijdsgroep van de afgebeelde jongere (de jongste als er meer zijn)');
  const wantAges = expectedTable({ 'leeftijd onbekend': seeded.length });
  expect(ages['leeftijd onbekend']).toBe(wantAges.cells['leeftijd onbekend']);
  expect(ages['Totaal']).toBe(wantAges.total);
  const flags = await rows('Dossiers per vlag (laatste beoordeling)');
  expect(flags['nog geen beoordeling']).toBe(expectedTable({ geen: seeded.length }).cells['geen']);
  await expect(figures).not.toContainText(refO);
  await expectNoAxeViolations(ida.page, 'team figures of the auditor');

  // ---- B is removed: nothing new reaches B, nothing written afterwards is under a key B holds. ----
  const members = (await syncServer.rawDocs(db('members'))) as RawDoc[];
  const list = members.find((d) => d._id === 'member-list' && !d._deleted)?.list;
  const bramId = list?.members.find((m) => m.name === 'Bram')?.id ?? '';
  const annaId = list?.members.find((m) => m.name === 'Anna')?.id ?? '';
  expect(bramId).not.toBe('');
  await nav(cora.page, 'Instellingen');
  await cora.team.refresh();
  await cora.team.section.getByRole('button', { name: 'Bram uit het team halen' }).click();
  const dialog = cora.page.getByRole('dialog', { name: 'Bram uit het team halen?' });
  await dialog.getByRole('button', { name: 'Uit het team halen' }).click();
  await expect(
    cora.team.section.getByRole('status').filter({ hasText: 'Bram staat niet meer in de ledenlijst.' }),
  ).toBeVisible();
  // Anna's device learns the new list at its next share round and re-keys the case it shared with Bram.
  await nav(anna.page, 'Instellingen');
  await anna.team.refresh();
  await expect(anna.team.members().filter({ hasText: 'Bram,' })).toHaveCount(0);
  await expect(async () => {
    const live = ((await syncServer.rawDocs(db('cases'))) as RawDoc[]).filter((d) => !d._deleted);
    expect(live.filter((d) => d._id.startsWith('grant-') && d.to === bramId)).toHaveLength(0);
  }).toPass({ timeout: 90_000 });
  await openCase(anna.page, refS);
  await a.addNote('gesprek', M.afterRemoval);
  // The coordinator's round after the removal: a new coordination key generation; workers republish.
  await nav(cora.page, 'Opvolging');
  await refreshTeam(cora.page);
  await nav(anna.page, 'Opvolging');
  await refreshTeam(anna.page);

  await expect(async () => {
    const cases = (await syncServer.rawDocs(db('cases'))) as RawDoc[];
    const live = cases.filter((d) => !d._deleted);
    const bramKeys = new Set(live.filter((d) => d._id.startsWith('grant-') && d.to === bramId).map((d) => d.k));
    expect(bramKeys.size).toBe(0);
    // The note written after the removal went out under the new case key, granted to nobody but Anna.
    const newKeys = new Set(live.filter((d) => d._id.startsWith('grant-')).map((d) => d.k));
    const sealedUnderNew = live.filter((d) => !d._id.startsWith('grant-') && d.k !== undefined && newKeys.has(d.k));
    expect(sealedUnderNew.length).toBeGreaterThanOrEqual(2);
    for (const k of newKeys) {
      const holders = live.filter((d) => d._id.startsWith('grant-') && d.k === k).map((d) => d.to);
      expect(holders).not.toContain(bramId);
    }
    // Coordination: the newest key generation is granted to Anna, never to Bram.
    const coord = ((await syncServer.rawDocs(db('coord'))) as RawDoc[]).filter((d) => !d._deleted);
    const gens = coord.filter((d) => d._id.startsWith('coordkey-')).map((d) => Number(d._id.split('-')[1]));
    const newest = Math.max(...gens);
    expect(newest).toBeGreaterThan(1);
    expect(coord.some((d) => d._id === `coordkey-${newest}-${bramId}`)).toBe(false);
    expect(coord.some((d) => d._id === `coordkey-${newest}-${annaId}`)).toBe(true);
    // Anna's three open cases (the shared one included, whoever wrote it before) are republished under it.
    expect(coord.filter((d) => d._id.startsWith('coord-') && d.k === `coord-${newest}`)).toHaveLength(3);
  }).toPass({ timeout: 90_000 });
  // Bram's screen: after several share rounds the note written after his removal is not there.
  await openCase(bram.page, refS);
  await bram.page.waitForTimeout(15_000);
  await expect(b.section('Tijdlijn').getByText(M.noteB)).toBeVisible();
  await expect(b.section('Tijdlijn').getByText(M.afterRemoval)).toHaveCount(0);

  // ---- Each role's credentials read only its databases (the server's second wall). ----
  // The admin ends Bram's server access (README: the admin's job) by taking away his team role.
  const admin = `Basic ${Buffer.from(`${syncServer.admin.name}:${syncServer.admin.password}`).toString('base64')}`;
  const userUrl = `${syncServer.url}/_users/${encodeURIComponent(`org.couchdb.user:${bram.account}`)}`;
  const user = (await (await fetch(userUrl, { headers: { Authorization: admin } })).json()) as Record<string, unknown>;
  const put = await fetch(userUrl, {
    method: 'PUT',
    headers: { Authorization: admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...user, roles: [], password: bram.password }),
  });
  expect(put.ok).toBe(true);
  const may: Record<string, string[]> = {
    medewerker: ['members', 'cases', 'coord'],
    coordinator: ['members', 'cases', 'coord', 'figures'],
    auditor: ['members', 'figures'],
    removed: [],
  };
  const who: Array<[TeamPerson, keyof typeof may]> = [
    [anna, 'medewerker'],
    [cora, 'coordinator'],
    [ida, 'auditor'],
    [bram, 'removed'],
  ];
  for (const [person, role] of who) {
    const auth = `Basic ${Buffer.from(`${person.account}:${person.password}`).toString('base64')}`;
    for (const which of ['members', 'cases', 'coord', 'figures']) {
      const r = await fetch(`${syncServer.url}/${db(which)}/_all_docs?include_docs=true`, {
        headers: { Authorization: auth },
      });
      expect(`${person.name} ${which} ${r.status}`).toBe(
        `${person.name} ${which} ${may[role]?.includes(which) ? 200 : 403}`,
      );
    }
  }

  // ---- No document on the server holds plaintext. ----
  const secrets = [...Object.values(M), 'Marker', refS, refO, 'sextortion', 'ongewenste', 'klasgenoot', 'verborgen'];
  for (const which of ['members', 'cases', 'coord', 'figures']) {
    const raw = JSON.stringify(await syncServer.rawDocs(db(which)));
    for (const secret of secrets) expect(`${which}: ${raw.includes(secret) ? secret : ''}`).toBe(`${which}: `);
  }

  // ---- The lead hands the lead role to Anna; every device then trusts Anna's key. ----
  await nav(cora.page, 'Instellingen');
  await cora.team.refresh();
  await cora.team.section.getByRole('button', { name: 'Anna teamverantwoordelijke maken' }).click();
  const handOver = cora.page.getByRole('dialog', { name: 'Anna teamverantwoordelijke maken?' });
  await expect(handOver).toContainText('weigert daarna een ledenlijst die alleen jij ondertekende');
  await expectNoAxeViolations(cora.page, 'lead hand-over dialog');
  await handOver.getByRole('button', { name: 'Overdragen' }).click();
  await expect(
    cora.team.section.getByRole('status').filter({ hasText: 'Anna is nu de teamverantwoordelijke.' }),
  ).toBeVisible();
  await expect(cora.team.invitePanel()).toHaveCount(0);
  for (const person of [anna, ida]) {
    await nav(person.page, 'Instellingen');
    await person.team.refresh();
    await expect(person.team.problem()).toHaveCount(0);
    await expect(person.team.members().filter({ hasText: 'Anna,' })).toContainText('(teamverantwoordelijke)');
  }
  await expect(anna.team.section.getByText('Jij bent de teamverantwoordelijke')).toBeVisible();
  await expect(anna.team.invitePanel()).toBeVisible();

  for (const person of people) expect(await cspViolations(person.page)).toEqual([]);
  await closeTeam(people);
});
