import { lazy, Suspense } from 'react';
import { useVaultState } from '../../data/vault-hooks';
import { useHiddenLock } from './hidden-lock';

const IdleSession = lazy(() => import('./unlocked-session').then((m) => ({ default: m.IdleSession })));

/**
 * Mounted once for the whole app, on every route: locks when the app stays
 * hidden too long and, while unlocked, after the idle time.
 */
export function SessionGuard() {
  const vault = useVaultState();
  useHiddenLock();
  if (vault !== 'unlocked') return null;
  return (
    <Suspense fallback={null}>
      <IdleSession />
    </Suspense>
  );
}
