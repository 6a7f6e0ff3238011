// Shown where a case or the Stappenplan screen has incident types without a
// plan in the worker's jurisdiction: the gap is stated plainly, with what the
// content points to instead (the CLB approach, Child Focus). The other
// jurisdiction's plan is never shown in its place.
import { useId } from 'react';
import type { IncidentType, Plan, PlanGap } from '../../../schema/content';
import type { Jurisdiction } from '../../../schema/settings';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/core';
import { Link } from '../../shell/link';
import { SourceNote } from './source-note';
import './knowledge-ui.css';

const t = nl.knowledge.gap;

export function PlanGapNotice({
  gap,
  types,
  jurisdiction,
  plans,
  level = 3,
}: {
  gap: PlanGap | undefined;
  types: readonly IncidentType[];
  jurisdiction: Jurisdiction;
  /** All plans, to name the ones the gap points to. */
  plans: readonly Plan[];
  level?: 2 | 3;
}) {
  const headingId = useId();
  const referrals = useContent('verwijzingen.json');
  if (types.length === 0) return null;
  const title = t.title(
    types.map((type) => nl.knowledge.incidentTypes[type]).join(', '),
    nl.knowledge.regions[jurisdiction],
  );
  const pointedPlans = (gap?.planIds ?? []).flatMap((id) => plans.filter((plan) => plan.id === id));
  const entries =
    referrals.status === 'ready'
      ? (gap?.referralIds ?? []).flatMap((id) => referrals.data.entries.filter((entry) => entry.id === id))
      : [];
  return (
    <section className="callout plan-gap" aria-labelledby={headingId}>
      {level === 2 ? <h2 id={headingId}>{title}</h2> : <h3 id={headingId}>{title}</h3>}
      <p>{gap?.text ?? t.noNote}</p>
      {pointedPlans.length > 0 || entries.length > 0 ? (
        <ul className="plan-gap__links">
          {pointedPlans.map((plan) => (
            <li key={plan.id}>
              <Link href={`/stappenplan?plan=${encodeURIComponent(plan.id)}`}>{t.planLink(plan.title)}</Link>
            </li>
          ))}
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link href={`/verwijzingen#${entry.id}`}>{entry.name}</Link>
              {entry.phones.map((phone) => (
                <span key={phone.tel}>
                  {' '}
                  <a className="tel-link" href={`tel:${phone.tel}`}>
                    {nl.knowledge.verwijzingen.call(phone.display)}
                  </a>
                  {/* What the number is for, as in Verwijzingen (a review: "Bel 101" alone read as the way to file a complaint). */}
                  {phone.label ? ` (${phone.label})` : null}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {gap ? <SourceNote sources={[gap.source]} lastChecked={gap.lastChecked} /> : null}
    </section>
  );
}
