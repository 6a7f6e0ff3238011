// Building blocks shared by every stored record (schema/records/*.ts) and the
// helpers that derive an operation's input schema from a record field, so a
// limit, enum or field list is written once: in the record schema.
import { z } from 'zod';

import { fieldErrors } from '../errors';

/** Random UUID (crypto.randomUUID()). */
export const recordIdSchema = z.uuid({ error: fieldErrors.invalidId });

/**
 * An edit's base: what each changed field held when the form opened (schema/edit-base.ts). Only
 * compared with the stored record, never stored.
 */
export const editExpectedSchema = z.record(z.string().max(40), z.unknown()).optional();
/** Calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: fieldErrors.invalidDate });
/** Point in time, ISO 8601 with zone, e.g. `2026-03-12T09:30:00.000Z`. */
export const timestampSchema = z.iso.datetime({ offset: true, error: fieldErrors.invalidTimestamp });
/** Initials of the professional who recorded something: 1–5 letters (issue 15 parts). */
export const initialsSchema = z.string().regex(/^\p{L}{1,5}$/u, { error: fieldErrors.invalidInitials });
/** A team member id (issue 21): random, URL-safe, 128 bits or more (never a name or an account). */
export const memberIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The head of every stored record: its kind, the version of its schema and its id. */
export function recordHead<K extends string, N extends number>(kind: K, schemaVersion: N) {
  return { kind: z.literal(kind), schemaVersion: z.literal(schemaVersion), id: recordIdSchema };
}

/** The head of a record that belongs to one case. */
export function caseRecordHead<K extends string, N extends number>(kind: K, schemaVersion: N) {
  return { ...recordHead(kind, schemaVersion), caseId: recordIdSchema };
}

/** A non-empty list of distinct enum values. */
export function choiceList<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1, { error: fieldErrors.emptyList })
    .refine((list) => new Set(list).size === list.length, { error: fieldErrors.duplicate });
}

export const stamps = {
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

/** Kebab-case id of a knowledge-content item (directory entry, plan, step). */
export const contentRefSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: fieldErrors.invalidId })
  .max(80, { error: fieldErrors.invalidId });

export const kindSchema = z.enum([
  'case',
  'party',
  'consent',
  'assessment',
  'note',
  'followup',
  'referral',
  'step',
  'takedown',
  'evidence',
  'police',
  'informed',
  'grooming',
  'conversation',
  'audit',
  'draft',
]);
export type RecordKind = z.infer<typeof kindSchema>;

// ---------------------------------------------------------------------------
// Input helpers: an input field is the record field, after the same cleaning
// the form and the operation both want.
// ---------------------------------------------------------------------------

/** Text from a form, trimmed, then checked by the record's `field`. */
export function trimmedInput<T extends z.ZodType<unknown, string>>(field: T) {
  return z
    .string()
    .transform((text) => text.trim())
    .pipe(field);
}

/** Optional text from a form: trimmed, and blank counts as not given. */
export function optionalTextInput<T extends z.ZodType<unknown, string | undefined>>(field: T) {
  return z
    .string()
    .transform((text) => (text.trim() === '' ? undefined : text.trim()))
    .pipe(field)
    .optional();
}

type FormField<T> =
  T extends z.ZodOptional<infer Inner extends z.ZodString>
    ? ReturnType<typeof optionalTextInput<z.ZodOptional<Inner>>>
    : T extends z.ZodString
      ? ReturnType<typeof trimmedInput<T>>
      : T;

/**
 * A record's fields as a form gives them: every text field is trimmed, and an
 * optional one left blank counts as not given; other fields stay as they are.
 * So a field added to the record schema is in the form schema too, with the
 * same limits.
 */
export function formFields<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: FormField<S[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodString) {
      out[key] = optionalTextInput(field as z.ZodOptional<z.ZodString>);
    } else if (field instanceof z.ZodString) out[key] = trimmedInput(field);
    else out[key] = field;
  }
  return out as { [K in keyof S]: FormField<S[K]> };
}

// ---------------------------------------------------------------------------
// Case entries (issue 15 parts): append-only records of what was done on a
// date, with the initials of who recorded it. One place for their head and
// tail, and for the two inputs (the form's, and the operation's with caseId).
// ---------------------------------------------------------------------------

/** A case entry record: the case head, its own `fields`, then `byInitials` and `createdAt`. */
export function caseEntrySchema<K extends string, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z.strictObject({
    ...caseRecordHead(kind, 1),
    ...fields,
    byInitials: initialsSchema,
    createdAt: timestampSchema,
  });
}

/** The form input (`fields` and trimmed initials) and the operation input (the same with `caseId`). */
export function caseEntryInputs<F extends z.ZodRawShape>(fields: F) {
  const form = { ...fields, byInitials: trimmedInput(initialsSchema) };
  return { form: z.strictObject(form), operation: z.strictObject({ caseId: recordIdSchema, ...form }) };
}
