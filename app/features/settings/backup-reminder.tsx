// The calm reminder to back up after N days without a backup (setting
// `backupReminderDays`). Shown only while unlocked, not on Instellingen
// itself; "Niet nu" hides it until the next page load.
// This chunk also mounts the recovery-code reminder (recovery-notice.tsx) and the team's join-request notice (issue 21), in its own
// team chunk and only on a device in a team, so the shell does not grow.
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { backupReminder } from '../../../schema/backup';
import { useHasCases } from '../../data/backup';
import { useVaultSnapshot } from '../../data/vault-hooks';
import { useHasTeam } from '../../data/team/presence';
import { useRecoveryCodeUnconfirmed, useStoredSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { settleNotices } from '../../shell/notices-settled';
import { requestSectionFocus, usePath } from '../../shell/router';
import { focusContentAfterDismiss, RecoveryNotice } from './recovery-notice';
import './backup-reminder.css';

const t = nl.settings.reminder;
let dismissedThisVisit = false;

const TeamJoinNotice = lazy(() => import('./team-join-notice').then((m) => ({ default: m.TeamJoinNotice })));

export function BackupReminder() {
  const inTeam = useHasTeam();
  const { status, epoch } = useVaultSnapshot();
  const unconfirmed = useRecoveryCodeUnconfirmed();
  const settings = useStoredSettings();
  const hasCases = useHasCases();
  const path = usePath();
  // Every notice has decided (shown or not) in this commit: the screen below may show now, in the
  // same frame (notices-settled.ts). The team's notice is left out: it waits on the network.
  const decided =
    status === 'unlocked' && unconfirmed !== undefined && settings !== undefined && hasCases !== undefined;
  useLayoutEffect(() => {
    if (decided) settleNotices(epoch);
  }, [decided, epoch]);
  const due =
    decided && !path.startsWith('/instellingen')
      ? backupReminder(
          { lastBackupAt: settings.lastBackupAt, reminderDays: settings.backupReminderDays, hasCases },
          new Date(),
        )
      : null;
  return (
    <>
      <RecoveryNotice unconfirmed={unconfirmed} />
      {inTeam && (
        <Suspense fallback={null}>
          <TeamJoinNotice />
        </Suspense>
      )}
      {due && <BackupDue due={due} />}
    </>
  );
}

function BackupDue({ due }: { due: { days: number | null } }) {
  const [dismissed, setDismissed] = useState(dismissedThisVisit);
  if (dismissed) return null;
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
