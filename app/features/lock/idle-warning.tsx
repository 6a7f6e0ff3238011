import { useEffect, useRef } from 'react';
import { nl } from '../../i18n/core';

/** Warns before the idle lock; "Blijf aangemeld" keeps the session. */
export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus comes back where it was (the field being typed in) when the warning goes, by the button
    // or by any activity; it never falls to the page.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const own = button.current;
    own?.focus();
    return () => {
      const active = document.activeElement;
      if (before?.isConnected && (active === null || active === document.body || active === own)) before.focus();
    };
  }, []);
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-body">
      <h2 id="idle-title">{nl.lock.idleTitle}</h2>
      <p id="idle-body">{nl.lock.idleBody(secondsLeft)}</p>
      <button ref={button} type="button" className="button button--primary" onClick={onStay}>
        {nl.lock.stay}
      </button>
    </div>
  );
}
