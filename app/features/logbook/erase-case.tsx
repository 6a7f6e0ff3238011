import { useState } from 'react';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { describeFailure } from '../../ui/form-errors';

const t = nl.logbook.erase;

interface EraseCaseButtonProps {
  caseId: string;
  reference: string;
  label?: string;
  /** After the erase went through (e.g. go back to the list). */
  onErased?: (message: string) => void;
}

/** "Dossier wissen" behind a confirmation; erases the case and all its parts in one transaction. */
export function EraseCaseButton({ caseId, reference, label = t.button, onErased }: EraseCaseButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      await runOperation('eraseCaseNow', { id: caseId });
      setOpen(false);
      onErased?.(nl.logbook.erased(reference));
    } catch (failure) {
      setError(describeFailure(failure, []).general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={t.title(reference)}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        danger
        busy={busy}
        onConfirm={() => void erase()}
        onCancel={() => setOpen(false)}
      >
        <p>{t.body}</p>
        <p role="alert" className="field__error">
          {error ?? ''}
        </p>
      </ConfirmDialog>
    </>
  );
}
