import { useId, type ReactNode } from 'react';
import './ui.css';

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  /** Extra line under the label, e.g. the meaning of a flag. */
  description?: ReactNode;
}

interface GroupFrameProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Lay options side by side where they fit (short labels). */
  inline?: boolean;
  children: (ids: { describedBy: string | undefined }) => ReactNode;
}

/** A fieldset with legend, hint and an announced error (WCAG 1.3.1, 3.3.1). */
function GroupFrame({ legend, hint, error, inline, children }: GroupFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const classes = ['field', 'choice-group', inline ? 'choice-group--inline' : null, error ? 'field--error' : null];
  return (
    <fieldset className={classes.filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      <div className="choice-group__options">{children({ describedBy })}</div>
      <p id={errorId} className="field__error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </fieldset>
  );
}

function OptionLabel<V extends string>({ option }: { option: ChoiceOption<V> }) {
  return (
    <span>
      {option.label}
      {option.description ? (
        <>
          <br />
          <small className="choice-group__description">{option.description}</small>
        </>
      ) : null}
    </span>
  );
}

/** One radio button or checkbox with its label. */
function OptionInput<V extends string>(props: {
  type: 'radio' | 'checkbox';
  name?: string;
  option: ChoiceOption<V>;
  checked: boolean;
  error?: string | null | undefined;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox">
      <input
        type={props.type}
        autoComplete="off"
        name={props.name}
        value={props.option.value}
        checked={props.checked}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <OptionLabel option={props.option} />
    </label>
  );
}

/** The fieldset part every choice group shares. */
type GroupProps = Omit<GroupFrameProps, 'children'>;

interface RadioGroupProps<V extends string> extends GroupProps {
  name: string;
  options: readonly ChoiceOption<V>[];
  value: V | '';
  onChange: (value: V) => void;
}

/** One choice out of a few, as native radio buttons with ≥ 44 px targets. */
export function RadioGroup<V extends string>({ name, options, value, onChange, ...group }: RadioGroupProps<V>) {
  return (
    <Choices
      type="radio"
      name={name}
      options={options}
      group={group}
      checked={(option) => value === option}
      onChange={(option) => onChange(option)}
    />
  );
}

interface CheckboxGroupProps<V extends string> extends GroupProps {
  options: readonly ChoiceOption<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  /** The result's order: the options' (default), or the order they were ticked in (the first is the main one). */
  order?: 'options' | 'chosen';
}

/** Several choices; the result keeps the options' order, or with `order="chosen"` the order of ticking. */
export function CheckboxGroup<V extends string>({
  options,
  value,
  onChange,
  order = 'options',
  ...group
}: CheckboxGroupProps<V>) {
  function toggle(option: V, checked: boolean) {
    if (order === 'chosen') {
      onChange(checked ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
      return;
    }
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  }
  return (
    <Choices
      type="checkbox"
      options={options}
      group={group}
      checked={(option) => value.includes(option)}
      onChange={toggle}
    />
  );
}

/** The fieldset with one input per option, for both kinds of group. */
function Choices<V extends string>(props: {
  type: 'radio' | 'checkbox';
  name?: string;
  options: readonly ChoiceOption<V>[];
  group: GroupProps;
  checked: (option: V) => boolean;
  onChange: (option: V, checked: boolean) => void;
}) {
  return (
    <GroupFrame {...props.group}>
      {() =>
        props.options.map((option) => (
          <OptionInput
            key={option.value}
            type={props.type}
            name={props.name}
            option={option}
            checked={props.checked(option.value)}
            error={props.group.error}
            onChange={(checked) => props.onChange(option.value, checked)}
          />
        ))
      }
    </GroupFrame>
  );
}
