// The recovery code, shown once: at setup (lock screen) and after making a new
// one in Instellingen. Shared so both look and behave the same.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { nl } from '../i18n/core';
import { Button } from './button';

/** Shows the recovery code once, grouped for reading, printable. */
export function RecoveryCodeView({
  code,
  onDone,
  doneLabel = nl.lock.continue,
  level = 2,
  focusOnMount = false,
  children,
}: {
  code: string;
  onDone: () => void;
  doneLabel?: string;
  /**
   * Heading level: 3 inside a settings section; 2 under another title. `null` on a page whose own
   * title already says "Je herstelcode": no second heading, the region keeps the name.
   */
  level?: 2 | 3 | null;
  focusOnMount?: boolean;
  /** Extra text under the intro (e.g. that the old code no longer works). */
  children?: ReactNode;
}) {
  const [stored, setStored] = useState(false);
  // Pressed before ticking: said at the box, which takes focus (a silent no-op explained nothing).
  const [notTicked, setNotTicked] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const labelId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = level === null ? null : level === 2 ? 'h2' : 'h3';
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <section
      className="card stack printable"
      {...(Heading ? { 'aria-labelledby': labelId } : { 'aria-label': nl.lock.recoveryTitle })}
    >
      {Heading ? (
        <Heading id={labelId} ref={heading} tabIndex={-1}>
          {nl.lock.recoveryTitle}
        </Heading>
      ) : null}
      <p>{nl.lock.recoveryIntro}</p>
      {children}
      <p className="recovery-code" aria-label={nl.lock.recoveryLabel}>
        {code}
      </p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {nl.lock.print}
        </button>
      </div>
      <label className="checkbox no-print">
        <input
          ref={box}
          type="checkbox"
          checked={stored}
          aria-invalid={notTicked || undefined}
          aria-describedby={notTicked ? errorId : undefined}
          onChange={(event) => {
            setStored(event.target.checked);
            if (event.target.checked) setNotTicked(false);
          }}
        />
        <span>{nl.lock.recoveryStored}</span>
      </label>
      <p id={errorId} className="field__error no-print" role={notTicked ? 'alert' : undefined}>
        {notTicked ? nl.lock.recoveryNotTicked : ''}
      </p>
      <Button
        type="button"
        className="button button--primary no-print"
        // Unavailable until ticked, as before, but a press says why instead of doing nothing.
        aria-disabled={!stored || undefined}
        onClick={() => {
          if (stored) {
            onDone();
            return;
          }
          setNotTicked(true);
          box.current?.focus();
        }}
      >
        {doneLabel}
      </Button>
    </section>
  );
}
