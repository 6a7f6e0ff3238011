// How many join requests wait for the lead (issue 21), for the calm notice and
// Instellingen → Team. Re-read whenever the sealed rows change.
import { useVaultQuery } from '../use-vault-query';
import { countWaitingJoinRequests } from './join-watch';

/** The number of join requests waiting for the lead on this device; 0 while loading, locked or not the lead. */
export function useWaitingJoinRequests(): number {
  return useVaultQuery(countWaitingJoinRequests, []) ?? 0;
}
