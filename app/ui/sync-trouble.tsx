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
  // The same failure <SyncStatus> says, by the same rule.
  const failure = shownFailure(s);
  if (online !== true || path.startsWith('/instellingen') || failure === undefined) return null;
  return (
    <aside className="sync-trouble" aria-label={t.label}>
      <p role="status">
        {t.errors[failure]}
        {s.waiting > 0 ? ` ${t.waiting(s.waiting)}` : ''}
      </p>
      <Link href="/instellingen#synchronisatie">{t.toSettings}</Link>
    </aside>
  );
}
