import { nl } from '../i18n/core';
import { focusAfterFrame } from '../ui/focus';
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
          <button
            type="button"
            className="button"
            onClick={() => {
              dismissOfflineReady();
              // The notice leaves with its button: focus goes to the screen's heading, not to the page.
              focusAfterFrame(() => document.querySelector<HTMLElement>('h1[tabindex="-1"]'));
            }}
          >
            {nl.shell.sw.dismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
