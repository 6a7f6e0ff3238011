// "In gesprek" on the case page, next to the checklist: the conversation
// guide of the case's jurisdiction (seeds 001–004), each part opening on
// demand, with links to the legal frame and the questions from practice.
// Reading content only: nothing here is stored with the case.
import type { ReactNode } from 'react';
import { appliesIn } from '../../../schema/knowledge-rules';
import type { Jurisdiction } from '../../../schema/settings';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { LinkList } from '../link-list';
import { GuideSectionDetails } from './guide-section';
import { ContentError } from './content-error';
import './knowledge-ui.css';

const t = nl.knowledge.caseGuide;

/** The frame the case page puts around a section (heading, count, folding); a plain section when absent. */
export type SectionFrame = (props: { id: string; title: string; children: ReactNode }) => ReactNode;

function PlainSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="case-section case-guide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The case's Rechtsgebied decides which parts show. */
export function CaseConversationGuide({
  Frame = PlainSection,
  jurisdiction,
}: {
  Frame?: SectionFrame;
  jurisdiction: Jurisdiction;
}) {
  const content = useContent('gesprek.json');
  return (
    <Frame id="in-gesprek" title={t.title}>
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
    </Frame>
  );
}
