// Whether a failed team request was the server refusing the account: a wrong
// or changed password (401) or CouchDB's lockout (403 "temporarily locked").
// Retrying then only adds failed logins (CouchDB 3.4+ locks the account after
// five), so the team loops stop instead. Structural on purpose: no import of
// the sync clients, so the loops' eager code stays small.

export function isAccountRefusal(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const { kind, code } = e as { kind?: unknown; code?: unknown };
  return kind === 'auth' || kind === 'lockedOut' || code === 'sync.unauthorized' || code === 'sync.lockedOut';
}
