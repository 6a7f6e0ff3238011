// A native <details> named by its <summary>: screen readers (and role
// locators) find the part that opens as a group with the summary's words as
// its name, not as an unnamed group. No catalogue import: the knowledge
// screens on the critical path use it.
import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';

export function Disclosure({
  summary,
  children,
  ...details
}: Omit<ComponentPropsWithoutRef<'details'>, 'aria-labelledby'> & { summary: ReactNode }) {
  const id = useId();
  return (
    <details aria-labelledby={id} {...details}>
      <summary id={id}>{summary}</summary>
      {children}
    </details>
  );
}
