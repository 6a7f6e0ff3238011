// Makes express-pouchdb answer like Apache CouchDB 3.x where the replicator
// could otherwise come to rely on PouchDB-server behaviour (docs.couchdb.org,
// api/database/changes, api/database/bulk-api, replication/protocol):
// - sequences are opaque strings: `update_seq`, `_changes` `seq` and
//   `last_seq` become "<n>-g1AAAA<token>", and `since` must be "0", "now" or
//   such a string (anything else is 400 bad_request, as CouchDB 3 answers a
//   malformed sequence). The token is not ordered, so a client that compares
//   or does arithmetic on sequences breaks in the tests, as it would on CouchDB.
// - `feed=longpoll` ends after `timeout` ms with no results (CouchDB's
//   default is 60 s; express-pouchdb waits forever).
// - a `_bulk_get` error (a missing revision too) is `{ error: { id, rev, error, reason } }`, as CouchDB sends it.
// - a POST to an endpoint that reads a JSON body (`_bulk_docs`, `_bulk_get`,
//   `_revs_diff`, `_purge`, `_all_docs`, `_changes`, the database itself, …)
//   without `Content-Type: application/json` is 415 bad_content_type
//   (chttpd:validate_ctype).
// - `seq_interval` must be a positive integer (400 otherwise), and then only
//   every n-th row carries its `seq` (null for the others; fabric_view_changes).
// - a document whose body is over `max_document_size` (CouchDB's default 8 MB,
//   or the option) is 413 document_too_large, for a whole `_bulk_docs` too.
// - a document's revisions (`open_revs`) and `_bulk_get` come as multipart/mixed
//   unless the `Accept` header asks for JSON (chttpd_db, mochiweb's
//   accepts_content_type; no header means "*/*"), in a simplified framing that
//   a JSON reader cannot read either.
// The wrapped app must not compress (it reads plain JSON bodies).
// Used by the embedded server (scripts/sync-server.mjs) and the unit tests'
// server (app/data/sync/test-server.ts).
import { createHash } from 'node:crypto';

const SEQ = /^(\d+)-g1AAAA([A-Za-z0-9_-]+)$/;

/**
 * @param {string} db
 * @param {number} n
 */
function token(db, n) {
  return createHash('sha256').update(`baken-seq|${db}|${n}`).digest('base64url').slice(0, 40);
}

/**
 * The opaque form of PouchDB's numeric sequence `n` in database `db`.
 * @param {string} db
 * @param {unknown} n
 */
export function opaqueSeq(db, n) {
  if (typeof n !== 'number') return n;
  return `${n}-g1AAAA${token(db, n)}`;
}

/**
 * The number behind an opaque sequence, "0" or "now"; undefined when malformed.
 * @param {string} db
 * @param {string} since
 * @returns {string | undefined}
 */
export function readSince(db, since) {
  if (since === '0' || since === 'now') return since;
  const match = SEQ.exec(since);
  if (!match || match[2] !== token(db, Number(match[1]))) return undefined;
  return match[1];
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Rewrites the JSON body of an answer before it leaves, whatever way the
 * handler wrote it (res.send, or res.write for a long-poll).
 * @param {import('node:http').ServerResponse} res
 * @param {(body: any) => any} rewrite
 * @param {(body: any) => string} [serialise] how the rewritten body is written (JSON unless given)
 * @returns {{ finish: (body: any) => void }}
 */
function captureJson(res, rewrite, serialise = (/** @type {any} */ body) => JSON.stringify(body)) {
  /** @type {Buffer[]} */
  const chunks = [];
  const end = res.end.bind(res);
  let done = false;
  const finish = (/** @type {string} */ text) => {
    if (done) return;
    done = true;
    res.removeHeader('ETag');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    end(text);
  };
  /** @param {unknown} chunk */
  const collect = (chunk) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  };
  res.write = /** @type {typeof res.write} */ (
    /** @param {unknown} chunk */ (chunk) => {
      if (!done) collect(chunk);
      return true;
    }
  );
  res.end = /** @type {typeof res.end} */ (
    /** @param {unknown} chunk */ (chunk) => {
      if (done) return res;
      collect(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      let out = text;
      if (res.statusCode < 300) {
        try {
          out = serialise(rewrite(JSON.parse(text)));
        } catch {
          // not JSON (e.g. text/plain for a browser): passed on as it is
        }
      }
      finish(out);
      return res;
    }
  );
  return { finish: (body) => finish(JSON.stringify(body)) };
}

/** POST endpoints below a database whose body CouchDB 3.5 reads only as JSON (chttpd_db, validate_ctype). */
const JSON_POSTS = new Set([
  '_changes',
  '_compact',
  '_ensure_full_commit',
  '_bulk_docs',
  '_bulk_get',
  '_purge',
  '_all_docs',
  '_design_docs',
  '_local_docs',
  '_missing_revs',
  '_revs_diff',
]);

/** CouchDB's `limit` when none is given (couch_changes, #changes_args). */
const DEFAULT_CHANGES_LIMIT = 1_000_000_000_000_000;

/**
 * Whether the request's `Content-Type` passes couch_httpd:validate_ctype: its first ";"-separated token is exactly `type`.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} type
 */
export function hasContentType(req, type) {
  const header = req.headers['content-type'];
  if (typeof header !== 'string') return false;
  return header.split(';').filter((t) => t !== '')[0] === type;
}

/**
 * mochiweb's accepts_content_type: whether `Accept` (absent: "*\/*") admits `type` with a q above 0.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} type
 */
export function acceptsType(req, type) {
  const header = req.headers.accept ?? '*/*';
  const superType = `${type.split('/')[0]}/*`;
  /** @type {Array<[string, number]>} */
  const list = String(header)
    .split(',')
    .map((part) => {
      const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return [name, q ? Number(q.slice(2)) : 1];
    });
  const refused = list.some(([name, q]) => q === 0 && (name === type || name === superType));
  return !refused && list.some(([name, q]) => q > 0 && (name === '*/*' || name === type || name === superType));
}

/**
 * Answers a JSON array of `{ ok }` / `{ missing }` / `{ error }` entries as CouchDB does for a client that did not
 * ask for JSON: multipart/mixed, one part per entry (a simplified framing: no attachments, no inner multipart).
 * @param {import('node:http').ServerResponse} res
 * @param {(body: any) => unknown[]} entries
 */
function asMultipart(res, entries) {
  const boundary = createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 32);
  captureJson(res, (body) => body, (body) => {
    const parts = entries(body).map((entry) => {
      const e = /** @type {Record<string, unknown>} */ (entry);
      const error = 'ok' in e ? '' : '; error="true"';
      const json = JSON.stringify('ok' in e ? e['ok'] : e);
      return `\r\nContent-Type: application/json${error}\r\n\r\n${json}\r\n--${boundary}`;
    });
    res.setHeader('Content-Type', `multipart/mixed; boundary="${boundary}"`);
    return `--${boundary}${parts.join('')}--`;
  });
}

