// The calm notice on the lead's device that join requests wait (issue 21):
// picked up in the background (app/data/team/join-watch.ts); nobody is
// admitted until the lead does so in Instellingen → Team. Only the number,
// never a name. Not shown on Instellingen itself, where the requests are listed.
// Styled by backup-reminder.css, which the chunk that mounts it loads.
import { useState } from 'react';

import { useWaitingJoinRequests } from '../../data/team/join-hooks';
import { teamJoin as t } from '../../i18n/nl/team-join';
import { Link } from '../../shell/link';
import { usePath } from '../../shell/router';

// "Niet nu" hides the notice until more requests wait (per page load).
let dismissedAt = 0;

export function TeamJoinNotice() {
  const waiting = useWaitingJoinRequests();
  const path = usePath();
  const [dismissed, setDismissed] = useState(dismissedAt);
  if (waiting === 0 || waiting <= dismissed || path.startsWith('/instellingen')) return null;
  return (
    <aside className="backup-reminder" aria-label={t.noticeLabel}>
      <div className="backup-reminder__body">
        <p role="status">{t.waiting(waiting)}</p>
        <Link href="/instellingen">{t.action}</Link>
        <button
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
