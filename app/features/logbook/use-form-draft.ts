// Saves a form's fields as an encrypted draft while typing (debounced, and at
// least every DRAFT_MAX_WAIT_MS while typing goes on), so a killed app loses at
// most the last second of typing. Pending changes are flushed when the page is
// hidden (phone locks, app switch), and every lock waits for them before it
// drops the key (addLockFlush).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '../../data/hooks';
import { addLockFlush } from '../../data/session';
import { discardDraft, keepDraft } from '../../data/drafts';
import type { DraftFields } from '../../data/drafts';
import { nl } from '../../i18n/catalogue';
import { withoutImageLinks } from '../../../schema/image-links';

export const DRAFT_DELAY_MS = 300;
/** Steady typing is still stored this often: the pause the debounce waits for may never come. */
export const DRAFT_MAX_WAIT_MS = 1000;

interface FormDraft {
  /** undefined while the stored draft is loading; null when there is none. */
  initial: DraftFields | null | undefined;
  /** Schedules a save of these fields (all empty: the draft is removed). */
  update: (fields: DraftFields) => void;
  /** Forgets the draft: after saving the real record, or when discarding. */
  discard: () => Promise<void>;
  /** True once a save of the current text has gone through. */
  saved: boolean;
}

/** `draftId` names the form; with `caseId` the stored id is random and does not name the case (app/data/drafts.ts). */
export function useFormDraft(draftId: string, caseId?: string): FormDraft {
  const stored = useDraft(draftId, caseId);
  const [initial, setInitial] = useState<DraftFields | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const pending = useRef<DraftFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest change not yet stored was made (for DRAFT_MAX_WAIT_MS). */
  const pendingSince = useRef<number | null>(null);
  /** The save under way, so a lock can wait for it. */
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const discarded = useRef(false);
  /** What this tab last stored or restored (null: no draft): the only draft its discard removes. */
  const ours = useRef<DraftFields | null>(null);

  // The first answer of the store is the draft to restore; later answers are our own saves.
  if (initial === undefined && stored !== undefined) {
    ours.current = stored ? { ...stored.fields } : null;
    setInitial(stored ? { ...stored.fields } : null);
  }

  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pendingSince.current = null;
    const fields = pending.current;
    pending.current = null;
    if (fields === null || discarded.current) return inFlight.current;
    inFlight.current = (async () => {
      try {
        const kept = await keepDraft({ id: draftId, fields, caseId });
        ours.current = kept === null ? null : fields;
        // Cleared fields remove the draft: then nothing is "bewaard".
        if (!discarded.current && pending.current === null) setSaved(kept !== null);
      } catch {
        // Image data or a locked vault: nothing is stored; the form shows the field error.
      }
    })();
    return inFlight.current;
  }, [draftId, caseId]);

  const update = useCallback(
    (fields: DraftFields) => {
      discarded.current = false;
      // A link to an image is not kept, also not in a draft (a refused note's link came back after a
      // reload): the draft says where it was. The field itself keeps what was typed until it is fixed.
      pending.current = Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          withoutImageLinks(value, nl.logbook.draftImageLinkLeftOut),
        ]),
      );
      setSaved(false);
      const now = Date.now();
      pendingSince.current ??= now;
      if (timer.current !== null) clearTimeout(timer.current);
      const wait = Math.min(DRAFT_DELAY_MS, Math.max(0, pendingSince.current + DRAFT_MAX_WAIT_MS - now));
      timer.current = setTimeout(() => void flush(), wait);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    discarded.current = true;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pendingSince.current = null;
    pending.current = null;
    setSaved(false);
    // A draft another tab stored since is that tab's text: only our own goes.
    await inFlight.current;
    await discardDraft(draftId, caseId, ours.current).catch(() => undefined);
  }, [draftId, caseId]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    const removeLockFlush = addLockFlush(flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      removeLockFlush();
      void flush();
    };
  }, [flush]);

  return { initial, update, discard, saved };
}
