// One form hook for every form that saves through a data operation.
//
// Contract (for anyone adding a form):
//   const form = useOperationForm({
//     initial: { due: todayIso(), purpose: '' },   // the form's values (strings, string arrays, …)
//     schema: followUpForm,                       // zod schema: values → operation input
//     toInput: (v) => ({ ...v, age: Number(v.age) }), // optional: values → what the schema parses
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
// mapped by `describeFailure` (codes to Dutch, never `message`), or by
// `describe` when the form has its own texts. After success the errors are
// cleared and `onDone` gets the result; `reset` sets new values (e.g. empty).
//
// Long work (the backup forms): `run` gets a third argument, `report`, and
// `progress` holds the last report while busy. A file field keeps a `File |
// null` value and binds through `form.file(name)` (its key changes on reset,
// which empties the browser's own input). `liveCheck` gives fields a check
// that runs while typing or choosing. After a refused submit every field is
// checked again on each change, so a corrected field loses its error at once
// (and the general message goes once all pass), until a submit passes the
// checks; a field that shows no error gets none before the next submit.
// `revalidate: false` turns that off.
import { useCallback, useContext, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { isSchemaErrorCode } from '../../schema/errors';
import { nl } from '../i18n/catalogue';
import { describeIssues, imageDataError, useFormErrors, type FieldErrors } from './form-errors';
import { KeptFormKey, keepValues, keptValues } from './kept-form';

/** Field names of `V` whose values are strings (text inputs, selects, dates). */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** Field names of `V` whose values are a chosen file (or none yet). */
export type FileKey<V> = {
  [K in keyof V]: V[K] extends File | null ? (null extends V[K] ? K : never) : never;
}[keyof V] &
  string;

export interface OperationFormOptions<V extends object, I, R, P = never> {
  /** Starting values; a function is called once. */
  initial: V | (() => V);
  /** Turns the values into the operation's input; its issues carry schema codes. */
  schema: z.ZodType<I>;
  /** When the values are not yet the schema's shape (e.g. an age typed as text): builds what the schema parses. */
  toInput?: (values: V) => unknown;
  /** UI rules whose Dutch text differs from the schema's (e.g. "Maak een keuze."). */
  check?: (values: V) => FieldErrors;
  /** The operation; `report` updates `progress` while it runs (long work only). */
  run: (input: I, values: V, report: (progress: P) => void) => Promise<R>;
  onDone?: (result: R, input: I) => void;
  /** Field paths the form shows; issues on other paths are spelled out in the general message. */
  fields?: readonly string[];
  /** Text fields that show the never-images refusal while typing. */
  liveImageCheck?: readonly TextKey<V>[];
  /** Checks that run on each change of their field (e.g. a chosen file's type); null clears the error. */
  liveCheck?: { readonly [K in keyof V]?: (value: V[K]) => string | null };
  /** After a refused submit, check all fields again on every change (until a submit passes the checks). Default true. */
  revalidate?: boolean;
  /** Own Dutch texts for a failed `run` (e.g. a wrong passphrase next to its field); default: the data error table. */
  describe?: (error: unknown) => { fields: FieldErrors; general: string | null };
  /** Called with the new values after every change (e.g. to keep a draft). */
  onChange?: (values: V) => void;
  /** The general text when fields are marked, for a form that saves nothing (default: "Niet bewaard: …"). */
  refusedText?: string;
  /** Called at the start of every submit, refused or not (e.g. to drop the last attempt's result). */
  onSubmitStart?: () => void;
}

/**
 * The code to show for a zod issue: the schema's own code when it set one,
 * otherwise a plain Dutch fallback by kind (an empty choice, an empty list).
 */
export function issueCode(issue: z.core.$ZodIssue): string {
  if (isSchemaErrorCode(issue.message) || Object.hasOwn(nl.logbook.errors, issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'chooseOne';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union' || issue.code === 'invalid_type')
    return 'choose';
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
  toInput?: (values: V) => unknown,
): { ok: true; input: I } | { ok: false; fields: FieldErrors; general: string } {
  const own = check ? check(values) : {};
  const parsed = schema.safeParse(toInput ? toInput(values) : values);
  if (parsed.success && Object.keys(own).length === 0) return { ok: true, input: parsed.data };
  const fromSchema = parsed.success
    ? { fields: {}, general: nl.logbook.errors.checkFields }
    : describeIssues(
        parsed.error.issues.map((issue) => ({ path: issue.path, message: issueCode(issue) })),
        fields,
      );
  const merged: FieldErrors = { ...fromSchema.fields };
  // The form's own text wins, but never over the never-images rule (a review: a link warning hid the
  // image data in the same field until the link was confirmed).
  for (const [key, text] of Object.entries(own)) if (merged[key] !== nl.errors['text.imageData']) merged[key] = text;
  // The never-images text says what to remove, as while typing (imageDataError), also after a refused save.
  for (const [key, text] of Object.entries(merged)) {
    const value = (values as Record<string, unknown>)[key];
    if (text === nl.errors['text.imageData'] && typeof value === 'string') merged[key] = imageDataError(value) ?? text;
  }
  // Drop a schema text on a nested path when the form already speaks for its field.
  for (const key of Object.keys(fromSchema.fields)) {
    if (Object.hasOwn(own, key)) continue;
    if (Object.keys(own).some((field) => key.startsWith(`${field}.`))) delete merged[key];
  }
  const general = Object.keys(own).length > 0 ? nl.logbook.errors.checkFields : fromSchema.general;
  return { ok: false, fields: merged, general };
}

/** The form's first values: `initial` itself, or what it returns. */
function initialValues<V extends object>(initial: V | (() => V)): V {
  return typeof initial === 'function' ? (initial as () => V)() : initial;
}

export function useOperationForm<V extends object, I, R = unknown, P = never>(
  options: OperationFormOptions<V, I, R, P>,
) {
  const {
    schema,
    toInput,
    check,
    run,
    onDone,
    fields,
    liveImageCheck,
    liveCheck,
    onChange,
    describe,
    refusedText,
    onSubmitStart,
  } = options;
  const revalidate = options.revalidate ?? true;
  // Inside a case page's Expander: what was typed before the worker went elsewhere (kept-form.ts).
  const keepKey = useContext(KeptFormKey);
  const [values, setValues] = useState<V>(() => keptValues<V>(keepKey) ?? initialValues(options.initial));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<P | null>(null);
  // Bumped by reset: file inputs take it as key, so the browser forgets the chosen file.
  const [generation, setGeneration] = useState(0);
  const errors = useFormErrors(fields);
  const { setField, setFields, fail, failWith, clear } = errors;
  const formId = useId();
  // The latest values for submit, whatever render the event comes from.
  const current = useRef(values);
  current.current = values;
  const running = useRef(false);
  const refused = useRef(false);

  const patch = useCallback(
    (changes: Partial<V>) => {
      const next = { ...current.current, ...changes };
      current.current = next;
      setValues(next);
      keepValues(keepKey, next);
      onChange?.(next);
      if (revalidate && refused.current) {
        const result = validateForm(next, schema, check, fields, toInput);
        // All fields pass now: the "check the fields" message goes too.
        if (result.ok) clear();
        else setFields(result.fields);
      }
    },
    [onChange, keepKey, revalidate, schema, check, fields, toInput, setFields, clear],
  );

  const set = useCallback(
    <K extends keyof V>(name: K, value: V[K]) => {
      patch({ [name]: value } as unknown as Partial<V>);
      if (typeof value === 'string' && (liveImageCheck as readonly PropertyKey[] | undefined)?.includes(name)) {
        setField(name as string, imageDataError(value));
      }
      const live = liveCheck?.[name];
      if (live) setField(name as string, live(value));
    },
    [patch, setField, liveImageCheck, liveCheck],
  );

  const submit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (running.current) return;
      onSubmitStart?.();
      const result = validateForm(current.current, schema, check, fields, toInput);
      refused.current = !result.ok;
      if (!result.ok) {
        const general =
          refusedText !== undefined && result.general === nl.logbook.errors.checkFields ? refusedText : result.general;
        fail(result.fields, general);
        return;
      }
      running.current = true;
      setBusy(true);
      clear();
      try {
        const output = await run(result.input, current.current, setProgress);
        clear();
        onDone?.(output, result.input);
      } catch (error) {
        if (describe) {
          const described = describe(error);
          fail(described.fields, described.general);
        } else failWith(error);
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [schema, toInput, check, fields, run, onDone, describe, refusedText, onSubmitStart, fail, failWith, clear],
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

  /** Props for an OwnFileInput inside a FieldFrame: the chosen file (or none) becomes the value. */
  function file<K extends FileKey<V>>(name: K) {
    return {
      key: `${name}-${generation}`,
      id: `${formId}-${name}`,
      name,
      error: error(name),
      onChange: (event: ChangeEvent<HTMLInputElement>) => set(name, (event.target.files?.[0] ?? null) as V[K]),
    };
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

  /** New values without a change event (no draft update), e.g. empty fields after saving; file inputs empty too. */
  const reset = useCallback(
    (changes: Partial<V>) => {
      const next = { ...current.current, ...changes };
      current.current = next;
      setValues(next);
      keepValues(keepKey, next);
      setGeneration((n) => n + 1);
    },
    [keepKey],
  );

  return {
    values,
    set,
    patch,
    reset,
    busy,
    progress,
    submit,
    // "Check the marked fields" once no field is marked any more (the worker fixed or emptied it) is stale: gone.
    general:
      Object.keys(errors.fields).length === 0 &&
      (errors.general === nl.logbook.errors.checkFields ||
        (refusedText !== undefined && errors.general === refusedText))
        ? null
        : errors.general,
    error,
    fieldErrors: errors.fields,
    setFieldError: setField,
    /** Shows errors found outside the hook (e.g. a confirmation step). */
    fail,
    failWith,
    /** Clears every error (e.g. when a new file is chosen). */
    clear,
    text,
    file,
    choice,
    aria,
    // autocomplete off for every control in the form, radios and checkboxes too (see controlProps).
    formProps: {
      ref: errors.form,
      noValidate: true,
      autoComplete: 'off',
      onSubmit: (event: FormEvent) => void submit(event),
    },
  };
}

/** The hook's result for values `V`, for components that render part of a form. */
export type OperationForm<V extends object> = ReturnType<typeof useOperationForm<V, unknown, unknown, never>>;

// Forms that keep their own state instead (settings sync and team, export)
// bind a TextField with these. They live here rather than in field.tsx, which
// is on the lock screen's critical path, and not in a chunk of their own.

/** `value` and `onChange` for a control bound to one string; `onValue` gets the new text, not the event. */
export function textValue(value: string, onValue: (value: string) => void) {
  return {
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      onValue(event.target.value),
  };
}

/** A code or id typed by hand (team id, invite code, chain anchor): no autofill, no spell check. */
export const typedCode = { autoComplete: 'off', spellCheck: false } as const;
