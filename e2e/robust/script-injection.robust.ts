// Robustness suite (issue 10), part 4: script injection. `<script>`,
// `<img onerror>` and `javascript:` go into every text field of the logbook
// (new incident, betrokkenen with a competence override, Vlaggensysteem,
// stappenplan note, sharing without consent, notes and corrections, referral
// initials, follow-up and its move) and into the search fields. Each renders
// as plain text (visible literally), no dialog opens, no element with an
// inline handler or a javascript: link exists, the CSP listener stays empty,
// and Trusted Types stay enforced without breaking the service worker.
import type { Locator, Page } from '@playwright/test';
import { cspViolations, expect, test, waitForServiceWorker } from '../fixtures';
import { LogbookPage, phone } from '../pages/logbook-page';
import { figure } from './robust-support';

test.use({ viewport: phone });

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
const ALL = `${SCRIPT} ${IMG} ${JS}`;
const payloads = [SCRIPT, IMG, JS] as const;

/** Nothing executable made it into the DOM. */
async function expectNoActiveContent(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length;
    const jsLinks = [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) =>
      ['href', 'src', 'action', 'formaction'].some((a) =>
        (el.getAttribute(a) ?? '').trim().toLowerCase().startsWith('javascript:'),
      ),
    ).length;
    const inlineScripts = [...document.querySelectorAll('script')].filter((s) => !s.src).length;
    const images = document.querySelectorAll('img[src="x"], main img').length;
    return {
      handlers,
      jsLinks,
      inlineScripts,
      images,
      alerted: (window as unknown as { __alerted?: number }).__alerted ?? 0,
    };
  });
  expect(found).toEqual({ handlers: 0, jsLinks: 0, inlineScripts: 0, images: 0, alerted: 0 });
}

async function expectLiteral(where: Locator, text: string): Promise<void> {
  await expect(where.getByText(text, { exact: false }).first()).toBeVisible();
}

