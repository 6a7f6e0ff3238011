// Whether this device is in a team, without loading any team code: the
// screens (the case page's "Toegang", Opvolging's and Export's team parts)
// load the team chunks only when this says yes (like sync). Only whether the
// team configuration row exists is read, never its content.
import { useVaultQuery } from '../use-vault-query';
import { hasTeamConfig } from './has-team';

/** True when a team configuration is stored; undefined while loading or locked. */
export function useTeamPresent(): boolean | undefined {
  return useVaultQuery(hasTeamConfig, []);
}

/** The same, false while loading or locked. */
export function useHasTeam(): boolean {
  return useTeamPresent() ?? false;
}
