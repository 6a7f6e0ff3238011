// Small browser helpers of the export screen: today's date, saving a file the
// user asked for. Nothing is sent anywhere. (Copying: app/ui/clipboard.ts.)

/** Today on this device, YYYY-MM-DD (local time, as the user sees it). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Offers `text` as a download under `name` (a same-origin blob: URL, revoked afterwards). */
export function saveTextFile(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
