import {
  useEffect,
  useId,
  useState,
  type ClipboardEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { shell } from '../i18n/nl/shell';

interface FieldFrameProps {
  /** A stable id for the control (e.g. from useOperationForm); generated when absent. */
  id?: string | undefined;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, hint and error wiring for one form control (WCAG 1.3.1, 3.3.1, 4.1.3). */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {children({ inputId, describedBy })}
      <p id={errorId} className="field__error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}

/**
 * The id and ARIA wiring every control inside a FieldFrame carries, and `autocomplete="off"` unless the
 * control names its own (a username, a password): with it, Chromium keeps what was typed neither in
 * its autofill database nor in the form state it writes to the session files on disk (a review found
 * unsaved facts and a follow-up's purpose there, in plain text, after lock).
 */
export function controlProps(
  ids: { inputId: string; describedBy: string | undefined },
  error: string | null | undefined,
) {
  return {
    id: ids.inputId,
    autoComplete: 'off',
    className: 'field__input',
    'aria-describedby': ids.describedBy,
    'aria-invalid': error ? true : undefined,
  } as const;
}

/**
 * A text control that waits (e.g. while its form is busy): read-only and
 * announced as unavailable, but still focusable, so focus is not dropped to
 * the page body the way a native `disabled` drops it.
 */
function waiting(disabled: boolean | undefined) {
  return disabled ? ({ readOnly: true, 'aria-disabled': true } as const) : {};
}

/** A control's own attributes plus what its FieldFrame shows. */
type Framed<Attributes> = Omit<Attributes, 'id'> & Omit<FieldFrameProps, 'children'>;

type TextFieldProps = Framed<InputHTMLAttributes<HTMLInputElement>> & {
  /**
   * With a `maxLength`, a full field says so at once: the browser cuts a longer paste without a word
   * (a review: a pasted name lost its end unnoticed). False for fields full by design (initials, an age).
   */
  noticeWhenFull?: boolean;
};

/** "Dit veld is vol …" under a field whose value reached its maxLength (when asked for). */
function FullNotice({ when, maxLength, value }: { when: boolean; maxLength?: number | undefined; value: unknown }) {
  return when && maxLength !== undefined && typeof value === 'string' && value.length >= maxLength ? (
    <p role="alert" className="field__full">
      {shell.fieldFull(maxLength)}
    </p>
  ) : null;
}

/**
 * How much of the last paste a field with a `maxLength` cut off (the browser drops it without a word;
 * a review pasted 20,000 characters into a note and was told only that the note was full), and the
 * paste handler that measures it. Zero again once the field has room.
 */
function usePasteCut(
  maxLength: number | undefined,
  value: unknown,
  onPaste: ((event: ClipboardEvent<HTMLInputElement & HTMLTextAreaElement>) => void) | undefined,
) {
  const [cut, setCut] = useState(0);
  const length = typeof value === 'string' ? value.length : 0;
  useEffect(() => {
    if (maxLength === undefined || length < maxLength) setCut(0);
  }, [length, maxLength]);
  const handle = (event: ClipboardEvent<HTMLInputElement & HTMLTextAreaElement>): void => {
    onPaste?.(event);
    // A paste refused (an image: the guard) or handled by the form puts nothing in.
    const field = event.currentTarget;
    if (event.defaultPrevented || maxLength === undefined || field.readOnly) return;
    const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
    const room = maxLength - (field.value.length - selected);
    const text = event.clipboardData.getData('text/plain');
    // A textarea keeps a line break as one character; a one-line field drops them.
    const pasted = (field instanceof HTMLTextAreaElement ? text.replace(/\r\n/g, '\n') : text.replace(/[\r\n]/g, ''))
      .length;
    setCut(pasted > room ? pasted - Math.max(0, room) : 0);
  };
  return { cut, onPaste: handle };
}

function PasteCut({ cut }: { cut: number }) {
  return cut > 0 ? (
    <p role="alert" className="field__full">
      {shell.pasteCut(cut)}
    </p>
  ) : null;
}

export function TextField({ id, label, hint, error, disabled, noticeWhenFull = true, ...input }: TextFieldProps) {
  const paste = usePasteCut(input.maxLength, input.value, input.onPaste);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(ids) => (
        <>
          <input {...controlProps(ids, error)} {...input} onPaste={paste.onPaste} {...waiting(disabled)} />
          {/* One notice at a time: a cut paste says more than "full". */}
          <FullNotice when={noticeWhenFull && paste.cut === 0} maxLength={input.maxLength} value={input.value} />
          <PasteCut cut={paste.cut} />
        </>
      )}
    </FieldFrame>
  );
}

/** Like TextField's: false where the form says it in its own words (the facts, a note). */
type TextAreaFieldProps = Framed<TextareaHTMLAttributes<HTMLTextAreaElement>> & { noticeWhenFull?: boolean };

export function TextAreaField({
  id,
  label,
  hint,
  error,
  disabled,
  noticeWhenFull = true,
  ...textarea
}: TextAreaFieldProps) {
  const paste = usePasteCut(textarea.maxLength, textarea.value, textarea.onPaste);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(ids) => (
        <>
          <textarea
            {...controlProps(ids, error)}
            className="field__input field__textarea"
            {...textarea}
            onPaste={paste.onPaste}
            {...waiting(disabled)}
          />
          <FullNotice when={noticeWhenFull && paste.cut === 0} maxLength={textarea.maxLength} value={textarea.value} />
          <PasteCut cut={paste.cut} />
        </>
      )}
    </FieldFrame>
  );
}
