// The team context sharing runs in, from this device's team configuration and
// the verified member list (E's config.ts and members.ts). Loaded lazily, only
// when a team configuration exists.
import { getVaultSnapshot } from '../session';
import { loadTeamConfig } from './config';
import { loadIdentity } from './identity';
import { loadVerifiedMembers } from './members';
import { hasTeamConfig } from './has-team';
import type { ShareContext } from './share';
import { teamCasesDb } from './share-db';
import { startShareSync, wakeShareSync } from './share-sync';

/**
 * The context for sharing: undefined when there is no team, this device is an
 * auditor (figures only), the member list cannot be verified, or I am no
 * longer in it.
 */
export async function loadShareContext(): Promise<ShareContext | undefined> {
  const state = await shareContextState();
  return 'ctx' in state ? state.ctx : undefined;
}

/** The context, or why there is none (the case page says which). */
export async function shareContextState(): Promise<
  { ctx: ShareContext } | { reason: 'auditor' | 'unavailable' | 'notMember' }
> {
  const config = await loadTeamConfig();
  if (config?.role === 'auditor') return { reason: 'auditor' };
  if (!config) return { reason: 'unavailable' };
  const members = await loadVerifiedMembers();
  const identity = await loadIdentity();
  if (!members || !identity || identity.memberId !== config.memberId) return { reason: 'unavailable' };
  // A verified list without me: not admitted yet, or removed from the team.
  if (!members.members.some((m) => m.id === identity.memberId)) return { reason: 'notMember' };
  return { ctx: { team: config.team, identity, members, server: teamCasesDb(config) } };
}

/** Starts the share rounds after unlock when this device is in a team (stops itself at lock). */
export async function autostartShareSync(): Promise<void> {
  if (getVaultSnapshot().status !== 'unlocked') return;
  if (!(await hasTeamConfig())) return;
  startShareSync(loadShareContext);
  wakeShareSync();
}
