// The Vlaggensysteem (Sensoa): the 2021 criteria, the four flags, why a flag
// is not a sum, what is always transgressive, and the older NL version as a
// clearly labelled, possibly incomplete second version.
import { useId } from 'react';
import type { CriteriaVersion, FlagInfo, SourcedText } from '../../../schema/content';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { ContentView, KnowledgeSection, SeeAlso, SourceNote } from './content-view';
import './knowledge.css';

const t = nl.knowledge.vlaggensysteem;

export function VlaggensysteemScreen() {
  const state = useContent('vlaggensysteem.json');
  return (
    <Page title={nl.shell.extra.vlaggensysteem}>
      <p className="lead">{t.intro}</p>
      <ContentView state={state}>
        {(data) => {
          const [primary, ...others] = data.versions;
          return (
            <>
              {primary ? <VersionSection version={primary} /> : null}
              <FlagsSection flags={data.flags} />
              <TextSection title={t.notASum} items={[data.notASum]} callout />
              <TextSection title={t.alwaysTransgressive} items={data.alwaysTransgressive} callout />
              {others.map((version) => (
                <VersionSection key={version.id} version={version} />
              ))}
              <TextSection title={t.bakenChoices} items={data.bakenChoices} />
              <SourceNote sources={[data.source]} lastChecked={data.lastChecked} />
              <SeeAlso to={['stappenplan', 'begrippen']} />
            </>
          );
        }}
      </ContentView>
    </Page>
  );
}

function VersionSection({ version }: { version: CriteriaVersion }) {
  const headingId = useId();
  const incomplete = version.id === 'ouder-nl' && !version.complete;
  return (
    <section className="knowledge-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{version.label}</h2>
      <p className="plan__meta">
        {nl.knowledge.stappenplan.region(nl.knowledge.regions[version.region])}
        {incomplete ? (
          <>
            {' '}
            <span className="tag tag--warning">{t.incomplete}</span>
          </>
        ) : null}
      </p>
      {version.id === 'ouder-nl' && version.gapNote ? (
        <div className="callout">
          <p>{version.gapNote.text}</p>
          <SourceNote sources={[version.gapNote.source]} />
        </div>
      ) : null}
      <ul className="criteria">
        {version.criteria.map((criterion) => (
          <li key={criterion.id} className="card criterion">
            <h3 className="criterion__label">{criterion.label}</h3>
            {criterion.explanation ? (
              <>
                <p>{criterion.explanation.text}</p>
                <SourceNote sources={[criterion.explanation.source]} quote={criterion.explanation.quote} />
              </>
            ) : (
              <p className="knowledge-muted">{t.noExplanation}</p>
            )}
            {criterion.source !== version.source ? <SourceNote sources={[criterion.source]} /> : null}
          </li>
        ))}
      </ul>
      <SourceNote sources={[version.source]} lastChecked={version.lastChecked} />
    </section>
  );
}

function FlagsSection({ flags }: { flags: readonly FlagInfo[] }) {
  return (
    <KnowledgeSection title={t.flags}>
      <ul className="flags">
        {flags.map((flag) => (
          <li key={flag.id} className="flag">
            <span className={`flag__swatch flag__swatch--${flag.id}`} aria-hidden="true" />
            <span>
              <strong>{flag.label}</strong>: {flag.meaning}
            </span>
          </li>
        ))}
      </ul>
      <SourceNote sources={flags.map((flag) => flag.source)} />
    </KnowledgeSection>
  );
}

function TextSection({
  title,
  items,
  callout = false,
}: {
  title: string;
  items: readonly SourcedText[];
  callout?: boolean;
}) {
  return (
    <KnowledgeSection title={title}>
      {items.map((item) => (
        <div key={item.text} className={callout ? 'callout' : undefined}>
          <p>{item.text}</p>
          <SourceNote sources={[item.source]} quote={item.quote} />
        </div>
      ))}
    </KnowledgeSection>
  );
}
