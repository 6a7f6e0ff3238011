// Focus after a form was refused (WCAG 3.3.1) or a part of a screen was
// replaced. No catalogue import: the lock screen's forms use it on the
// critical path.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Moves focus to the first control of `form` marked invalid, once the errors
 * set in this event have rendered (React flushes a submit's updates before
 * the next frame). Nothing happens when no control is marked invalid.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  if (!form) return;
  focusAfterFrame(() => {
    const target = firstInvalid(form);
    if (target) ignoreRepeatTap(form);
    return target;
  });
}

/** How long after a tap a second tap on the same spot counts as part of it (a double tap). */
const REPEAT_TAP_MS = 500;
/** How far (CSS px) a second tap may land from the first and still count as the same spot. */
const REPEAT_TAP_PX = 24;
/** The latest pointer click on the page (`detail` > 0: not a key press), for ignoreRepeatTap. */
let lastTap: { x: number; y: number; at: number; target: EventTarget | null } | null = null;
// Not in the build's prerender (Node), which imports the lock screen's forms.
if (typeof document !== 'undefined')
  document.addEventListener(
    'click',
    (event) => {
      if (event.detail > 0) lastTap = { x: event.clientX, y: event.clientY, at: event.timeStamp, target: event.target };
    },
    true,
  );

/**
 * A review (a worker double-tapping "Bewaren" on a half-filled form): focusing the first invalid
 * control scrolls it into view, so the second tap of the double tap landed on a radio button that
 * had moved under the finger and chose an answer nobody gave. After a refused save, a pointer press
 * and click in the form that the browser counts as the second of a double tap, at the spot of the
 * tap that saved and within REPEAT_TAP_MS of it, are ignored when they land on something else than
 * that tap did (the same button again is a second save).
 */
function ignoreRepeatTap(form: HTMLFormElement): void {
  const tap = lastTap;
  if (!tap || performance.now() - tap.at > REPEAT_TAP_MS) return;
  const guard = (event: MouseEvent): void => {
    // detail ≥ 2: the browser counts it as the second press of a double tap or click (a single
    // press right after a refusal, to fix the field focus went to, is never ignored).
    const moved =
      event.detail >= 2 &&
      event.timeStamp - tap.at <= REPEAT_TAP_MS &&
      Math.abs(event.clientX - tap.x) <= REPEAT_TAP_PX &&
      Math.abs(event.clientY - tap.y) <= REPEAT_TAP_PX &&
      event.target !== tap.target;
    if (!moved) return;
    event.preventDefault();
    event.stopPropagation();
  };
  // Its mousedown too: it would move focus away from the control that needs attention.
  for (const type of ['mousedown', 'click'] as const) {
    form.addEventListener(type, guard, true);
    setTimeout(() => form.removeEventListener(type, guard, true), REPEAT_TAP_MS);
  }
}

/**
 * True when nobody holds focus on purpose: it is on the page body (the focused
 * element left the DOM) or still inside `within` (the part of the screen that
 * asked to move it). False once the worker has moved on to another control.
 */
export function focusWasDropped(within: Element | null): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || (within !== null && within.contains(active));
}

/**
 * Focuses what `target` returns after the next frame (when the DOM it needs is
 * there), unless focus moved elsewhere in the meantime: a late frame must
 * never pull focus, and the text being typed, away from the field the worker
 * went to (see focusWasDropped; `within` is the part of the screen that asked).
 */
export function focusAfterFrame(
  target: () => HTMLElement | null | undefined,
  within: Element | null = null,
  options?: FocusOptions,
): void {
  const before = document.activeElement;
  requestAnimationFrame(() => {
    if (document.activeElement !== before && !focusWasDropped(within)) return;
    target()?.focus(options);
  });
}

/** Focuses the first control of `form` marked invalid (or inside a field shown with an error), if any. */
export function focusInvalidNow(form: HTMLFormElement): void {
  const target = firstInvalid(form);
  if (!target) return;
  ignoreRepeatTap(form);
  target.focus();
}

function firstInvalid(form: HTMLFormElement): HTMLElement | null {
  return form.querySelector<HTMLElement>(
    '[aria-invalid="true"], .field--error input, .field--error textarea, .field--error select',
  );
}

/**
 * A ref whose element takes focus when it mounts, if `enabled`: for a part of
 * a screen that replaces the one whose button was just pressed (that button
 * left the DOM, and focus with it). Never on a first load.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true): RefObject<T | null> {
  const element = useRef<T>(null);
  useEffect(() => {
    if (enabled) element.current?.focus();
    // Mount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return element;
}

type Find = () => HTMLElement | null | undefined;

/**
 * For a part of a screen swapped for another by a state change (a button for
 * its form, and back): call the returned function with what should take focus,
 * together with the change. Focus moves in the commit that shows it (a layout
 * effect), never a frame later, so it cannot land after the worker (or a test)
 * went on to a field and take the typing with it; and only when focus was
 * dropped (focusWasDropped, `within`: the part that asked).
 */
export function useFocusAfterSwap(state: unknown): (target: Find, within?: () => Element | null) => void {
  const pending = useRef<{ target: Find; within: (() => Element | null) | undefined } | null>(null);
  useLayoutEffect(() => {
    const next = pending.current;
    pending.current = null;
    if (next && focusWasDropped(next.within?.() ?? null)) next.target()?.focus();
  }, [state]);
  return useCallback((target: Find, within?: () => Element | null) => {
    pending.current = { target, within };
  }, []);
}

/**
 * The first form control inside `root` (for a form that just opened). When it is a radio button of a
 * group with a choice made, the chosen one: arrow keys from an unchosen radio would change the choice.
 */
export function firstControl(root: Element | null): HTMLElement | null {
  const first = root?.querySelector<HTMLElement>('input, textarea, select') ?? null;
  if (root && first instanceof HTMLInputElement && first.type === 'radio' && !first.checked && first.name) {
    const chosen = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (radio) => radio.name === first.name && radio.checked,
    );
    if (chosen) return chosen;
  }
  return first;
}

/**
 * For a form whose server refusal marks a field: call the returned function,
 * and the first marked control takes focus after the render that marks it and
 * enables the form again (a disabled control takes no focus).
 */
export function useFocusInvalidAfterRender(): (form: HTMLFormElement) => void {
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  useEffect(() => {
    if (!form) return;
    focusInvalidNow(form);
    setForm(null);
  }, [form]);
  return setForm;
}
