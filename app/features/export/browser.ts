// Copying text on the export screen. Nothing is sent anywhere.

/** Copies text with the Clipboard API; resolves false when that is refused or missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
