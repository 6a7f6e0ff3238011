// Badging API wrappers: feature-detected, and a refusal (not installed, no
// permission) changes nothing for the user, so it is ignored.

export function supportsAppBadge(): boolean {
  return typeof navigator !== 'undefined' && 'setAppBadge' in navigator && 'clearAppBadge' in navigator;
}

/** Shows `count` on the app icon; 0 clears it. The count only, never content. */
export function showAppBadge(count: number): void {
  if (!supportsAppBadge()) return;
  if (count > 0) void navigator.setAppBadge(count).catch(() => undefined);
  else void navigator.clearAppBadge().catch(() => undefined);
}
