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
export function SeeAlso({ links }: { links: readonly { href: string; label: string }[] }) {
  const headingId = useId();
  return (
    <nav className="see-also" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.seeAlso}</h2>
      <ul className="link-list">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
