// Whether the server gives the team account the role the person takes in the
// team (issue 21): a CouchDB account has the role `baken-team-<id>-<role>` in
// `_users` (README, "Team: databases and roles"). When the invite says
// coördinator but the server admin gave the account the medewerker role,
// joining would seem to work and every later round would be refused (403).
// So creating and joining ask GET /_session (HTTP Basic, like every request)
// which roles the server gives the account, and stop with a clear message
// when the team role is not among them.
import { z } from 'zod';

import type { TeamRole } from '../../../schema/team';
import { couchRequest, SyncError } from '../sync/remote';
import { TeamError } from './errors';

const sessionSchema = z.object({
  userCtx: z.object({ name: z.string().nullable().optional(), roles: z.array(z.string()) }),
});

/** The CouchDB role (in `_users`) of a team role, as the README's set-up and scripts/sync-server.mjs make it. */
export function serverTeamRole(team: string, role: TeamRole): string {
  return `baken-team-${team}-${role}`;
}

/** Whether the server's roles of an account include `role` in `team` (a server admin reaches every database). */
export function hasServerTeamRole(roles: readonly string[], team: string, role: TeamRole): boolean {
  return roles.includes('_admin') || roles.includes(serverTeamRole(team, role));
}

/** The server does not give the account the team role of the invite (or the one the lead chose). */
export class TeamRoleMissing extends TeamError {
  constructor(
    readonly role: TeamRole,
    readonly serverRole: string,
  ) {
    super('team.role.missing');
    this.name = 'TeamRoleMissing';
  }
}

/**
 * The roles the server gives the account (GET /_session with its credentials);
 * undefined when the server does not say (no `_session` behind the proxy, or
 * an answer without a user). Rejects with SyncError for a refused password,
 * a lockout, offline or an unreachable server.
 */
export async function accountServerRoles(account: string, password: string): Promise<string[] | undefined> {
  let body: unknown;
  try {
    body = await couchRequest({ db: '_session', account, password }, 'GET', '');
  } catch (error) {
    if (error instanceof SyncError && (error.code === 'sync.notFound' || error.code === 'sync.failed'))
      return undefined;
    throw error;
  }
  const parsed = sessionSchema.safeParse(body);
  if (!parsed.success || typeof parsed.data.userCtx.name !== 'string') return undefined;
  return parsed.data.userCtx.roles;
}

/** Throws TeamRoleMissing when the server says the account lacks `role` in `team`. */
export async function assertServerTeamRole(input: {
  team: string;
  account: string;
  password: string;
  role: TeamRole;
}): Promise<void> {
  const roles = await accountServerRoles(input.account, input.password);
  if (roles && !hasServerTeamRole(roles, input.team, input.role)) {
    throw new TeamRoleMissing(input.role, serverTeamRole(input.team, input.role));
  }
}
