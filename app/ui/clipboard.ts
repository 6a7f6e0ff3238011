// Copying case text to the system clipboard, where other apps can read it.
// Baken remembers that it put something there and empties the clipboard when
// the vault locks. That works only where the platform lets a page write to
// the clipboard at that moment (Chromium: only while the page has focus, so
// not when it locks because it went to the background); it also empties
// whatever was copied after Baken's text.
import { getVaultSnapshot, subscribeVault } from '../data/vault';

let wroteToClipboard = false;

subscribeVault(() => {
  if (!wroteToClipboard || getVaultSnapshot().status === 'unlocked') return;
  wroteToClipboard = false;
  navigator.clipboard?.writeText('').catch(() => undefined);
});

/** Copies text with the Clipboard API; resolves false when that is refused or missing. */
export async function copyCaseText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    wroteToClipboard = true;
    return true;
  } catch {
    return false;
  }
}
