// "In gesprek" on the case page, next to the checklist: the conversation
// guide of the case's jurisdiction (seeds 001–004), each part opening on
// demand, with links to the legal frame and the questions from practice.
// Reading content only: nothing here is stored with the case.
import { appliesIn } from '../../../schema/knowledge-rules';
import { useContent } from '../../content/load-content';
import { useJurisdiction } from '../../data/jurisdiction';
import { nl } from '../../i18n/core';
import { LinkList } from '../link-list';
import { GuideSectionDetails } from './guide-section';
import { ContentError } from './content-error';
import './knowledge-ui.css';

const t = nl.knowledge.caseGuide;

/** The worker's Rechtsgebied (device setting) decides which parts show. */
export function CaseConversationGuide() {
  const content = useContent('gesprek.json');
  const jurisdiction = useJurisdiction() ?? 'vlaanderen';
  return (
    <section className="case-section case-guide" aria-labelledby="in-gesprek-title">
      <h2 id="in-gesprek-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p className="field__hint">{t.intro}</p>
      {content.status === 'loading' ? <p role="status">{nl.knowledge.content.loading}</p> : null}
      {content.status === 'error' ? <ContentError retry={content.retry} /> : null}
      {content.status === 'ready'
        ? content.data.sections
            .filter((section) => appliesIn(section.region, jurisdiction))
            .map((section) => <GuideSectionDetails key={section.id} section={section} />)
        : null}
      <h3>{t.more}</h3>
      <LinkList
        links={[
          ...(jurisdiction === 'vlaanderen'
            ? [
                { href: '/wet', label: nl.shell.extra.wetgeving },
                { href: '/praktijkvragen', label: nl.shell.extra.praktijkvragen },
              ]
            : []),
          { href: '/gesprek', label: nl.shell.extra.gesprek },
        ]}
      />
    </section>
  );
}
