// One section of the reading content (legal frame, conversation guide,
// questions from practice): intro, points, groups (optionally a checklist),
// questions with their answers, law references as the source gives them, and
// the source with its check date. Verbatim source text is shown as a quote.
import { useId, useState } from 'react';
import type { GuideSection, LegalReference, PointGroup, SourcedText } from '../../../schema/content';
import { nl } from '../../i18n/core';
import { formatSources } from './source-label';
import { SourceNote } from './source-note';
import './knowledge-ui.css';
import { Disclosure } from '../disclosure';

const t = nl.knowledge.guide;

type Level = 2 | 3;

function Heading({ level, id, children }: { level: Level; id?: string; children: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

function SubHeading({ level, children }: { level: Level; children: string }) {
  return level === 2 ? <h3>{children}</h3> : <h4>{children}</h4>;
}

/** A section as a titled block (`level` 2 on a screen, 3 inside a case section). */
export function GuideSectionView({ section, level = 2 }: { section: GuideSection; level?: Level }) {
  const headingId = useId();
  return (
    <section className="guide-section" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {section.title}
      </Heading>
      <GuideSectionBody section={section} level={level} />
    </section>
  );
}

/**
 * A section that opens on demand (native <details>), for the case page. The
 * body is rendered once opened, so the long case page stays light.
 */
export function GuideSectionDetails({ section }: { section: GuideSection }) {
  const [opened, setOpened] = useState(false);
  return (
    <Disclosure
      className="guide-section guide-section--details"
      summary={section.title}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      {/* The summary is no heading: the groups' headings follow the case section's h2 as h3. */}
      {opened ? <GuideSectionBody section={section} level={2} /> : null}
    </Disclosure>
  );
}

function GuideSectionBody({ section, level }: { section: GuideSection; level: Level }) {
  return (
    <div className="guide-section__body">
      {/* A section for one region says so, as the stappenplan and the directory do (a review as a Dutch care team). */}
      {section.region !== 'beide' ? (
        <p className="guide-section__region">{nl.knowledge.stappenplan.region(nl.knowledge.regions[section.region])}</p>
      ) : null}
      {section.intro ? (
        <div className="guide-section__intro">
          <p>{section.intro.text}</p>
          {section.intro.source !== section.source ? <SourceNote sources={[section.intro.source]} /> : null}
        </div>
      ) : null}
      {section.points.length > 0 ? <PointList points={section.points} parentSource={section.source} /> : null}
      {section.groups?.map((group) => (
        <Group key={group.id} group={group} level={level} parentSource={section.source} />
      ))}
      {section.questions && section.questions.length > 0 ? (
        <div className="qa-list">
          {section.questions.map((question) => (
            <Disclosure key={question.id} className="qa" summary={question.question}>
              <p>{question.quote ? <q>{question.answer}</q> : question.answer}</p>
              <ItemCitation source={question.source} parentSource={section.source} />
            </Disclosure>
          ))}
        </div>
      ) : null}
      {section.references && section.references.length > 0 ? (
        <References references={section.references} level={level} parentSource={section.source} />
      ) : null}
      <SourceNote sources={[section.source]} lastChecked={section.lastChecked} />
    </div>
  );
}

function PointList({ points, parentSource }: { points: readonly SourcedText[]; parentSource: string }) {
  return (
    <ul className="guide-points">
      {points.map((point) => (
        <li key={point.text}>
          {point.quote ? <q>{point.text}</q> : point.text}
          <ItemCitation source={point.source} parentSource={parentSource} />
        </li>
      ))}
    </ul>
  );
}

function Group({ group, level, parentSource }: { group: PointGroup; level: Level; parentSource: string }) {
  return (
    <div className="guide-group">
      <SubHeading level={level}>{group.title}</SubHeading>
      {group.checklist ? (
        <>
          <p className="field__hint">{t.checklistHint}</p>
          <ul className="guide-checklist">
            {group.points.map((point) => (
              <li key={point.text}>
                <label>
                  <input type="checkbox" />
                  <span>{point.quote ? <q>{point.text}</q> : point.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <PointList points={group.points} parentSource={group.source} />
      )}
      {group.source !== parentSource ? <SourceNote sources={[group.source]} /> : null}
    </div>
  );
}

function References({
  references,
  level,
  parentSource,
}: {
  references: readonly LegalReference[];
  level: Level;
  parentSource: string;
}) {
  return (
    <div className="guide-references">
      <SubHeading level={level}>{t.references}</SubHeading>
      <ul>
        {references.map((reference) => (
          <li key={reference.citation}>
            <cite>{reference.citation}</cite> — {reference.asOf}
            <ItemCitation source={reference.source} parentSource={parentSource} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Items from another source than their section carry their own short citation. */
function ItemCitation({ source, parentSource }: { source: string; parentSource: string }) {
  if (source === parentSource) return null;
  return <span className="item-citation"> ({formatSources(source)})</span>;
}
