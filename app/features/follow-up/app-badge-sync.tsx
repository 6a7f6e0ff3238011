// Keeps the app icon badge (Badging API) in step with the number of overdue
// follow-ups: the count only, never content. Nothing while locked (the badge
// is cleared, also on start, since the app starts locked), nothing when the
// `appBadge` setting is off. Mount once in app.tsx, outside the lock gate.
import { lazy, Suspense, useEffect } from 'react';
import { useVaultState } from '../../data/vault-hooks';
import { showAppBadge } from './app-badge';

const AppBadgeCount = lazy(() => import('./app-badge-count').then((m) => ({ default: m.AppBadgeCount })));

export function AppBadgeSync() {
  const vault = useVaultState();
  useEffect(() => {
    if (vault !== 'unlocked') showAppBadge(0);
  }, [vault]);
  if (vault !== 'unlocked') return null;
  return (
    <Suspense fallback={null}>
      <AppBadgeCount />
    </Suspense>
  );
}
