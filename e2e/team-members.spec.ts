// Issue 21: a team of four (lead, medewerker, coördinator, auditor) made in
// the UI, each in their own browser context; every device verifies the same
// signed member list; a list the server admin rewrites is refused. And the
// lead withdraws invite codes: without the team server the code stays and
// still works, an earlier code is listed (never shown again) and withdrawn,
// and a withdrawn code is refused on join.
import { expectNoAxeViolations } from './axe';
import { cspViolations } from './fixtures';
import { phone } from './pages/logbook-page';
import { closeTeam, createTeam, expect, newPerson, newServerTeam, setUpTeam, test } from './team-fixtures';

test('four people form a team, see the same signed list, and a tampered list is refused', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  // Four contexts, three joins, axe scans: well beyond the default on a busy machine.
  test.setTimeout(480_000);
  const { teamId, people } = await setUpTeam(browser, baseURL!, syncServer, [
    { name: 'Lea', role: 'coordinator' },
    { name: 'Wim', role: 'medewerker' },
    { name: 'Cas', role: 'coordinator' },
    { name: 'Ida', role: 'auditor' },
  ]);
  const [lead, wim, cas, ida] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];

  // Every device shows the same verified list: version 4, four members with their roles and fingerprints.
  const expected = ['Lea, coördinator', 'Wim, medewerker', 'Cas, coördinator', 'Ida, auditor'];
  const fingerprintsSeenBy: string[][] = [];
  for (const person of people) {
    await person.team.refresh();
    // "Vernieuwen" says what it did.
    await expect(
      person.team.section
        .getByRole('status')
        .filter({ hasText: /^Ledenlijst en aanvragen gecontroleerd om \d{2}:\d{2}\.$/ }),
    ).toBeVisible();
    await expect(person.team.section.getByText(/^Versie 4, ondertekend op/)).toBeVisible();
    const items = person.team.members();
    await expect(items).toHaveCount(4);
    for (const [i, line] of expected.entries()) await expect(items.nth(i)).toContainText(line);
    await expect(items.nth(0)).toContainText('(teamverantwoordelijke)');
    await expect(items.filter({ hasText: '(jij)' })).toContainText(`${person.name},`);
    fingerprintsSeenBy.push(await items.locator('code').allTextContents());
    expect(await cspViolations(person.page)).toEqual([]);
  }
  for (const seen of fingerprintsSeenBy) expect(seen).toEqual(fingerprintsSeenBy[0]);
  expect(new Set(fingerprintsSeenBy[0]).size).toBe(4);
  // Only the lead can invite, admit or remove.
  await expect(wim.team.invitePanel()).toHaveCount(0);
  await expect(wim.team.section.getByRole('button', { name: /uit het team halen$/ })).toHaveCount(0);
  await expect(lead.team.section.getByRole('button', { name: 'Wim uit het team halen' })).toBeVisible();
  // A listed member is told how to leave (only the lead changes the signed list); the lead, to hand over first.
  await expect(wim.team.section.getByText(/^Wil je uit het team\? Vraag de teamverantwoordelijke/)).toBeVisible();
  await expect(lead.team.section.getByText(/^Wil je zelf uit het team\? Draag dan eerst/)).toBeVisible();

  await expectNoAxeViolations(lead.page, 'team settings of the lead');
  expect(await lead.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await expectNoAxeViolations(ida.page, 'team settings of the auditor');
  expect(await ida.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

  // On the server, the used invites and join requests are deleted; only the signed list stays readable
  // (public keys, names, accounts, roles: SECURITY.md, Team).
  const rawDocs = (await syncServer.rawDocs(`baken-team-${teamId}-members`)) as Array<Record<string, unknown>>;
  const live = rawDocs.filter((d) => !d._deleted).map((d) => d._id);
  expect(live).toEqual(['member-list']);
  expect(rawDocs.filter((d) => String(d._id).startsWith('join-'))).toHaveLength(3);

  // The server admin rewrites the list: Wim becomes coordinator. Every device refuses it.
  const auth = `Basic ${Buffer.from(`${syncServer.admin.name}:${syncServer.admin.password}`).toString('base64')}`;
  const docUrl = `${syncServer.url}/baken-team-${teamId}-members/member-list`;
  const doc = (await (await fetch(docUrl, { headers: { Authorization: auth } })).json()) as {
    list: { members: Array<{ name: string; role: string }> };
  };
  const target = doc.list.members.find((m) => m.name === 'Wim');
  if (target) target.role = 'coordinator';
  const put = await fetch(docUrl, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(put.status).toBe(201);
  for (const person of [cas, wim]) {
    await person.team.refresh();
    await expect(person.team.problem()).toContainText(
      'De ledenlijst op de server is niet ondertekend door jullie teamverantwoordelijke',
    );
    // The last verified list stays: Wim is still medewerker.
    await expect(person.team.members().nth(1)).toContainText('Wim, medewerker');
  }

  // The lead removes Ida (this also replaces the tampered list with a newer signed one).
  await lead.team.refresh();
  await lead.team.section.getByRole('button', { name: 'Ida uit het team halen' }).click();
  const dialog = lead.page.getByRole('dialog', { name: 'Ida uit het team halen?' });
  await expect(dialog).toContainText('De toegang tot de server eindigt pas als de beheerder van de server');
  await dialog.getByRole('button', { name: 'Uit het team halen' }).click();
  await expect(
    lead.team.section.getByRole('status').filter({ hasText: 'Ida staat niet meer in de ledenlijst.' }),
  ).toBeVisible();
  await expect(lead.team.section.getByRole('heading', { name: 'Leden', exact: true })).toBeFocused();
  await cas.team.refresh();
  await expect(cas.team.problem()).toHaveCount(0);
  await expect(cas.team.section.getByText(/^Versie 5, ondertekend op/)).toBeVisible();
  await expect(cas.team.members()).toHaveCount(3);
  await expect(cas.team.members().nth(1)).toContainText('Wim, medewerker');
  await ida.team.refresh();
  await expect(
    ida.team.section.getByRole('alert').filter({ hasText: 'Je staat niet meer in de ledenlijst' }),
  ).toBeVisible();
  await ida.team.section.getByRole('button', { name: 'Team op dit toestel vergeten' }).click();
  await expect(ida.team.section.getByRole('button', { name: 'Aansluiten met een uitnodigingscode' })).toBeVisible();

  // The join and create forms (Ida's device, now in no team): a wrong code is refused in Dutch; axe; 360 px.
  await ida.team.join({
    teamId,
    account: ida.account,
    password: ida.password,
    name: 'Ida',
    code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01',
  });
  await expect(ida.team.section.getByRole('alert').filter({ hasText: 'Deze code is onbekend' })).toBeVisible();
  // The refusal is the code field's: marked, described and focused, so a new code can be typed at once.
  const codeField = ida.team.section.getByLabel('Uitnodigingscode', { exact: true });
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toHaveAccessibleDescription(/24 tekens.*Deze code is onbekend/);
  await expect(codeField).toBeFocused();
  await expectNoAxeViolations(ida.page, 'team join form with an error');
  expect(await ida.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await ida.team.open('Een nieuw team aanmaken');
  await expect(ida.team.section.getByRole('form', { name: 'Een team aanmaken' })).toBeVisible();
  await expectNoAxeViolations(ida.page, 'team create form');
  await closeTeam(people);
});

test('the lead withdraws invite codes: offline the code stays and still works; an earlier code is listed and withdrawn', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  test.setTimeout(240_000);
  const teamId = await newServerTeam(syncServer);
  const lead = await newPerson(browser, baseURL!, syncServer, teamId, { name: 'Lea', role: 'coordinator' });
  const wim = await newPerson(browser, baseURL!, syncServer, teamId, { name: 'Wim', role: 'medewerker' });
  await createTeam(lead, teamId);
  const panel = lead.team.invitePanel();
  const shownCode = panel.getByRole('status', { name: 'Uitnodigingscode' });
  const alert = panel.getByRole('alert');
  const first = await lead.team.makeInvite('medewerker');

  // The team server cannot be reached (the proxy answers 503): withdrawing fails, says so, and keeps the code.
  await lead.page.route('**/sync/**', (route) => route.fulfill({ status: 503, body: '' }));
  await panel.getByRole('button', { name: 'Uitnodiging intrekken' }).click();
  await expect(alert).toContainText('De uitnodiging is niet ingetrokken.');
  await expect(alert).toContainText('Intrekken kan alleen met verbinding met de teamserver.');
  await expect(alert).toContainText('Tot ze ingetrokken is, werkt de code nog');
  await expect(shownCode).toHaveText(first);
  await expect(panel.getByRole('button', { name: 'Uitnodiging intrekken' })).toBeFocused();
  await expect(panel.getByRole('status').filter({ hasText: 'De uitnodiging is ingetrokken.' })).toHaveCount(0);
  await lead.page.unroute('**/sync/**');

  // Another code: the first leaves the screen, but stays listed by role and expiry, never as a code.
  const second = await lead.team.makeInvite('auditor');
  await expect(lead.team.openInvites()).toHaveCount(1);
  await expect(lead.team.openInvites()).toHaveText(/^Voor een medewerker, geldig tot .+\. Intrekken$/);
  await expect(panel).not.toContainText(first);
  expect(await lead.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await expectNoAxeViolations(lead.page, 'team invites with an open invite listed');

  // Listed, offline: the same refusal; the line stays.
  const withdrawFirst = panel.getByRole('button', {
    name: /^Uitnodiging voor een medewerker, geldig tot .+, intrekken$/,
  });
  await lead.page.route('**/sync/**', (route) => route.fulfill({ status: 503, body: '' }));
  await withdrawFirst.click();
  await expect(alert).toContainText('Intrekken kan alleen met verbinding met de teamserver.');
  await expect(lead.team.openInvites()).toHaveCount(1);
  await lead.page.unroute('**/sync/**');

  // With the server: withdrawn; the list goes and focus with it to the panel; the code on screen is untouched.
  await withdrawFirst.click();
  await expect(panel.getByRole('status').filter({ hasText: 'De uitnodiging is ingetrokken.' })).toBeVisible();
  await expect(panel.getByText('De uitnodiging is niet ingetrokken.', { exact: false })).toHaveCount(0);
  await expect(lead.team.openInvites()).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Iemand uitnodigen' })).toBeFocused();
  await expect(shownCode).toHaveText(second);

  // The withdrawn code is refused on join.
  await wim.team.join({ teamId, account: wim.account, password: wim.password, name: 'Wim', code: first });
  await expect(
    wim.team.section.getByRole('alert').filter({ hasText: 'Deze code is onbekend, ingetrokken' }),
  ).toBeVisible();

  // The code on screen, withdrawn with the server: gone there too. Only the signed list stays live.
  await panel.getByRole('button', { name: 'Uitnodiging intrekken' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'De uitnodiging is ingetrokken.' })).toBeVisible();
  await expect(shownCode).toHaveCount(0);
  await expect(lead.team.openInvites()).toHaveCount(0);
  const rawDocs = (await syncServer.rawDocs(`baken-team-${teamId}-members`)) as Array<Record<string, unknown>>;
  expect(rawDocs.filter((d) => !d._deleted).map((d) => d._id)).toEqual(['member-list']);
  for (const person of [lead, wim]) expect(await cspViolations(person.page)).toEqual([]);
  await closeTeam([lead, wim]);
});

test('a declined applicant is shown the way out, forgets the team on the device and joins again with a new code', async ({
  browser,
  baseURL,
  syncServer,
}) => {
  test.setTimeout(240_000);
  const teamId = await newServerTeam(syncServer);
  const lead = await newPerson(browser, baseURL!, syncServer, teamId, { name: 'Lea', role: 'coordinator' });
  const wim = await newPerson(browser, baseURL!, syncServer, teamId, { name: 'Wim', role: 'medewerker' });
  await createTeam(lead, teamId);

  // Wim asks to join; the lead declines.
  const first = await lead.team.makeInvite('medewerker');
  await wim.team.join({ teamId, account: wim.account, password: wim.password, name: 'Wim', code: first });
  await expect(
    wim.team.section.getByText('Je aanvraag wacht op de teamverantwoordelijke.', { exact: false }),
  ).toBeVisible();
  await expect(async () => {
    await lead.team.refresh();
    await expect(lead.team.requests().filter({ hasText: 'Wim' })).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await lead.team.requests().getByRole('button', { name: 'Aanvraag van Wim weigeren' }).click();
  await expect(
    lead.team.section.getByRole('status').filter({ hasText: 'De aanvraag van Wim is geweigerd.' }),
  ).toBeVisible();

  // Wim still waits, and the screen says what to do when a request was declined.
  await wim.team.refresh();
  await expect(wim.team.section.getByText(/^Weigerde de teamverantwoordelijke je aanvraag/)).toBeVisible();
  await wim.team.section.getByRole('button', { name: 'Team op dit toestel vergeten' }).click();
  await expect(wim.team.section.getByRole('heading', { name: 'Team', exact: true })).toBeFocused();
  await expect(wim.team.section.getByRole('button', { name: 'Aansluiten met een uitnodigingscode' })).toBeVisible();
  await expectNoAxeViolations(wim.page, 'team section after forgetting a declined request');

  // A new code: Wim joins again and is admitted.
  const second = await lead.team.makeInvite('medewerker');
  await wim.team.join({ teamId, account: wim.account, password: wim.password, name: 'Wim', code: second });
  const own = await wim.team.ownFingerprint();
  expect(await lead.team.admit('Wim')).toBe(own);
  await wim.team.expectAdmitted('Wim');
  await expect(wim.team.section.getByRole('button', { name: 'Team op dit toestel vergeten' })).toHaveCount(0);
  for (const person of [lead, wim]) expect(await cspViolations(person.page)).toEqual([]);
  await closeTeam([lead, wim]);
});
