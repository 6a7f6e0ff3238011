// Whether this device belongs to a team: the presence of E's encrypted team
// configuration row (config.ts). Tiny on purpose: it decides whether any team
// code loads at all.
import { db } from '../db';

export const TEAM_CONFIG_KEY = 'teamConfig';
/** The `meta` row of the last verified member list (members.ts); the coordination loop watches it. */
export const TEAM_MEMBERS_KEY = 'teamMembers';

export async function hasTeamConfig(): Promise<boolean> {
  return (await db.meta.get(TEAM_CONFIG_KEY)) !== undefined;
}
