// Whether this device belongs to a team: the presence of E's encrypted team
// configuration row (config.ts). Tiny on purpose: it decides whether any team
// code loads at all.
import { db } from '../db';

export const TEAM_CONFIG_KEY = 'teamConfig';

export async function hasTeamConfig(): Promise<boolean> {
  return (await db.meta.get(TEAM_CONFIG_KEY)) !== undefined;
}
