import { useVaultState } from '../../data/vault-hooks';
import { lock } from '../../data/vault';
import { nl } from '../../i18n/core';

/** Always within reach while unlocked: locks at once. */
export function LockButton() {
  const vault = useVaultState();
  if (vault !== 'unlocked') return null;
  return (
    <button type="button" className="button button--on-brand" onClick={() => lock()}>
      <span aria-hidden="true">🔒</span> {nl.lock.lockNow}
    </button>
  );
}
