// A strict client for the parts of the CouchDB HTTP API the replication
// protocol uses (docs.couchdb.org, "Replication Protocol"): _changes,
// _revs_diff, _bulk_get (with the documented open_revs fallback), _bulk_docs
// with new_edits:false, and _local checkpoint documents. Only same-origin
// /sync/<db>/ is ever called (connect-src 'self'); HTTP Basic on every request.
import { isLockout } from './lockout';

export type SyncErrorKind = 'auth' | 'lockedOut' | 'forbidden' | 'network' | 'server' | 'protocol' | 'aborted';

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
  /** Opaque (CouchDB 3: "12-g1AAAA…"): stored and sent back verbatim, never compared or counted. */
  last_seq: string | number;
  pending?: number;
}

/** A revision as _bulk_get / open_revs return it. */
export type FetchedRev = { ok: Record<string, unknown> } | { missing: string } | { error: unknown };

export interface CouchClient {
  changes(
    since: string | number,
    options: { limit: number; longpoll?: boolean; timeoutMs?: number; signal?: AbortSignal },
  ): Promise<ChangesResponse>;
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  bulkGet(requests: Array<{ id: string; rev: string }>): Promise<Array<{ id: string; docs: FetchedRev[] }>>;
  bulkDocs(docs: Array<Record<string, unknown>>): Promise<Array<{ id?: string; error?: string }>>;
  /**
   * Purges the given leaf revisions (CouchDB 3.5: server admin only). 'refused' when the server does
   * not let this account purge (401 or 403) or cannot purge at all (404, 501).
   */
  purge(revs: Record<string, string[]>): Promise<'purged' | 'refused'>;
  /** Whether this account may purge at all: an empty `_purge` (CouchDB 3.5: 201 for a server admin, 401 otherwise). */
  canPurge(): Promise<boolean>;
  /** Every leaf revision of a document, deleted ones too (GET ?open_revs=all). */
  leaves(id: string): Promise<FetchedRev[]>;
  /** One document's current revision; undefined when missing or deleted (404). */
  getDoc(id: string): Promise<Record<string, unknown> | undefined>;
  /** Writes one document the normal way (the server assigns the revision); 'conflict' on 409. */
  putDoc(doc: Record<string, unknown> & { _id: string }): Promise<'ok' | 'conflict'>;
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

/** HTTP Basic for a CouchDB account (its UTF-8 bytes, as CouchDB reads them). */
export function basicAuth(account: string, password: string): string {
  const bytes = new TextEncoder().encode(`${account}:${password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

/**
 * Sends one CouchDB request the way every Baken client does (sync and team): HTTP Basic, JSON,
 * no cookies, no cache. A fetch that fails is 'network' ('aborted' once `signal` aborted).
 */
export async function sendCouch(
  doFetch: typeof fetch,
  url: string,
  auth: string,
  method: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await doFetch(url, {
      method,
      headers: {
        Authorization: auth,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    if (signal?.aborted) throw new SyncHttpError('aborted');
    throw e instanceof SyncHttpError ? e : new SyncHttpError('network');
  }
}

/** The error for a status every client refuses alike (401, 403, 5xx); undefined for the others. */
export function statusError(status: number): SyncHttpError | undefined {
  if (status === 401) return new SyncHttpError('auth', 401);
  if (status === 403) return new SyncHttpError('forbidden', 403);
  // Baken's proxy (and nginx) answer 502 / 504 when CouchDB cannot be reached or stays silent; 503 is a
  // server not taking requests: to the worker, all three are "no connection to the sync server".
  if (status === 502 || status === 503 || status === 504) return new SyncHttpError('network', status);
  if (status >= 500) return new SyncHttpError('server', status);
  return undefined;
}

/** The refusal for a response (statusError), reading a 403's body to tell CouchDB's lockout apart. */
export async function refusalOf(response: Response): Promise<SyncHttpError | undefined> {
  if (await isLockout(response)) return new SyncHttpError('lockedOut', 403);
  return statusError(response.status);
}

/** The JSON body; 'protocol' when it is not JSON ('aborted' once `signal` aborted). */
export async function readJson(response: Response, signal?: AbortSignal): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    if (signal?.aborted) throw new SyncHttpError('aborted');
    throw new SyncHttpError('protocol', response.status);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** At most this many document ids per _purge request (CouchDB 3.5.0's default max_document_id_number). */
export const PURGE_IDS_PER_REQUEST = 100;

/**
 * One revision of a _bulk_get or open_revs answer. CouchDB answers 200 and
 * reports a revision it could not read in place: `{ error: { error:
 * "not_found" } }` (_bulk_get) or `{ missing: rev }` (open_revs) means the
 * revision is gone and is skipped; any other error (e.g.
 * "internal_fabric_error" from a cluster under load) fails the whole batch,
 * so the checkpoint never moves past a revision that was not read.
 */
function assertFetched(doc: unknown): asserts doc is FetchedRev {
  if (!isRecord(doc)) throw new SyncHttpError('protocol');
  if (isRecord(doc['ok'])) return;
  if (typeof doc['missing'] === 'string') return;
  const error = doc['error'];
  if (isRecord(error) && error['error'] === 'not_found') return;
  if (error !== undefined) throw new SyncHttpError('server');
  throw new SyncHttpError('protocol');
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
    const response = await sendCouch(doFetch, options.base + path, auth, method, body, init.signal);
    // A lockout is never an allowed answer (e.g. 403 on _purge): it must stop the loop, not read as "may not".
    if (init.allow?.includes(response.status) && !(await isLockout(response))) {
      return { status: response.status, json: undefined };
    }
    const refused = await refusalOf(response);
    if (refused) throw refused;
    if (response.status >= 400) throw new SyncHttpError('protocol', response.status);
    return { status: response.status, json: await readJson(response, init.signal) };
  }

  let bulkGetMissing = false;

  async function openRevs(id: string, revs: string[] | 'all'): Promise<FetchedRev[]> {
    // latest=true, as for _bulk_get: a revision that stopped being a leaf comes back as the leaf.
    const query = `?revs=true&open_revs=${revs === 'all' ? 'all' : `${encodeURIComponent(JSON.stringify(revs))}&latest=true`}`;
    // CouchDB 3.5 answers open_revs=all for a document without any revision (never written, or
    // purged) with 404 not_found, not []: no leaves.
    const { status, json } = await request('GET', `${encodeURIComponent(id)}${query}`, undefined, {
      allow: revs === 'all' ? [404] : [],
    });
    if (status === 404) return [];
    if (!Array.isArray(json)) throw new SyncHttpError('protocol');
    for (const doc of json as unknown[]) assertFetched(doc);
    return json as FetchedRev[];
  }

  return {
    async changes(since, { limit, longpoll, timeoutMs, signal }) {
      // CouchDB's since is an opaque string (3.x) or a number (PouchDB, "0"): sent back as given, URL-encoded.
      const params = new URLSearchParams({ style: 'all_docs', since: String(since), limit: String(limit) });
      if (longpoll) {
        // Ends with no results after the timeout; a proxy must not buffer it (README, nginx).
        params.set('feed', 'longpoll');
        params.set('timeout', String(timeoutMs ?? 25_000));
      } else {
        // CouchDB 3 may then leave row seqs null (cheaper on a cluster); only last_seq is used.
        params.set('seq_interval', String(limit));
      }
      const { json } = await request('GET', `_changes?${params.toString()}`, undefined, { signal });
      if (!isRecord(json) || !Array.isArray(json['results'])) throw new SyncHttpError('protocol');
      const last = json['last_seq'];
      if (typeof last !== 'string' && typeof last !== 'number') throw new SyncHttpError('protocol');
      const results = (json['results'] as unknown[]).filter(
        (r): r is ChangeRow => isRecord(r) && typeof r['id'] === 'string' && Array.isArray(r['changes']),
      );
      if (results.length !== json['results'].length) throw new SyncHttpError('protocol');
      const pending = json['pending'];
      return { results, last_seq: last, ...(typeof pending === 'number' ? { pending } : {}) };
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
          // latest=true: a revision that stopped being a leaf since _changes listed it comes back as the leaf.
          '_bulk_get?revs=true&latest=true',
          { docs: requests },
          { allow: [404, 501] },
        );
        if (status !== 404 && status !== 501) {
          if (!isRecord(json) || !Array.isArray(json['results'])) throw new SyncHttpError('protocol');
          const results = json['results'] as unknown[];
          for (const result of results) {
            if (!isRecord(result) || typeof result['id'] !== 'string' || !Array.isArray(result['docs'])) {
              throw new SyncHttpError('protocol');
            }
            for (const doc of result['docs'] as unknown[]) assertFetched(doc);
          }
          return results as Array<{ id: string; docs: FetchedRev[] }>;
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
      const { status, json } = await request('POST', '_bulk_docs', { docs, new_edits: false }, { allow: [413] });
      if (status === 413) {
        // Too large for the server or a proxy (max_http_request_size, client_max_body_size): halve
        // the request; a single document that is still too large (max_document_size) fails alone.
        if (docs.length === 1) return [{ id: String(docs[0]?.['_id']), error: 'too_large' }];
        const half = Math.ceil(docs.length / 2);
        return [...(await this.bulkDocs(docs.slice(0, half))), ...(await this.bulkDocs(docs.slice(half)))];
      }
      // CouchDB answers 201 with [] for new_edits:false, or lists only the failures
      // ({ id, rev, error: "forbidden" | "unauthorized" | …, reason }).
      if (!Array.isArray(json)) throw new SyncHttpError('protocol');
      return (json as Array<{ id?: string; error?: string }>).filter((r) => isRecord(r) && r.error !== undefined);
    },

    async purge(revs) {
      const ids = Object.keys(revs);
      // CouchDB 3.5.0 refuses more than 100 ids per request by default ([purge] max_document_id_number).
      for (let i = 0; i < ids.length; i += PURGE_IDS_PER_REQUEST) {
        const part = Object.fromEntries(ids.slice(i, i + PURGE_IDS_PER_REQUEST).map((id) => [id, revs[id] ?? []]));
        // CouchDB 3.5 lets only a server admin purge: anyone else gets 401 "You are not a server admin."
        // (the request before, with the same credentials, succeeded, so this 401 is not a wrong password).
        const { status } = await request('POST', '_purge', part, { allow: [401, 403, 404, 501] });
        if (status === 401 || status === 403 || status === 404 || status === 501) return 'refused';
      }
      return 'purged';
    },

    async canPurge() {
      try {
        const { status } = await request('POST', '_purge', {}, { allow: [401, 403, 404, 501] });
        return status < 300;
      } catch (e) {
        // Any other answer (400, 500): treated as "cannot"; only a network failure is passed on.
        if (e instanceof SyncHttpError && (e.kind === 'server' || e.kind === 'protocol')) return false;
        throw e;
      }
    },

    leaves(id) {
      return openRevs(id, 'all');
    },

    async getDoc(id) {
      const { status, json } = await request('GET', encodeURIComponent(id), undefined, { allow: [404] });
      return status === 404 || !isRecord(json) ? undefined : json;
    },

    async putDoc(doc) {
      const { status } = await request('PUT', encodeURIComponent(doc._id), doc, { allow: [409] });
      return status === 409 ? 'conflict' : 'ok';
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
