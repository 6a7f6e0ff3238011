// Starts and stops replication without a static import of the replicator
// (helper F's app/data/sync/replicator.ts): the glob resolves to a lazily
// loaded chunk when the module exists, so the sync code loads only when sync
// is set up, and this file builds on its own before that module is merged.
import type { SyncConfig } from './config';

interface Replicator {
  startSync(config: SyncConfig): unknown;
  stopSync(): unknown;
}

const modules = import.meta.glob<Replicator>('./replicator.ts');

async function replicator(): Promise<Replicator | undefined> {
  const load = modules['./replicator.ts'];
  return load ? load() : undefined;
}

export async function startReplication(config: SyncConfig): Promise<void> {
  await (await replicator())?.startSync(config);
}

export async function stopReplication(): Promise<void> {
  await (await replicator())?.stopSync();
}
