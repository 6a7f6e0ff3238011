// "Wat zegt de wet": the Belgian legal frame from the CLB interview (seed
// 004), dated, with the plain note that the law was reformed in 2022 and that
// a new Criminal Code applies since 8 April 2026. Article numbers are shown
// only as the seed gives them. Open before unlock and offline.
import { useId } from 'react';
import type { SourcedText } from '../../../schema/content';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { GuideSectionView } from '../../ui/knowledge/guide-section';
import { ContentView, SeeAlso, SourceNote } from './content-view';
import './knowledge.css';

const t = nl.knowledge.wetgeving;

export function WetgevingScreen() {
  const state = useContent('wetgeving.json');
  return (
    <Page title={nl.shell.extra.wetgeving}>
      <p className="lead">{t.intro}</p>
      <ContentView state={state}>
        {(data) => (
          <>
            <Notice title={t.reform} item={data.reformNote} danger />
            <Notice title={t.sourceDate} item={data.sourceDate} />
            {data.sections.map((section) => (
              <GuideSectionView key={section.id} section={section} />
            ))}
            <SeeAlso
              links={[
                { href: '/praktijkvragen', label: nl.shell.extra.praktijkvragen },
                { href: '/gesprek', label: nl.shell.extra.gesprek },
                { href: '/stappenplan', label: nl.shell.nav.stappenplan },
                { href: '/verwijzingen', label: nl.shell.nav.verwijzingen },
              ]}
            />
          </>
        )}
      </ContentView>
    </Page>
  );
}

function Notice({ title, item, danger = false }: { title: string; item: SourcedText; danger?: boolean }) {
  const headingId = useId();
  return (
    <section className={danger ? 'callout callout--danger reform-note' : 'callout'} aria-labelledby={headingId}>
      <h2 id={headingId} className="knowledge-callout__title">
        {title}
      </h2>
      <p>{item.text}</p>
      <SourceNote sources={[item.source]} quote={item.quote} />
    </section>
  );
}
