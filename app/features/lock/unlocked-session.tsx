import { IdleWarning } from './idle-warning';
import { useAutoLock } from './use-auto-lock';

/**
 * Idle auto-lock and its warning while unlocked. It reads the settings
 * (Dexie), so the session guard loads it only after unlock.
 */
export function IdleSession() {
  const idle = useAutoLock(true);
  return idle.warning ? <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.stay} /> : null;
}
