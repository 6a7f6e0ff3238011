// Parts of the shell that only make sense while the logbook is unlocked. They
// are loaded on unlock, so the lock screen's critical path stays small.
import { lazy, Suspense, useEffect } from 'react';
import { useVaultState } from './data/vault-hooks';

const BackupReminder = lazy(() =>
  import('./features/settings/backup-reminder').then((m) => ({ default: m.BackupReminder })),
);

const CaseKeyMigrationStatus = lazy(() =>
  import('./shell/case-key-migration-status').then((m) => ({ default: m.CaseKeyMigrationStatus })),
);

export function UnlockedExtras() {
  const vault = useVaultState();
  useEffect(() => {
    // Sync (issue 20): starts only when a configuration exists; its code is a lazy chunk.
    if (vault === 'unlocked')
      void import('./data/sync/autostart').then((m) => m.autostartSync()).catch(() => undefined);
  }, [vault]);
  if (vault !== 'unlocked') return null;
  return (
    <Suspense fallback={null}>
      <CaseKeyMigrationStatus />
      <BackupReminder />
    </Suspense>
  );
}
