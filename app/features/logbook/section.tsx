import { useId, useState, type ReactNode } from 'react';

/** One part of the case page: an h2 with an anchor for the in-page menu. */
export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="case-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A polite live region for "Bewaard." after an action (WCAG 4.1.3). */
export function SavedStatus({ message }: { message: string | null }) {
  return (
    <p role="status" className="saved-status">
      {message ?? ''}
    </p>
  );
}

/**
 * A button that opens a form below it. The form gets `close` and its first
 * field gets focus; closing returns focus to the button. `saved(message)`
 * reports the message through `onSaved` and closes.
 */
export function Expander({
  label,
  buttonLabel,
  children,
  danger,
  onSaved,
}: {
  label: string;
  /** Accessible name when it differs from the visible label. */
  buttonLabel?: string;
  children: (close: () => void, saved: (message: string) => void) => ReactNode;
  danger?: boolean;
  onSaved?: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonId = `${panelId}-button`;

  function close() {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
  }

  return (
    <div className="expander">
      {open ? null : (
        <button
          id={buttonId}
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          aria-expanded={false}
          aria-label={buttonLabel}
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() =>
              document.getElementById(panelId)?.querySelector<HTMLElement>('input, textarea, select')?.focus(),
            );
          }}
        >
          {label}
        </button>
      )}
      <div id={panelId}>
        {open
          ? children(close, (message) => {
              onSaved?.(message);
              close();
            })
          : null}
      </div>
    </div>
  );
}
