export const defaultSyncDir: string;
export function defaultDbName(account: string): string;
export interface SyncServer {
  url: string;
  port: number;
  dir: string;
  admin: { name: string; password: string };
  /**
   * Creates a worker's account and database (members: that worker only); with `team`, the account also gets
   * the CouchDB role `baken-team-<team>-<role>` (replacing an earlier role in that team).
   */
  createAccount(
    name: string,
    password: string,
    db?: string,
    team?: { team: string; role: 'medewerker' | 'coordinator' | 'auditor' },
  ): Promise<{ db: string }>;
  /** Creates a team's four databases (`baken-team-<id>-members|cases|coord|figures`) and their `_security`. */
  createTeam(id: string): Promise<{ databases: string[] }>;
  /** Every leaf revision (deleted ones too) of every document in `db`, as stored on the server. */
  rawDocs(db: string): Promise<Array<Record<string, unknown>>>;
  /** Takes the account's role in `team` out of `_users`: its access to that team's databases ends. */
  removeTeamRole(name: string, team: string): Promise<void>;
  close(): Promise<void>;
}
export function startSyncServer(options?: { dir?: string; port?: number; host?: string }): Promise<SyncServer>;
export type SyncServerCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;
export function createAccountVia(
  call: SyncServerCall,
  name: string,
  password: string,
  db?: string,
  team?: { team: string; role: 'medewerker' | 'coordinator' | 'auditor' },
): Promise<{ db: string }>;
export function createTeamVia(call: SyncServerCall, team: string): Promise<{ databases: string[] }>;
/** JSON requests to `url` as the server admin (Accept: application/json). */
export function adminCall(url: string, admin: { name: string; password: string }): SyncServerCall;
export function rawDocsVia(call: SyncServerCall, db: string): Promise<Array<Record<string, unknown>>>;
export function setTeamRoleVia(
  call: SyncServerCall,
  name: string,
  team: string,
  role: 'medewerker' | 'coordinator' | 'auditor',
): Promise<void>;
export function removeTeamRoleVia(call: SyncServerCall, name: string, team: string): Promise<void>;
export const teamRoles: readonly ['medewerker', 'coordinator', 'auditor'];
export function teamRole(team: string, role: string): string;
export function teamDatabases(team: string): Array<{ db: string; roles: string[] }>;
