// Whether a consent record binds, on a given day (DOMAIN.md, "Whose
// information, and who may consent"; issue 14). Pure: dates are ISO
// `YYYY-MM-DD`, the caller passes the jurisdiction and the case's knownOn.
//
// Sources:
// - Flanders: from 12 the young person is presumed competent (decreet
//   rechtspositie minderjarige, art. 4 §2); a competence judgement (who, when,
//   why) rebuts it either way. CLB → school needs the consent of the competent
//   pupil or of the parents of a pupil who is not competent (decreet
//   leerlingenbegeleiding 2018; seed 004: "De bekwame leerling of de ouders
//   van de onbekwame leerling vragen we om toestemming", art. 14 decreet
//   leerlingenbegeleiding as cited by the seed, ca. 2018).
// - Netherlands: under 12 the parents, 12 to 15 both, 16 and older the young
//   person alone (seed 000 tip; NVO).
//
// How time is handled (issue 14: a changed judgement, a birthday crossing a
// threshold or a withdrawal takes effect from that day):
// - Stored is the age when the case became known (issue 15 removed the birth
//   year), never a birthday. So on a later day the age is a range; a consent binds only when
//   it binds for every age in that range. When the range straddles a threshold,
//   only the consent of everyone who might decide (young person and parents)
//   binds. An unknown age is the widest range: again both.
// - A competence judgement counts from its assessedOn day.
// - A record counts only if its giver could decide on the day it was given,
//   and still decides on the day asked: a parent's consent for an 11-year-old
//   stops binding once the child may be 12 (Flanders); an 11-year-old's own
//   consent does not start binding at 12 — ask again.
import { ADULT_AGE, whoDecides } from './competence';
import type { CompetenceOverride, ConsentGiver, Jurisdiction } from './competence';
import { isConsentActive } from './consent-rules';
import { recordErrors } from './errors';
import type { RecordErrorCode } from './errors';
import { infoCategorySchema } from './records/consent';
import type { ConsentGiven, ConsentRecord, InfoCategory, Recipient } from './records/consent';
import type { Party } from './records/party';

/** Whose-information context shared by every rule in this file. */
export interface ConsentContext {
  jurisdiction: Jurisdiction;
  /** The day the case became known: the recorded `age` is the age on that day. */
  knownOn: string;
}

type AgeFacts = Pick<Party, 'age'>;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Possible ages (whole years) on `onDate`, or undefined when nothing is known. */
export function ageRangeOn(facts: AgeFacts, knownOn: string, onDate: string): { min: number; max: number } | undefined {
  const ranges: Array<{ min: number; max: number }> = [];
  if (facts.age !== undefined) {
    const [ky, km, kd] = parts(knownOn);
    const [dy, dm, dd] = parts(onDate);
    const sameDay = km === dm && kd === dd;
    if (onDate >= knownOn) {
      const years = dy - ky - (dm < km || (dm === km && dd < kd) ? 1 : 0);
      ranges.push({ min: facts.age + years, max: facts.age + years + (sameDay ? 0 : 1) });
    } else {
      const years = ky - dy - (km < dm || (km === dm && kd < dd) ? 1 : 0);
      ranges.push({ min: facts.age - years - (sameDay ? 0 : 1), max: facts.age - years });
    }
  }
  const [first, second] = ranges;
  if (!first) return undefined;
  let range = first;
  if (second) {
    const min = Math.max(first.min, second.min);
    const max = Math.min(first.max, second.max);
    // Contradicting facts: keep the wider range, which asks more consent, not less.
    range = min <= max ? { min, max } : { min: Math.min(first.min, second.min), max: Math.max(first.max, second.max) };
  }
  return { min: Math.max(0, range.min), max: Math.max(0, range.max) };
}

export type DeciderBasis =
  | { kind: 'volwassene' }
  | { kind: 'oordeel'; override: CompetenceOverride }
  | { kind: 'leeftijd'; min: number; max: number }
  | { kind: 'leeftijd-onbekend' };

