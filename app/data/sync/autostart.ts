// Starts replication after unlock when this device has a sync configuration
// (loaded lazily from app/unlocked-extras.tsx, so nothing of sync loads
// without one). The replicator stops itself at lock.
import { loadSyncConfig } from './config';
import { hasTeamConfig } from '../team/has-team';
import { startReplication } from './runtime';

export async function autostartSync(): Promise<void> {
  const config = await loadSyncConfig();
  if (config) await startReplication(config);
  // Issue 21: shared-case rounds with the team, only on a device in a team (their own lazy chunk).
  if (await hasTeamConfig()) void import('../team/share-runtime').then((m) => m.autostartShareSync());
}
