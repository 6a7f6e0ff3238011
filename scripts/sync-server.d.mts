export const defaultSyncDir: string;
export function defaultDbName(account: string): string;
export interface SyncServer {
  url: string;
  port: number;
  dir: string;
  admin: { name: string; password: string };
  /** Creates a worker's account and database (members: that worker only). */
  createAccount(name: string, password: string, db?: string): Promise<{ db: string }>;
  /** Every leaf revision (deleted ones too) of every document in `db`, as stored on the server. */
  rawDocs(db: string): Promise<Array<Record<string, unknown>>>;
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
): Promise<{ db: string }>;
export function rawDocsVia(call: SyncServerCall, db: string): Promise<Array<Record<string, unknown>>>;
