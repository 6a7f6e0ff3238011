// What a "tegenstrijdige wijziging" item says (issue 20): the record and field
// by the names the case page and its forms use, and each differing value the
// way the case page shows it (dates dd/mm/jjjj, option codes as their Dutch
// labels, lists joined, ja/nee). Every name comes from the catalogue entries
// the sections use; only names no form has live in nl/sync-status.ts. Never a
// field name or a raw code: an unknown field (from a newer version on another
// device) gets a calm fallback.
import type { RecordOfKind } from '../../schema/records';
import type { Recipient } from '../../schema/records/consent';
import { recipientLabel } from './recipient-label';
import type { SyncConflict } from '../../schema/sync-conflict';
import { nl } from '../i18n/catalogue';
import { syncStatus } from '../i18n/nl/sync-status';
import { formatDate, formatDateTime, isIsoDate } from './dates';

const t = nl.logbook;
const tc = syncStatus.conflicts;

export type ConflictKind = SyncConflict['recordKind'];
/** Fields the merge never turns into an item (app/data/sync/merge.ts NEVER_CONFLICT). */
type Bookkeeping = 'id' | 'kind' | 'schemaVersion' | 'caseId' | 'createdAt' | 'updatedAt';
type KeysOf<T> = T extends unknown ? keyof T : never;
/** Every field of a kind (of every variant, e.g. consent and sharing without consent) that can differ. */
export type ConflictField<K extends ConflictKind> = Exclude<KeysOf<RecordOfKind<K>>, Bookkeeping>;

/** What the page knows that a value can refer to: the case's betrokkenen by id. */
export interface ConflictContext {
  pseudonyms: ReadonlyMap<string, string>;
  /** A consent by its card's title on the case page ("Jongere A → school"), by record id. */
  consents?: ReadonlyMap<string, string>;
  /** A follow-up by the start of its purpose as this device holds it, by record id. */
  followUps?: ReadonlyMap<string, string>;
  /** A case under Dutch rules: its words as its forms show them ("aangifte", the check question without VK). */
  inNl?: boolean;
}

/**
 * The context of a case's items: betrokkenen by pseudonym, consents as their cards name them (never a
 * real name), follow-ups by the start of their purpose (a review: two items read "Opvolging en status —
 * Laten rusten tot" alike).
 */
export function conflictContext(
  parties: ReadonlyArray<{ id: string; pseudonym: string }>,
  consents: ReadonlyArray<{ id: string; partyId: string; recipient: keyof typeof t.consent.recipients }>,
  followUps: ReadonlyArray<{ id: string; purpose: string }> = [],
  inNl = false,
): ConflictContext {
  const pseudonyms = new Map(parties.map((p) => [p.id, p.pseudonym]));
  const title = (c: (typeof consents)[number]) =>
    t.consent.entryTitle(pseudonyms.get(c.partyId) ?? t.consent.unknownParty, recipientLabel(c.recipient, inNl));
  return {
    pseudonyms,
    consents: new Map(consents.map((c) => [c.id, title(c)])),
    followUps: new Map(followUps.map((f) => [f.id, shorten(f.purpose, PURPOSE_CHARS)])),
    inNl,
  };
}

/** How much of a follow-up's purpose names it in an item. */
const PURPOSE_CHARS = 40;

/** "Welke informatie? (optioneel)" reads as a name without its form hint. */
const name = (label: string): string => label.replace(/\s*\(optioneel\)$/, '');

/** The section of the case page each kind is shown in. */
export const kindLabels: Record<ConflictKind, string> = {
  case: t.facts.title,
  party: t.parties.title,
  consent: t.consent.title,
  assessment: t.flags.title,
  followup: t.followUp.title,
  referral: t.referrals.title,
  step: t.steps.title,
  takedown: t.takedown.title,
  evidence: t.evidence.title,
  police: t.police.title,
  informed: t.informed.title,
  grooming: t.grooming.title,
  conversation: t.conversations.title,
};

