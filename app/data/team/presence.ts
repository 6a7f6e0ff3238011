// Whether this device is in a team, without loading any team code: the
// screens load the team chunks only when this says yes (like sync).
import { db } from '../db';
import { useVaultQuery } from '../use-vault-query';

/** True when a team configuration is stored (its content is not read); undefined while loading or locked. */
export function useTeamPresent(): boolean | undefined {
  return useVaultQuery(async () => (await db.meta.get('teamConfig')) !== undefined, []);
}
