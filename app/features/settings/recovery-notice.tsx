// The calm reminder that a recovery code was made but its storing not yet
// confirmed (app/data/vault.ts, "recoveryUnconfirmed"): shown after every
// unlock until confirmed or revoked in Instellingen → Herstelcode. Not on
// Instellingen itself, and not right after setup, where the code is on screen.
// "Niet nu" hides it until the next unlock. Styled by backup-reminder.css.
import { useState } from 'react';
import { isSetupSession } from '../../data/vault';
import { useVaultSnapshot } from '../../data/vault-hooks';
import { settings } from '../../i18n/nl/settings';
import { Link } from '../../shell/link';
import { requestSectionFocus, usePath } from '../../shell/router';
import { focusAfterFrame } from '../../ui/focus';
import { RECOVERY_SECTION_ID } from './recovery-code-section';

const t = settings.recovery;
// The session (vault epoch) in which "Niet nu" was chosen.
let dismissedEpoch = -1;

/** "Niet nu" removes its own button: focus goes to the screen's content, not to the page body. */
export function focusContentAfterDismiss(): void {
  focusAfterFrame(() => document.getElementById('inhoud'));
}

/** `unconfirmed`: the live flag (useRecoveryCodeUnconfirmed), read by the parent so it knows when every notice has decided. */
export function RecoveryNotice({ unconfirmed }: { unconfirmed: boolean | undefined }) {
  const { epoch } = useVaultSnapshot();
  const path = usePath();
  const [dismissed, setDismissed] = useState(dismissedEpoch);
  // Not in the session that created the vault: its code is (or was just) on screen there.
  if (!unconfirmed || isSetupSession() || dismissed === epoch || path.startsWith('/instellingen')) return null;
  return (
    <aside className="backup-reminder" aria-label={t.noticeLabel}>
      <div className="backup-reminder__body">
        <p>{t.notice}</p>
        <Link
          href={`/instellingen#${RECOVERY_SECTION_ID}`}
          onClick={() => requestSectionFocus(RECOVERY_SECTION_ID, '/instellingen')}
        >
          {t.noticeAction}
        </Link>
        <button
          aria-label={settings.reminder.laterFor(t.noticeLabel)}
          type="button"
          className="link-button"
          onClick={() => {
            dismissedEpoch = epoch;
            setDismissed(epoch);
            focusContentAfterDismiss();
          }}
        >
          {settings.reminder.later}
        </button>
      </div>
    </aside>
  );
}
