// Team errors with a stable code the UI translates (app/i18n/nl/team.ts).
export type TeamErrorCode =
  | 'team.exists'
  | 'team.none'
  /** No team with this id on the server (its members database does not exist). */
  | 'team.unknown'
  | 'team.notLead'
  | 'team.notMember'
  | 'team.self'
  | 'team.invite.invalidCode'
  | 'team.invite.unknown'
  | 'team.invite.used'
  | 'team.invite.expired'
  | 'team.invite.wrongTeam'
  | 'team.join.invalid'
  | 'team.list.missing'
  | 'team.list.invalid'
  | 'team.list.wrongTeam'
  | 'team.list.signature'
  | 'team.list.rollback'
  | 'team.handover.role'
  /** The server does not give the account the team role (account-roles.ts). */
  | 'team.role.missing';

export class TeamError extends Error {
  constructor(readonly code: TeamErrorCode) {
    super(`Team: ${code}`);
    this.name = 'TeamError';
  }
}

/**
 * Whether a team request was refused with 403 for lack of a role on the server (not CouchDB's lockout,
 * which is also a 403): SyncError 'sync.forbidden' (couchRequest) or SyncHttpError 'forbidden' (teamDb).
 */
export function isTeamForbidden(e: unknown): boolean {
  const { code, kind } = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; kind?: unknown };
  return code === 'sync.forbidden' || kind === 'forbidden';
}
