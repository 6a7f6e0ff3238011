// The one live read for React. Every read hook of app/data is this hook plus
// a querier, so all of them behave alike: undefined while loading and while
// the vault is locked; the vault epoch re-runs the query on every unlock and
// lock, so decrypted values are forgotten the moment it locks.
import { useLiveQuery } from 'dexie-react-hooks';

import { useVaultSnapshot } from './vault-hooks';

/**
 * Runs `querier` as a Dexie live query (re-run when what it read changes, when
 * `deps` change and on every lock or unlock). Undefined while loading and
 * while the vault is not unlocked.
 */
export function useVaultQuery<T>(querier: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const { status, epoch } = useVaultSnapshot();
  const result = useLiveQuery(querier, [...deps, epoch]);
  return status === 'unlocked' ? result : undefined;
}
