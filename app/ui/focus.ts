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
  focusAfterFrame(() => firstInvalid(form));
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
  firstInvalid(form)?.focus();
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
