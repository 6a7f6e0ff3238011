import type { ReactNode } from 'react';
import { IdleWarning } from './idle-warning';
import { useAutoLock } from './use-auto-lock';

/**
 * The unlocked part of the gate: auto-lock timers and the idle warning. It
 * reads the settings (Dexie), so the gate loads it only after unlock.
 */
export function UnlockedSession({ children }: { children: ReactNode }) {
  const idle = useAutoLock(true);
  return (
    <>
      {children}
      {idle.warning ? <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.stay} /> : null}
    </>
  );
}