export interface Deciders {
  /** Every set listed must be fully covered; more than one set means uncertainty. */
  sets: ReadonlyArray<readonly ConsentGiver[]>;
  /** Everyone who might decide (the union of the sets). */
  anyOf: readonly ConsentGiver[];
  basis: DeciderBasis;
  /** A Dutch case with a competence judgement: shown, not applied (DOMAIN.md names no override). */
  overrideNotApplied: boolean;
}

const BOTH: readonly ConsentGiver[] = ['jongere', 'ouder-voogd'];

function unionOf(sets: ReadonlyArray<readonly ConsentGiver[]>): ConsentGiver[] {
  return BOTH.filter((g) => sets.some((s) => s.includes(g)));
}

/** A parent/guardian, another adult, or someone 18 or older: gives consent about their own information alone. */
export function isAdultParty(party: Pick<Party, 'role' | 'age'>): boolean {
  return party.role === 'ouder-voogd' || party.role === 'volwassene' || (party.age ?? 0) >= ADULT_AGE;
}

/**
 * The competence judgement that counts on `onDate`: from its assessedOn day. One dated before the case
 * became known is refused when written (`date.beforeKnown`), but one stored so (or left so by a later
 * "Bekend sinds") still applies as recorded: dropping it would hand the decision back to the age rule,
 * which can release more than the professional's judgement allows. No consent given before knownOn
 * counts (giverCounts), so an early judgement never revives one.
 */
export function effectiveJudgement(party: Pick<Party, 'competence'>, onDate: string): CompetenceOverride | undefined {
  const judgement = party.competence;
  return judgement && judgement.assessedOn <= onDate ? judgement : undefined;
}

/** Whose consent is needed for information about `party` on `onDate`. */
export function decidersOn(
  party: Pick<Party, 'role' | 'age' | 'competence'>,
  ctx: ConsentContext,
  onDate: string,
): Deciders {
  // A parent/guardian or another adult decides about their own information.
  if (party.role === 'ouder-voogd' || party.role === 'volwassene') {
    return { sets: [['jongere']], anyOf: ['jongere'], basis: { kind: 'volwassene' }, overrideNotApplied: false };
  }
  const override = effectiveJudgement(party, onDate);
  const range = ageRangeOn(party, ctx.knownOn, onDate);
  // Someone surely 18 or older decides alone: a competence judgement is about a minor (DOMAIN.md).
  if (range !== undefined && range.min >= ADULT_AGE) {
    return {
      sets: [['jongere']],
      anyOf: ['jongere'],
      basis: { kind: 'volwassene' },
      overrideNotApplied: override !== undefined,
    };
  }
  if (ctx.jurisdiction === 'vlaanderen' && override) {
    const sets: Array<readonly ConsentGiver[]> = [override.competent ? ['jongere'] : ['ouder-voogd']];
    // Judged not competent but perhaps 18 already on that day: the young person may decide too, so both.
    if (!override.competent && range !== undefined && range.max >= ADULT_AGE) sets.push(['jongere']);
    return { sets, anyOf: unionOf(sets), basis: { kind: 'oordeel', override }, overrideNotApplied: false };
  }
  if (range === undefined) {
    return {
      sets: [BOTH],
      anyOf: BOTH,
      basis: { kind: 'leeftijd-onbekend' },
      overrideNotApplied: override !== undefined,
    };
  }
  const sets: Array<readonly ConsentGiver[]> = [];
  for (let age = range.min; age <= range.max; age++) {
    const who = whoDecides({ jurisdiction: ctx.jurisdiction, age });
    const givers = who.known ? who.givers : BOTH;
    if (!sets.some((s) => s.length === givers.length && s.every((g) => givers.includes(g)))) sets.push(givers);
  }
  return {
    sets,
    anyOf: unionOf(sets),
    basis: { kind: 'leeftijd', min: range.min, max: range.max },
    overrideNotApplied: ctx.jurisdiction === 'nederland' && override !== undefined,
  };
}

/** Whether these givers together decide for the party on that day. */
export function coversDeciders(givers: Iterable<ConsentGiver>, deciders: Deciders): boolean {
  const have = new Set(givers);
  return deciders.sets.every((set) => set.every((g) => have.has(g)));
}

