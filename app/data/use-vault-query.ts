// The one live read for React. Every read hook of app/data is this hook plus
// a querier, so all of them behave alike: undefined while loading and while
// the vault is locked; the vault epoch re-runs the query on every unlock and
// lock, so decrypted values are forgotten the moment it locks.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';

import { useVaultSnapshot } from './vault-hooks';

/**
 * Runs `querier` as a Dexie live query (re-run when what it read changes, when
 * `deps` change and on every lock or unlock). Undefined while loading and
 * while the vault is not unlocked. `initial` (called once, at mount) may give
 * a result from memory for the first render; the live query then replaces it.
 */
export function useVaultQuery<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  initial?: () => T | undefined,
): T | undefined {
  const { status, epoch } = useVaultSnapshot();
  const [first] = useState(() => (status === 'unlocked' ? initial?.() : undefined));
  const result = useLiveQuery(querier, [...deps, epoch], first);
  return status === 'unlocked' ? result : undefined;
}
