import { nl } from '../i18n/core';
import { applyUpdate, dismissOfflineReady, useSwState } from './sw-bridge';

/** Offline-ready and update notices; a polite live region for screen readers. */
export function SwMessages() {
  const { offlineReady, updateWaiting } = useSwState();
  return (
    <div className="notices" role="status" aria-live="polite">
      {updateWaiting ? (
        <div className="notice">
          <p>
            <strong>{nl.shell.sw.updateWaiting}</strong> — {nl.shell.sw.reloadHint}
          </p>
          <button type="button" className="button button--primary" onClick={applyUpdate}>
            {nl.shell.sw.reload}
          </button>
        </div>
      ) : null}
      {offlineReady && !updateWaiting ? (
        <div className="notice">
          <p>{nl.shell.sw.offlineReady}</p>
          <button type="button" className="button" onClick={dismissOfflineReady}>
            {nl.shell.sw.dismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
