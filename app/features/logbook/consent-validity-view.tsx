// The validity of a consent record as the rule works it out today, why, and
// the days it changed or will change (issue 14: a changed judgement, a
// birthday that crosses a threshold or a withdrawal counts from that day).
import {
  consentValidity,
  validityTimeline,
  type ConsentContext,
  type ConsentStatus,
  type ConsentValidity,
  type Deciders,
} from '../../../schema/consent-validity';
import type { ConsentGiven, ConsentRecord, InfoCategory } from '../../../schema/records/consent';
import type { Party } from '../../../schema/records/party';
import type { Jurisdiction } from '../../../schema/settings';
import { depictedWaitingFor, type DepictedWaiting } from '../../../schema/summary';
import { nl } from '../../i18n/catalogue';
import { formatDate } from '../../ui/dates';
import { categoryNames } from './consent-categories';

const t = nl.logbook.consent;

/** Who gave a consent, as the form offers it and the card says it: an adult's own is "de betrokkene zelf". */
export function giverLabels(adult: boolean): Readonly<Record<ConsentGiven['givenBy'], string>> {
  return adult ? { ...t.givenByOptions, jongere: t.adultSelf } : t.givenByOptions;
}

export function statusText(state: ConsentStatus, jurisdiction: Jurisdiction): string {
  switch (state.status) {
    case 'geldig':
      return t.validity.geldig;
    case 'nog-niet':
      return t.validity['nog-niet'];
    case 'ingetrokken':
      return t.validity.ingetrokken(formatDate(state.since));
    case 'niet-geldig':
      return t.validity[state.reason];
    case 'onvolledig': {
      const who = state.missing.map((g) => t.giverNames[g]).join(' en ');
      return state.released.length === 0
        ? t.validity.onvolledig(who)
        : t.validity.onvolledigPart(
            who,
            categoryNames(state.waiting, jurisdiction),
            categoryNames(state.released, jurisdiction),
          );
    }
  }
}

/** Who decides and why, in one or two sentences. */
export function decidersText(deciders: Deciders): string {
  const basis = deciders.basis;
  const why =
    basis.kind === 'volwassene'
      ? t.why.volwassene
      : basis.kind === 'oordeel'
        ? t.why.oordeel(basis.override.competent, basis.override.assessedBy, formatDate(basis.override.assessedOn))
        : basis.kind === 'leeftijd'
          ? t.why.leeftijd(basis.min, basis.max)
          : t.why['leeftijd-onbekend'];
  const who = basis.kind === 'volwassene' ? t.adultSelf : deciders.anyOf.map((g) => t.giverNames[g]).join(' en ');
  return `${why} ${deciders.sets.length > 1 ? t.decidesUncertain(who) : t.decides(who)}`;
}

/**
 * A record's validity today and what it lets go: incident information that waits for another depicted
 * young person's consent (`waiting`) is taken out of what an incomplete record releases together with
 * another consent (a review: "geldig voor feiten" while the summary withheld them for the other pupil).
 */
function judgedToday(
  consent: ConsentGiven,
  party: Party,
  parties: readonly Party[],
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  today: string,
): { validity: ConsentValidity; state: ConsentStatus; waiting: DepictedWaiting } {
  const validity = consentValidity(consent, party, all, ctx, today);
  const state = validity.state;
  if (state.status === 'geldig')
    return { validity, state, waiting: depictedWaitingFor(consent, parties, all, ctx, today) };
  if (state.status !== 'onvolledig' || state.released.length === 0)
    return { validity, state, waiting: { categories: [], pseudonyms: [] } };
  const others = depictedWaitingFor(consent, parties, all, ctx, today);
  const categories = others.categories.filter((c) => state.released.includes(c));
  return {
    validity,
    state: { ...state, released: state.released.filter((c) => !categories.includes(c)) },
    waiting: { categories, pseudonyms: categories.length > 0 ? others.pseudonyms : [] },
  };
}

/**
 * Whether a consent record releases anything today: valid today, not only about someone else's
 * information (then it releases nothing, whoever gave it), and not only about incident information that
 * waits for another depicted young person's consent (`parties`: the case's); or incomplete, with some of
 * its categories going together with another consent of the same person.
 */
export function releasesToday(
  consent: ConsentGiven,
  parties: readonly Party[],
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  today: string,
): boolean {
  const party = parties.find((p) => p.id === consent.partyId);
  if (!party) return false;
  const { validity, state, waiting } = judgedToday(consent, party, parties, all, ctx, today);
  if (state.status === 'onvolledig') return state.released.length > 0;
  if (state.status !== 'geldig' || validity.notOwnInformation.length >= consent.categories.length) return false;
  return waiting.categories.length < consent.categories.length;
}

/** "Telt niet voor …": someone else's information in a consent, in the words of the case's rules. */
export function notOwnText(categories: readonly InfoCategory[], jurisdiction: Jurisdiction): string {
  return (jurisdiction === 'nederland' ? t.notOwnInformationNl : t.notOwnInformation)(
    categoryNames(categories, jurisdiction),
  );
}

function addYear(iso: string): string {
  return `${String(Number(iso.slice(0, 4)) + 1).padStart(4, '0')}${iso.slice(4)}`;
}

export function ConsentValidityView({
  consent,
  party,
  parties,
  all,
  ctx,
  today,
}: {
  consent: ConsentGiven;
  party: Party;
  /** The case's betrokkenen: incident information goes out only with every depicted young person's consent. */
  parties: readonly Party[];
  all: readonly ConsentRecord[];
  ctx: ConsentContext;
  today: string;
}) {
  const { validity, state, waiting } = judgedToday(consent, party, parties, all, ctx, today);
  const timeline = validityTimeline(consent, party, all, ctx, addYear(today));
  // A record whose categories are all someone else's information releases nothing, whoever gave it.
  const releasesNothing = validity.notOwnInformation.length === consent.categories.length;
  const valid = state.status === 'geldig' && !releasesNothing;
  // Valid, but every category it names waits for another depicted young person's consent (a review).
  const waitsForAll = valid && waiting.categories.length === consent.categories.length;
  const ok = valid && !waitsForAll;
  return (
    <div className="consent-validity">
      <p className={ok ? 'badge badge--ok' : 'badge badge--danger'}>
        {releasesNothing
          ? t.validity.releasesNothing
          : waitsForAll
            ? t.validity.waiting
            : statusText(state, ctx.jurisdiction)}
      </p>
      <p>{decidersText(validity.deciders)}</p>
      {waiting.categories.length > 0 ? (
        <p className={ok ? 'callout' : 'callout callout--danger'}>
          {t.waitingForDepicted(categoryNames(waiting.categories, ctx.jurisdiction), waiting.pseudonyms.join(', '))}
        </p>
      ) : null}
      {validity.notOwnInformation.length > 0 ? (
        <p className="callout">{notOwnText(validity.notOwnInformation, ctx.jurisdiction)}</p>
      ) : null}
      {timeline.length > 1 ? (
        <>
          <p className="consent-validity__title">{t.timeline}</p>
          <ul>
            {timeline.map((change) => (
              <li key={change.from}>
                {t.timelineEntry(formatDate(change.from), statusText(change.validity.state, ctx.jurisdiction))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
