import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser says it is online; null while hydrating index.html's prerendered markup (the build cannot know). */
export function useOnline(): boolean | null {
  return useSyncExternalStore<boolean | null>(
    subscribe,
    () => navigator.onLine,
    () => null,
  );
}
