// The calm reminder to back up after N days without a backup (setting
// `backupReminderDays`). Shown only while unlocked, not on Instellingen
// itself; "Niet nu" hides it until the next page load.
// This chunk also mounts the recovery-code reminder (recovery-notice.tsx) and the team's join-request notice (issue 21), in its own
// team chunk and only on a device in a team, so the shell does not grow.
import { lazy, Suspense, useState } from 'react';
import { backupReminder } from '../../../schema/backup';
import { useHasCases } from '../../data/backup';
import { useVaultState } from '../../data/hooks';
import { useHasTeam } from '../../data/team/presence';
import { useSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { requestSectionFocus, usePath } from '../../shell/router';
import { focusContentAfterDismiss, RecoveryNotice } from './recovery-notice';
import './backup-reminder.css';

const t = nl.settings.reminder;
let dismissedThisVisit = false;

const TeamJoinNotice = lazy(() => import('./team-join-notice').then((m) => ({ default: m.TeamJoinNotice })));

export function BackupReminder() {
  const inTeam = useHasTeam();
  return (
    <>
      <RecoveryNotice />
      {inTeam && (
        <Suspense fallback={null}>
          <TeamJoinNotice />
        </Suspense>
      )}
      <BackupDue />
    </>
  );
}

function BackupDue() {
  const vault = useVaultState();
  const settings = useSettings();
  const hasCases = useHasCases();
  const path = usePath();
  const [dismissed, setDismissed] = useState(dismissedThisVisit);
  if (vault !== 'unlocked' || hasCases === undefined || dismissed || path.startsWith('/instellingen')) return null;
  const due = backupReminder(
    { lastBackupAt: settings.lastBackupAt, reminderDays: settings.backupReminderDays, hasCases },
    new Date(),
  );
  if (!due) return null;
  return (
    <aside className="backup-reminder" aria-label={t.label}>
      <div className="backup-reminder__body">
        <p>{due.days === null ? t.never : t.days(due.days)}</p>
        <Link href="/instellingen#back-up" onClick={() => requestSectionFocus('back-up', '/instellingen')}>
          {t.action}
        </Link>
        <button
          aria-label={t.laterFor(t.label)}
          type="button"
          className="link-button"
          onClick={() => {
            dismissedThisVisit = true;
            setDismissed(true);
            focusContentAfterDismiss();
          }}
        >
          {t.later}
        </button>
      </div>
    </aside>
  );
}