/** CouchDB's default `[couchdb] max_document_size` (bytes). */
export const COUCH_MAX_DOCUMENT_SIZE = 8_000_000;

/**
 * A document body's size as couch_doc:from_json_obj_validate measures it: the JSON of its
 * fields, without `_id`, `_rev`, `_revisions`, `_deleted` and the other special members.
 * @param {Record<string, unknown>} doc
 */
export function documentBodySize(doc) {
  return Buffer.byteLength(JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')))));
}

/**
 * The request body, read whole.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
function readBody(req) {
  return new Promise((done, fail) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/**
 * Refuses, like CouchDB, a write whose document body is over `max` bytes: 413 document_too_large
 * naming the document, for the whole request (a `_bulk_docs` too). Otherwise hands the parsed body
 * on (`req.body`, `req._body`: body-parser then reads nothing more) to `next`.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ bulk: boolean, id: string | undefined, max: number }} what
 * @param {() => void} next
 */
function checkDocumentSize(req, res, what, next) {
  readBody(req).then(
    (text) => {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        sendJson(res, 400, { error: 'bad_request', reason: 'invalid UTF-8 JSON' });
        return;
      }
      const docs = what.bulk ? (Array.isArray(body?.docs) ? body.docs : []) : [body];
      const large = docs.find(
        (/** @type {unknown} */ d) =>
          typeof d === 'object' && d !== null && documentBodySize(/** @type {any} */ (d)) > what.max,
      );
      if (large) {
        sendJson(res, 413, { error: 'document_too_large', reason: what.id ?? String(large._id ?? '') });
        return;
      }
      Object.assign(req, { body, _body: true });
      next();
    },
    () => res.destroy(),
  );
}

/**
 * Wraps an express-pouchdb app (or any CouchDB-protocol handler) so it answers like CouchDB 3.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} app
 * @param {{ maxDocumentSize?: number }} [options] `[couchdb] max_document_size` (default CouchDB's 8,000,000)
 */
