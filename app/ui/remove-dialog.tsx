// The confirmation before removing a device (sync) or a team member (team):
// the same dialog with the area's four catalogue texts. Used only by the lazy
// sync and team settings sections, so scripts/js-size.mjs counts it with sync.
import { ConfirmDialog } from './confirm-dialog';

/** The texts both catalogues (i18n/nl/sync.ts, team.ts) give a removal. */
export interface RemoveTexts {
  removeTitle: (name: string) => string;
  removeConfirm: string;
  removeCancel: string;
  removeExplain: string;
}

/** Open while `name` (the device or person to remove) is set. */
export function RemoveDialog(props: {
  texts: RemoveTexts;
  name: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { texts } = props;
  return (
    <ConfirmDialog
      open={props.name !== null}
      title={texts.removeTitle(props.name ?? '')}
      confirmLabel={texts.removeConfirm}
      cancelLabel={texts.removeCancel}
      danger
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>{texts.removeExplain}</p>
    </ConfirmDialog>
  );
}