test('script, img onerror and javascript: links render as plain text in every field, with Trusted Types and no CSP violations', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Would count any alert() that ran despite everything (dialogs are counted too).
  await context.addInitScript(() => {
    const original = window.alert.bind(window);
    window.alert = (message?: unknown) => {
      (window as unknown as { __alerted?: number }).__alerted =
        ((window as unknown as { __alerted?: number }).__alerted ?? 0) + 1;
      original(String(message));
    };
  });
  const logbook = new LogbookPage(page);
  await logbook.startOffline(context);
  let fields = 0;

  // Trusted Types are enforced and the service worker still registered through the one policy.
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const sinkBlocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (e) {
      return e instanceof TypeError;
    }
  });
  expect(sinkBlocked).toBe(true);

  // New incident: schools and description.
  await logbook.openNewIncident();
  await logbook.fillIncident({
    knownVia: 'Een klasgenoot',
    types: ['sexting'],
    schools: [SCRIPT, IMG, JS],
    description: ALL,
  });
  fields += 4;
  const reference = await logbook.saveIncident();
  const incident = logbook.section('Incident');
  await expectLiteral(incident, ALL);
  await expectLiteral(incident, `${SCRIPT}, ${IMG}, ${JS}`);

  // Betrokkenen: every text field, one payload per betrokkene (pseudonyms must differ).
  const parties = logbook.section('Betrokkenen');
  for (const payload of payloads) {
    await parties.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    const form = parties.getByRole('form', { name: 'Betrokkene toevoegen' });
    await form.getByRole('radio', { name: 'afgebeelde jongere', exact: true }).check();
    await form.getByRole('textbox', { name: 'Pseudoniem' }).fill(payload);
    await form.getByRole('textbox', { name: 'Echte naam (gevoelig)' }).fill(payload);
    await form.getByRole('textbox', { name: 'Leeftijd (jaar)' }).fill('14');
    await form.getByRole('textbox', { name: 'School (optioneel)' }).fill(payload);
    await form.getByRole('textbox', { name: 'Klas (optioneel)' }).fill(payload);
    await form.getByRole('checkbox', { name: /Bekwaamheid zelf beoordelen/ }).check();
    await form
      .getByRole('group', { name: 'Beoordeling' })
      .getByRole('radio', { name: 'Bekwaam om zelf te beslissen', exact: true })
      .check();
    await form.getByRole('textbox', { name: 'Beoordeeld door' }).fill(payload);
    await form.getByRole('textbox', { name: 'Waarom?', exact: true }).fill(ALL);
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect(parties.getByRole('heading', { level: 3, name: `${payload} (afgebeelde jongere)` })).toBeVisible();
    fields += 7;
  }
  await parties.getByRole('button', { name: 'Toon echte naam' }).first().click();
  await expectLiteral(parties, ALL);

  // Vlaggensysteem reasoning.
  const flags = logbook.section('Vlaggensysteem');
  await flags.getByRole('button', { name: 'Beoordeling toevoegen' }).click();
  const flagForm = flags.getByRole('form', { name: 'Nieuwe beoordeling' });
  for (const group of await flagForm.getByRole('group').all()) {
    const unknown = group.getByRole('radio', { name: 'onbekend', exact: true });
    if ((await unknown.count()) > 0) await unknown.check();
  }
  await flagForm.getByRole('radio', { name: /^Geel/ }).check();
  await flagForm.getByRole('textbox', { name: 'Waarom deze vlag?' }).fill(ALL);
  await flagForm.getByRole('button', { name: 'Bewaren' }).click();
  await expect(flags.getByRole('status')).toHaveText('De beoordeling is bewaard.');
  await expectLiteral(flags, ALL);
  fields += 1;

  // Stappenplan: the note of a checked step.
  const steps = logbook.section('Stappenplan');
  await steps
    .getByRole('button', { name: /^Notitie of datum bij stap 1 van / })
    .first()
    .click();
  await steps.getByRole('textbox', { name: 'Korte notitie (optioneel)' }).fill(ALL);
  await steps.getByRole('button', { name: 'Bewaren' }).click();
  await expectLiteral(steps, ALL);
  fields += 1;

  // Sharing without consent: justification and who to inform.
  const share = logbook.section('Toestemming');
  await share.getByRole('button', { name: 'Delen zonder toestemming noteren' }).click();
  await share.getByRole('radio', { name: 'noodtoestand' }).check();
  await share.getByRole('combobox').first().selectOption({ index: 1 });
  await share.getByRole('group', { name: 'Aan wie mag het?' }).getByRole('radio', { name: 'politie/parket' }).check();
  await share.getByRole('group', { name: 'Welke informatie?' }).getByRole('checkbox', { name: 'feiten' }).check();
  await share.getByRole('textbox', { name: 'Verantwoording' }).fill(ALL);
  for (const group of await share.getByRole('group', { name: /\?$/ }).all()) {
    const yes = group.getByRole('radio', { name: 'ja', exact: true });
    if ((await yes.count()) > 0) await yes.check();
  }
  await share.getByRole('textbox', { name: 'Wie kan het best geïnformeerd worden?' }).fill(IMG);
  await share.getByRole('button', { name: 'Bewaren' }).click();
  await expectLiteral(share, ALL);
  fields += 2;

  // Notes and a correction.
  await logbook.addNote('gesprek', ALL);
  await logbook.correctNote(ALL, `${JS} ${SCRIPT}`, IMG);
  await expectLiteral(logbook.section('Tijdlijn'), `Reden: ${IMG}`);
  fields += 3;

  // Referral initials take at most 5 characters: what the field kept is shown as text.
  const referrals = logbook.section('Doorverwijzingen');
  await referrals.getByRole('button', { name: 'Doorverwijzing noteren' }).click();
  await referrals.getByRole('combobox').first().selectOption({ index: 1 });
  await referrals.getByRole('textbox', { name: 'Door (initialen)' }).fill(JS);
  await referrals.getByRole('button', { name: 'Bewaren' }).click();
  await expect(referrals.getByRole('status')).toHaveText('De doorverwijzing is bewaard.');
  await expect(referrals.getByRole('listitem').filter({ hasText: `door ${JS.slice(0, 5)}` })).toBeVisible();
  fields += 1;

  // Follow-up purpose and the reason for moving it.
  await logbook.scheduleFollowUp(ALL);
  const followUp = logbook.section('Opvolging en status');
  await expectLiteral(followUp, ALL);
  await followUp
    .getByRole('button', { name: /(verplaatsen|verzetten)$/ })
    .first()
    .click();
  const later = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  await followUp.getByLabel('Nieuwe datum').fill(later);
  await followUp.getByRole('textbox', { name: /^Waarom/ }).fill(ALL);
  await followUp
    .getByRole('button', { name: /bewaren/i })
    .last()
    .click();
  await expect(followUp.getByText(ALL).first()).toBeVisible();
  fields += 2;
  await expectNoActiveContent(page);

  // After a lock and unlock, everything still reads as text.
  await logbook.lock.lock();
  await logbook.lock.unlock();
  await expect(logbook.heading(`Dossier ${reference}`)).toBeVisible();
  await expectLiteral(logbook.section('Incident'), ALL);
  await expectNoActiveContent(page);

  // Search fields: the case list and the knowledge search (Verwijzingen; Begrippen has no search).
  await page.getByRole('link', { name: 'Terug naar het logboek' }).click();
  for (const payload of payloads) {
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(payload);
    await expect(page.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue(payload);
    fields += 1;
  }
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(IMG);
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  for (const path of ['/verwijzingen']) {
    // Knowledge screens need no unlock; a fresh load is fine (offline, from the service worker).
    await page.goto(path);
    const search = page.getByRole('searchbox').first();
    await expect(search).toBeVisible();
    for (const payload of payloads) {
      await search.fill(payload);
      await expect(search).toHaveValue(payload);
      fields += 1;
    }
    await expectNoActiveContent(page);
  }

  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await waitForServiceWorker(page);
  const violations = await cspViolations(page);
  figure(
    `script injection: fields filled=${fields}, payloads=${payloads.length}, dialogs=${dialogs.length}, CSP violations=${violations.length}, page errors=${errors.length}`,
  );
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
