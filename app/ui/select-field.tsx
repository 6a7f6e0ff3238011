import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldFrame, controlProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectGroup {
  label: string;
  options: readonly SelectOption[];
}

type SelectFieldProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & {
  id?: string | undefined;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Flat options, or groups rendered as <optgroup>. */
  options: readonly SelectOption[] | readonly SelectGroup[];
  /** A first, empty option such as "Kies…". */
  placeholder?: string;
};

function isGrouped(options: readonly SelectOption[] | readonly SelectGroup[]): options is readonly SelectGroup[] {
  return options.length > 0 && 'options' in (options[0] as object);
}

/** A native <select> with label, hint and announced error. */
export function SelectField({ id, label, hint, error, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(ids) => (
        <select {...controlProps(ids, error)} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {isGrouped(options)
            ? options.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              ))
            : options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
        </select>
      )}
    </FieldFrame>
  );
}
