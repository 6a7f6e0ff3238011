// The lead hands the lead role to a coördinator or medewerker (issue 21):
// a confirmation that says what changes, then the signed hand-over
// (app/data/team/lead-handover.ts). Shown from Instellingen → Team.
import { useState } from 'react';
import type { Member } from '../../../schema/team';
import { handOverLead } from '../../data/team/lead-handover';
import { teamLead as t } from '../../i18n/nl/team-lead';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { teamErrorText } from './team-common';

/** The confirmation for handing the lead role to `member` (closed when null); reports a Dutch message. */
export function HandOverDialog(props: {
  member: Member | null;
  onDone: (message: string, failed: boolean) => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const { member } = props;
  async function confirm() {
    if (!member) return;
    setBusy(true);
    try {
      await handOverLead(member.id);
      props.onDone(t.done(member.name), false);
    } catch (caught) {
      props.onDone(teamErrorText(caught), true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <ConfirmDialog
      open={member !== null}
      title={t.title(member?.name ?? '')}
      confirmLabel={t.confirm}
      cancelLabel={t.cancel}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
    >
      <p>{t.explain(member?.name ?? '')}</p>
    </ConfirmDialog>
  );
}
