import type { ReactNode } from 'react';

/**
 * One export on the export screen (never printed): its h2 is the target of
 * the screen's in-page links (tabIndex -1 takes the focus), then the intro.
 */
export function ExportSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section className="export-section card no-print" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}