/** Each field by the label its section or form shows; tsc checks every field of every kind is here. */
export const fieldLabels: { [K in ConflictKind]: Record<ConflictField<K>, string> } = {
  case: {
    reference: tc.fields.reference,
    knownOn: t.facts.knownOn,
    knownVia: t.facts.knownVia,
    types: t.facts.types,
    schools: t.facts.schools,
    description: t.facts.description,
    jurisdiction: t.facts.jurisdiction,
    factsHistory: tc.fields.factsHistory,
    status: t.facts.status,
    retentionUntil: t.close.retentionUntil,
    closedAt: tc.fields.closedAt,
  },
  party: {
    role: t.parties.role,
    pseudonym: t.parties.pseudonym,
    realName: t.parties.realNameLabel,
    age: t.parties.age,
    school: name(t.parties.school),
    className: name(t.parties.className),
    competence: t.competence.title,
  },
  consent: {
    partyId: t.consent.party,
    recipient: t.consent.recipient,
    categories: t.consent.categories,
    retiredCategories: t.consent.categories,
    basis: t.share.basis,
    givenBy: t.consent.givenBy,
    givenOn: t.consent.givenOn,
    how: t.consent.how,
    withdrawnOn: t.consent.withdrawDate,
    sharedOn: t.share.sharedOn,
    justification: t.share.justification,
    checks: t.share.checks,
    bestPlacedToHelp: t.share.bestPlacedToHelp,
    youngPersonInformed: t.share.informed,
    confirmedWarnings: t.share.warningsTitle,
  },
  assessment: {
    criteriaVersion: t.flags.criteriaVersion,
    answers: tc.fields.answers,
    flag: t.flags.flag,
    reasoning: t.flags.reasoning,
    assessedOn: t.flags.assessedOn,
    behaviour: name(t.flags.behaviour),
    partyIds: name(t.flags.parties),
  },
  followup: {
    due: t.followUp.due,
    purpose: t.followUp.purpose,
    doneOn: t.steps.doneOn,
    history: t.followUp.past,
    icsUid: tc.fields.icsUid,
    sequence: tc.fields.sequence,
  },
  referral: {
    organisationId: t.referrals.organisation,
    organisationName: t.referrals.organisation,
    referredOn: t.referrals.referredOn,
    byInitials: t.referrals.byInitials,
  },
  step: {
    planId: t.steps.title,
    stepId: t.takedown.step,
    doneOn: t.steps.doneOn,
    note: name(t.steps.note),
    remind: t.steps.remind,
  },
  takedown: {
    step: t.takedown.step,
    status: t.takedown.status,
    on: t.takedown.on,
    byInitials: t.referrals.byInitials,
  },
  evidence: {
    exists: t.evidence.exists,
    forms: t.evidence.forms,
    heldBy: t.evidence.heldBy,
    on: t.evidence.on,
    byInitials: t.referrals.byInitials,
  },
  police: {
    stage: t.police.stage,
    by: t.police.by,
    on: t.police.on,
    informed: t.police.informedOption,
    byInitials: t.referrals.byInitials,
  },
  informed: {
    institutionKind: t.informed.institutionKind,
    institution: t.informed.institution,
    on: t.informed.on,
    basis: t.informed.basis,
    pupilsToldFirst: t.informed.pupilsToldFirstOption,
    byInitials: t.referrals.byInitials,
  },
  grooming: {
    phases: t.grooming.phases,
    observedOn: t.grooming.observedOn,
    byInitials: t.referrals.byInitials,
  },
  conversation: {
    on: t.conversations.on,
    format: t.conversations.format,
    partyIds: t.conversations.parties,
    allAgreed: t.conversations.agreedOption,
    byInitials: t.referrals.byInitials,
  },
};

