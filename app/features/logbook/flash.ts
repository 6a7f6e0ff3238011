// A one-shot message carried across an in-app navigation (e.g. "Dossier
// 2026-014 is aangemaakt." shown on the case page after saving).
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
