// The step plans (Qpido Sexting 18- / Grooming 18-, CLB-aanpak). One plan is
// shown at a time, chosen with ?plan=<id>; steps expand with native
// <details>. A step the source lacks is shown as a gap, never filled in.
import { useEffect, useId, useState } from 'react';
import type { DoDont, NeverImages, Plan, PresentStep, ReferralEntry, Step, Tip } from '../../../schema/content';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';
import { Page } from '../../shell/page';
import { ContentView, SeeAlso, SourceNote } from './content-view';
import { formatSources } from './source-label';
import './knowledge.css';

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
  const [planParam, setPlanParam] = usePlanParam();
  const referralsById = new Map<string, ReferralEntry>(
    referrals.status === 'ready' ? referrals.data.entries.map((entry) => [entry.id, entry]) : [],
  );

  return (
    <Page title={nl.shell.nav.stappenplan}>
      <p className="lead">{t.intro}</p>
      <ContentView state={state}>
        {(data) => {
          const selected = data.plans.find((plan) => plan.id === planParam) ?? data.plans[0];
          return (
            <>
              <NeverImagesNotice notice={data.neverImages} />
              <PlanChooser plans={data.plans} selectedId={selected?.id} onChoose={setPlanParam} />
              {planParam !== null && selected?.id !== planParam ? <p className="callout">{t.unknownPlan}</p> : null}
              {selected ? <PlanSection key={selected.id} plan={selected} referralsById={referralsById} /> : null}
              <SeeAlso
                links={[
                  { href: '/vlaggensysteem', label: nl.shell.extra.vlaggensysteem },
                  { href: '/begrippen', label: nl.shell.extra.begrippen },
                  { href: '/verwijzingen', label: nl.shell.nav.verwijzingen },
                ]}
              />
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
      <SourceNote sources={[notice.source, ...notice.points.map((point) => point.source)]} />
    </section>
  );
}

interface PlanChooserProps {
  plans: readonly Plan[];
  selectedId: string | undefined;
  onChoose: (id: string) => void;
}

function PlanChooser({ plans, selectedId, onChoose }: PlanChooserProps) {
  return (
    <nav className="plan-chooser" aria-label={t.choosePlan}>
      <ul>
        {plans.map((plan) => (
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
    </nav>
  );
}

function PlanSection({ plan, referralsById }: { plan: Plan; referralsById: ReadonlyMap<string, ReferralEntry> }) {
  const headingId = useId();
  const types = plan.appliesTo.map((type) => nl.knowledge.incidentTypes[type]).join(', ');
  return (
    <section className="plan" aria-labelledby={headingId}>
      <h2 id={headingId}>{plan.title}</h2>
      <p className="plan__meta">
        {t.region(nl.knowledge.regions[plan.region])}
        <br />
        {t.appliesTo(types)}
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
      <SourceNote sources={[plan.source]} />
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
    <details className="step">
      <summary>
        <span className="step__number">{t.step(step.number)}: </span>
        <span className="step__title">{step.title}</span>
      </summary>
      <div className="step__body">
        <p>{step.body}</p>
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
    </details>
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
