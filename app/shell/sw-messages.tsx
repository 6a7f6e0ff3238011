import { nl } from '../i18n/core';
import { focusAfterFrame } from '../ui/focus';
import { applyUpdate, dismissOfflineReady, useSwState } from './sw-bridge';

const t = nl.shell.sw;

/**
 * Offline-ready and update notices. Only the notice's text is a polite live region, and it is always
 * in the page (empty when there is nothing to say), so screen readers announce a notice when it comes;
 * its button is outside the region, so it is not read out as part of the announcement.
 */
export function SwMessages() {
  const { offlineReady, updateWaiting } = useSwState();
  const notice = updateWaiting ? 'update' : offlineReady ? 'ready' : null;
  return (
    <div className={notice ? 'notices notices--shown' : 'notices'}>
      <div className={notice ? 'notice' : undefined}>
        <p role="status">
          {notice === 'update' ? (
            <>
              <strong>{t.updateWaiting}</strong> — {t.reloadHint}
            </>
          ) : notice === 'ready' ? (
            t.offlineReady
          ) : null}
        </p>
        {notice === 'update' ? (
          <button type="button" className="button button--primary" onClick={applyUpdate}>
            {t.reload}
          </button>
        ) : notice === 'ready' ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              dismissOfflineReady();
              // The notice leaves with its button: focus goes to the screen's heading, not to the page.
              focusAfterFrame(() => document.querySelector<HTMLElement>('h1[tabindex="-1"]'));
            }}
          >
            {t.dismiss}
          </button>
        ) : null}
      </div>
    </div>
  );
}
