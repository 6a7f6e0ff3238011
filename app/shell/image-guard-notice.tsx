import { useEffect, useRef } from 'react';
import { nl } from '../i18n/core';
import { dismissRefusal, useGuardRefusal } from './image-guard';

/** Calm explanation shown when the guard refused a paste or drop. */
export function ImageGuardNotice() {
  const refusal = useGuardRefusal();
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    if (refusal) {
      returnFocus.current = document.activeElement;
      button.current?.focus();
    }
  }, [refusal]);

  function close() {
    dismissRefusal();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  }

  return (
    <div role="alert" className="guard-region">
      {refusal ? (
        <section
          className="guard"
          aria-labelledby="guard-title"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <h2 id="guard-title">{nl.guard.title}</h2>
          <p>{nl.guard[refusal]}</p>
          <p>{nl.guard.why}</p>
          <button ref={button} type="button" className="button button--primary" onClick={close}>
            {nl.guard.dismiss}
          </button>
        </section>
      ) : null}
    </div>
  );
}
