// <SyncStatus>: one status line for replication (issue 20). Reads the tiny
// status store; never loads the replicator itself.
import { shownFailure, useSyncStatus } from '../data/sync/status';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';
import { useOnline } from './online';

const t = syncStatus;

function clock(iso: string): string {
  return new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function SyncStatus() {
  const s = useSyncStatus();
  const online = useOnline();
  const failure = shownFailure(s);
  const lines: string[] = [];
  if (s.phase === 'uit') lines.push(t.off);
  // A failed request while the device itself is offline: say that, not that the server is unreachable.
  // A retry after a failure ("bezig" with the error still set) keeps saying the failure until a round succeeds:
  // no "Gesynchroniseerd om …" in between, and no second announcement per retry.
  else if (failure === 'network' && online === false) lines.push(t.offline);
  else if (failure) lines.push(t.errors[failure]);
  else if (s.phase === 'bezig' && !s.lastSyncedAt) lines.push(t.busy);
  else lines.push(s.lastSyncedAt ? t.syncedAt(clock(s.lastSyncedAt)) : t.neverSynced);
  if (s.progress) lines.push(t.progress(s.progress.done, s.progress.total, s.progress.direction));
  // A removed device sends nothing more: its waiting changes are said with the removal (below).
  if (s.waiting > 0 && !s.removed) lines.push(t.waiting(s.waiting));
  if (s.unsent?.tooLarge) lines.push(t.tooLarge(s.unsent.tooLarge));
  if (s.unsent?.refused) lines.push(t.notAccepted(s.unsent.refused));
  if (s.refused > 0) lines.push(t.refused(s.refused));
  if (s.erasedUnsent) lines.push(t.erasedUnsent(s.erasedUnsent));
  if (s.removed) lines.push(t.removed);
  if (s.removed && s.removedUnsent) lines.push(t.removedUnsent(s.removedUnsent));
  return (
    <p className="sync-status" role="status" aria-label={t.label}>
      {lines.join(' ')}
    </p>
  );
}
