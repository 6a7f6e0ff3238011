// "Vragen uit de praktijk": the questions of schools and CLBs from seed 004
// with the source's answers, the school's vertrouwenspersoon versus the CLB,
// pedagogische begeleiding, and the CLB's column of the preventiepiramide
// (the after-incident cell as a checklist whose ticks are not stored).
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Page } from '../../shell/page';
import { GuideSectionView } from '../../ui/knowledge/guide-section';
import { ContentView, SeeAlso } from './content-view';
import './knowledge.css';

export function PraktijkvragenScreen() {
  const state = useContent('praktijkvragen.json');
  return (
    <Page title={nl.shell.extra.praktijkvragen}>
      <p className="lead">{nl.knowledge.praktijk.intro}</p>
      <ContentView state={state}>
        {(data) => (
          <>
            {data.sections.map((section) => (
              <GuideSectionView key={section.id} section={section} />
            ))}
            <SeeAlso
              links={[
                { href: '/wet', label: nl.shell.extra.wetgeving },
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
