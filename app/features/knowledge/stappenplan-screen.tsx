// The step plans (Qpido Sexting 18- / Grooming 18-, CLB-aanpak). One plan is
// shown at a time, chosen with ?plan=<id>; without one, the first plan of the
// worker's Rechtsgebied opens. The other jurisdiction's plans are one tap away
// and labelled as such. Incident types without a plan in the Rechtsgebied are
// shown as a gap; steps expand with native <details>. A step the source lacks
// is shown as a gap, never filled in.
import { useEffect, useId, useState } from 'react';
import type { DoDont, NeverImages, Plan, PresentStep, ReferralEntry, Step, Tip } from '../../../schema/content';
import type { IncidentType } from '../../../schema/content-base';
import { incidentTypeIds } from '../../../schema/content-ids';
import { plansByJurisdiction, uncoveredTypes } from '../../../schema/knowledge-rules';
import type { Jurisdiction } from '../../../schema/settings';
import { useContent } from '../../content/load-content';
import { useJurisdiction } from '../../data/jurisdiction';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { formatSources } from '../../ui/knowledge/source-label';
import { PlanGapNotice } from '../../ui/knowledge/plan-gap-notice';
import { ContentView, SeeAlso, SourceNote } from './content-view';
import './knowledge.css';
import { Disclosure } from '../../ui/disclosure';

const t = nl.knowledge.stappenplan;
const planPath = '/stappenplan';

function readPlanParam(): string | null {
  return new URLSearchParams(window.location.search).get('plan');
}

