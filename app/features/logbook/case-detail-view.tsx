// One case on one page, made for a phone (issue 16): a compact header with
// what a worker checks first on a school visit (status, next follow-up, flag,
// consent, open steps), a "Naar sectie" menu that stays at hand while
// scrolling, and sections that fold away (the choice is kept per device in the
// settings, as section ids). Every change goes through the case operations in
// app/data (validated, encrypted, audited).
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { latestFlag } from '../../../schema/latest-flag';
import { plansForCase } from '../../../schema/knowledge-rules';
import { useContent } from '../../content/load-content';
import type { CaseDetail } from '../../data/case-hooks';
import { useCaseDetail } from '../../data/case-hooks';
import { useHasTeam, useSharedFrom } from '../../data/team/presence';
import { updateSettings, useCaseJurisdiction, useSettings } from '../../data/settings';
import { caseJurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { formatDate, todayIso } from '../../ui/dates';
import { CaseConversationGuide } from '../../ui/knowledge/case-guide';
import { ConsentSection } from './consent-section';
import { releasesToday } from './consent-validity-view';
import { FactsSection, nextDue } from './facts-section';
import { FlagsSection } from './flags-section';
import { useFlash } from './flash';
import { FollowUpSection } from './follow-up-section';
import { NotesSection } from './notes-section';
import { PartiesSection } from './parties-section';
import { ReferralsSection } from './referrals-section';
import { CaseSection, CaseSectionsContext, type CaseSectionsState } from './section';
import { SectionMenu } from './section-menu';
import { statusText } from './status-text';
import { StepsSection } from './steps-section';
import { TakedownSection } from './takedown-section';
import { EvidenceSection } from './evidence-section';
import { PoliceSection } from './police-section';
import { InformedSection } from './informed-section';
import { GroomingSection } from './grooming-section';
import { ConversationsSection } from './conversations-section';

// Sync conflict items (issue 20): their own small chunk, counted with the sync code.
const CaseConflicts = lazy(() => import('../../ui/sync-conflicts').then((m) => ({ default: m.CaseConflicts })));
// Sharing inside the team (issue 21): its own chunk, loaded only on a device in a team.
const TeamAccessSection = lazy(() => import('./team-access-section').then((m) => ({ default: m.TeamAccessSection })));

const t = nl.logbook;
const tp = nl.casePage;

/**
 * The sections of the case page, in order. Each section renders its own
 * <CaseSection id=…>; `count` is how many items the menu and the heading show.
 * To add a section: one line here.
 */
export interface CaseSectionDef {
  id: string;
  title: string;
  /** The title in a case in the Netherlands, where it differs. */
  titleNl?: string;
  count?: (detail: CaseDetail) => number;
  Component: (props: { detail: CaseDetail }) => ReactNode;
}

export const caseSections: readonly CaseSectionDef[] = [
  { id: 'incident', title: t.facts.title, Component: FactsSection },
  { id: 'betrokkenen', title: t.parties.title, count: (d) => d.parties.length, Component: PartiesSection },
  { id: 'vlaggensysteem', title: t.flags.title, count: (d) => d.assessments.length, Component: FlagsSection },
  {
    id: 'stappenplan',
    title: t.steps.title,
    count: (d) => d.steps.filter((s) => s.doneOn !== undefined).length,
    Component: StepsSection,
  },
  {
    id: 'in-gesprek',
    title: nl.knowledge.caseGuide.title,
    Component: CaseGuideSection,
  },
  {
    id: 'offline-halen',
    title: t.takedown.title,
    count: (d) => new Set(d.takedowns.map((x) => x.step)).size,
    Component: TakedownSection,
  },
  { id: 'bewijsmateriaal', title: t.evidence.title, count: (d) => d.evidence.length, Component: EvidenceSection },
  { id: 'politie', title: t.police.title, count: (d) => d.police.length, Component: PoliceSection },
  {
    id: 'andere-scholen',
    title: t.informed.title,
    titleNl: t.informedNl.title,
    count: (d) => d.informed.length,
    Component: InformedSection,
  },
  { id: 'grooming', title: t.grooming.title, count: (d) => d.grooming.length, Component: GroomingSection },
  {
    id: 'gesprekken',
    title: t.conversations.title,
    count: (d) => d.conversations.length,
    Component: ConversationsSection,
  },
  { id: 'toestemming', title: t.consent.title, count: (d) => d.consents.length, Component: ConsentSection },
  { id: 'tijdlijn', title: t.notes.title, count: (d) => d.notes.length, Component: NotesSection },
  { id: 'doorverwijzingen', title: t.referrals.title, count: (d) => d.referrals.length, Component: ReferralsSection },
  {
    id: 'opvolging',
    title: t.followUp.title,
    count: (d) => d.followUps.filter((f) => f.doneOn === undefined).length,
    Component: FollowUpSection,
  },
];

/** Folded sections: the device setting, changed at once on screen and saved behind it. */
function useFoldedSections(): [ReadonlySet<string>, (ids: readonly string[]) => void] {
  const { collapsedCaseSections } = useSettings();
  const [local, setLocal] = useState<readonly string[] | null>(null);
  const folded = useMemo(() => new Set(local ?? collapsedCaseSections), [local, collapsedCaseSections]);
  const save = useCallback((ids: readonly string[]) => {
    setLocal(ids);
    // Only section ids, never case data; a failed write leaves the fold for this visit only.
    updateSettings({ collapsedCaseSections: [...ids] }).catch(() => undefined);
  }, []);
  return [folded, save];
}

export function CaseDetailView({ id }: { id: string }) {
  const detail = useCaseDetail(id);
  const [flash, setFlashText] = useFlash();
  const [folded, setFolded] = useFoldedSections();
  const inTeam = useHasTeam();
  const sharedFrom = useSharedFrom();
  const settings = useSettings();

  const sectionsState = useMemo<CaseSectionsState | null>(() => {
    if (!detail) return null;
    return {
      isOpen: (sectionId) => !folded.has(sectionId),
      toggle: (sectionId) =>
        setFolded(folded.has(sectionId) ? [...folded].filter((x) => x !== sectionId) : [...folded, sectionId]),
      count: (sectionId) => caseSections.find((s) => s.id === sectionId)?.count?.(detail),
    };
  }, [detail, folded, setFolded]);

  // "Dossier … is aangemaakt." stays until the worker saves something else on the page (a review: it stood
  // under the heading through twenty later saves, each with its own message).
  useEffect(() => {
    if (flash === null) return;
    const clear = () => setFlashText(null);
    document.addEventListener('submit', clear, true);
    return () => document.removeEventListener('submit', clear, true);
  }, [flash, setFlashText]);

  useEffect(() => {
    // A link such as #tijdlijn-title (or a knowledge screen's link back) opens the section it points to.
    const hash = window.location.hash.replace(/^#/, '').replace(/-title$/, '');
    if (hash && folded.has(hash)) setFolded([...folded].filter((x) => x !== hash));
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Names wait for who shared what: a received case never shows its bare number first.
  if (detail === undefined || sharedFrom === undefined) {
    return (
      <Page title={t.caseLoading} focusHeading={false}>
        <p role="status">{t.caseLoading}</p>
      </Page>
    );
  }
  if (detail === null || !sectionsState) {
    return (
      <Page title={t.caseNotFound}>
        <p>
          <Link href="/">{t.backToList}</Link>
        </p>
      </Page>
    );
  }

  const current = detail.case;
  const inNl = caseJurisdiction(current, settings) === 'nederland';
  const menuItems = caseSections.map((s) => ({
    id: s.id,
    title: (inNl ? s.titleNl : undefined) ?? s.title,
    count: s.count?.(detail),
  }));
  return (
    <Page
      title={t.caseTitle(t.caseName(current.reference, sharedFrom.get(current.id)))}
      documentTitle={t.caseDocumentTitle}
    >
      <p role="status" className="saved-status">
        {flash ?? ''}
      </p>
      <CaseSummary detail={detail} />
      <p className="case-back">
        <Link href="/">{t.backToList}</Link>
      </p>
      {detail.damaged.length > 0 ? (
        <p className="callout callout--danger">{t.partsDamaged(detail.damaged.length)}</p>
      ) : null}
      <SectionMenu
        items={menuItems}
        folded={folded}
        onOpen={(sectionId) => {
          if (folded.has(sectionId)) setFolded([...folded].filter((x) => x !== sectionId));
        }}
        onFoldAll={(fold) => {
          setFolded(fold ? caseSections.map((s) => s.id) : []);
          // Folding everything is asking for the overview: back to the case header.
          if (fold) window.scrollTo({ top: 0 });
        }}
      />
      <Suspense fallback={null}>
        <CaseConflicts
          caseId={detail.case.id}
          parties={detail.parties}
          consents={detail.consents}
          followUps={detail.followUps}
          inNl={inNl}
        />
      </Suspense>
      <CaseSectionsContext.Provider value={sectionsState}>
        <div className="case-page">
          {caseSections.map(({ id: sectionId, Component }) => (
            <Component key={sectionId} detail={detail} />
          ))}
          {inTeam ? (
            <Suspense fallback={null}>
              <TeamAccessSection detail={detail} />
            </Suspense>
          ) : null}
        </div>
      </CaseSectionsContext.Provider>
    </Page>
  );
}

/** The conversation guide in the case's own Rechtsgebied. */
function CaseGuideSection({ detail }: { detail: CaseDetail }) {
  return <CaseConversationGuide Frame={CaseSection} jurisdiction={useCaseJurisdiction(detail.case)} />;
}

/** What a worker checks first when opening a case on a school visit. */
function CaseSummary({ detail }: { detail: CaseDetail }) {
  const current = detail.case;
  const due = nextDue(detail);
  const flag = latestFlag(detail.assessments);
  const jurisdiction = useCaseJurisdiction(current);
  const today = todayIso();
  const given = detail.consents.filter((c) => c.basis === 'toestemming');
  // Withdrawn from today or earlier; a withdrawal dated ahead still lets the consent count today.
  const active = given.filter((c) => c.withdrawnOn === undefined || c.withdrawnOn > today);
  const withdrawn = given.length - active.length;
  // Given but releasing nothing today (not valid, not yet, incomplete, or someone else's information only).
  const ctx = { jurisdiction, knownOn: current.knownOn };
  const notCounting = active.filter((c) => !releasesToday(c, detail.parties, detail.consents, ctx, today)).length;
  const open = useOpenSteps(detail);
  return (
    <div role="group" aria-label={tp.summaryLabel}>
      <dl className="case-summary">
        <div>
          <dt>{tp.status}</dt>
          <dd>{statusText(current.status, due)}</dd>
        </div>
        <div>
          <dt>{tp.nextFollowUp}</dt>
          <dd>
            {due === undefined ? (
              tp.noFollowUp
            ) : current.status !== 'afgesloten' && due < today ? (
              // Overdue, said as the list and Opvolging say it (a review: the case page gave no sign).
              <strong>{tp.followUpLate(formatDate(due))}</strong>
            ) : (
              formatDate(due)
            )}
          </dd>
        </div>
        <div>
          <dt>{tp.flag}</dt>
          <dd>
            {flag ? (
              <>
                <span className={`flag-swatch flag-swatch--${flag}`} aria-hidden="true" />
                {t.flagNames[flag].label}
              </>
            ) : (
              tp.noFlag
            )}
          </dd>
        </div>
        <div>
          <dt>{tp.consent}</dt>
          <dd>{tp.consentCount(active.length, withdrawn, notCounting, detail.consents.length - given.length)}</dd>
        </div>
        {open ? (
          <div>
            <dt>{tp.openSteps}</dt>
            <dd>{tp.openStepsCount(open.open, open.total)}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

/** Open steps of the plans that fit the case (undefined while the plans load or when none fits). */
function useOpenSteps(detail: CaseDetail): { open: number; total: number } | undefined {
  const content = useContent('stappenplan.json');
  const jurisdiction = useCaseJurisdiction(detail.case);
  if (content.status !== 'ready') return undefined;
  const { plans } = plansForCase(content.data.plans, content.data.gaps, jurisdiction, detail.case.types);
  const done = new Set(detail.steps.filter((s) => s.doneOn !== undefined).map((s) => `${s.planId}/${s.stepId}`));
  let total = 0;
  let open = 0;
  for (const plan of plans)
    for (const step of plan.steps) {
      if (step.missing === true) continue;
      total++;
      if (!done.has(`${plan.id}/${step.id}`)) open++;
    }
  return total === 0 ? undefined : { open, total };
}
