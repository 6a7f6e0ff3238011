// Saves a form's fields as an encrypted draft while typing (debounced, and at
// least every DRAFT_MAX_WAIT_MS while typing goes on), so a killed app loses at
// most the last second of typing. Pending changes are flushed when the page is
// hidden (phone locks, app switch), and every lock waits for them before it
// drops the key (addLockFlush). At the page's end (a reload, a closed tab) no
// save started then can finish, so the newest text is also kept sealed ahead
// (prepareDraft) and, when it is newer than what was stored, written at once
// (keepDraftAtOnce) in beforeunload and pagehide.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '../../data/hooks';
import { addLockFlush } from '../../data/session';
import { discardDraft, keepDraft, keepDraftAtOnce, prepareDraft } from '../../data/drafts';
import type { DraftFields, PreparedDraft } from '../../data/drafts';
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
  // For the page's end: each change's number, the newest change stored, and the newest sealed ahead.
  const changes = useRef(0);
  const latest = useRef<{ seq: number; fields: DraftFields } | null>(null);
  const storedSeq = useRef(0);
  const ahead = useRef<{ seq: number; draft: PreparedDraft | null }>({ seq: 0, draft: null });
  const sealing = useRef(false);
  /** Counts discards: text sealed before one is never written at the page's end. */
  const discards = useRef(0);

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
    const seq = latest.current?.seq ?? 0;
    inFlight.current = (async () => {
      try {
        const kept = await keepDraft({ id: draftId, fields, caseId });
        storedSeq.current = Math.max(storedSeq.current, seq);
        ours.current = kept === null ? null : fields;
        // Cleared fields remove the draft: then nothing is "bewaard".
        if (!discarded.current && pending.current === null) setSaved(kept !== null);
      } catch {
        // Image data or a locked vault: nothing is stored; the form shows the field error.
      }
    })();
    return inFlight.current;
  }, [draftId, caseId]);

  /** Seals the newest change ahead, one at a time (a change made meanwhile is sealed next). */
  const sealAhead = useCallback(() => {
    if (sealing.current) return;
    sealing.current = true;
    void (async () => {
      for (let next = latest.current; next && next.seq !== ahead.current.seq; next = latest.current) {
        const epoch = discards.current;
        let draft: PreparedDraft | null = null;
        try {
          draft = await prepareDraft({ id: draftId, fields: next.fields, caseId });
        } catch {
          // Image data or a locked vault: nothing to keep at the page's end either.
        }
        if (epoch === discards.current) ahead.current = { seq: next.seq, draft };
      }
      sealing.current = false;
    })();
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
      latest.current = { seq: ++changes.current, fields: pending.current };
      sealAhead();
      setSaved(false);
      const now = Date.now();
      pendingSince.current ??= now;
      if (timer.current !== null) clearTimeout(timer.current);
      const wait = Math.min(DRAFT_DELAY_MS, Math.max(0, pendingSince.current + DRAFT_MAX_WAIT_MS - now));
      timer.current = setTimeout(() => void flush(), wait);
    },
    [flush, sealAhead],
  );

  const discard = useCallback(async () => {
    discarded.current = true;
    discards.current++;
    latest.current = null;
    ahead.current = { seq: changes.current, draft: null };
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
    const onPageHide = () => {
      // The newest text sealed ahead, when newer than what was stored: written before this returns.
      const { seq, draft } = ahead.current;
      if (draft && !discarded.current && seq > storedSeq.current) {
        keepDraftAtOnce(draft);
        storedSeq.current = seq;
      }
      void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onPageHide);
    window.addEventListener('pagehide', onPageHide);
    const removeLockFlush = addLockFlush(flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onPageHide);
      window.removeEventListener('pagehide', onPageHide);
      removeLockFlush();
      void flush();
    };
  }, [flush]);

  return { initial, update, discard, saved };
}
