// The few CouchDB calls sharing needs on `baken-team-<id>-cases`: read, write
// and delete one document, list the grants of a key, and the changes feed with
// the winning documents. Same-origin /sync/ only (or `base` in Node tests),
// HTTP Basic on every request, no cookies, no cache.
import { teamDbNames } from '../../../schema/team';
import { SyncHttpError, basicAuth, readJson, refusalOf, sendCouch } from '../sync/http';
import { assertTeamAccountUsable } from './account-refusal';

export interface TeamDbOptions {
  db: string;
  account: string;
  password: string;
  /** Default "/sync/". */
  base?: string;
  fetch?: typeof fetch;
}

export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string };

export interface TeamChange {
  id: string;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

export interface TeamDb {
  readonly name: string;
  get(id: string): Promise<CouchDoc | undefined>;
  /** Writes a document; 'conflict' when `_rev` is not the current revision. */
  put(doc: CouchDoc): Promise<string | 'conflict'>;
  remove(id: string, rev: string): Promise<void>;
  /** Documents whose id starts with `prefix`. */
  byPrefix(prefix: string): Promise<CouchDoc[]>;
  changes(since: string | number, limit: number): Promise<{ results: TeamChange[]; last_seq: string | number }>;
}

function isDoc(v: unknown): v is CouchDoc {
  return typeof v === 'object' && v !== null && typeof (v as { _id?: unknown })._id === 'string';
}

export function teamDb(options: TeamDbOptions): TeamDb {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const auth = basicAuth(options.account, options.password);
  const base = `${options.base ?? '/sync/'}${encodeURIComponent(options.db)}/`;

  async function request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    // While the server refuses the team account, nothing is sent (each refused login counts towards a lockout).
    assertTeamAccountUsable();
    const response = await sendCouch(doFetch, base + path, auth, method, body);
    const refused = await refusalOf(response);
    if (refused) throw refused;
    return { status: response.status, json: await readJson(response) };
  }

  return {
    name: options.db,
    async get(id) {
      const { status, json } = await request('GET', encodeURIComponent(id));
      if (status === 404) return undefined;
      if (status >= 400 || !isDoc(json)) throw new SyncHttpError('protocol', status);
      return json;
    },
    async put(doc) {
      const { status, json } = await request('PUT', encodeURIComponent(doc._id), doc);
      if (status === 409) return 'conflict';
      const rev = (json as { rev?: unknown } | undefined)?.rev;
      if (status >= 400 || typeof rev !== 'string') throw new SyncHttpError('protocol', status);
      return rev;
    },
    async remove(id, rev) {
      const { status } = await request('DELETE', `${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`);
      if (status >= 400 && status !== 404 && status !== 409) throw new SyncHttpError('protocol', status);
    },
    async byPrefix(prefix) {
      const params = new URLSearchParams({
        include_docs: 'true',
        startkey: JSON.stringify(prefix),
        endkey: JSON.stringify(`${prefix}\ufff0`),
      });
      const { status, json } = await request('GET', `_all_docs?${params.toString()}`);
      const rows = (json as { rows?: unknown } | undefined)?.rows;
      if (status >= 400 || !Array.isArray(rows)) throw new SyncHttpError('protocol', status);
      return rows.flatMap((r: unknown) => {
        const doc = (r as { doc?: unknown }).doc;
        return isDoc(doc) ? [doc] : [];
      });
    },
    async changes(since, limit) {
      const params = new URLSearchParams({ include_docs: 'true', since: String(since), limit: String(limit) });
      const { status, json } = await request('GET', `_changes?${params.toString()}`);
      const body = json as { results?: unknown; last_seq?: unknown } | undefined;
      if (status >= 400 || !Array.isArray(body?.results)) throw new SyncHttpError('protocol', status);
      const lastSeq = body.last_seq;
      if (typeof lastSeq !== 'number' && typeof lastSeq !== 'string') throw new SyncHttpError('protocol', status);
      const results = body.results as unknown[];
      for (const row of results) {
        const r = row as { id?: unknown; deleted?: unknown; doc?: unknown } | null;
        if (typeof r?.id !== 'string') throw new SyncHttpError('protocol', status);
        // include_docs: a live row without its document was not read (a cluster under load can answer
        // so); the page fails, so the checkpoint never moves past a document this device never saw.
        if (r.deleted !== true && !isDoc(r.doc)) throw new SyncHttpError('server', status);
      }
      return { results: results as TeamChange[], last_seq: lastSeq };
    },
  };
}

/** The team's cases database with this device's team account. */
export function teamCasesDb(config: { team: string; account: string; password: string }): TeamDb {
  return teamDb({ db: teamDbNames(config.team).cases, account: config.account, password: config.password });
}
