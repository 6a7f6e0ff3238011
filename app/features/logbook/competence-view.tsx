import { whoDecides, type Jurisdiction } from '../../../schema/competence';
import type { Party } from '../../../schema/records/party';
import { nl } from '../../i18n/catalogue';
import { ageRangeOn, decidersOn, effectiveJudgement } from '../../../schema/consent-validity';
import { formatDate, todayIso } from '../../ui/dates';
import { decidersText } from './consent-validity-view';

const t = nl.logbook.competence;

/** Roles for which the consent rule of a young person applies. */
export function isYoungPersonRole(role: Party['role']): boolean {
  return role !== 'ouder-voogd' && role !== 'volwassene';
}

/**
 * The consent rule for one young person under the chosen jurisdiction, in plain words, as it stands
 * today: the recorded age is the age on `knownOn`, so today it may be a year or more higher. When a
 * threshold may fall in this year (the birthday is not known), it says who decide together and why,
 * as the consent cards do.
 */
export function CompetenceView({
  party,
  jurisdiction,
  knownOn,
}: {
  party: Party;
  jurisdiction: Jurisdiction;
  knownOn: string;
}) {
  const today = todayIso();
  const range = ageRangeOn(party, knownOn, today);
  const deciders = decidersOn(party, { jurisdiction, knownOn }, today);
  // The youngest age the party may have today (none when no age was recorded).
  const result = whoDecides({ jurisdiction, age: range?.min, override: effectiveJudgement(party, today) });
  // A judgement dated before the case became known is refused now; one stored so is flagged for a check.
  const early = party.competence && party.competence.assessedOn < knownOn ? party.competence : undefined;
  const earlyNote = early ? <p className="callout">{t.beforeKnown(formatDate(early.assessedOn))}</p> : null;
  if (!result.known)
    return (
      <div className="competence">
        <p>{t.unknownAge}</p>
        {earlyNote}
      </div>
    );
  const adult = result.rule === 'volwassene';
  const who = adult
    ? nl.logbook.consent.adultSelf
    : result.givers.length === 2
      ? t.givers.both
      : result.givers[0] === 'jongere'
        ? t.givers.jongere
        : t.givers['ouder-voogd'];
  return (
    <div className="competence">
      <p>{t.rules[result.rule]}</p>
      <p>
        <strong>{deciders.sets.length > 1 ? decidersText(deciders) : t.decides(who)}</strong>
      </p>
      {result.override ? (
        <p>{t.assessed(result.override.assessedBy, formatDate(result.override.assessedOn), result.override.reason)}</p>
      ) : null}
      {earlyNote}
      {result.overrideNotApplied ? <p className="callout">{adult ? t.overrideAdult : t.overrideNotApplied}</p> : null}
    </div>
  );
}
