import { nl } from '../i18n/core';
import { useOnline } from '../ui/online';

/** Online/offline indicator: text plus shape, never colour alone. */
export function NetworkStatus() {
  const online = useOnline();
  // An empty status until hydration has read navigator.onLine (one frame).
  if (online === null) return <p className="network" role="status" />;
  return (
    <p className={online ? 'network network--online' : 'network network--offline'} role="status">
      <span className="network__dot" aria-hidden="true" />
      {online ? nl.shell.network.online : nl.shell.network.offline}
    </p>
  );
}
