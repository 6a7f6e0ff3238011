// Focus after a form was refused (WCAG 3.3.1) or a part of a screen was
// replaced. No catalogue import: the lock screen's forms use it on the
// critical path.
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to the first control of `form` marked invalid, once the errors
 * set in this event have rendered (React flushes a submit's updates before
 * the next frame). Nothing happens when no control is marked invalid.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  if (!form) return;
  requestAnimationFrame(() => focusInvalidNow(form));
}

/** Focuses the first control of `form` marked invalid (or inside a field shown with an error), if any. */
export function focusInvalidNow(form: HTMLFormElement): void {
  form
    .querySelector<HTMLElement>(
      '[aria-invalid="true"], .field--error input, .field--error textarea, .field--error select',
    )
    ?.focus();
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
