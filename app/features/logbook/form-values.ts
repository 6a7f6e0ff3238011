// Helpers every logbook form uses between its values and its schema: radio
// choices that start empty, catalogue-labelled options, one-box checkboxes
// read as yes/no, and the usual "left empty" checks with their Dutch text.
import { z } from 'zod';
import { addYearsIso } from '../../../schema/follow-up';
import { nl } from '../../i18n/catalogue';
import { isFutureIso, isIsoDate, planTodayIso, todayIso } from '../../ui/dates';
import type { FieldErrors } from '../../ui/form-errors';

/** A radio group's value: '' until chosen; the form schema then wants one of `schema`'s options. */
export function chosen<T extends z.core.util.EnumLike>(schema: z.ZodEnum<T>) {
  // zod cannot type a pipe over a generic enum; on plain types it is the same schema.
  const option: z.ZodType = schema;
  return z.union([z.literal(''), option]).pipe(option) as z.ZodType<T[keyof T], '' | T[keyof T]>;
}

/** One option per enum value, labelled from the catalogue's entry for it (in the enum's order). */
export function optionsOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The one option of a one-box checkbox group, read back by `ticked`. */
export function oneBox(label: string) {
  return [{ value: 'ja' as const, label }];
}

/** A one-box checkbox group ("ja" ticked or nothing) as a yes/no. */
export function ticked() {
  return z.array(z.literal('ja')).transform((list) => list.length > 0);
}

/**
 * The usual UI rules: a choice left empty ("Maak een keuze."), a text left
 * blank ("Vul dit in."), a list left empty ("Kies er minstens één.").
 */
export function missing(values: Record<string, unknown>, rules: Record<string, 'choose' | 'required' | 'chooseOne'>) {
  const errors: FieldErrors = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = values[field];
    const empty = Array.isArray(value) ? value.length === 0 : typeof value !== 'string' || value.trim() === '';
    if (empty) errors[field] = nl.logbook.errors[rule];
  }
  return errors;
}

/**
 * Dates of something that happened (an assessment, a conversation, a step
 * done…) set after today: "Deze datum ligt in de toekomst." on each, before
 * anything is saved. The operation refuses them too (`date.inFuture`).
 */
export function pastDates<V extends object>(values: V, fields: readonly (keyof V & string)[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value: unknown = values[field];
    if (typeof value === 'string') Object.assign(errors, notInFuture(field, value));
  }
  return errors;
}

/** The error of one such date under `field` (a path such as `competence.assessedOn` too), or none. */
export function notInFuture(field: string, date: string): FieldErrors {
  return isIsoDate(date) && isFutureIso(date) ? { [field]: nl.errors['date.inFuture'] } : {};
}

/**
 * A planned date (a follow-up's) before today: "Kies een datum vanaf vandaag." before anything is
 * saved, together with the form's other errors. The operation refuses it too (`followup.dueInPast`).
 */
export function notBeforeToday(field: string, date: string): FieldErrors {
  return isIsoDate(date) && date < planTodayIso() ? { [field]: nl.errors['followup.dueInPast'] } : {};
}

/** The earliest date allowed `years` back (Baken's bound on a slip of the year), for a date input's `min`. */
export function yearsBackIso(years: number): string {
  return addYearsIso(todayIso(), -years);
}

/** The latest date allowed `years` ahead, for a date input's `max`. */
export function yearsAheadIso(years: number): string {
  return addYearsIso(todayIso(), years);
}

/** A "bekend sinds" more than `years` back: "Deze datum ligt meer dan 5 jaar terug…" (the operation refuses it too). */
export function notLongAgo(field: string, date: string, years: number): FieldErrors {
  return isIsoDate(date) && date < yearsBackIso(years) ? { [field]: nl.errors['case.knownOnTooLongAgo'] } : {};
}

/** A follow-up date more than `years` ahead (the operation refuses it too, `followup.dueTooFar`). */
export function notTooFarAhead(field: string, date: string, years: number): FieldErrors {
  return isIsoDate(date) && date > yearsAheadIso(years) ? { [field]: nl.errors['followup.dueTooFar'] } : {};
}
