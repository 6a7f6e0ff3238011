// "In gesprek": what to do in the conversation with the depicted young person
// and with the one who spread it (seed 001), consequences, care and support
// (seeds 001, 003), what recipients can do (seed 004) and informing parents
// with cultural and religious sensitivity (seed 002). The worker's
// Rechtsgebied's sections come first.
import type { GuideSection } from '../../../schema/content';
import { appliesIn } from '../../../schema/knowledge-rules';
import { useContent } from '../../content/load-content';
import { useJurisdiction } from '../../data/jurisdiction';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { GuideSectionView } from '../../ui/knowledge/guide-section';
import { ContentView, SeeAlso } from './content-view';
import './knowledge.css';

export function GesprekScreen() {
  const state = useContent('gesprek.json');
  const jurisdiction = useJurisdiction();
  return (
    <Page title={nl.shell.extra.gesprek}>
      <p className="lead">{nl.knowledge.gesprek.intro}</p>
      <ContentView state={jurisdiction === undefined ? { status: 'loading' } : state}>
        {(data) => (
          <>
            {ownFirst(data.sections, jurisdiction ?? 'vlaanderen').map((section) => (
              <GuideSectionView key={section.id} section={section} />
            ))}
            <SeeAlso
              links={[
                { href: '/stappenplan', label: nl.shell.nav.stappenplan },
                { href: '/wet', label: nl.shell.extra.wetgeving },
                { href: '/praktijkvragen', label: nl.shell.extra.praktijkvragen },
                { href: '/vlaggensysteem', label: nl.shell.extra.vlaggensysteem },
              ]}
            />
          </>
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
