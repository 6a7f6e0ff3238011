import { useState } from 'react';
import { runOperation } from '../../data/operations';
import { useSyncStatus } from '../../data/sync/status';
import { nl } from '../../i18n/catalogue';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { LiveText } from '../../ui/live-text';
import { useAction } from '../../ui/use-action';

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
  const { busy, error, run } = useAction();
  // Replication runs (the tiny status store, already in the main bundle): this device syncs.
  const syncs = useSyncStatus().phase !== 'uit';

  function erase() {
    return run(
      () => runOperation('eraseCaseNow', { id: caseId }),
      () => {
        setOpen(false);
        onErased?.(nl.logbook.erased(reference));
      },
    );
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
        {syncs ? <p>{t.syncNote}</p> : null}
        <LiveText role="alert" className="field__error" message={error} />
      </ConfirmDialog>
    </>
  );
}
