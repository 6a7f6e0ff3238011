import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { nl } from '../../i18n/catalogue';
import { firstControl, useFocusAfterSwap } from '../../ui/focus';
import { KeptFormKey, forgetKept, keptFormKey, keptValues, startKeeping } from '../../ui/kept-form';

const tp = nl.casePage;

/** What the case page tells its sections: which are open, and how many items each holds. */
export interface CaseSectionsState {
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
  count: (id: string) => number | undefined;
}

export const CaseSectionsContext = createContext<CaseSectionsState | null>(null);

/**
 * One part of the case page: an h2 with an anchor for the section menu, a
 * count, and a button that folds the content away (kept mounted, so a form
 * half filled in survives folding). Outside the case page it is always open.
 */
export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const sections = useContext(CaseSectionsContext);
  const open = sections ? sections.isOpen(id) : true;
  const count = sections?.count(id);
  return (
    <section id={id} className="case-section" aria-labelledby={`${id}-title`} data-section={id}>
      <div className="case-section__head">
        <h2 id={`${id}-title`} tabIndex={-1}>
          {title}
        </h2>
        {count !== undefined ? (
          <span className="count-badge">
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden">{tp.countLabel(title, count, id)}</span>
          </span>
        ) : null}
        {sections ? (
          <button
            type="button"
            className="case-section__toggle"
            aria-expanded={open}
            aria-controls={`${id}-body`}
            onClick={() => sections.toggle(id)}
          >
            <span className={open ? 'chevron chevron--open' : 'chevron'} aria-hidden="true" />
            <span className="visually-hidden">{tp.toggle(title, open)}</span>
          </button>
        ) : null}
      </div>
      <div id={`${id}-body`} className="case-section__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}

/**
 * A save to confirm: the message, and what the page looked like when the
 * worker saved (which record had focus, which records the section held), so
 * the saved item can be found once the live read shows it.
 */
export interface SavedNotice {
  text: string;
  nonce: number;
  origin: string | null;
  before: ReadonlySet<string> | null;
}

function recordIds(root: Element): Set<string> {
  return new Set(
    Array.from(root.querySelectorAll<HTMLElement>('[data-record]'), (element) => element.dataset.record ?? ''),
  );
}

/**
 * State for a section's saved message. Call the setter at the moment of
 * saving (before the form closes): it notes where focus was, so SavedStatus
 * can move the eye and focus to the saved item.
 */
export function useSavedMessage(): [SavedNotice | null, (text: string) => void] {
  const [notice, setNotice] = useState<SavedNotice | null>(null);
  const confirm = useCallback((text: string) => {
    const active = document.activeElement;
    const origin = active?.closest<HTMLElement>('[data-record]')?.dataset.record ?? null;
    const section = active?.closest('.case-section');
    setNotice((previous) => ({
      text,
      nonce: (previous?.nonce ?? 0) + 1,
      origin,
      before: section ? recordIds(section) : null,
    }));
  }, []);
  return [notice, confirm];
}

// A new record appears when the live read has decrypted it; an edited one is already there. A review
// on a busy shared machine saw the read take longer than 800 ms once (focus went to the heading); the
// wait ends as soon as the worker presses a key or taps, so a longer one never pulls the page away.
const WAIT_FOR_NEW_MS = 3000;
// The message is written this long after the region was emptied, so a screen reader hears the same
// message again for the next save (an unchanged text is not announced).
const ANNOUNCE_AFTER_MS = 100;
const WAIT_FOR_EDIT_MS = 250;
const MARK_MS = 2500;

/** Scrolls the saved item into view, marks it briefly and gives it focus (unless focus already sits inside it). */
function reveal(target: HTMLElement) {
  const focusable = target.querySelector<HTMLElement>('article') ?? target;
  if (!focusable.contains(document.activeElement)) {
    if (!focusable.hasAttribute('tabindex') && !focusable.matches('button, a, input, select, textarea'))
      focusable.tabIndex = -1;
    focusable.focus({ preventScroll: true });
  }
  target.scrollIntoView({ block: 'center' });
  target.classList.add('just-saved');
  window.setTimeout(() => target.classList.remove('just-saved'), MARK_MS);
}

/**
 * A polite live region for "… bewaard." after an action (WCAG 4.1.3). With a
 * SavedNotice it also brings the saved item into view and gives it focus: a
 * record that was not there before, else the record the worker worked in,
 * else the section heading.
 */
export function SavedStatus({ message }: { message: SavedNotice | string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const notice = typeof message === 'object' ? message : null;
  const nonce = notice?.nonce;

  useEffect(() => {
    const section = ref.current?.closest<HTMLElement>('.case-section');
    if (!notice || !section) return;
    const started = performance.now();
    let frame = 0;
    const tick = () => {
      const elapsed = performance.now() - started;
      const records = Array.from(section.querySelectorAll<HTMLElement>('[data-record]'));
      const fresh = notice.before ? records.find((e) => !notice.before?.has(e.dataset.record ?? '')) : undefined;
      let target: HTMLElement | undefined = fresh;
      if (!target && elapsed > (notice.origin ? WAIT_FOR_EDIT_MS : WAIT_FOR_NEW_MS)) {
        target =
          records.find((e) => e.dataset.record === notice.origin) ??
          section.querySelector<HTMLElement>('h2') ??
          undefined;
      }
      if (target) reveal(target);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    // The worker moved on before the item showed: never pull the page away from them.
    const cancel = () => cancelAnimationFrame(frame);
    document.addEventListener('pointerdown', cancel, { once: true });
    document.addEventListener('keydown', cancel, { once: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', cancel);
      document.removeEventListener('keydown', cancel);
    };
    // Only a new save starts the search; the notice object is that save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nonce]);

  const text = typeof message === 'string' ? message : (notice?.text ?? '');
  // Every save is said, also the same message twice (a review: the second "De notitie is bewaard." was
  // never announced): emptied, then written again.
  const [shown, setShown] = useState(text);
  useEffect(() => {
    setShown('');
    const timer = window.setTimeout(() => setShown(text), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [nonce, text]);
  // A new attempt in the section takes the old confirmation away, so a refused save never stands under
  // "… bewaard." of the one before.
  useEffect(() => {
    const section = ref.current?.closest('.case-section');
    if (!section) return;
    const clear = (): void => setShown('');
    section.addEventListener('submit', clear, true);
    return () => section.removeEventListener('submit', clear, true);
  }, []);
  return (
    <p ref={ref} role="status" className="saved-status">
      {shown}
    </p>
  );
}

/**
 * A button that opens a form below it. The form gets `close` and its first
 * field gets focus; closing returns focus to the button. `saved(message)`
 * reports the message through `onSaved` and closes.
 */
export function Expander({
  label,
  buttonLabel,
  children,
  danger,
  onSaved,
  changed,
}: {
  label: string;
  /** Accessible name when it differs from the visible label. */
  buttonLabel?: string;
  children: (close: () => void, saved: (message: string) => void) => ReactNode;
  danger?: boolean;
  onSaved?: (message: string) => void;
  /**
   * The item changed meanwhile so that this action no longer applies (corrected, done, withdrawn,
   * elsewhere): the button goes, but an open form stays with what was typed, and says why.
   */
  changed?: string;
}) {
  // On a case page, what was typed into a form and not saved is still there when the worker comes
  // back from elsewhere in Baken and opens it again (kept-form.ts), until it is saved, cancelled or
  // Baken locks. The button says so; the form opens only when asked, as always.
  const [keepKey] = useState(() => keptFormKey(buttonLabel ?? label));
  const [waiting, setWaiting] = useState(() => keptValues(keepKey) !== undefined);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonId = `${panelId}-button`;
  // Focus moves in the commit that opens or closes the panel (useFocusAfterSwap).
  const focusAfter = useFocusAfterSwap(open);
  const panel = () => document.getElementById(panelId);

  function close() {
    forgetKept(keepKey);
    setWaiting(false);
    focusAfter(() => document.getElementById(buttonId), panel);
    setOpen(false);
  }

  if (changed !== undefined && !open) return null;
  return (
    <div className="expander">
      {open ? null : (
        <button
          id={buttonId}
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          aria-expanded={false}
          aria-label={buttonLabel}
          aria-describedby={waiting ? `${panelId}-kept` : undefined}
          onClick={() => {
            startKeeping(keepKey);
            focusAfter(() => firstControl(panel()), panel);
            setOpen(true);
          }}
        >
          {label}
        </button>
      )}
      {!open && waiting ? (
        <p id={`${panelId}-kept`} className="field__hint">
          {nl.logbook.keptWaiting}
        </p>
      ) : null}
      <div id={panelId}>
        {open ? (
          <KeptFormKey.Provider value={keepKey}>
            {changed === undefined ? null : (
              <p role="alert" className="callout">
                {changed}
              </p>
            )}
            {waiting ? <p className="field__hint">{nl.logbook.keptUnsaved}</p> : null}
            {children(close, (message) => {
              onSaved?.(message);
              close();
            })}
          </KeptFormKey.Provider>
        ) : null}
      </div>
    </div>
  );
}