/** Case-level categories: information about the depicted young person(s) (DOMAIN.md). */
/** Person-level categories: information about the one person the record is about. */
export const personLevelCategories = ['namen-betrokkenen'] as const satisfies readonly InfoCategory[];
// Every other category is case-level (DOMAIN.md); a new person-level category must be added above.
export const caseLevelCategories = infoCategorySchema.exclude(personLevelCategories).options;

export function isCaseLevel(category: InfoCategory): boolean {
  return (caseLevelCategories as readonly InfoCategory[]).includes(category);
}

/** Only the depicted young person's consent can release case-level information. */
export function isDepicted(party: Pick<Party, 'role'>): boolean {
  return party.role === 'afgebeelde-jongere';
}

/** The categories a record about this party can never release: case-level ones, unless the party is depicted. */
export function notOwnCategories(
  party: Pick<Party, 'role'> | undefined,
  categories: readonly InfoCategory[],
): InfoCategory[] {
  return party && !isDepicted(party) ? categories.filter(isCaseLevel) : [];
}

/** Could `giver` decide for the party on the day the consent was given? */
export function giverWasEntitled(
  consent: ConsentGiven,
  party: Parameters<typeof decidersOn>[0],
  ctx: ConsentContext,
): boolean {
  return decidersOn(party, ctx, consent.givenOn).anyOf.includes(consent.givenBy);
}

/**
 * Whether a record's giver counts on `onDate`, with that day's deciders: the giver decides that day
 * and could decide the day it was given. A consent given while the age straddled a threshold (a
 * Flemish 11- or 12-year-old), so by someone who only possibly could decide, counts only in that same
 * year of uncertainty (the same possible ages, so the same unknown birthday) and while everyone who
 * might decide consented; after it, only a giver who surely could decide when giving counts: else ask
 * again (also when a later year straddles another threshold).
 */
function giverCounts(
  consent: ConsentGiven,
  party: Parameters<typeof decidersOn>[0],
  ctx: ConsentContext,
  deciders: Deciders,
  onDate: string,
): boolean {
  if (consent.givenOn < ctx.knownOn || !deciders.anyOf.includes(consent.givenBy)) return false;
  const atGiving = decidersOn(party, ctx, consent.givenOn);
  if (!atGiving.anyOf.includes(consent.givenBy)) return false;
  if (atGiving.sets.every((set) => set.includes(consent.givenBy))) return true;
  const given = ageRangeOn(party, ctx.knownOn, consent.givenOn);
  const asked = ageRangeOn(party, ctx.knownOn, onDate);
  const sameYear = given !== undefined && asked !== undefined && given.min === asked.min && given.max === asked.max;
  return deciders.sets.length > 1 && sameYear;
}

export interface Release {
  /** The consent records that together release it (empty when not released). */
  records: ConsentGiven[];
  deciders: Deciders;
  released: boolean;
}

/**
 * Whether consent releases `category` about `party` to `recipient` on
 * `onDate`. Only active records (given, not yet withdrawn) whose giver was
 * entitled when giving and still decides count; together they must cover
 * everyone who decides. Case-level categories need a depicted party.
 */
export function consentRelease(
  records: readonly ConsentRecord[],
  party: Parameters<typeof decidersOn>[0] & Pick<Party, 'id'>,
  query: { recipient: Recipient; category: InfoCategory; onDate: string },
  ctx: ConsentContext,
): Release {
  const deciders = decidersOn(party, ctx, query.onDate);
  if (isCaseLevel(query.category) && !isDepicted(party)) return { records: [], deciders, released: false };
  const usable = records.filter(
    (c): c is ConsentGiven =>
      c.basis === 'toestemming' &&
      c.partyId === party.id &&
      c.recipient === query.recipient &&
      c.categories.includes(query.category) &&
      isConsentActive(c, query.onDate) &&
      giverCounts(c, party, ctx, deciders, query.onDate),
  );
  // The newest record per giver is the one a summary cites.
  const newest = new Map<ConsentGiver, ConsentGiven>();
  for (const c of usable) {
    const seen = newest.get(c.givenBy);
    if (!seen || `${c.givenOn}|${c.createdAt}` > `${seen.givenOn}|${seen.createdAt}`) newest.set(c.givenBy, c);
  }
  const released = coversDeciders(newest.keys(), deciders);
  return { records: released ? BOTH.flatMap((g) => newest.get(g) ?? []) : [], deciders, released };
}

