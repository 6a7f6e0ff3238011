// The pieces the settings cards and forms share: a number chosen from a list,
// saved at once; the status line that says it was saved (or not); a new
// passphrase pair bound to a useOperationForm form (here, not in app/ui, to
// keep it off the lock screen's critical path).
import type { ReactNode } from 'react';
import type { Settings } from '../../../schema/settings';
import { LiveText } from '../../ui/live-text';
import type { PairBinding } from '../../ui/passphrase-pair';
import { SelectField } from '../../ui/select-field';
import type { useSettingSaver } from './use-setting-saver';

type NumberKey = { [K in keyof Settings]-?: Settings[K] extends number ? K : never }[keyof Settings];

/** Adds the current value when it is not one of the offered options. */
export function withCurrent(options: readonly number[], current: number): number[] {
  return [...new Set([...options, current])].sort((a, b) => a - b);
}

/** A numeric setting as a select of `options` (plus the current value), each worded by `text`. */
export function NumberSetting({
  saver,
  name,
  options,
  text,
  label,
  hint,
}: {
  saver: ReturnType<typeof useSettingSaver>;
  name: NumberKey;
  options: readonly number[];
  text: (n: number) => string;
  label: string;
  hint?: ReactNode;
}) {
  const value = saver.values[name];
  return (
    <SelectField
      label={label}
      hint={hint}
      value={String(value)}
      onChange={(event) => saver.save({ [name]: Number(event.target.value) })}
      options={withCurrent(options, value).map((n) => ({ value: String(n), label: text(n) }))}
    />
  );
}

/** "Bewaard." or why saving failed, announced politely. */
export function SettingStatus({ message }: { message: string | null }) {
  return <LiveText role="status" className="settings-status" message={message} />;
}

/**
 * The pair bound to two text fields of a useOperationForm form; its problems
 * show (and follow the typing) once the form marked either field.
 */
export function formPair<V extends Record<K, string>, K extends keyof V & string>(
  form: { values: V; set: <N extends keyof V>(name: N, value: V[N]) => void; error: (name: string) => string | null },
  value: K,
  confirm: K,
): PairBinding {
  return {
    value: form.values[value],
    confirm: form.values[confirm],
    onChange: (next) => form.set(value, next as V[K]),
    onConfirmChange: (next) => form.set(confirm, next as V[K]),
    showErrors: form.error(value) !== null || form.error(confirm) !== null,
  };
}
