// The case page shows its "Toegang" section (a lazy chunk) only on a device
// that belongs to a team; this hook reads only whether the team configuration
// row exists, never its content.
import { useVaultQuery } from '../use-vault-query';
import { hasTeamConfig } from './has-team';

export function useHasTeam(): boolean {
  return useVaultQuery(hasTeamConfig, []) ?? false;
}
