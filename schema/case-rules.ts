// Pure rules for the case logbook: readable case references, default
// pseudonyms and the suggested follow-up date. No storage, no clock: callers
// pass "today".
import { addDays } from 'date-fns';
import { formatIsoDate, isValidDate, parseIsoDate } from './calendar-date';
import { z } from 'zod';

import type { Party, PartyRole } from './records/party';
import type { FollowUp } from './records/follow-up';

// ---------------------------------------------------------------------------
// Case reference `YYYY-NNN`
// ---------------------------------------------------------------------------

/** Highest sequence number a reference can hold (`caseReferenceSchema` allows 3–5 digits). */
export const MAX_REFERENCE_SEQUENCE = 99_999;

/** `2026-014`: the year, then the sequence number padded to at least 3 digits. */
export function formatCaseReference(year: number, sequence: number): string {
  return `${String(year).padStart(4, '0')}-${String(sequence).padStart(3, '0')}`;
}

/** The parts of a reference, or null when it is not of the form `YYYY-NNN`. */
export function parseCaseReference(reference: string): { year: number; sequence: number } | null {
  const match = /^(\d{4})-(\d{3,5})$/.exec(reference);
  if (!match?.[1] || !match[2]) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

/**
 * The last sequence number handed out per year (`{ "2026": 14 }`). Kept so a
 * number is never handed out twice, not even after its case was erased.
 */
export const caseReferenceCounterSchema = z.strictObject({
  years: z.record(z.string().regex(/^\d{4}$/), z.int().min(0).max(MAX_REFERENCE_SEQUENCE)),
});
export type CaseReferenceCounter = z.infer<typeof caseReferenceCounterSchema>;

/** Highest sequence number per year among `references` (unparseable ones are skipped). */
export function highestSequences(references: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const reference of references) {
    const parsed = parseCaseReference(reference);
    if (!parsed) continue;
    const year = String(parsed.year);
    out[year] = Math.max(out[year] ?? 0, parsed.sequence);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pseudonyms "Jongere A", "Jongere B", …
// ---------------------------------------------------------------------------

export const PSEUDONYM_PREFIX = 'Jongere';

/** 0 → A, 25 → Z, 26 → AA, 27 → AB … (spreadsheet-style, so it never runs out). */
export function pseudonymLetters(index: number): string {
  let n = Math.floor(index) + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Compare pseudonyms as a person reads them: case and surrounding spaces do not count. */
export function samePseudonym(a: string, b: string): boolean {
  return (
    a.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nl') === b.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nl')
  );
}

/**
 * The word a suggested pseudonym starts with, by role: only a young person's
 * role gives "Jongere"; a parent or an adult is never offered "Jongere C".
 * Without a role (not chosen yet) the young person's word, as before.
 */
export function pseudonymPrefix(role?: PartyRole): string {
  switch (role) {
    case undefined:
    case 'afgebeelde-jongere':
    case 'jongere-die-doorstuurde':
    case 'ontvanger-omstander':
      return PSEUDONYM_PREFIX;
    case 'melder':
      return 'Melder';
    case 'ouder-voogd':
      return 'Ouder';
    case 'volwassene':
      return 'Volwassene';
    case 'andere':
      return 'Betrokkene';
  }
}

/** The first free "Jongere A", "Ouder A", … (by role) among the parties of one case. */
export function suggestPseudonym(existing: ReadonlyArray<Pick<Party, 'pseudonym'>>, role?: PartyRole): string {
  const prefix = pseudonymPrefix(role);
  for (let i = 0; ; i++) {
    const candidate = `${prefix} ${pseudonymLetters(i)}`;
    if (!existing.some((p) => samePseudonym(p.pseudonym, candidate))) return candidate;
  }
}

// ---------------------------------------------------------------------------
// Follow-up ("laten rusten tot")
// ---------------------------------------------------------------------------

export const FOLLOW_UP_SUGGESTION_DAYS = 7;

/**
 * `today` (YYYY-MM-DD) plus 7 calendar days: "let it rest, and come back on a
 * set date" (DOMAIN.md). Calendar arithmetic, so DST changes do not shift it.
 */
export function suggestFollowUpDate(today: string): string {
  const date = parseIsoDate(today);
  if (!isValidDate(date)) throw new RangeError(`Not a date: ${today}`);
  return formatIsoDate(addDays(date, FOLLOW_UP_SUGGESTION_DAYS));
}

/** True when one of `followUps` is not done yet (ignoring the one with id `except`). */
export function hasOpenFollowUp(followUps: ReadonlyArray<Pick<FollowUp, 'id' | 'doneOn'>>, except?: string): boolean {
  return followUps.some((f) => f.doneOn === undefined && f.id !== except);
}

// ---------------------------------------------------------------------------
// "Bekend sinds" and what is dated after it
// ---------------------------------------------------------------------------

/**
 * The earliest day of what a case records as done about its incident and may not lie before its
 * "bekend sinds" (`date.beforeKnown` when written): a consent given, a share without consent, a flag
 * assessment, a judgement of a betrokkene's competence. Undefined when there is none. Moving
 * "bekend sinds" past this day would quietly make such a consent count for nothing (a review), so
 * updateCase refuses it (`case.knownOnAfterRecords`).
 */
export function earliestDatedAfterKnown(records: {
  consents: ReadonlyArray<{ givenOn: string } | { sharedOn: string }>;
  assessments: ReadonlyArray<{ assessedOn: string }>;
  parties: ReadonlyArray<Pick<Party, 'competence'>>;
}): string | undefined {
  const days = [
    ...records.consents.map((c) => ('givenOn' in c ? c.givenOn : c.sharedOn)),
    ...records.assessments.map((a) => a.assessedOn),
    ...records.parties.flatMap((p) => (p.competence ? [p.competence.assessedOn] : [])),
  ];
  return days.reduce<string | undefined>((min, day) => (min === undefined || day < min ? day : min), undefined);
}
