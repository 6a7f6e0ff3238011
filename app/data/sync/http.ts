// A strict client for the parts of the CouchDB HTTP API the replication
// protocol uses (docs.couchdb.org, "Replication Protocol"): _changes,
// _revs_diff, _bulk_get (with the documented open_revs fallback), _bulk_docs
// with new_edits:false, and _local checkpoint documents. Only same-origin
// /sync/<db>/ is ever called (connect-src 'self'); HTTP Basic on every request.

export type SyncErrorKind = 'auth' | 'forbidden' | 'network' | 'server' | 'protocol' | 'aborted';

/** A failed request, sorted into what the status line can say. */
export class SyncHttpError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    readonly status = 0,
  ) {
    super(`sync ${kind}${status ? ` ${status}` : ''}`);
    this.name = 'SyncHttpError';
  }
}

export interface ChangeRow {
  seq: unknown;
  id: string;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
}

export interface ChangesResponse {
  results: ChangeRow[];
  last_seq: unknown;
  pending?: number;
}

/** A revision as _bulk_get / open_revs return it. */
export type FetchedRev = { ok: Record<string, unknown> } | { missing: string } | { error: unknown };

export interface CouchClient {
  changes(
    since: unknown,
    options: { limit: number; longpoll?: boolean; timeoutMs?: number; signal?: AbortSignal },
  ): Promise<ChangesResponse>;
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  bulkGet(requests: Array<{ id: string; rev: string }>): Promise<Array<{ id: string; docs: FetchedRev[] }>>;
  bulkDocs(docs: Array<Record<string, unknown>>): Promise<Array<{ id?: string; error?: string }>>;
  getLocal(id: string): Promise<Record<string, unknown> | undefined>;
  putLocal(id: string, body: Record<string, unknown>): Promise<void>;
}

export interface ClientOptions {
  /** e.g. "/sync/baken-anna/" (always ends with "/"). */
  base: string;
  account: string;
  password: string;
  fetch?: typeof fetch;
}

function basicAuth(account: string, password: string): string {
  const bytes = new TextEncoder().encode(`${account}:${password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function couchClient(options: ClientOptions): CouchClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const auth = basicAuth(options.account, options.password);

  async function request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    init: { signal?: AbortSignal | undefined; allow?: number[] } = {},
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await doFetch(options.base + path, {
        method,
        headers: {
          Authorization: auth,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(init.signal ? { signal: init.signal } : {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      if (init.signal?.aborted) throw new SyncHttpError('aborted');
      throw e instanceof SyncHttpError ? e : new SyncHttpError('network');
    }
    if (init.allow?.includes(response.status)) return { status: response.status, json: undefined };
    if (response.status === 401) throw new SyncHttpError('auth', 401);
    if (response.status === 403) throw new SyncHttpError('forbidden', 403);
    if (response.status >= 500) throw new SyncHttpError('server', response.status);
    if (response.status >= 400) throw new SyncHttpError('protocol', response.status);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      if (init.signal?.aborted) throw new SyncHttpError('aborted');
      throw new SyncHttpError('protocol', response.status);
    }
    return { status: response.status, json };
  }

  let bulkGetMissing = false;

  async function openRevs(id: string, revs: string[]): Promise<FetchedRev[]> {
    const query = `?revs=true&open_revs=${encodeURIComponent(JSON.stringify(revs))}`;
    const { json } = await request('GET', `${encodeURIComponent(id)}${query}`);
    if (!Array.isArray(json)) throw new SyncHttpError('protocol');
    return json as FetchedRev[];
  }

  return {
    async changes(since, { limit, longpoll, timeoutMs, signal }) {
      // CouchDB's since is an opaque string (3.x) or a number (PouchDB): sent back as given.
      const params = new URLSearchParams({
        style: 'all_docs',
        since: typeof since === 'string' ? since : String(since),
        limit: String(limit),
      });
      if (longpoll) {
        params.set('feed', 'longpoll');
        params.set('timeout', String(timeoutMs ?? 25_000));
      }
      const { json } = await request('GET', `_changes?${params.toString()}`, undefined, { signal });
      if (!isRecord(json) || !Array.isArray(json['results'])) throw new SyncHttpError('protocol');
      return json as unknown as ChangesResponse;
    },

    async revsDiff(revs) {
      if (Object.keys(revs).length === 0) return {};
      const { json } = await request('POST', '_revs_diff', revs);
      if (!isRecord(json)) throw new SyncHttpError('protocol');
      return json as Record<string, { missing?: string[] }>;
    },

    async bulkGet(requests) {
      if (requests.length === 0) return [];
      if (!bulkGetMissing) {
        const { status, json } = await request(
          'POST',
          '_bulk_get?revs=true',
          { docs: requests },
          { allow: [404, 501] },
        );
        if (status !== 404 && status !== 501) {
          if (!isRecord(json) || !Array.isArray(json['results'])) throw new SyncHttpError('protocol');
          return json['results'] as Array<{ id: string; docs: FetchedRev[] }>;
        }
        bulkGetMissing = true;
      }
      // Documented fallback for servers without _bulk_get: one open_revs GET per document.
      const byId = new Map<string, string[]>();
      for (const r of requests) byId.set(r.id, [...(byId.get(r.id) ?? []), r.rev]);
      const out: Array<{ id: string; docs: FetchedRev[] }> = [];
      for (const [id, revs] of byId) out.push({ id, docs: await openRevs(id, revs) });
      return out;
    },

    async bulkDocs(docs) {
      if (docs.length === 0) return [];
      const { json } = await request('POST', '_bulk_docs', { docs, new_edits: false });
      // CouchDB answers [] for new_edits:false, or lists only the failures.
      if (!Array.isArray(json)) throw new SyncHttpError('protocol');
      return (json as Array<{ id?: string; error?: string }>).filter((r) => isRecord(r) && r.error !== undefined);
    },

    async getLocal(id) {
      const { status, json } = await request('GET', `_local/${encodeURIComponent(id)}`, undefined, { allow: [404] });
      return status === 404 || !isRecord(json) ? undefined : json;
    },

    async putLocal(id, body) {
      // 409: someone else wrote the checkpoint; retry once on its current revision.
      for (let attempt = 0; attempt < 2; attempt++) {
        const current = await this.getLocal(id);
        const rev = typeof current?.['_rev'] === 'string' ? { _rev: current['_rev'] } : {};
        const { status } = await request(
          'PUT',
          `_local/${encodeURIComponent(id)}`,
          { ...body, ...rev },
          {
            allow: [409],
          },
        );
        if (status !== 409) return;
      }
    },
  };
}
