// Issue 20 (helper F): two devices, offline work, replication, a conflict,
// erasure, and what the server holds afterwards.
import type { Locator, Page } from '@playwright/test';

import { ExportPage } from './pages/export-page';
import { LockPage, testPassphrase } from './pages/lock-page';
import { LogbookPage } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { SyncPage } from './pages/sync-page';
import { expect, test } from './sync-fixtures';

const SYNC_WAIT = { timeout: 45_000 };

function isoInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** In-app navigation (works offline, unlike a reload). */
async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
}

async function openCase(page: Page, reference: string): Promise<void> {
  await goHome(page);
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible();
}

async function reschedule(page: Page, to: string, reason: string): Promise<void> {
  await new LogbookPage(page).rescheduleFollowUp(to, reason);
}

/** dd/mm/jjjj, as the case page shows a date. */
function shown(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Changes the facts: when and how it became known, the types, and the description (with a reason). */
async function editFacts(
  page: Page,
  input: { knownOn: string; knownVia: string; check: string; uncheck?: string; description: string },
): Promise<void> {
  const incident = new LogbookPage(page).section('Incident');
  await incident.getByRole('button', { name: 'Feiten aanpassen', exact: true }).click();
  const form = incident.getByRole('form', { name: 'Feiten aanpassen' });
  await form.getByLabel('Bekend sinds').fill(input.knownOn);
  await form.getByRole('group', { name: 'Hoe werd het bekend?' }).getByRole('radio', { name: input.knownVia }).check();
  const types = form.getByRole('group', { name: 'Soort incident' });
  await types.getByRole('checkbox', { name: input.check, exact: true }).check();
  if (input.uncheck) await types.getByRole('checkbox', { name: input.uncheck, exact: true }).uncheck();
  await form.getByRole('textbox', { name: 'Wat gebeurde er?' }).fill(input.description);
  await form.getByRole('textbox', { name: 'Waarom pas je de feiten aan?' }).fill('Aangevuld na het gesprek');
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(incident.getByRole('status')).toHaveText('Bewaard.');
}

/** Changes Jongere A's real name (the Betrokkenen form). */
async function editRealName(page: Page, realName: string): Promise<void> {
  const parties = new LogbookPage(page).section('Betrokkenen');
  await parties.getByRole('button', { name: 'Jongere A aanpassen', exact: true }).click();
  const form = parties.getByRole('form', { name: 'Jongere A aanpassen' });
  await form.getByRole('textbox', { name: 'Echte naam (gevoelig)' }).fill(realName);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await expect(parties.getByRole('form', { name: 'Jongere A aanpassen' })).toBeHidden();
}

test('offline work on two devices replicates, conflicting changes become choices in plain Dutch, erasure travels, the server sees no content', async ({
  page,
  browser,
  baseURL,
  syncAccount,
  syncServer,
}) => {
  test.setTimeout(240_000);
  const markers = {
    description: 'MARKER-beschrijving-sync',
    school: 'MARKER-School-Sint-Jozef',
    realName: 'MARKER-Vandenberghe',
    realNameA: 'MARKER-Naam-laptop',
    realNameB: 'MARKER-Naam-telefoon',
    noteA: 'MARKER-notitie-laptop',
    noteB: 'MARKER-notitie-telefoon',
    purpose: 'MARKER-opvolgen',
    reasonA: 'MARKER-reden-a',
    reasonB: 'MARKER-reden-b',
  };

  // Device A connects; device B joins with a pairing code.
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  const syncA = new SyncPage(page);
  await syncA.connect({ account: syncAccount.account, password: syncAccount.password, deviceName: 'Laptop' });
  await expect(syncA.connectedText(syncAccount.account)).toBeVisible();
  const code = await syncA.makePairingCode(testPassphrase);
  // Device B is a phone: 360 px wide.
  const contextB = await browser.newContext({
    baseURL,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 360, height: 740 },
  });
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await new SyncPage(pageB).join({
    account: syncAccount.account,
    password: syncAccount.password,
    code,
    passphrase: 'eigen zin voor de telefoon',
    deviceName: 'Telefoon',
  });
  await expect(pageB.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();

  // A case made offline on A appears on B once A is online again.
  await page.context().setOffline(true);
  const logbookA = new LogbookPage(page);
  await goHome(page);
  await logbookA.openNewIncident();
  await logbookA.fillIncident({
    types: ['ongewenste sexting'],
    knownVia: 'Een klasgenoot',
    schools: [markers.school],
    description: markers.description,
  });
  const reference = await logbookA.saveIncident();
  await logbookA.addParty({ role: 'afgebeelde jongere', realName: markers.realName, expectPseudonym: 'Jongere A' });
  await logbookA.scheduleFollowUp(markers.purpose);
  await logbookA.addNote('gesprek', 'MARKER-notitie-samen: eerste gesprek.');
  // The sync status says the device is offline (not that the server cannot be reached), and that nothing is lost.
  await new SettingsPage(page).open();
  await expect(page.getByRole('status', { name: 'Synchronisatie' })).toContainText(
    'Dit toestel is offline. Je wijzigingen blijven bewaard',
    SYNC_WAIT,
  );
  await page.context().setOffline(false);
  await goHome(pageB);
  await expect(pageB.getByRole('link', { name: reference, exact: true })).toBeVisible(SYNC_WAIT);
  await openCase(pageB, reference);
  await expect(pageB.getByText(/Tot .*: MARKER-opvolgen/)).toBeVisible(SYNC_WAIT);
  await expect(pageB.getByText('MARKER-notitie-samen: eerste gesprek.')).toBeVisible(SYNC_WAIT);

  // Both offline: a note each, the same follow-up moved to different dates, and the facts changed differently.
  await page.context().setOffline(true);
  await contextB.setOffline(true);
  await openCase(page, reference);
  await logbookA.addNote('gesprek', markers.noteA);
  // The same note corrected on both devices, each without knowing of the other.
  await logbookA.correctNote(
    'MARKER-notitie-samen',
    'MARKER-notitie-samen: correctie laptop.',
    'Aangevuld op de laptop.',
  );
  await reschedule(page, isoInDays(20), markers.reasonA);
  const longStart = 'Een onbekende volwassene stuurde Jongere A via een app berichten en vroeg daarna';
  const descriptionA = `${longStart} om foto's te sturen. MARKER-feiten-laptop`;
  const descriptionB = `${longStart} om af te spreken. MARKER-feiten-telefoon`;
  await editFacts(page, {
    knownOn: isoInDays(-1),
    knownVia: 'Child Focus',
    check: 'sextortion',
    uncheck: 'ongewenste sexting',
    description: descriptionA,
  });
  await editRealName(page, markers.realNameA);
  const logbookB = new LogbookPage(pageB);
  await logbookB.addNote('gesprek', markers.noteB);
  await logbookB.correctNote(
    'MARKER-notitie-samen',
    'MARKER-notitie-samen: correctie telefoon.',
    'Aangevuld op de telefoon.',
  );
  await reschedule(pageB, isoInDays(30), markers.reasonB);
  await editFacts(pageB, {
    knownOn: isoInDays(-2),
    knownVia: 'Een ouder',
    check: 'grooming',
    description: descriptionB,
  });
  await editRealName(pageB, markers.realNameB);
  await page.context().setOffline(false);
  await contextB.setOffline(false);

  // Each item names the section and field as the case page does, and each value as the case page shows it.
  const items = [
    {
      what: 'Opvolging en status (MARKER-opvolgen) — Laten rusten tot',
      choices: [shown(isoInDays(20)), shown(isoInDays(30))],
    },
    { what: 'Incident — Bekend sinds', choices: [shown(isoInDays(-1)), shown(isoInDays(-2))] },
    { what: 'Incident — Bekend via', choices: ['Child Focus', 'Een ouder'] },
    { what: 'Incident — Soort', choices: ['sextortion', 'ongewenste sexting, grooming'] },
  ];
  for (const p of [page, pageB]) {
    const timeline = p.getByRole('region', { name: 'Tijdlijn', exact: true });
    await expect(timeline.getByRole('article').filter({ hasText: markers.noteA })).toBeVisible(SYNC_WAIT);
    await expect(timeline.getByRole('article').filter({ hasText: markers.noteB })).toBeVisible(SYNC_WAIT);
    // A note corrected twice apart: the old note says so, and each correction points to the other.
    const corrected = timeline.getByRole('article').filter({ hasText: 'MARKER-notitie-samen' });
    await expect(corrected).toHaveCount(3, SYNC_WAIT);
    await expect(
      corrected.filter({ hasText: 'Vervangen door meer dan één correctie' }).filter({ hasText: 'eerste gesprek' }),
    ).toHaveCount(1);
    for (const version of ['correctie laptop', 'correctie telefoon']) {
      await expect(
        corrected.filter({ hasText: version }).getByText(/^Dezelfde notitie werd ook elders gecorrigeerd/),
      ).toBeVisible();
    }
    const conflicts = p.getByRole('region', { name: 'Tegenstrijdige wijzigingen' });
    await expect(conflicts.getByRole('listitem')).toHaveCount(6, SYNC_WAIT);
    // The real names: like the Betrokkenen section, the item shows them (and its buttons) only on request.
    const names = conflicts
      .getByRole('listitem')
      .filter({ hasText: 'Tegenstrijdige wijziging: Betrokkenen (Jongere A) — Echte naam' });
    await expect(names.getByRole('button', { name: 'Toon echte namen', exact: true })).toBeVisible();
    await expect(names.getByRole('button', { name: /^Kies/ })).toHaveCount(0);
    expect((await conflicts.textContent()) ?? '').not.toContain('MARKER-Naam');
    for (const item of items) {
      const group = conflicts.getByRole('group', { name: `Tegenstrijdige wijziging: ${item.what}`, exact: true });
      for (const value of item.choices) {
        await expect(group.getByRole('button', { name: `Kies ${value}`, exact: true })).toBeVisible();
      }
    }
    // The long descriptions: shown whole, their buttons numbered and short, never the same name.
    const facts = conflicts.getByRole('group', { name: 'Tegenstrijdige wijziging: Incident — Feiten', exact: true });
    await expect(facts.getByText(descriptionA)).toBeVisible();
    await expect(facts.getByText(descriptionB)).toBeVisible();
    await expect(facts.getByRole('button')).toHaveCount(2);
    // Named from where the two part, not by their shared start.
    await expect(
      facts.getByRole('button', { name: /^Kies waarde [12]: …foto's te sturen\. MARKER-feiten-laptop$/ }),
    ).toBeVisible();
    await expect(
      facts.getByRole('button', { name: /^Kies waarde [12]: …af te spreken\. MARKER-feiten-telefoon$/ }),
    ).toBeVisible();
    // No field key, code or JSON anywhere in the items.
    const text = (await conflicts.textContent()) ?? '';
    for (const raw of [
      'veld',
      'knownVia',
      'knownOn',
      'types',
      'description',
      'due',
      'child-focus',
      '["',
      isoInDays(20),
    ])
      expect(text).not.toContain(raw);
  }

  // Elsewhere in Baken the waiting choice is said too, with the way to the case.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Opvolging', exact: true })
    .click();
  const waiting = page.getByRole('complementary', { name: 'Tegenstrijdige wijzigingen' });
  await expect(waiting).toContainText('In 1 dossier moet je kiezen tussen tegenstrijdige wijzigingen.');
  await expect(waiting).not.toContainText('Een back-up bewaart alleen de waarde die nu geldt');
  // In Instellingen, where backups are made: a backup would keep only the value that applies now.
  await new SettingsPage(page).open();
  await expect(waiting).toContainText('Een back-up bewaart alleen de waarde die nu geldt, niet de andere.');
  // No need-to-know summary of the case until the choice is made: a value waiting there (another real
  // name) is not what the summary would be judged on.
  const exports = new ExportPage(page);
  await exports.open();
  const summary = exports.summarySection;
  const option = summary.getByRole('option', { name: new RegExp(`^${reference} `) });
  await summary.getByRole('combobox', { name: 'Dossier' }).selectOption((await option.getAttribute('value')) ?? '');
  await summary.getByRole('button', { name: 'Samenvatting maken' }).click();
  await expect(summary.getByRole('status').filter({ hasText: 'wacht nog een keuze' })).toHaveText(
    /^In dit dossier wacht nog een keuze tussen tegenstrijdige wijzigingen\..*Er is niets gedeeld\.$/,
  );
  await expect(exports.summaryDocument).toHaveCount(0);
  await waiting.getByRole('link', { name: `Dossier ${reference}: kiezen` }).click();
  await expect(page.getByRole('region', { name: 'Tegenstrijdige wijzigingen' }).getByRole('listitem')).toHaveCount(6);
  await expect(waiting).toBeHidden();

  // On the phone, a choice button that sits under the "Naar sectie" button is brought above it when it gets focus.
  const jump = pageB.getByRole('button', { name: /^Naar sectie/ });
  const buttons = pageB.getByRole('region', { name: 'Tegenstrijdige wijzigingen' }).getByRole('button');
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    // Retried while the page may still re-render after the last pull.
    await expect(async () => {
      await button.evaluate((element) => {
        // Its bottom edge 10 px above the bottom of the screen: inside the screen, behind the jump button.
        (document.activeElement as HTMLElement | null)?.blur();
        const box = element.getBoundingClientRect();
        window.scrollBy({ top: box.bottom - (window.innerHeight - 10), behavior: 'instant' });
      });
      await button.focus();
      const [box, cover] = [await button.boundingBox(), await jump.boundingBox()];
      if (!box || !cover) throw new Error('no layout');
      expect(box.y + box.height, `button ${i} above the jump button`).toBeLessThanOrEqual(cover.y);
    }).toPass({ timeout: 10_000 });
  }

  // The worker chooses on B, one item at a time; each choice reaches A before the next.
  const choice = pageB.getByRole('region', { name: 'Tegenstrijdige wijzigingen' });
  const facts = choice.getByRole('group', { name: 'Tegenstrijdige wijziging: Incident — Feiten', exact: true });
  const steps: Array<{ press: Locator; shows: string }> = [
    {
      press: choice.getByRole('button', { name: `Kies ${shown(isoInDays(-2))}`, exact: true }),
      shows: shown(isoInDays(-2)),
    },
    { press: choice.getByRole('button', { name: 'Kies Een ouder', exact: true }), shows: 'Een ouder' },
    {
      press: choice.getByRole('button', { name: 'Kies ongewenste sexting, grooming', exact: true }),
      shows: 'ongewenste sexting, grooming',
    },
    {
      // The phone's description: whichever number it has, its button is next to its text.
      press: facts
        .locator('div')
        .filter({ hasText: descriptionB })
        .filter({ hasNotText: descriptionA })
        .getByRole('button', { name: /^Kies waarde [12]: …af te spreken/ }),
      shows: descriptionB,
    },
  ];
  for (const [i, step] of steps.entries()) {
    await step.press.click();
    // The chosen item (and its button) leaves; focus goes to the items still open, and the choice is said.
    await expect(choice.getByRole('heading', { name: 'Tegenstrijdige wijzigingen', exact: true })).toBeFocused();
    await expect(pageB.getByRole('status').filter({ hasText: 'De gekozen waarde is bewaard.' })).toBeAttached();
    for (const p of [pageB, page]) {
      await expect(p.getByRole('region', { name: 'Tegenstrijdige wijzigingen' }).getByRole('listitem')).toHaveCount(
        5 - i,
        SYNC_WAIT,
      );
      await expect(
        new LogbookPage(p).section('Incident').getByText(step.shows, { exact: true }),
        `${step.shows} on ${p === page ? 'A' : 'B'}`,
      ).toBeVisible(SYNC_WAIT);
    }
  }
  // The real name: shown on request, then chosen like any value; A's Betrokkenen shows the choice.
  await choice.getByRole('button', { name: 'Toon echte namen', exact: true }).click();
  const names = choice.getByRole('group', {
    name: 'Tegenstrijdige wijziging: Betrokkenen (Jongere A) — Echte naam',
    exact: true,
  });
  await expect(names.getByRole('button', { name: `Kies ${markers.realNameA}`, exact: true })).toBeVisible();
  await names.getByRole('button', { name: `Kies ${markers.realNameB}`, exact: true }).click();
  for (const p of [pageB, page]) {
    await expect(p.getByRole('region', { name: 'Tegenstrijdige wijzigingen' }).getByRole('listitem')).toHaveCount(
      1,
      SYNC_WAIT,
    );
  }
  const partiesA = new LogbookPage(page).section('Betrokkenen');
  await partiesA.getByRole('button', { name: /^Toon echte naam van / }).click();
  await expect(partiesA.getByText(`Echte naam: ${markers.realNameB}`)).toBeVisible(SYNC_WAIT);
  await choice.getByRole('button', { name: `Kies ${shown(isoInDays(20))}`, exact: true }).click();
  await expect(choice).toBeHidden(SYNC_WAIT);
  // The last item gone, focus is on the case's heading.
  await expect(pageB.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Tegenstrijdige wijzigingen' })).toBeHidden(SYNC_WAIT);
  // Both devices keep every choice, and the facts not chosen stay readable under the earlier versions.
  for (const p of [page, pageB]) {
    const incident = new LogbookPage(p).section('Incident');
    for (const step of steps) await expect(incident.getByText(step.shows, { exact: true })).toBeVisible();
    await expect(incident.getByText(descriptionA, { exact: true })).toBeAttached(SYNC_WAIT);
    await expect(incident.getByText(/Niet gekozen bij een tegenstrijdige wijziging/)).toBeAttached();
  }

  // Erasing on A removes the case on B.
  const followSection = page.getByRole('region', { name: 'Opvolging en status', exact: true });
  await followSection.getByRole('button', { name: 'Dossier wissen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Definitief wissen' }).click();
  await goHome(pageB);
  await expect(pageB.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(pageB.getByRole('link', { name: reference, exact: true })).toHaveCount(0, SYNC_WAIT);

  // Every document on the server: no marker, name, date or case reference.
  const raw = JSON.stringify(await syncServer.rawDocs(syncAccount.db));
  for (const marker of Object.values(markers)) expect(raw).not.toContain(marker);
  expect(raw).not.toContain('MARKER');
  expect(raw).not.toContain(reference);
  expect(raw).not.toMatch(/20\d\d-\d\d-\d\d/);
  expect(raw).not.toContain('Laptop');

  await contextB.close();
});
