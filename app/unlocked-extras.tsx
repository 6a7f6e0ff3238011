// Parts of the shell that only make sense while the logbook is unlocked. They
// are loaded on unlock, so the lock screen's critical path stays small.
import { lazy, Suspense, useEffect } from 'react';
import { useSyncStatus } from './data/sync/status';
import { useVaultState } from './data/vault-hooks';

const BackupReminder = lazy(() =>
  import('./features/settings/backup-reminder').then((m) => ({ default: m.BackupReminder })),
);

// Only on a device with sync set up: the sync chunk never loads without one.
const SyncTrouble = lazy(() => import('./ui/sync-trouble').then((m) => ({ default: m.SyncTrouble })));

const CaseKeyMigrationStatus = lazy(() =>
  import('./shell/case-key-migration-status').then((m) => ({ default: m.CaseKeyMigrationStatus })),
);

export function UnlockedExtras() {
  const vault = useVaultState();
  // The tiny status store (no replicator code): its phase leaves 'uit' once replication runs, at
  // unlock or the moment the worker connects in Instellingen.
  const { phase: syncPhase, removed: syncRemoved } = useSyncStatus();
  useEffect(() => {
    // Sync (issue 20): starts only when a configuration exists; its code is a lazy chunk.
    if (vault === 'unlocked')
      void import('./data/sync/autostart').then((m) => m.autostartSync()).catch(() => undefined);
  }, [vault]);
  if (vault !== 'unlocked') return null;
  return (
    <Suspense fallback={null}>
      <CaseKeyMigrationStatus />
      {syncPhase === 'uit' && !syncRemoved ? null : <SyncTrouble />}
      <BackupReminder />
    </Suspense>
  );
}
