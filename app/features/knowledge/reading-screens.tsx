// The reading screens around a case, open before unlock and offline:
// - "Wat zegt de wet": the Belgian legal frame from the CLB interview (seed
//   004), dated, with the plain note that the law was reformed in 2022 and that
//   a new Criminal Code applies since 8 April 2026. Article numbers are shown
//   only as the seed gives them.
// - "In gesprek": what to do in the conversation (seed 001), consequences, care
//   and support (seeds 001, 003), what recipients can do (seed 004) and
//   informing parents with cultural and religious sensitivity (seed 002); the
//   Rechtsgebied's sections first.
// - "Vragen uit de praktijk": the questions of schools and CLBs (seed 004),
//   vertrouwenspersoon versus CLB, pedagogische begeleiding, and the CLB's
//   column of the preventiepiramide (the after-incident cell as a checklist
//   whose ticks are not stored).
// One module, so the three screens share one chunk.
import { useId, type ComponentProps } from 'react';
import type { GuideSection, SourcedText } from '../../../schema/content';
import { appliesIn } from '../../../schema/knowledge-rules';
import { useContent } from '../../content/load-content';
import { useJurisdiction } from '../../data/jurisdiction';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { GuideSectionView } from '../../ui/knowledge/guide-section';
import { ContentView, SeeAlso, SourceNote } from './content-view';
import './knowledge.css';

export function WetgevingScreen() {
  const state = useContent('wetgeving.json');
  return (
    <Page title={nl.shell.extra.wetgeving}>
      <p className="lead">{nl.knowledge.wetgeving.intro}</p>
      <ContentView state={state}>
        {(data) => (
          <>
            <Notice title={nl.knowledge.wetgeving.reform} item={data.reformNote} danger />
            <Notice title={nl.knowledge.wetgeving.sourceDate} item={data.sourceDate} />
            <GuideSections
              sections={data.sections}
              seeAlso={['praktijkvragen', 'gesprek', 'stappenplan', 'verwijzingen']}
            />
          </>
        )}
      </ContentView>
    </Page>
  );
}

/** A reading screen's sections in order, then where to read on. */
function GuideSections({
  sections,
  seeAlso,
}: {
  sections: readonly GuideSection[];
  seeAlso: ComponentProps<typeof SeeAlso>['to'];
}) {
  return (
    <>
      {sections.map((section) => (
        <GuideSectionView key={section.id} section={section} />
      ))}
      <SeeAlso to={seeAlso} />
    </>
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

export function GesprekScreen() {
  const state = useContent('gesprek.json');
  const jurisdiction = useJurisdiction();
  return (
    <Page title={nl.shell.extra.gesprek}>
      <p className="lead">{nl.knowledge.gesprek.intro}</p>
      <ContentView state={jurisdiction === undefined ? { status: 'loading' } : state}>
        {(data) => (
          <GuideSections
            sections={ownFirst(data.sections, jurisdiction ?? 'vlaanderen')}
            seeAlso={['stappenplan', 'wet', 'praktijkvragen', 'vlaggensysteem']}
          />
        )}
      </ContentView>
    </Page>
  );
}

/** Sections for the Rechtsgebied (or both) first, the rest after, in file order. */
function ownFirst(sections: readonly GuideSection[], jurisdiction: 'vlaanderen' | 'nederland'): GuideSection[] {
  return [
    ...sections.filter((s) => appliesIn(s.region, jurisdiction)),
    ...sections.filter((s) => !appliesIn(s.region, jurisdiction)),
  ];
}

export function PraktijkvragenScreen() {
  const state = useContent('praktijkvragen.json');
  return (
    <Page title={nl.shell.extra.praktijkvragen}>
      <p className="lead">{nl.knowledge.praktijk.intro}</p>
      <ContentView state={state}>
        {(data) => (
          <GuideSections sections={data.sections} seeAlso={['wet', 'gesprek', 'stappenplan', 'verwijzingen']} />
        )}
      </ContentView>
    </Page>
  );
}
