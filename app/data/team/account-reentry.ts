// Entering the team account's password again after the team server refused it
// (account-refusal.ts): checked with one request, stored like the rest of the
// team configuration (config.ts, encrypted under the vault key), and the team
// loops started again.
import { couchRequest } from '../sync/remote';
import { clearTeamRefusal, noteTeamRefusal } from './account-refusal';
import { loadTeamConfig, saveTeamConfig, teamCreds, type TeamConfig } from './config';
import { autostartCoord } from './coord-autostart';
import { TeamError } from './errors';
import { autostartShareSync } from './share-runtime';

/**
 * Checks `password` for this device's team account with ONE request (GET the
 * team's members database, which every team role may read; never retried, so a
 * lockout is not made worse), then stores it in the team configuration, forgets
 * the refusal and starts the share and coordination loops again. Resolves with
 * the stored configuration. On failure nothing stored changes and it rejects
 * with SyncError ('sync.unauthorized' for a wrong password, 'sync.lockedOut',
 * 'sync.forbidden', 'sync.offline', …; a refusal is noted, so its text follows
 * the latest answer), TeamError 'team.none' without a team, or a storage error.
 */
export async function reenterTeamPassword(password: string): Promise<TeamConfig> {
  const config = await loadTeamConfig();
  if (!config) throw new TeamError('team.none');
  const updated = { ...config, password };
  try {
    await couchRequest(teamCreds(updated, 'members'), 'GET', '');
  } catch (error) {
    noteTeamRefusal(error);
    throw error;
  }
  await saveTeamConfig(updated);
  clearTeamRefusal();
  await autostartShareSync();
  await autostartCoord();
  return updated;
}
