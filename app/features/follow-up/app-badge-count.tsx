// The unlocked half of AppBadgeSync, loaded only after unlock so the data
// reads stay off the critical path.
import { useEffect } from 'react';
import { useAppBadgeCount } from '../../data/follow-up-overview';
import { showAppBadge } from './app-badge';
import { useBrusselsToday } from '../../ui/use-now';

export function AppBadgeCount() {
  const today = useBrusselsToday();
  // Overdue count; 0 when the setting is off; undefined while loading.
  const count = useAppBadgeCount(today);
  useEffect(() => {
    showAppBadge(count ?? 0);
  }, [count]);
  // Lock unmounts this component: take the count off the icon.
  useEffect(() => () => showAppBadge(0), []);
  return null;
}
