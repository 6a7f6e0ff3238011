// CouchDB's account lockout, told apart from other refusals. Its own tiny
// module: both the replicator's client (http.ts) and the settings' client
// (remote.ts) read it, and the settings must not load the replicator's code.

/**
 * CouchDB 3.4+ locks an account out after repeated failed logins ([chttpd_auth_lockout], default
 * mode "enforce": `threshold` 5 failures per user and client address within `max_lifetime`, default
 * 5 minutes). Every request of that account from that address is then refused before its password is
 * checked, with 403 {"error":"forbidden","reason":"Account is temporarily locked due to multiple
 * authentication failures"} (couch_httpd_auth.erl, LOCKOUT_MSG). Only the reason tells it apart from
 * the 403 of `_security` ("You are not allowed to access this db.").
 */
export function isLockoutBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { error, reason } = body as Record<string, unknown>;
  return error === 'forbidden' && typeof reason === 'string' && /temporarily locked/i.test(reason);
}

/** Whether a response is CouchDB's lockout (reads a clone of a 403's body; the response stays unread). */
export async function isLockout(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    return isLockoutBody(await response.clone().json());
  } catch {
    return false;
  }
}

/**
 * Whether a failed kind of request is the server refusing the account: a wrong or changed password
 * ('auth', 401) or the lockout above ('lockedOut'). Retrying then only adds failed logins, so every
 * loop (personal sync and the team loops) stops until the worker enters the password again.
 */
export function refusesAccount(kind: unknown): boolean {
  return kind === 'auth' || kind === 'lockedOut';
}

/**
 * `refusesAccount` for any thrown value. Structural on purpose (the kind or the Dutch text code), so the
 * team loops need no import of the sync clients and their eager code stays small.
 */
export function isAccountRefusal(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const { kind, code } = e as { kind?: unknown; code?: unknown };
  return refusesAccount(kind) || code === 'sync.unauthorized' || code === 'sync.lockedOut';
}
