// Read hooks and actions for the team coordination screens (issue 21). The
// screens show what the last round cached (coord-sync.ts), so they work
// offline; a refresh runs a round.
import type { TeamRole } from '../../../schema/team';
import { useVaultQuery } from '../use-vault-query';
import { loadTeamConfig } from './config';
import { dismissPickUp, readState, requestPickUp, runCoordRound } from './coord-sync';
import type { CoordRoundResult, StateOf } from './coord-sync';
import type { TeamCoordItem } from './coord-rounds';

export interface CoordState {
  role: TeamRole | undefined;
  /** My member id (my own row in the team view asks no one). */
  me: string | undefined;
  view: StateOf<'view'> | undefined;
  pickups: StateOf<'pickups'>;
  figures: StateOf<'figures'> | undefined;
}

/** The cached team view, pick-up requests and figures; re-read when a round stores new ones. */
export function useCoordState(): CoordState | undefined {
  return useVaultQuery(async () => {
    const [config, view, pickups, figures] = await Promise.all([
      loadTeamConfig(),
      readState('view'),
      readState('pickups'),
      readState('figures'),
    ]);
    return { role: config?.role, me: config?.memberId, view, pickups: pickups ?? [], figures };
  }, []);
}

/**
 * Runs a coordination round now, recounting this device's figures (the person
 * asked for it; background rounds recount at most every ten minutes). Fails
 * with SyncError (offline, server) like sync does.
 */
export function refreshCoord(): Promise<CoordRoundResult | undefined> {
  return runCoordRound({ forceCounts: true });
}

export async function askPickUp(item: TeamCoordItem): Promise<void> {
  await requestPickUp(item);
}

export function seenPickUp(id: string): Promise<void> {
  return dismissPickUp(id);
}
