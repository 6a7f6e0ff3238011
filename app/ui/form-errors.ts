// Turns failures of data operations into Dutch messages: schema codes go next
// to the field whose path they carry, everything else becomes one form-level
// message. `message` of an error (English, for developers) is never shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { InvalidRecordError, isDataError } from '../data/errors';
import { nl } from '../i18n/catalogue';
import { codeText } from '../i18n/error-text';
import { focusInvalidNow } from './focus';
import { imageDataError } from './image-data-error';

const t = nl.logbook.errors;
type FormRuleText = keyof typeof t;

/** Field key → Dutch message. Keys are record paths joined with dots, e.g. `checks.consultedOthers`. */
export type FieldErrors = Record<string, string>;

/** Dutch text for a form rule (`choose`, `required`, …), or a data or schema code through the one error table. */
export function errorText(code: string): string {
  if (Object.hasOwn(t, code)) return t[code as FormRuleText];
  return codeText(code);
}

function belongsTo(key: string, field: string): boolean {
  return key === field || key.startsWith(`${field}.`);
}

/** One schema issue as the form sees it: a path and a schema code as message. */
export interface FormIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Schema issues as field errors (first issue per path wins). Issues on a path
 * the form has no field for (`known`), e.g. a case rule on `status`, are
 * spelled out in the general message so they are never lost.
 */
export function describeIssues(
  issues: readonly FormIssue[],
  known?: readonly string[],
): { fields: FieldErrors; general: string } {
  const fields: FieldErrors = {};
  const unmatched: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    const text = errorText(issue.message);
    if (known && !known.some((field) => belongsTo(key, field))) {
      if (!unmatched.includes(text)) unmatched.push(text);
    } else if (!(key in fields)) fields[key] = text;
  }
  const general = [Object.keys(fields).length > 0 || unmatched.length === 0 ? t.checkFields : null, ...unmatched];
  return { fields, general: general.filter(Boolean).join(' ') };
}

/** A failed operation as field errors and one general Dutch message. */
export function describeFailure(error: unknown, known?: readonly string[]): { fields: FieldErrors; general: string } {
  if (error instanceof InvalidRecordError) return describeIssues(error.issues, known);
  if (isDataError(error)) return { fields: {}, general: errorText(error.code) };
  console.warn(error);
  return { fields: {}, general: t.generic };
}

/** The error for `name`: an exact key, or the first nested one (`schools` finds `schools.0`). */
export function errorFor(errors: FieldErrors, name: string): string | null {
  if (errors[name]) return errors[name];
  const nested = Object.keys(errors).find((key) => belongsTo(key, name));
  return nested ? (errors[nested] ?? null) : null;
}

/** Never-images check while typing, so the refusal shows before saving (one light module). */
export { imageDataError };

/**
 * Form state for errors: `fail(fields, general)` shows them and moves focus to
 * the first invalid control once rendered (WCAG 3.3.1); `clear()` resets.
 */
export function useFormErrors(known?: readonly string[]) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const knownFields = useRef(known);

  useEffect(() => {
    if (attempt === 0 || !form.current) return;
    focusInvalidNow(form.current);
  }, [attempt]);

  const fail = useCallback((nextFields: FieldErrors, nextGeneral: string | null) => {
    setFields(nextFields);
    setGeneral(nextGeneral);
    setAttempt((n) => n + 1);
  }, []);

  const failWith = useCallback(
    (error: unknown) => {
      const described = describeFailure(error, knownFields.current);
      fail(described.fields, described.general);
    },
    [fail],
  );

  const clear = useCallback(() => {
    setFields({});
    setGeneral(null);
  }, []);

  /** Sets or clears one field's error (e.g. the live image check). */
  const setField = useCallback((name: string, message: string | null) => {
    setFields((current) => {
      if ((current[name] ?? null) === message) return current;
      const next = { ...current };
      if (message) next[name] = message;
      else delete next[name];
      return next;
    });
  }, []);

  /**
   * Re-checking while typing, after a refused submit: the errors shown change or go, without touching
   * the general message or focus. A field without an error shown gets one only at the next submit
   * (e.g. a group that a choice just opened is not marked before the worker used it).
   */
  const replaceFields = useCallback((checked: FieldErrors) => {
    setFields((current) => {
      const next: FieldErrors = {};
      for (const [key, text] of Object.entries(checked)) if (Object.hasOwn(current, key)) next[key] = text;
      return sameErrors(current, next) ? current : next;
    });
  }, []);

  return {
    form,
    fields,
    general,
    fail,
    failWith,
    clear,
    setField,
    setFields: replaceFields,
    error: (name: string) => errorFor(fields, name),
  };
}

function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Required-text check shared by the forms. */
export function requiredText(value: string): string | null {
  if (value.trim() === '') return t.required;
  return imageDataError(value);
}

/** "Maak een keuze." for each named choice that is still empty (a select or radio group left at ''). */
export function unchosen<V extends object>(values: V, names: readonly (keyof V & string)[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of names) if (values[name] === '') errors[name] = t.choose;
  return errors;
}