/** The ?plan= query, kept in sync with back/forward. */
function usePlanParam(): [string | null, (id: string) => void] {
  const [plan, setPlan] = useState(readPlanParam);
  useEffect(() => {
    const sync = () => setPlan(readPlanParam());
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, []);
  return [plan, setPlan];
}

export function StappenplanScreen() {
  const state = useContent('stappenplan.json');
  const referrals = useContent('verwijzingen.json');
  const jurisdiction = useJurisdiction();
  const [planParam, setPlanParam] = usePlanParam();
  const referralsById = new Map<string, ReferralEntry>(
    referrals.status === 'ready' ? referrals.data.entries.map((entry) => [entry.id, entry]) : [],
  );

  return (
    <Page title={nl.shell.nav.stappenplan}>
      <p className="lead">{t.intro}</p>
      <ContentView state={jurisdiction === undefined ? { status: 'loading' } : state}>
        {(data) => {
          const region: Jurisdiction = jurisdiction ?? 'vlaanderen';
          const { own, other } = plansByJurisdiction(data.plans, region);
          const selected = data.plans.find((plan) => plan.id === planParam) ?? own[0] ?? other[0];
          const gapTypes = uncoveredTypes(data.plans, region, incidentTypeIds).filter((type) => type !== 'anders');
          return (
            <>
              <NeverImagesNotice notice={data.neverImages} />
              <PlanChooser
                own={own}
                other={other}
                jurisdiction={region}
                selectedId={selected?.id}
                onChoose={setPlanParam}
              />
              {planParam !== null && selected?.id !== planParam ? <p className="callout">{t.unknownPlan}</p> : null}
              {selected && other.includes(selected) ? (
                <p className="callout">{t.otherRegionPlan(nl.knowledge.regions[selected.region])}</p>
              ) : null}
              {selected ? <PlanSection key={selected.id} plan={selected} referralsById={referralsById} /> : null}
              <PlanGapNotice
                gap={data.gaps.find((gap) => gap.region === region)}
                types={gapTypes}
                jurisdiction={region}
                plans={data.plans}
                level={2}
              />
              <SeeAlso to={['gesprek', 'wet', 'praktijkvragen', 'vlaggensysteem', 'begrippen', 'verwijzingen']} />
            </>
          );
        }}
      </ContentView>
    </Page>
  );
}

function NeverImagesNotice({ notice }: { notice: NeverImages }) {
  const headingId = useId();
  return (
    <section className="callout callout--danger never-images" aria-labelledby={headingId}>
      <h2 id={headingId} className="knowledge-callout__title">
        {notice.title}
      </h2>
      <p>{notice.body}</p>
      <ul>
        {notice.points.map((point) => (
          <li key={point.text}>{point.text}</li>
        ))}
      </ul>
      <SourceNote
        sources={[notice.source, ...notice.points.map((point) => point.source)]}
        lastChecked={notice.lastChecked}
      />
    </section>
  );
}

interface PlanChooserProps {
  own: readonly Plan[];
  other: readonly Plan[];
  jurisdiction: Jurisdiction;
  selectedId: string | undefined;
  onChoose: (id: string) => void;
}

/** The Rechtsgebied's plans first; the other jurisdiction's below, labelled as such. */
function PlanChooser({ own, other, jurisdiction, selectedId, onChoose }: PlanChooserProps) {
  const otherRegion: Jurisdiction = jurisdiction === 'vlaanderen' ? 'nederland' : 'vlaanderen';
  const groups = [
    { key: 'own', label: nl.knowledge.jurisdiction.own(nl.knowledge.regions[jurisdiction]), plans: own },
    { key: 'other', label: nl.knowledge.jurisdiction.other(nl.knowledge.regions[otherRegion]), plans: other },
  ].filter((group) => group.plans.length > 0);
  return (
    <nav className="plan-chooser" aria-label={t.choosePlan}>
      {groups.map((group) => (
        <div key={group.key} className={`plan-chooser__group plan-chooser__group--${group.key}`}>
          <p className="plan-chooser__group-label">{group.label}</p>
          <ul>
            {group.plans.map((plan) => (
              <li key={plan.id}>
                <Link
                  href={`${planPath}?plan=${encodeURIComponent(plan.id)}`}
                  aria-current={plan.id === selectedId ? 'page' : undefined}
                  onClick={() => onChoose(plan.id)}
                >
                  <span className="plan-chooser__title">{plan.title}</span>
                  <span className="plan-chooser__meta">{nl.knowledge.regions[plan.region]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="field__hint">{nl.knowledge.jurisdiction.hint}</p>
    </nav>
  );
}

function PlanSection({ plan, referralsById }: { plan: Plan; referralsById: ReadonlyMap<string, ReferralEntry> }) {
  const headingId = useId();
  const names = (types: readonly IncidentType[]) => types.map((type) => nl.knowledge.incidentTypes[type]).join(', ');
  const types = names(plan.appliesTo);
  return (
    <section className="plan" aria-labelledby={headingId}>
      <h2 id={headingId}>{plan.title}</h2>
      <p className="plan__meta">
        {t.region(nl.knowledge.regions[plan.region])}
        <br />
        {t.appliesTo(types)}
        {plan.appliesToByChoice ? (
          <>
            <br />
            {t.appliesToByChoice(names(plan.appliesToByChoice))}
          </>
        ) : null}
      </p>
      {plan.intro ? (
        plan.intro.quote ? (
          <figure className="quote">
            <blockquote>
              <p>{plan.intro.text}</p>
            </blockquote>
            <figcaption>
              <SourceNote sources={[plan.intro.source]} quote />
            </figcaption>
          </figure>
        ) : (
          <p>{plan.intro.text}</p>
        )
      ) : null}

      <h3>{t.steps}</h3>
      <ol className="steps">
        {plan.steps.map((step) => (
          <li key={step.id}>
            <StepItem step={step} referralsById={referralsById} />
          </li>
        ))}
      </ol>

      {plan.tips.length > 0 ? (
        <>
          <h3>{t.tips}</h3>
          <TipList tips={plan.tips} planSource={plan.source} />
        </>
      ) : null}
      <SourceNote sources={[plan.source]} lastChecked={plan.lastChecked} />
    </section>
  );
}

function StepItem({ step, referralsById }: { step: Step; referralsById: ReadonlyMap<string, ReferralEntry> }) {
  if (step.missing === true) {
    return (
      <div className="step step--missing">
        <p className="step__missing-title">{t.missingStep(step.number)}</p>
        <p>{step.note}</p>
        <SourceNote sources={[step.source]} />
      </div>
    );
  }
  return <PresentStepItem step={step} referralsById={referralsById} />;
}

function PresentStepItem({
  step,
  referralsById,
}: {
  step: PresentStep;
  referralsById: ReadonlyMap<string, ReferralEntry>;
}) {
  const dos = step.doDont?.filter((item) => item.kind === 'wel') ?? [];
  const donts = step.doDont?.filter((item) => item.kind === 'niet') ?? [];
  const referrals = (step.referralIds ?? []).flatMap((id) => {
    const entry = referralsById.get(id);
    return entry ? [entry] : [];
  });
  return (
    <Disclosure
      className="step"
      summary={
        <>
          <span className="step__number">{t.step(step.number)}: </span>
          <span className="step__title">{step.title}</span>
        </>
      }
    >
      <div className="step__body">
        {step.quote ? (
          // Only the body is the source's words: its "Letterlijk uit" sits right under it, not under the
          // reworded do's and don'ts and Baken's own reminders (a review read those as quoted too).
          <figure className="quote">
            <blockquote>
              <p>{step.body}</p>
            </blockquote>
            <figcaption>
              <SourceNote sources={[step.source]} quote />
            </figcaption>
          </figure>
        ) : (
          <p>{step.body}</p>
        )}
        {step.setsFollowUpDate ? <p className="callout step__follow-up">{t.followUp}</p> : null}
        {dos.length > 0 ? <DoDontList heading={t.doList} items={dos} stepSource={step.source} kind="wel" /> : null}
        {donts.length > 0 ? (
          <DoDontList heading={t.dontList} items={donts} stepSource={step.source} kind="niet" />
        ) : null}
        {step.reminders ? (
          <div className="step__reminders">
            <h4>{t.remindersLabel}</h4>
            <ul>
              {step.reminders.map((reminder) => (
                <li key={reminder}>{t.reminders[reminder]}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {referrals.length > 0 ? (
          <>
            <h4>{t.referrals}</h4>
            <ul className="link-list">
              {referrals.map((entry) => (
                <li key={entry.id}>
                  <Link href={`/verwijzingen#${entry.id}`}>{entry.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <SourceNote sources={[step.source]} />
      </div>
    </Disclosure>
  );
}

interface DoDontListProps {
  heading: string;
  items: readonly DoDont[];
  stepSource: string;
  kind: DoDont['kind'];
}

/** Items from another source than their step carry their own short citation. */
function DoDontList({ heading, items, stepSource, kind }: DoDontListProps) {
  return (
    <div className={`do-dont do-dont--${kind}`}>
      <h4>
        <span className="do-dont__icon" aria-hidden="true">
          {kind === 'wel' ? '✓' : '✕'}
        </span>
        {heading}
      </h4>
      <ul>
        {items.map((item) => (
          <li key={item.text}>
            {item.text}
            <ItemCitation source={item.source} parentSource={stepSource} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function TipList({ tips, planSource }: { tips: readonly Tip[]; planSource: string }) {
  return (
    <ul className="tips">
      {tips.map((tip) => (
        <li key={tip.id}>
          {tip.text}
          {tip.region ? <span className="tag">{t.tipRegion(nl.knowledge.regions[tip.region])}</span> : null}
          <ItemCitation source={tip.source} parentSource={planSource} />
        </li>
      ))}
    </ul>
  );
}

function ItemCitation({ source, parentSource }: { source: string; parentSource: string }) {
  if (source === parentSource) return null;
  return <span className="item-citation">({formatSources(source)})</span>;
}
