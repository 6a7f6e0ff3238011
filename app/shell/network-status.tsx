import { useSyncExternalStore } from 'react';
import { nl } from '../i18n/core';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

/** Online/offline indicator: text plus shape, never colour alone. */
export function NetworkStatus() {
  const online = useOnline();
  return (
    <p className={online ? 'network network--online' : 'network network--offline'} role="status">
      <span className="network__dot" aria-hidden="true" />
      {online ? nl.shell.network.online : nl.shell.network.offline}
    </p>
  );
}
