import { useVaultState } from '../../data/vault-hooks';
import { nl } from '../../i18n/core';
import { lockEverywhere } from './hidden-lock';

/** Always within reach while unlocked: locks at once. */
export function LockButton() {
  const vault = useVaultState();
  if (vault !== 'unlocked') return null;
  return (
    <button
      type="button"
      className="button button--on-brand"
      // This button leaves with the unlocked screen: the lock screen's heading takes focus. Other tabs lock too.
      onClick={lockEverywhere}
    >
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
      >
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" />
      </svg>
      {nl.lock.lockNow}
    </button>
  );
}
