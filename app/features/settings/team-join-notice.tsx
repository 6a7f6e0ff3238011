// The calm notice on the lead's device that join requests wait (issue 21):
// picked up in the background (app/data/team/join-watch.ts); nobody is
// admitted until the lead does so in Instellingen → Team. Only the number,
// never a name. Not shown on Instellingen itself, where the requests are listed.
// Styled by backup-reminder.css, which the chunk that mounts it loads.
// The same mount shows the notice that the team server refused the team
// account (issue 20, team side), on every device in a team, first.
import { useState } from 'react';

import { useTeamRefusal } from '../../data/team/account-refusal';
import { useWaitingJoinRequests } from '../../data/team/join-hooks';
import { teamAccount } from '../../i18n/nl/team-account';
import { teamJoin as t } from '../../i18n/nl/team-join';
import { Link } from '../../shell/link';
import { requestSectionFocus, usePath } from '../../shell/router';

// The links land on Instellingen's Team section, its heading focused (far below the top on a phone).
const TEAM_SETTINGS = '/instellingen#team';
const focusTeamSection = (): void => requestSectionFocus('team', '/instellingen');

// "Niet nu" hides the notice until more requests wait (per page load).
let dismissedAt = 0;

export function TeamJoinNotice() {
  return (
    <>
      <TeamAccountNotice />
      <JoinRequestsNotice />
    </>
  );
}

/** The team server refused the account: the team loops stopped until the password is entered again. */
function TeamAccountNotice() {
  const refusal = useTeamRefusal();
  const path = usePath();
  // Instellingen → Team says it in full, with the form.
  if (!refusal || path.startsWith('/instellingen')) return null;
  return (
    <aside className="backup-reminder" aria-label={teamAccount.noticeLabel}>
      <div className="backup-reminder__body">
        <p role="status">{teamAccount.short[refusal]}</p>
        <Link href={TEAM_SETTINGS} onClick={focusTeamSection}>
          {teamAccount.action}
        </Link>
      </div>
    </aside>
  );
}

function JoinRequestsNotice() {
  const waiting = useWaitingJoinRequests();
  const path = usePath();
  const [dismissed, setDismissed] = useState(dismissedAt);
  if (waiting === 0 || waiting <= dismissed || path.startsWith('/instellingen')) return null;
  return (
    <aside className="backup-reminder" aria-label={t.noticeLabel}>
      <div className="backup-reminder__body">
        <p role="status">{t.waiting(waiting)}</p>
        <Link href={TEAM_SETTINGS} onClick={focusTeamSection}>
          {t.action}
        </Link>
        <button
          aria-label={t.laterLabel}
          type="button"
          className="link-button"
          onClick={() => {
            dismissedAt = waiting;
            setDismissed(waiting);
          }}
        >
          {t.later}
        </button>
      </div>
    </aside>
  );
}
