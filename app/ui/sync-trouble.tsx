// A sync problem on every screen while it lasts (a review: with the server down,
// only Instellingen said so, and a worker who never opens it believed their
// work was on the server). Loaded only on a device with sync set up
// (app/unlocked-extras.tsx). Offline, the header says so already; in
// Instellingen the full status line is shown.
import { useCasesWithConflicts } from '../data/sync/conflicts';
import { shownFailure, useSyncStatus } from '../data/sync/status';
import { caseHref } from '../shell/case-url';
// Its own catalogue section, imported directly so the strings load with the sync chunks.
import { syncStatus } from '../i18n/nl/sync-status';
import { Link } from '../shell/link';
import { requestSectionFocus, usePath } from '../shell/router';
import { useOnline } from './online';
import './sync-trouble.css';

const t = syncStatus;

export function SyncTrouble() {
  return (
    <>
      <SyncFailure />
      <ErasedUnsent />
      <Receiving />
      <ConflictsWaiting />
    </>
  );
}

/**
 * A long pull (a newly paired device receives the logbook) on every screen: until it ends, the case
 * list is incomplete, and a case made now could be made twice. Said once (status); the count is not live.
 */
function Receiving() {
  const s = useSyncStatus();
  const path = usePath();
  if (path.startsWith('/instellingen') || s.progress?.direction !== 'ontvangen') return null;
  return (
    <aside className="sync-trouble" aria-label={t.receivingTitle}>
      <p role="status">{t.receiving}</p>
      <p>{t.progress(s.progress.done, s.progress.total, s.progress.direction)}</p>
    </aside>
  );
}

/**
 * Local changes discarded with a case erased on another device (an erased case stays erased): said on
 * every screen until the next unlock; in Instellingen the status line says it.
 */
function ErasedUnsent() {
  const n = useSyncStatus().erasedUnsent ?? 0;
  const path = usePath();
  if (n === 0 || path.startsWith('/instellingen')) return null;
  return (
    <aside className="sync-trouble" aria-label={t.erasedUnsentTitle}>
      <p>{t.erasedUnsent(n)}</p>
    </aside>
  );
}

/** Cases with a choice to make between conflicting values: named on every screen, one link each. */
function ConflictsWaiting() {
  const cases = useCasesWithConflicts();
  const path = usePath();
  if (!cases || cases.length === 0) return null;
  // On a case page of its own, its own section says it.
  const shown = cases.map((c) => ({ ...c, href: caseHref(c.caseId) })).filter((c) => c.href !== path);
  if (shown.length === 0) return null;
  return (
    <aside className="sync-trouble" aria-label={t.conflicts.title}>
      <p>{t.conflicts.waiting(shown.length)}</p>
      {path.startsWith('/instellingen') ? <p>{t.conflicts.backupNote}</p> : null}
      <ul className="sync-trouble__cases">
        {shown.map((c) => (
          <li key={c.caseId}>
            <Link href={c.href}>{t.conflicts.caseLink(c.reference)}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function SyncFailure() {
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
        {s.removed && s.removedUnsent ? ` ${t.removedUnsent(s.removedUnsent)}` : ''}
        {!s.removed && s.waiting > 0 ? ` ${t.waiting(s.waiting)}` : ''}
      </p>
      <Link href="/instellingen#synchronisatie" onClick={() => requestSectionFocus('synchronisatie', '/instellingen')}>
        {t.toSettings}
      </Link>
    </aside>
  );
}
