// A one-shot message carried across an in-app navigation (e.g. "Dossier
// 2026-014 is aangemaakt." shown on the case page after saving).
import { useEffect, useState } from 'react';

let message: string | null = null;

export function setFlash(text: string): void {
  message = text;
}

/** Returns the message once, then forgets it. */
export function takeFlash(): string | null {
  const text = message;
  message = null;
  return text;
}

/**
 * The message for a page's status region. The region first renders empty and
 * the message follows a moment later: a live region that arrives already
 * filled (with the new page) is often not read out, one whose text changes is.
 */
export function useFlash(): [string | null, (text: string | null) => void] {
  const [taken] = useState(takeFlash);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (taken === null) return;
    const timer = window.setTimeout(() => setText(taken), ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [taken]);
  return [text, setText];
}

/** Long enough for screen readers to register the empty live region (and the focused heading) first. */
const ANNOUNCE_DELAY_MS = 150;
