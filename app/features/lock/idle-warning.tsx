import { useEffect, useRef, useState } from 'react';
import { nl } from '../../i18n/core';
import { hasUnsavedForms } from '../../ui/kept-form';

/** Whether focus is where the worker types: the warning must not take the next keystrokes. */
function typingIn(element: Element | null): boolean {
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable) ||
    (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type))
  );
}

/** Whether a <dialog> is open as a modal (a browser without `:modal` has only modal ones here). */
function modalDialogOpen(): boolean {
  try {
    return document.querySelector('dialog[open]:modal') !== null;
  } catch {
    return document.querySelector('dialog[open]') !== null;
  }
}

/**
 * Warns before the idle lock; "Blijf aangemeld" keeps the session, and so does any activity. While
 * the worker types in a field the warning leaves focus there (the next words would go to the button
 * and be lost, a phone would close its keyboard) and is said by a live region instead.
 */
export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const [typing] = useState(() => typingIn(document.activeElement));
  // Where focus was before the warning (read in the first render: a modal warning takes focus on open).
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const [unsaved] = useState(hasUnsavedForms);
  // A confirmation dialog is open (showModal: the top layer, the rest of the page inert): the warning
  // then opens as a modal dialog too, on top of it, or it could be neither seen, reached nor read.
  const [overModal] = useState(modalDialogOpen);
  const modal = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (overModal && modal.current && !modal.current.open) modal.current.showModal();
  }, [overModal]);
  const emptied = unsaved ? ` ${nl.lock.idleUnsaved}` : '';
  useEffect(() => {
    // Focus comes back where it was (the field being typed in) when the warning goes, by the button
    // or by any activity; it never falls to the page.
    const own = button.current;
    if (!typing) own?.focus();
    return () => {
      const active = document.activeElement;
      if (before?.isConnected && (active === null || active === document.body || active === own)) before.focus();
    };
  }, [typing, before]);
  const content = (
    <>
      <h2 id="idle-title">{nl.lock.idleTitle}</h2>
      <p id="idle-body">
        {nl.lock.idleBody(secondsLeft)}
        {emptied}
      </p>
      {typing ? (
        <p role="alert" className="visually-hidden">
          {nl.lock.idleWhileTyping}
          {emptied}
        </p>
      ) : null}
      <button ref={button} type="button" className="button button--primary" onClick={onStay}>
        {nl.lock.stay}
      </button>
    </>
  );
  const labels = { role: 'alertdialog', 'aria-labelledby': 'idle-title', 'aria-describedby': 'idle-body' } as const;
  return overModal ? (
    <dialog
      ref={modal}
      className="idle-warning"
      {...labels}
      onCancel={(event) => {
        // Escape keeps the session, as the button does (the dialog goes with the warning).
        event.preventDefault();
        onStay();
      }}
    >
      {content}
    </dialog>
  ) : (
    <div className="idle-warning" {...labels}>
      {content}
    </div>
  );
}
