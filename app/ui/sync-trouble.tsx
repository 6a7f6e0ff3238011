// A sync problem on every screen while it lasts (a review: with the server down,
// only Instellingen said so, and a worker who never opens it believed their
// work was on the server). Loaded only on a device with sync set up
// (app/unlocked-extras.tsx). Offline, the header says so already; in
// Instellingen the full status line is shown.
import { shownFailure, useSyncStatus } from '../data/sync/status';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';
import { Link } from '../shell/link';
import { usePath } from '../shell/router';
import { useOnline } from './online';
import './sync-trouble.css';

const t = syncStatus;

export function SyncTrouble() {
  const s = useSyncStatus();
  const online = useOnline();
  const path = usePath();
  // The same failure <SyncStatus> says, by the same rule; a removal is said also offline.
  const failure = shownFailure(s);
  if (path.startsWith('/instellingen')) return null;
  if (!s.removed && (online !== true || failure === undefined)) return null;
  return (
    <aside className="sync-trouble" aria-label={t.label}>
      <p role="status">
        {s.removed ? t.removed : failure ? t.errors[failure] : null}
        {!s.removed && s.waiting > 0 ? ` ${t.waiting(s.waiting)}` : ''}
      </p>
      <Link href="/instellingen#synchronisatie">{t.toSettings}</Link>
    </aside>
  );
}
