// Starts replication after unlock when this device has a sync configuration
// (loaded lazily from app/unlocked-extras.tsx, so nothing of sync loads
// without one). The replicator stops itself at lock.
import { loadSyncConfig } from './config';
import { startReplication } from './runtime';

export async function autostartSync(): Promise<void> {
  // Team coordination (issue 21) starts here too, off the critical path: a no-op without a team.
  void import('../team/coord-autostart').then((m) => m.autostartCoord()).catch(() => undefined);
  const config = await loadSyncConfig();
  if (config) await startReplication(config);
}
