// Small bindings for a TextField that edits one string held in component
// state (the forms outside useOperationForm: settings, export). Kept apart
// from field.tsx so the lock screen's critical path does not carry them.
import type { ChangeEvent } from 'react';

/** `value` and `onChange` for an input bound to one string; `onValue` gets the new text, not the event. */
export function textValue(value: string, onValue: (value: string) => void) {
  return { value, onChange: (event: ChangeEvent<HTMLInputElement>) => onValue(event.target.value) };
}

/** A code or id typed by hand (team id, invite code, chain anchor): no autofill, no spell check. */
export const typedCode = { autoComplete: 'off', spellCheck: false } as const;