/**
 * Whether `consent`, on `onDate`, releases at least one of its categories to its recipient (together
 * with the other records of its person, as a summary would judge it): false when its person is not
 * among `parties`. Any category counts, also a person's own name: an "Andere scholen" entry does not
 * record what was told, so a consent that released something to that recipient is its basis.
 */
export function releasesAnything(
  consent: ConsentGiven,
  parties: ReadonlyArray<Parameters<typeof decidersOn>[0] & Pick<Party, 'id'>>,
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  onDate: string,
): boolean {
  const party = parties.find((p) => p.id === consent.partyId);
  return (
    party !== undefined &&
    consent.categories.some(
      (category) => consentRelease(all, party, { recipient: consent.recipient, category, onDate }, ctx).released,
    )
  );
}

export type ConsentStatus =
  | { status: 'nog-niet' }
  | { status: 'ingetrokken'; since: string }
  /** Dated before the case became known (knownOn): it cannot be about this case. */
  | { status: 'niet-geldig'; reason: 'voor-bekend' }
  /** The giver could not decide when it was given. */
  | { status: 'niet-geldig'; reason: 'niet-bevoegd-bij-geven' }
  /** The giver no longer decides (birthday, judgement). */
  | { status: 'niet-geldig'; reason: 'niet-meer-bevoegd' }
  /** Given when it was not sure the giver could decide (a threshold in the age range); now it is clear who decides. */
  | { status: 'niet-geldig'; reason: 'opnieuw-vragen' }
  /**
   * The giver decides, but someone else must consent too: for `waiting` (in the record's order). The
   * record's other categories of this person (`released`) already go, together with another consent
   * (a review: a card said "nog niet genoeg" while its facts went out with the parents' consent).
   */
  | { status: 'onvolledig'; missing: ConsentGiver[]; waiting: InfoCategory[]; released: InfoCategory[] }
  | { status: 'geldig' };

export interface ConsentValidity {
  state: ConsentStatus;
  deciders: Deciders;
  /** Categories in the record that it can never release: not this person's information. */
  notOwnInformation: InfoCategory[];
}

