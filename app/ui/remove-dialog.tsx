// The confirmation before removing a device (sync) or a team member (team):
// the same dialog with the area's four catalogue texts, and the same steps
// around the removal. Used only by the lazy sync and team settings sections,
// so scripts/js-size.mjs counts it with sync.
import { useRef, useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';

/** The texts both catalogues (i18n/nl/sync.ts, team.ts) give a removal. */
export interface RemoveTexts {
  removeTitle: (name: string) => string;
  removeConfirm: string;
  removeCancel: string;
  removeExplain: string;
}

/** The item asked about (null: no dialog), busy while it is removed. */
export interface Removal<T> {
  item: T | null;
  ask: (item: T | null) => void;
  busy: boolean;
  confirm: () => Promise<void>;
  /** True between a confirmed removal and the next question. */
  removed: () => boolean;
}

/**
 * `remove` removes the item and writes its notice; then the dialog closes and
 * `after` runs (a refresh). A failure goes to `onError` and closes it too.
 */
export function useRemoval<T>(options: {
  remove: (item: T) => Promise<void>;
  after: () => Promise<void>;
  onError: (caught: unknown) => void;
}): Removal<T> {
  const [item, setItem] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const removed = useRef(false);
  async function confirm() {
    if (!item) return;
    setBusy(true);
    try {
      await options.remove(item);
      removed.current = true;
      setItem(null);
      await options.after();
    } catch (caught) {
      options.onError(caught);
      setItem(null);
    } finally {
      setBusy(false);
    }
  }
  const ask = (next: T | null) => {
    if (next !== null) removed.current = false;
    setItem(next);
  };
  return { item, ask, busy, confirm, removed: () => removed.current };
}

export function RemoveDialog<T extends { name: string }>({
  texts,
  removal,
  focusAfterRemove,
}: {
  texts: RemoveTexts;
  removal: Removal<T>;
  /** The list's heading: the removed item's button leaves the page with it. */
  focusAfterRemove: () => HTMLElement | null;
}) {
  return (
    <ConfirmDialog
      open={removal.item !== null}
      title={texts.removeTitle(removal.item?.name ?? '')}
      confirmLabel={texts.removeConfirm}
      cancelLabel={texts.removeCancel}
      danger
      busy={removal.busy}
      onConfirm={() => void removal.confirm()}
      onCancel={() => removal.ask(null)}
      returnFocus={() => (removal.removed() ? focusAfterRemove() : null)}
    >
      <p>{texts.removeExplain}</p>
    </ConfirmDialog>
  );
}
