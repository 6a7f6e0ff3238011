// One form hook for every form that saves through a data operation.
//
// Contract (for anyone adding a form):
//   const form = useOperationForm({
//     initial: { due: todayIso(), purpose: '' },   // the form's values (strings, string arrays, …)
//     schema: followUpForm,                       // zod schema: values → operation input
//     check: (v) => ({ ... }),                    // optional UI rules with their own Dutch text
//     run: (input) => runOperation('scheduleFollowUp', { caseId, ...input }),
//     onDone: () => close(),
//     liveImageCheck: ['purpose'],                // text fields checked for image data while typing
//   });
//   <form {...form.formProps} aria-label="…">
//     <TextField label="…" {...form.text('purpose')} />         // value, error, onChange, id, name
//     <RadioGroup legend="…" name="…" {...form.choice('kind')} /> // value, error, onChange(value)
//     <FormError message={form.general} />
//     <FormButtons busy={form.busy} onCancel={close} />
//   </form>
//
// On submit: `check` runs and the schema parses the values; the first Dutch
// text per field wins (check before schema). Schema issue messages are the
// stable codes of schema/errors.ts and become Dutch through the catalogue.
// With any field error nothing runs: the general message says to check the
// fields and focus moves to the first invalid control (WCAG 3.3.1). Otherwise
// `run` gets the parsed input while `busy` is true; a thrown data error is
// mapped by `describeFailure` (codes to Dutch, never `message`). `busy` stays
// true after success, since `onDone` usually closes or leaves the form.
import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { isSchemaErrorCode } from '../../schema/errors';
import { nl } from '../i18n/catalogue';
import {
  describeFailure,
  describeIssues,
  errorFor,
  imageDataError,
  useFormErrors,
  type FieldErrors,
} from './form-errors';

/** Field names of `V` whose values are strings (text inputs, selects, dates). */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface OperationFormOptions<V extends object, I, R> {
  /** Starting values; a function is called once. */
  initial: V | (() => V);
  /** Turns the values into the operation's input; its issues carry schema codes. */
  schema: z.ZodType<I>;
  /** UI rules whose Dutch text differs from the schema's (e.g. "Maak een keuze."). */
  check?: (values: V) => FieldErrors;
  run: (input: I, values: V) => Promise<R>;
  onDone?: (result: R, input: I) => void;
  /** Field paths the form shows; issues on other paths are spelled out in the general message. */
  fields?: readonly string[];
  /** Text fields that show the never-images refusal while typing. */
  liveImageCheck?: readonly TextKey<V>[];
}

/**
 * The code to show for a zod issue: the schema's own code when it set one,
 * otherwise a plain Dutch fallback by kind (an empty choice, an empty list).
 */
export function issueCode(issue: z.core.$ZodIssue): string {
  if (isSchemaErrorCode(issue.message) || Object.hasOwn(nl.logbook.errors, issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'chooseOne';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union' || issue.code === 'invalid_type') return 'choose';
  return 'required';
}

/**
 * Merges the form's own checks with the schema's issues: one Dutch text per
 * field, the form's own check first. Pure, for tests.
 */
export function validateForm<V extends object, I>(
  values: V,
  schema: z.ZodType<I>,
  check: ((values: V) => FieldErrors) | undefined,
  fields: readonly string[] | undefined,
): { ok: true; input: I } | { ok: false; fields: FieldErrors; general: string } {
  const own = check ? check(values) : {};
  const parsed = schema.safeParse(values);
  if (parsed.success && Object.keys(own).length === 0) return { ok: true, input: parsed.data };
  const fromSchema = parsed.success ? { fields: {}, general: nl.logbook.errors.checkFields } : describeIssues(
        parsed.error.issues.map((issue) => ({ path: issue.path, message: issueCode(issue) })),
        fields,
      );
  const merged: FieldErrors = { ...fromSchema.fields };
  for (const [key, text] of Object.entries(own)) merged[key] = text;
  // Drop a schema text on a nested path when the form already speaks for its field.
  for (const key of Object.keys(fromSchema.fields)) {
    if (Object.hasOwn(own, key)) continue;
    if (Object.keys(own).some((field) => key.startsWith(`${field}.`))) delete merged[key];
  }
  const general = Object.keys(own).length > 0 ? nl.logbook.errors.checkFields : fromSchema.general;
  return { ok: false, fields: merged, general };
}

export function useOperationForm<V extends object, I, R = unknown>(options: OperationFormOptions<V, I, R>) {
  const { schema, check, run, onDone, fields, liveImageCheck } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const { setField, fail, failWith, clear } = errors;
  const formId = useId();
  // The latest values for submit, whatever render the event comes from.
  const current = useRef(values);
  current.current = values;

  const set = useCallback(
    <K extends keyof V>(name: K, value: V[K]) => {
      setValues((v) => ({ ...v, [name]: value }));
      if (typeof value === 'string' && (liveImageCheck as readonly PropertyKey[] | undefined)?.includes(name)) {
        setField(name as string, imageDataError(value));
      }
    },
    [setField, liveImageCheck],
  );

  const patch = useCallback((next: Partial<V>) => setValues((v) => ({ ...v, ...next })), []);

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      const result = validateForm(current.current, schema, check, fields);
      if (!result.ok) {
        fail(result.fields, result.general);
        return;
      }
      setBusy(true);
      try {
        const output = await run(result.input, current.current);
        clear();
        onDone?.(output, result.input);
      } catch (error) {
        failWith(error);
        setBusy(false);
      }
    },
    [schema, check, fields, run, onDone, fail, failWith, clear],
  );

  const error = errors.error;

  /** Props for a TextField / TextAreaField / SelectField bound to a string value. */
  function text<K extends TextKey<V>>(name: K) {
    const fieldError = error(name);
    return {
      id: `${formId}-${name}`,
      name,
      value: values[name] as string,
      error: fieldError,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        set(name, event.target.value as V[K]),
    };
  }

  /** Props for a RadioGroup / CheckboxGroup: value and onChange(value). */
  function choice<K extends keyof V & string>(name: K) {
    return { value: values[name], error: error(name), onChange: (value: V[K]) => set(name, value) };
  }

  /** Raw ARIA wiring for a hand-made control; its error text must carry `errorId`. */
  function aria(name: string) {
    const invalid = error(name) !== null;
    return {
      id: `${formId}-${name}`,
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': invalid ? `${formId}-${name}-error` : undefined,
      errorId: `${formId}-${name}-error`,
    };
  }

  return {
    values,
    set,
    patch,
    busy,
    submit,
    general: errors.general,
    error,
    fieldErrors: errors.fields,
    setFieldError: setField,
    /** Shows errors found outside the hook (e.g. a confirmation step). */
    fail,
    failWith,
    text,
    choice,
    aria,
    formProps: { ref: errors.form, noValidate: true, onSubmit: (event: FormEvent) => void submit(event) },
  };
}

/** Re-exported so forms need one import for field errors. */
export { errorFor, describeFailure, type FieldErrors };