/** The validity of one consent record on `onDate`, worked out by the rule (also for records stored before it). */
export function consentValidity(
  consent: ConsentGiven,
  party: Parameters<typeof decidersOn>[0] & Pick<Party, 'id'>,
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  onDate: string,
): ConsentValidity {
  const deciders = decidersOn(party, ctx, onDate);
  const notOwnInformation = notOwnCategories(party, consent.categories);
  const result = (state: ConsentStatus): ConsentValidity => ({ state, deciders, notOwnInformation });
  if (consent.givenOn > onDate) return result({ status: 'nog-niet' });
  if (consent.withdrawnOn !== undefined && consent.withdrawnOn <= onDate) {
    return result({ status: 'ingetrokken', since: consent.withdrawnOn });
  }
  if (consent.givenOn < ctx.knownOn) return result({ status: 'niet-geldig', reason: 'voor-bekend' });
  if (!giverWasEntitled(consent, party, ctx))
    return result({ status: 'niet-geldig', reason: 'niet-bevoegd-bij-geven' });
  if (!deciders.anyOf.includes(consent.givenBy)) return result({ status: 'niet-geldig', reason: 'niet-meer-bevoegd' });
  if (!giverCounts(consent, party, ctx, deciders, onDate))
    return result({ status: 'niet-geldig', reason: 'opnieuw-vragen' });
  const missing = new Set<ConsentGiver>();
  const waiting: InfoCategory[] = [];
  const released: InfoCategory[] = [];
  for (const category of consent.categories) {
    const release = consentRelease(all, party, { recipient: consent.recipient, category, onDate }, ctx);
    if (isCaseLevel(category) && !isDepicted(party)) continue;
    if (release.released) {
      released.push(category);
      continue;
    }
    waiting.push(category);
    const others = all.filter(
      (c): c is ConsentGiven =>
        c.basis === 'toestemming' &&
        c.partyId === party.id &&
        c.recipient === consent.recipient &&
        c.categories.includes(category) &&
        isConsentActive(c, onDate) &&
        giverCounts(c, party, ctx, deciders, onDate),
    );
    const have = new Set([consent.givenBy, ...others.map((c) => c.givenBy)]);
    for (const g of deciders.anyOf) if (!have.has(g)) missing.add(g);
  }
  if (missing.size > 0)
    return result({ status: 'onvolledig', missing: BOTH.filter((g) => missing.has(g)), waiting, released });
  return result({ status: 'geldig' });
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days on which the validity of a record may change: judgements, anniversaries, New Year, withdrawal. */
function candidateDays(
  consent: ConsentGiven,
  party: Parameters<typeof decidersOn>[0] & Pick<Party, 'id'>,
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  until: string,
): string[] {
  const days = new Set<string>([consent.givenOn]);
  for (const c of all) {
    if (c.basis !== 'toestemming' || c.partyId !== party.id) continue;
    days.add(c.givenOn);
    if (c.withdrawnOn !== undefined) days.add(c.withdrawnOn);
  }
  if (party.competence) days.add(party.competence.assessedOn);
  const [gy] = parts(consent.givenOn);
  const [, km, kd] = parts(ctx.knownOn);
  for (let y = gy - 1; y <= parts(until)[0] + 1; y++) {
    const anniversary = `${String(y).padStart(4, '0')}-${String(km).padStart(2, '0')}-${String(kd).padStart(2, '0')}`;
    days.add(anniversary);
    days.add(addDays(anniversary, 1));
    days.add(`${String(y).padStart(4, '0')}-01-01`);
  }
  return [...days].filter((d) => d >= consent.givenOn && d <= until).sort();
}

export interface ValidityChange {
  from: string;
  validity: ConsentValidity;
}

/**
 * How the validity of a record changes from the day it was given up to
 * `until` (e.g. a year after today): the first entry is the day it was given,
 * each next one a day the status changed. Other records stay as they are.
 */
export function validityTimeline(
  consent: ConsentGiven,
  party: Parameters<typeof decidersOn>[0] & Pick<Party, 'id'>,
  all: readonly ConsentRecord[],
  ctx: ConsentContext,
  until: string,
): ValidityChange[] {
  const changes: ValidityChange[] = [];
  let last = '';
  for (const day of candidateDays(consent, party, all, ctx, until)) {
    const validity = consentValidity(consent, party, all, ctx, day);
    const key = JSON.stringify(validity.state);
    if (key !== last) changes.push({ from: day, validity });
    last = key;
  }
  return changes;
}

/**
 * Why `givenBy` may not consent for `party` on `givenOn`, as an error code, or
 * null when they may. Recording such a consent is refused (issue 14): it
 * could never count. Consent that is only incomplete (Netherlands, 12–15) is
 * accepted and shown as waiting for the other consent.
 */
export function entitlementError(
  party: Parameters<typeof decidersOn>[0],
  givenBy: ConsentGiver,
  givenOn: string,
  ctx: ConsentContext,
): RecordErrorCode | null {
  const deciders = decidersOn(party, ctx, givenOn);
  if (deciders.anyOf.includes(givenBy)) return null;
  if (deciders.basis.kind === 'volwassene') return recordErrors.giverNotEntitledAdult;
  if (ctx.jurisdiction === 'nederland') return recordErrors.giverNotEntitledNl;
  // A recorded judgement rebuts the age presumption: it is then the reason given.
  if (deciders.basis.kind === 'oordeel') {
    return givenBy === 'ouder-voogd'
      ? recordErrors.giverNotEntitledJudgedCompetent
      : recordErrors.giverNotEntitledJudgedNotCompetent;
  }
  return givenBy === 'ouder-voogd' ? recordErrors.giverNotEntitledCompetent : recordErrors.giverNotEntitledNotCompetent;
}
