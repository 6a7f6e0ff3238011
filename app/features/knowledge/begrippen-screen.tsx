// The glossary (definitions quoted from the sources) and the grooming phases,
// presented as observations to look out for, not as a fixed sequence.
import { useEffect, useId } from 'react';
import type { BegrippenFile, Term } from '../../../schema/content';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { ContentView, KnowledgeSection, SeeAlso, SourceNote } from './content-view';
import './knowledge.css';

const t = nl.knowledge.begrippen;

export function BegrippenScreen() {
  const state = useContent('begrippen.json');
  const ready = state.status === 'ready';

  // Deep link from the Verwijzingen search: bring the term into view once it is rendered.
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, [ready]);

  return (
    <Page title={nl.shell.extra.begrippen}>
      <p className="lead">{t.intro}</p>
      <ContentView state={state}>
        {(data) => (
          <>
            <Glossary terms={data.terms} />
            <GroomingPhases phases={data.groomingPhases} />
            <SeeAlso to={['stappenplan', 'vlaggensysteem']} />
          </>
        )}
      </ContentView>
    </Page>
  );
}

function Glossary({ terms }: { terms: readonly Term[] }) {
  return (
    <KnowledgeSection title={t.terms}>
      <dl className="glossary">
        {terms.map((term) => (
          <div key={term.id} id={`begrip-${term.id}`} className="card glossary__item">
            <dt>
              <dfn>{term.term}</dfn>
            </dt>
            <dd>
              {term.region ? (
                <p className="tag">{nl.knowledge.stappenplan.region(nl.knowledge.regions[term.region])}</p>
              ) : null}
              {term.quote ? (
                <blockquote className="glossary__quote">
                  <p>{term.definition}</p>
                </blockquote>
              ) : (
                <p>{term.definition}</p>
              )}
              <SourceNote sources={[term.source]} quote={term.quote} lastChecked={term.lastChecked} />
            </dd>
          </div>
        ))}
      </dl>
    </KnowledgeSection>
  );
}

function GroomingPhases({ phases }: { phases: BegrippenFile['groomingPhases'] }) {
  const headingId = useId();
  return (
    <section className="knowledge-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{phases.title}</h2>
      <div className="callout">
        <p>
          <strong>{t.phasesHint}.</strong> {phases.note.text}
        </p>
        <SourceNote sources={[phases.note.source]} />
      </div>
      <ul className="phases">
        {phases.phases.map((phase) => (
          <li key={phase.id}>{phase.quote ? <q>{phase.label}</q> : phase.label}</li>
        ))}
      </ul>
      <SourceNote
        sources={[phases.source]}
        quote={phases.phases.every((phase) => phase.quote)}
        lastChecked={phases.lastChecked}
      />
    </section>
  );
}
