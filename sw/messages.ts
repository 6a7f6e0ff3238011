// A new version waits until the page asks for it: a half-filled form must
// never be reloaded away by an update.
export const skipWaitingMessage = 'SKIP_WAITING';

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === skipWaitingMessage;
}

export function listenForMessages(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('message', (event) => {
    if (isSkipWaiting(event.data)) void scope.skipWaiting();
  });
}
