// Starts replication after unlock when this device has a sync configuration
// (loaded lazily from app/unlocked-extras.tsx, so nothing of sync loads
// without one). The replicator stops itself at lock.
import { liveQuery } from 'dexie';

import { getVaultSnapshot, subscribeVault } from '../session';
import { hasTeamConfig } from '../team/has-team';
import { loadSyncConfig, refusedPassword } from './config';
import { countPending } from './local';
import { publishSyncStatus } from './status';
import { startReplication } from './runtime';

export async function autostartSync(): Promise<void> {
  // Team coordination (issue 21) starts here too, off the critical path: a no-op without a team.
  void import('../team/coord-autostart').then((m) => m.autostartCoord()).catch(() => undefined);
  const config = await loadSyncConfig();
  if (config && (await refusedPassword(config))) {
    // The server refused this password before: it is not sent again (each try counts towards CouchDB's
    // lockout of the account) until the worker enters one in Instellingen, which restarts sync.
    publishSyncStatus({ phase: 'fout', error: 'auth', waiting: await countPending() });
  } else if (config) await startReplication(config);
  watchTeam();
}

/**
 * Issue 21: shared-case and coordination rounds with the team start as soon as this device is
 * in a team — at unlock, or the moment it creates or joins one — in their own
 * lazy chunk. Watching stops at lock (the rounds stop themselves too).
 */
function watchTeam(): void {
  const subscription = liveQuery(hasTeamConfig).subscribe({
    next: (inTeam) => {
      if (!inTeam) return;
      void import('../team/share-runtime').then((m) => m.autostartShareSync());
      // Coordination too, so creating or joining a team while unlocked starts it (it stops when leaving).
      void import('../team/coord-autostart').then((m) => m.autostartCoord()).catch(() => undefined);
    },
  });
  const stop = subscribeVault(() => {
    if (getVaultSnapshot().status === 'unlocked') return;
    subscription.unsubscribe();
    stop();
  });
}
