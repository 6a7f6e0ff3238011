// Shared frame of the knowledge screens: loading / calm error / content, and
// the content-version footer.
import { useId, type ReactNode } from 'react';
import type { ContentFileName } from '../../../schema/content';
import type { ContentData, ContentState } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';

export { SourceNote } from '../../ui/knowledge/source-note';

const t = nl.knowledge;

interface ContentViewProps<F extends ContentFileName> {
  state: ContentState<F>;
  children: (data: ContentData<F>) => ReactNode;
}

export function ContentView<F extends ContentFileName>({ state, children }: ContentViewProps<F>) {
  if (state.status === 'loading') {
    return (
      <p className="lead" role="status">
        {t.content.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="callout" role="alert">
        <h2 className="knowledge-callout__title">{t.content.errorTitle}</h2>
        <p>{t.content.errorBody}</p>
        <button type="button" className="button" onClick={state.retry}>
          {t.content.retry}
        </button>
      </div>
    );
  }
  const version: string = state.data.contentVersion;
  return (
    <>
      {children(state.data)}
      <footer className="knowledge-footer">
        <p>{t.content.version(version)}</p>
      </footer>
    </>
  );
}

/** Links to the other knowledge screens. */
/** The reading screens that "Zie ook" links to: one place for their paths and names. */
const seeAlsoPages = {
  stappenplan: { href: '/stappenplan', label: nl.shell.nav.stappenplan },
  wet: { href: '/wet', label: nl.shell.extra.wetgeving },
  gesprek: { href: '/gesprek', label: nl.shell.extra.gesprek },
  praktijkvragen: { href: '/praktijkvragen', label: nl.shell.extra.praktijkvragen },
  vlaggensysteem: { href: '/vlaggensysteem', label: nl.shell.extra.vlaggensysteem },
  begrippen: { href: '/begrippen', label: nl.shell.extra.begrippen },
  verwijzingen: { href: '/verwijzingen', label: nl.shell.nav.verwijzingen },
} as const;

/** A part of a knowledge screen under its own h2, named by it for screen readers. */
export function KnowledgeSection({
  title,
  nav = false,
  className = 'knowledge-section',
  children,
}: {
  title: string;
  /** A navigation landmark (links on) instead of a section. */
  nav?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const Element = nav ? 'nav' : 'section';
  return (
    <Element className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </Element>
  );
}

export function SeeAlso({ to }: { to: readonly (keyof typeof seeAlsoPages)[] }) {
  return (
    <KnowledgeSection title={t.seeAlso} nav className="see-also">
      <ul className="link-list">
        {to.map((page) => (
          <li key={page}>
            <Link href={seeAlsoPages[page].href}>{seeAlsoPages[page].label}</Link>
          </li>
        ))}
      </ul>
    </KnowledgeSection>
  );
}
