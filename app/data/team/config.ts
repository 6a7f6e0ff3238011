// This device's team configuration (issue 21): the team id, this person's
// member id and role, the lead's pinned signing key, and the account and
// password for the team databases. A `meta` row ("teamConfig") encrypted under
// the vault data key (AAD kind "team-config"), like the sync settings:
// unreadable while locked, device-local, never replicated or in a backup.
import { teamConfigSchema, teamDbNames, type TeamConfig } from '../../../schema/team';
import type { SyncCredentials } from '../sync/remote';
import { clearTeamRefusal } from './account-refusal';
import { deleteMeta, readSealedMeta, writeSealedMeta } from './sealed-meta';

export type { TeamConfig } from '../../../schema/team';

const CONFIG_ROW = { key: 'teamConfig', kind: 'team-config', schema: teamConfigSchema };

/** The stored configuration, or undefined when this device is in no team (or it cannot be read). */
export function loadTeamConfig(): Promise<TeamConfig | undefined> {
  return readSealedMeta(CONFIG_ROW);
}

/** Validates and stores the configuration (replacing any earlier one). Throws ZodError or a storage error. */
export function saveTeamConfig(config: TeamConfig): Promise<void> {
  return writeSealedMeta(CONFIG_ROW, config);
}

/** Forgets the configuration (credentials included) on this device, and any refusal of its account. */
export function clearTeamConfig(): Promise<void> {
  clearTeamRefusal();
  return deleteMeta(CONFIG_ROW.key);
}

/** Credentials for one of the team's four databases. */
export function teamCreds(config: TeamConfig, which: 'members' | 'cases' | 'coord' | 'figures'): SyncCredentials {
  return { db: teamDbNames(config.team)[which], account: config.account, password: config.password };
}
