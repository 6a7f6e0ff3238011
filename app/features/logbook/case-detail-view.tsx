// One case on one page: facts, betrokkenen, Vlaggensysteem, stappenplan,
// toestemming, tijdlijn, doorverwijzingen, opvolging. Every change goes
// through the case operations in app/data (validated, encrypted, audited).
import { lazy, Suspense, useState } from 'react';
import { useCaseDetail } from '../../data/case-hooks';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { CaseConversationGuide } from '../../ui/knowledge/case-guide';
import { ConsentSection } from './consent-section';
import { FactsSection } from './facts-section';
import { FlagsSection } from './flags-section';
import { takeFlash } from './flash';
import { FollowUpSection } from './follow-up-section';
import { NotesSection } from './notes-section';
import { PartiesSection } from './parties-section';
import { ReferralsSection } from './referrals-section';
import { StepsSection } from './steps-section';
import { TakedownSection } from './takedown-section';

// Sync conflict items (issue 20): their own small chunk, counted with the sync code.
const CaseConflicts = lazy(() => import('../../ui/sync-conflicts').then((m) => ({ default: m.CaseConflicts })));

const t = nl.logbook;

const sections = [
  ['incident', t.facts.title],
  ['betrokkenen', t.parties.title],
  ['vlaggensysteem', t.flags.title],
  ['stappenplan', t.steps.title],
  ['in-gesprek', nl.knowledge.caseGuide.title],
  ['offline-halen', t.takedown.title],
  ['toestemming', t.consent.title],
  ['tijdlijn', t.notes.title],
  ['doorverwijzingen', t.referrals.title],
  ['opvolging', t.followUp.title],
] as const;

export function CaseDetailView({ id }: { id: string }) {
  const detail = useCaseDetail(id);
  const [flash] = useState(takeFlash);

  if (detail === undefined) {
    return (
      <Page title={t.caseLoading} focusHeading={false}>
        <p role="status">{t.caseLoading}</p>
      </Page>
    );
  }
  if (detail === null) {
    return (
      <Page title={t.caseNotFound}>
        <p>
          <Link href="/">{t.backToList}</Link>
        </p>
      </Page>
    );
  }

  const current = detail.case;
  return (
    <Page title={t.caseTitle(current.reference)} documentTitle={t.caseDocumentTitle}>
      <p role="status" className="saved-status">
        {flash ?? ''}
      </p>
      <p>
        <Link href="/">{t.backToList}</Link>
      </p>
      {detail.damaged.length > 0 ? (
        <p className="callout callout--danger">{t.partsDamaged(detail.damaged.length)}</p>
      ) : null}
      <nav className="case-toc" aria-label={t.sectionNav}>
        <ul>
          {sections.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}-title`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={null}>
        <CaseConflicts caseId={current.id} />
      </Suspense>
      <div className="case-page">
        <FactsSection detail={detail} />
        <PartiesSection detail={detail} />
        <FlagsSection detail={detail} />
        <StepsSection detail={detail} />
        <CaseConversationGuide />
        <TakedownSection detail={detail} />
        <ConsentSection detail={detail} />
        <NotesSection detail={detail} />
        <ReferralsSection detail={detail} />
        <FollowUpSection detail={detail} />
      </div>
    </Page>
  );
}