export function couchLike(app, options = {}) {
  const maxDocumentSize = options.maxDocumentSize ?? COUCH_MAX_DOCUMENT_SIZE;
  return (
    /** @type {import('node:http').IncomingMessage} */ req,
    /** @type {import('node:http').ServerResponse} */ res,
  ) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    const db = decodeURIComponent(parts[0] ?? '');
    const method = req.method ?? 'GET';
    if (!db || db.startsWith('_')) {
      app(req, res);
      return;
    }
    const jsonPost = method === 'POST' && (parts.length === 1 || (parts.length === 2 && JSON_POSTS.has(parts[1] ?? '')));
    if (jsonPost && !hasContentType(req, 'application/json')) {
      sendJson(res, 415, { error: 'bad_content_type', reason: 'Content-Type must be application/json' });
      return;
    }
    // Document writes: a plain document or _local one (PUT), a new one (POST /db), or _bulk_docs.
    const docPut =
      method === 'PUT' &&
      ((parts.length === 2 && !(parts[1] ?? '').startsWith('_')) || (parts.length === 3 && parts[1] === '_local'));
    const bulk = method === 'POST' && parts.length === 2 && parts[1] === '_bulk_docs';
    if ((docPut || bulk || (method === 'POST' && parts.length === 1)) && hasContentType(req, 'application/json')) {
      const id = docPut ? decodeURIComponent(parts.slice(1).join('/')) : undefined;
      checkDocumentSize(req, res, { bulk, id, max: maxDocumentSize }, () => app(req, res));
      return;
    }
    if (parts.length === 1 && method === 'GET') {
      captureJson(res, (body) => ({ ...body, update_seq: opaqueSeq(db, body.update_seq) }));
    } else if (parts[1] === '_changes') {
      const since = url.searchParams.get('since');
      if (since !== null) {
        const read = readSince(db, since);
        if (read === undefined) {
          sendJson(res, 400, { error: 'bad_request', reason: "Malformed sequence supplied in 'since' parameter." });
          return;
        }
        url.searchParams.set('since', read);
        req.url = url.pathname + url.search;
      }
      const feed = url.searchParams.get('feed');
      const intervalParam = url.searchParams.get('seq_interval');
      const interval = intervalParam === null ? undefined : Number(intervalParam);
      if (interval !== undefined && !(/^-?\d+$/.test(intervalParam ?? '') && interval > 0)) {
        sendJson(res, 400, { error: 'bad_request', reason: 'invalid_seq_interval' });
        return;
      }
      const limit = Number(url.searchParams.get('limit') ?? DEFAULT_CHANGES_LIMIT);
      // fabric_view_changes: a row keeps its seq only when the limit still left is a multiple of seq_interval.
      const keepsSeq = (/** @type {number} */ i) => interval === undefined || (limit - i) % interval === 0;
      if (feed !== 'continuous' && feed !== 'eventsource') {
        const capture = captureJson(res, (body) => ({
          ...body,
          results: Array.isArray(body.results)
            ? body.results.map((/** @type {any} */ r, /** @type {number} */ i) => ({
                ...r,
                seq: keepsSeq(i) ? opaqueSeq(db, r.seq) : null,
              }))
            : body.results,
          last_seq: opaqueSeq(db, body.last_seq),
        }));
        if (feed === 'longpoll') {
          const timeout = Number(url.searchParams.get('timeout') ?? 60_000);
          const timer = setTimeout(
            () => {
              // Nothing changed in time: CouchDB answers with no results and the sequence asked from.
              res.statusCode = 200;
              res.setHeader('Content-Type', 'application/json');
              capture.finish({ results: [], last_seq: since ?? '0' });
            },
            // CouchDB waits at most [chttpd] changes_timeout (60 s by default; couch_changes:get_changes_timeout).
            Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 60_000) : 60_000,
          );
          res.on('close', () => clearTimeout(timer));
          res.on('finish', () => clearTimeout(timer));
        }
      }
    } else if (parts.length === 2 && method === 'GET' && url.searchParams.has('open_revs')) {
      // chttpd_db: open_revs is JSON only when the client does not accept multipart/mixed.
      if (acceptsType(req, 'multipart/mixed')) asMultipart(res, (body) => (Array.isArray(body) ? body : []));
    } else if (parts[1] === '_bulk_get' && method === 'POST') {
      // PouchDB's latest=true throws (uncaught, ending the process) on an unknown revision; without
      // it the asked revision is answered, which PouchDB keeps until compaction (we never compact).
      if (url.searchParams.has('latest')) {
        url.searchParams.delete('latest');
        req.url = url.pathname + url.search;
      }
      if (
        !acceptsType(req, 'application/json') &&
        (acceptsType(req, 'multipart/mixed') || acceptsType(req, 'multipart/related'))
      ) {
        asMultipart(res, (body) =>
          (body.results ?? []).flatMap((/** @type {any} */ r) => /** @type {unknown[]} */ (r.docs ?? [])),
        );
        app(req, res);
        return;
      }
      captureJson(res, (body) => {
        /** @type {Array<{ id?: string, rev?: string }>} */
        const asked = Array.isArray(/** @type {any} */ (req).body?.docs) ? /** @type {any} */ (req).body.docs : [];
        return {
          ...body,
          results: (body.results ?? []).map((/** @type {any} */ result) => {
            const revs = asked.filter((d) => d.id === result.id).map((d) => d.rev);
            return {
              ...result,
              docs: (result.docs ?? []).map((/** @type {any} */ d, /** @type {number} */ i) =>
                typeof d.missing === 'string'
                  ? { error: { id: result.id, rev: d.missing, error: 'not_found', reason: 'missing' } }
                  : typeof d.error === 'string'
                    ? { error: { id: result.id, rev: revs[i] ?? 'undefined', error: d.error, reason: d.reason } }
                    : d,
              ),
            };
          }),
        };
      });
    }
    app(req, res);
  };
}
