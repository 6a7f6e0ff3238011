// The team context sharing runs in, from this device's team configuration and
// the verified member list (E's config.ts and members.ts). Loaded lazily, only
// when a team configuration exists. The globs resolve to lazy chunks once those
// modules exist, so this file also builds before they are merged.
import { teamDbNames } from '../../../schema/team';
import type { MemberList, TeamConfig } from '../../../schema/team';
import { getVaultSnapshot } from '../session';
import { loadIdentity } from './identity';
import { hasTeamConfig } from './has-team';
import type { ShareContext } from './share';
import { teamDb } from './share-db';
import { startShareSync, wakeShareSync } from './share-sync';

interface ConfigModule {
  loadTeamConfig(): Promise<TeamConfig | undefined>;
}
interface MembersModule {
  loadVerifiedMembers(): Promise<MemberList | undefined>;
}

const configModules = import.meta.glob<ConfigModule>('./config.ts');
const membersModules = import.meta.glob<MembersModule>('./members.ts');

/**
 * The context for sharing: undefined when there is no team, this device is an
 * auditor (figures only), the member list cannot be verified, or I am no
 * longer in it.
 */
export async function loadShareContext(): Promise<ShareContext | undefined> {
  const config = await (await configModules['./config.ts']?.())?.loadTeamConfig();
  if (!config || config.role === 'auditor') return undefined;
  const members = await (await membersModules['./members.ts']?.())?.loadVerifiedMembers();
  const identity = await loadIdentity();
  if (!members || !identity || identity.memberId !== config.memberId) return undefined;
  if (!members.members.some((m) => m.id === identity.memberId)) return undefined;
  return {
    team: config.team,
    identity,
    members,
    server: teamDb({ db: teamDbNames(config.team).cases, account: config.account, password: config.password }),
  };
}

/** Starts the share rounds after unlock when this device is in a team (stops itself at lock). */
export async function autostartShareSync(): Promise<void> {
  if (getVaultSnapshot().status !== 'unlocked') return;
  if (!(await hasTeamConfig())) return;
  startShareSync(loadShareContext);
  wakeShareSync();
}
