// Small pieces every logbook form shares.
import type { ReactNode } from 'react';
import { nl } from '../i18n/catalogue';

/** The form-level error (announced) — shown when saving failed or fields need attention. */
export function FormError({ message }: { message: string | null }) {
  return (
    <p role="alert" className="field__error form-error">
      {message ?? ''}
    </p>
  );
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
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? nl.logbook.common.saving : saveLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {nl.logbook.common.cancel}
        </button>
      ) : null}
      {extra}
    </div>
  );
}
