// Small pieces every logbook form shares.
import type { ReactNode } from 'react';
import { nl } from '../i18n/catalogue';
import { LiveText } from './live-text';
import { SubmitRow } from './submit-row';
import { Button } from './button';

/** The form-level error (announced) — shown when saving failed or fields need attention. */
export function FormError({ message }: { message: string | null }) {
  return <LiveText role="alert" className="field__error form-error" message={message} />;
}

/** Save / cancel buttons. */
export function FormButtons({
  busy,
  saveLabel = nl.logbook.common.save,
  onCancel,
  extra,
}: {
  busy: boolean;
  saveLabel?: string;
  onCancel?: () => void;
  extra?: ReactNode;
}) {
  return (
    <SubmitRow busy={busy} label={saveLabel} busyLabel={nl.logbook.common.saving}>
      {onCancel ? (
        <Button type="button" className="button" onClick={onCancel} disabled={busy}>
          {nl.logbook.common.cancel}
        </Button>
      ) : null}
      {extra}
    </SubmitRow>
  );
}
