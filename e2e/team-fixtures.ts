// Fixtures for team tests (issue 21): on top of sync-fixtures (one embedded
// CouchDB-protocol server per worker, the app server proxying /sync/ to it),
// UI-driven helpers that make a team on the server, open one browser context
// per person (its own storage, 360 px), create the team from the lead's
// Instellingen → Team, and let people join with invite codes the lead makes
// and admits. Each test uses a fresh random team id and accounts.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LockPage } from './pages/lock-page';
import { phone } from './pages/logbook-page';
import { SettingsPage } from './pages/settings-page';
import { TeamPage, type TeamRoleLabel } from './pages/team-page';
import { captureCspViolations } from './fixtures';
import { expect, test as syncTest } from './sync-fixtures';
import type { TeamServerRole, TestSyncServer } from './sync-server';

export { expect } from './sync-fixtures';

export const roleLabel: Record<TeamServerRole, TeamRoleLabel> = {
  medewerker: 'medewerker',
  coordinator: 'coördinator',
  auditor: 'auditor',
};

export interface TeamPerson {
  name: string;
  role: TeamServerRole;
  account: string;
  password: string;
  context: BrowserContext;
  page: Page;
  team: TeamPage;
}

/** A new team id on the server (its four databases and `_security`). */
export async function newServerTeam(syncServer: TestSyncServer): Promise<string> {
  const teamId = `team-${randomBytes(4).toString('hex')}`;
  await syncServer.createTeam(teamId);
  return teamId;
}

/**
 * One person: an account with the team role on the server, a fresh browser
 * context at 360 px with a new logbook, Instellingen open.
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  syncServer: TestSyncServer,
  teamId: string,
  person: { name: string; role: TeamServerRole; clock?: Date },
): Promise<TeamPerson> {
  const account = `${person.name.toLowerCase().replace(/[^a-z]/g, '')}${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  await syncServer.createAccount(account, password, { team: teamId, role: person.role });
  const context = await browser.newContext({ baseURL, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  await captureCspViolations(context);
  // A Playwright clock (time flows from there) for tests that need a follow-up to become overdue.
  if (person.clock) await context.clock.install({ time: person.clock });
  const page = await context.newPage();
  await page.setViewportSize(phone);
  await page.goto('/');
  await new LockPage(page).createVault();
  await new SettingsPage(page).open();
  return { ...person, account, password, context, page, team: new TeamPage(page) };
}

/** The lead creates the team in the UI and sees list version 1 with themselves. */
export async function createTeam(lead: TeamPerson, teamId: string): Promise<void> {
  await lead.team.create({
    teamId,
    account: lead.account,
    password: lead.password,
    name: lead.name,
    role: roleLabel[lead.role],
  });
  await expect(lead.team.section.getByRole('heading', { name: 'Team', exact: true })).toBeFocused();
  await expect(lead.team.members()).toHaveCount(1);
  await expect(lead.team.section.getByText('Jij bent de teamverantwoordelijke')).toBeVisible();
}

/**
 * The lead invites `person` with their role, the person joins with the code,
 * the lead admits them (the fingerprint the lead sees must equal the one on
 * the person's screen), and the person's verified list then names them.
 */
export async function joinTeam(lead: TeamPerson, person: TeamPerson, teamId: string): Promise<void> {
  const code = await lead.team.makeInvite(roleLabel[person.role]);
  await person.team.join({ teamId, account: person.account, password: person.password, name: person.name, code });
  // The join form made way for the team's view: focus is on the section's heading.
  await expect(person.team.section.getByRole('heading', { name: 'Team', exact: true })).toBeFocused();
  const own = await person.team.ownFingerprint();
  const seenByLead = await lead.team.admit(person.name);
  expect(seenByLead).toBe(own);
  // The used code is no longer offered; its request's buttons left, focus is on "Aanvragen".
  const invites = lead.team.invitePanel();
  await expect(
    invites.getByRole('status').filter({ hasText: `De uitnodigingscode is gebruikt door ${person.name}.` }),
  ).toBeVisible();
  await expect(invites.getByRole('status', { name: 'Uitnodigingscode' })).toHaveCount(0);
  await expect(lead.team.section.getByRole('heading', { name: 'Aanvragen' })).toBeFocused();
  await person.team.expectAdmitted(person.name);
}

/**
 * A whole team: the first person is the lead (role medewerker or coordinator),
 * the others join in order. Close the contexts with `closeTeam`.
 */
export async function setUpTeam(
  browser: Browser,
  baseURL: string,
  syncServer: TestSyncServer,
  people: Array<{ name: string; role: TeamServerRole; clock?: Date }>,
): Promise<{ teamId: string; people: TeamPerson[] }> {
  const teamId = await newServerTeam(syncServer);
  const persons: TeamPerson[] = [];
  for (const p of people) persons.push(await newPerson(browser, baseURL, syncServer, teamId, p));
  const [lead, ...others] = persons;
  if (!lead) throw new Error('setUpTeam needs at least the lead');
  await createTeam(lead, teamId);
  for (const other of others) await joinTeam(lead, other, teamId);
  return { teamId, people: persons };
}

export async function closeTeam(people: TeamPerson[]): Promise<void> {
  for (const person of people) await person.context.close();
}

export const test = syncTest;
