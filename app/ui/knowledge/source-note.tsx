// "Bron: …" line under a content item, with its "laatst gecontroleerd" date
// where the item has one. Shared by the knowledge screens and the case page.
import { nl } from '../../i18n/core';
import { formatCheckedDate, formatSources } from './source-label';

const t = nl.knowledge.source;

/** `quote` marks verbatim source text; `lastChecked` (ISO date) adds the check date. */
export function SourceNote({
  sources,
  quote = false,
  lastChecked,
}: {
  sources: readonly string[];
  quote?: boolean | undefined;
  lastChecked?: string | undefined;
}) {
  const text = formatSources(...sources);
  return (
    <p className="source-note">
      {quote ? t.quotePrefix(text) : t.prefix(text)}
      {lastChecked ? (
        <>
          <br />
          {t.lastChecked(formatCheckedDate(lastChecked))}
        </>
      ) : null}
    </p>
  );
}
