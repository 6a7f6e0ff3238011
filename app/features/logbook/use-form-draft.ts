// Saves a form's fields as an encrypted draft while typing (debounced), so a
// locked phone or a killed app loses at most the last few keystrokes. Pending
// changes are flushed when the page is hidden (phone locks, app switch) —
// before the auto-lock can clear the key.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '../../data/hooks';
import { discardDraft, keepDraft } from '../../data/drafts';
import type { DraftFields } from '../../data/drafts';

export const DRAFT_DELAY_MS = 300;

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
  const discarded = useRef(false);

  // The first answer of the store is the draft to restore; later answers are our own saves.
  if (initial === undefined && stored !== undefined) setInitial(stored ? { ...stored.fields } : null);

  const flush = useCallback(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const fields = pending.current;
    pending.current = null;
    if (fields === null || discarded.current) return;
    try {
      await keepDraft({ id: draftId, fields, caseId });
      if (!discarded.current && pending.current === null) setSaved(true);
    } catch {
      // Image data or a locked vault: nothing is stored; the form shows the field error.
    }
  }, [draftId, caseId]);

  const update = useCallback(
    (fields: DraftFields) => {
      discarded.current = false;
      pending.current = fields;
      setSaved(false);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DRAFT_DELAY_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    discarded.current = true;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setSaved(false);
    await discardDraft(draftId, caseId).catch(() => undefined);
  }, [draftId, caseId]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return { initial, update, discard, saved };
}
