import { whoDecides, type Jurisdiction } from '../../../schema/competence';
import type { Party } from '../../../schema/records/party';
import { nl } from '../../i18n/catalogue';
import { formatDate } from '../../ui/dates';

const t = nl.logbook.competence;

/** Age in whole years when the case became known, if recorded (issue 15 removed the birth year). */
export function partyAge(party: Pick<Party, 'age'>, _today: Date = new Date()): number | undefined {
  return party.age;
}

/** Roles for which the consent rule of a young person applies. */
export function isYoungPersonRole(role: Party['role']): boolean {
  return role !== 'ouder-voogd' && role !== 'volwassene';
}

/** The consent rule for one young person under the chosen jurisdiction, in plain words. */
export function CompetenceView({ party, jurisdiction }: { party: Party; jurisdiction: Jurisdiction }) {
  const result = whoDecides({ jurisdiction, age: partyAge(party), override: party.competence });
  if (!result.known) return <p className="competence">{t.unknownAge}</p>;
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
        <strong>{t.decides(who)}</strong>
      </p>
      {result.override ? (
        <p>{t.assessed(result.override.assessedBy, formatDate(result.override.assessedOn), result.override.reason)}</p>
      ) : null}
      {result.overrideNotApplied ? <p className="callout">{adult ? t.overrideAdult : t.overrideNotApplied}</p> : null}
    </div>
  );
}