type Format = (value: unknown, context: ConflictContext) => string;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A code by its Dutch option label; an unknown code keeps its own letters, never JSON. */
function option(labels: Readonly<Record<string, string>>): Format {
  return (value, context) =>
    typeof value === 'string' && Object.hasOwn(labels, value) ? (labels[value] ?? value) : plain(value, context);
}

/** A list of codes by their labels, joined like the case page joins them. */
function options(labels: Readonly<Record<string, string>>, none?: string): Format {
  const one = option(labels);
  return (value, context) => {
    if (!Array.isArray(value)) return plain(value, context);
    if (value.length === 0) return none ?? tc.empty;
    return value.map((v) => one(v, context)).join(', ');
  };
}

const pseudonym: Format = (value, context) =>
  typeof value === 'string' ? (context.pseudonyms.get(value) ?? tc.unknownParty) : plain(value, context);
const pseudonyms: Format = (value, context) =>
  Array.isArray(value) && value.length > 0 ? value.map((v) => pseudonym(v, context)).join(', ') : plain(value, context);

const yesNo = (value: boolean): string => (value ? t.share.yes : t.share.no);
/** `remind: true` or absent (stored as null in the item). */
const flagTrue: Format = (value) => yesNo(value === true);

/** Any value by its type: dates as on the case page, lists joined, ja/nee, empty as "(leeg)". */
export function plain(value: unknown, context: ConflictContext = { pseudonyms: new Map() }): string {
  if (value === null || value === undefined || value === '') return tc.empty;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return new Intl.NumberFormat('nl-BE').format(value);
  if (typeof value === 'string') {
    if (isIsoDate(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? tc.empty : value.map((v) => plain(v, context)).join(', ');
  if (isRecord(value)) {
    const parts = Object.values(value).filter((v) => v !== undefined && v !== null && v !== '');
    return parts.length === 0 ? tc.empty : parts.map((v) => plain(v, context)).join(', ');
  }
  return tc.empty;
}

const competence: Format = (value, context) => {
  if (!isRecord(value) || typeof value.competent !== 'boolean') return plain(value, context);
  const verdict = value.competent ? t.competence.competentYes : t.competence.competentNo;
  return `${verdict}. ${t.competence.assessed(text(value.assessedBy), formatDate(text(value.assessedOn)), text(value.reason))}`;
};

const checks: Format = (value, context) => {
  if (!isRecord(value)) return plain(value, context);
  const out: string[] = [];
  for (const [id, asked] of Object.entries(t.share.checkQuestions)) {
    // A case under Dutch rules asked the question without the Flemish VK (consent-forms.tsx checkQuestion).
    const question = context.inNl && id === 'consultedOthers' ? t.share.consultedOthersNl : asked;
    const answer = value[id];
    if (isRecord(answer)) {
      const note = text(answer.note);
      out.push(
        `${question} ${option({ ja: t.share.yes, nee: t.share.no })(answer.answer, context)}${note ? ` (${note})` : ''}`,
      );
    }
  }
  if (typeof value.bestPlacedToInform === 'string')
    out.push(`${t.share.bestPlacedToInform} ${value.bestPlacedToInform}`);
  return out.length > 0 ? out.join(' ') : plain(value, context);
};

const youngPersonInformed: Format = (value, context) => {
  if (!isRecord(value)) return plain(value, context);
  if (value.told === 'ja') return t.share.entryInformed(formatDate(text(value.on)), text(value.how));
  if (value.told === 'nee') return t.share.entryNotInformed(text(value.whyNot));
  if (value.told === 'niet-vastgelegd') return t.share.entryInformedUnknown;
  return plain(value, context);
};

const factsHistory: Format = (value, context) => {
  if (!Array.isArray(value) || value.length === 0) return plain(value, context);
  return value
    .map((v) =>
      isRecord(v)
        ? `${t.facts.historyEntry(formatDate(text(v.replacedAt)), text(v.reason))} ${text(v.text)}`
        : plain(v, context),
    )
    .join(' ');
};

const rescheduleHistory: Format = (value, context) => {
  if (!Array.isArray(value) || value.length === 0) return plain(value, context);
  return value
    .map((v) =>
      isRecord(v)
        ? t.followUp.history(formatDate(text(v.from)), formatDate(text(v.to)), text(v.reason))
        : plain(v, context),
    )
    .join('; ');
};

const answers: Format = (value, context) => {
  if (!isRecord(value)) return plain(value, context);
  const entries = Object.entries(value);
  if (entries.length === 0) return tc.empty;
  // Criterion ids are words joined by hyphens (their names are in the knowledge content).
  return entries.map(([id, a]) => `${id.replaceAll('-', ' ')}: ${option(t.flags.answers)(a, context)}`).join(', ');
};

const flag: Format = (value, context) => {
  if (typeof value === 'string' && Object.hasOwn(t.flagNames, value)) {
    const f = t.flagNames[value as keyof typeof t.flagNames];
    return `${f.label} (${f.meaning})`;
  }
  return plain(value, context);
};

/** `flemish`, or `dutch` for a case under Dutch rules. */
const byRules =
  (flemish: Format, dutch: Format): Format =>
  (value, context) =>
    (context.inNl ? dutch : flemish)(value, context);

/** Fields whose values need more than `plain` (codes, ids, nested answers). */
const formats: { [K in ConflictKind]?: Partial<Record<ConflictField<K>, Format>> } = {
  case: {
    knownVia: byRules(
      option(t.knownViaOptions),
      option({ ...t.knownViaOptions, 'ander-clb-of-school': t.knownViaOtherSchoolNl }),
    ),
    types: options(t.typeLabels),
    schools: options({}, t.facts.noSchools),
    status: option(t.statusFilter),
    jurisdiction: option(t.facts.jurisdictions),
    factsHistory,
  },
  party: {
    role: option(t.parties.roles),
    age: (value, context) => (typeof value === 'number' ? t.parties.ageText(value) : plain(value, context)),
    competence,
  },
  consent: {
    partyId: pseudonym,
    recipient: (value, context) =>
      typeof value === 'string' && Object.hasOwn(t.consent.recipients, value)
        ? recipientLabel(value as Recipient, context.inNl === true)
        : plain(value, context),
    categories: byRules(
      options(t.consent.categoryLabels),
      options({ ...t.consent.categoryLabels, ...t.consent.categoryLabelsNl }),
    ),
    retiredCategories: options(t.consent.retiredCategoryLabels),
    basis: option({ ...t.share.bases, toestemming: t.informed.bases.toestemming }),
    givenBy: option(t.consent.givenByOptions),
    how: option(t.consent.howOptions),
    checks,
    youngPersonInformed,
    confirmedWarnings: options(t.share.warnings),
  },
  assessment: {
    criteriaVersion: option(t.flags.criteriaVersions),
    answers,
    flag,
    partyIds: pseudonyms,
  },
  followup: { history: rescheduleHistory },
  step: { remind: flagTrue },
  takedown: { step: option(t.takedown.steps), status: option(t.takedown.statuses) },
  evidence: {
    exists: option(t.evidence.existsOptions),
    forms: options(t.evidence.formOptions),
    heldBy: options(t.evidence.holderOptions),
  },
  police: { stage: byRules(option(t.police.stages), option(t.policeNl.stages)), by: option(t.police.actors) },
  informed: { institutionKind: option(t.informed.institutionKinds), basis: option(t.informed.bases) },
  grooming: { phases: options(t.grooming.phaseLabels, t.grooming.nothingObserved) },
  conversation: { format: option(t.conversations.formats), partyIds: pseudonyms },
};

function lookup<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The section and field of an item, e.g. "Incident — Bekend sinds", "Betrokkenen (Jongere A) — Rol",
 * "Toestemming (Jongere A → school) — Ingetrokken op" or "Opvolging en status (Gesprek met de ouders)
 * — Laten rusten tot".
 */
export function conflictWhat(
  conflict: Pick<SyncConflict, 'recordKind' | 'recordId' | 'field'>,
  context: ConflictContext,
): string {
  const kind =
    (context.inNl && conflict.recordKind === 'informed' ? t.informedNl.title : undefined) ??
    lookup<string>(kindLabels, conflict.recordKind) ??
    tc.otherRecord;
  const field =
    (context.inNl && conflict.recordKind === 'informed' && conflict.field === 'institution'
      ? t.informedNl.institution
      : undefined) ??
    lookup<string>(lookup<Readonly<Record<string, string>>>(fieldLabels, conflict.recordKind), conflict.field) ??
    tc.otherField;
  const which =
    conflict.recordKind === 'party'
      ? context.pseudonyms.get(conflict.recordId)
      : conflict.recordKind === 'consent'
        ? context.consents?.get(conflict.recordId)
        : conflict.recordKind === 'followup'
          ? context.followUps?.get(conflict.recordId)
          : undefined;
  return tc.field(which ? tc.section(kind, which) : kind, field);
}

/** One value of an item, as the case page shows it. */
export function conflictValue(
  conflict: Pick<SyncConflict, 'recordKind' | 'field'>,
  value: unknown,
  context: ConflictContext,
): string {
  const format = lookup<Format | undefined>(
    lookup<Readonly<Record<string, Format | undefined>>>(formats, conflict.recordKind),
    conflict.field,
  );
  // A formatter sees an absent value (null) too: an absent reminder reads "nee".
  return (format ?? plain)(value ?? null, context);
}

/**
 * Fields whose values the case page shows only on request (a betrokkene's real name behind
 * "Toon echte naam"): an item about one shows its values only after the worker asks.
 */
export function isSensitiveConflict(conflict: Pick<SyncConflict, 'recordKind' | 'field'>): boolean {
  return conflict.recordKind === 'party' && conflict.field === 'realName';
}

/** Longer values are shown whole in the item; their button names the start. */
export const SHORT_CHARS = 60;

const oneLineOf = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Where the values' shared start ends, at the start of a word, when that start is long enough to
 * push the difference out of a shortened button (else 0).
 */
function partingWord(values: readonly string[]): number {
  const lines = values.map(oneLineOf);
  const first = lines[0] ?? '';
  let same = 0;
  while (same < first.length && lines.every((line) => line[same] === first[same])) same++;
  if (same <= SHORT_CHARS / 2) return 0;
  return first.lastIndexOf(' ', same) + 1;
}

function shorten(full: string, chars = SHORT_CHARS): string {
  const oneLine = oneLineOf(full);
  if (oneLine.length <= chars) return oneLine;
  const cut = oneLine.slice(0, chars);
  const space = cut.lastIndexOf(' ');
  return `${(space > chars / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

export interface ConflictChoice {
  /** The whole value, shown above the button when the button cannot hold it. */
  full: string;
  /** Whether `full` is shown apart (long, several lines, or numbered). */
  showFull: boolean;
  /** The button's text and accessible name: distinct within one item. */
  button: string;
}

/** The buttons of one item: "Kies <value>", or numbered when a value is long or two read the same. */
export function conflictChoices(
  conflict: Pick<SyncConflict, 'recordKind' | 'field' | 'values'>,
  context: ConflictContext,
): ConflictChoice[] {
  const full = conflict.values.map((v) => conflictValue(conflict, v, context));
  // Values that start alike (a description with one sentence changed) are named from the word where
  // they part: the shared start told a screen-reader user nothing about which one a button keeps.
  const from = partingWord(full);
  const short = full.map((f) => (from > 0 ? `…${shorten(oneLineOf(f).slice(from))}` : shorten(f)));
  const numbered = short.some((s, i) => s !== full[i] || short.indexOf(s) !== i);
  return full.map((f, i) => ({
    full: f,
    showFull: numbered,
    button: numbered ? tc.chooseNumbered(i + 1, short[i] ?? '') : tc.choose(f),
  }));
}
