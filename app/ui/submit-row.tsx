// The row under a form: its submit button (worded by what it does, and while
// busy by what it is doing) and any other buttons. No catalogue import: the
// lock screen uses it on the critical path.
import type { ReactNode } from 'react';
import { Button } from './button';

export function SubmitRow({
  busy,
  label,
  busyLabel,
  disabled = false,
  children,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  /** Disabled for another reason than being busy (e.g. a waiting time). */
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="button-row">
      <Button type="submit" className="button button--primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </Button>
      {children}
    </div>
  );
}
