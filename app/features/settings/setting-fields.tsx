// The pieces every settings card shares: a number chosen from a list, saved
// at once, and the status line that says it was saved (or not).
import type { ReactNode } from 'react';
import type { Settings } from '../../../schema/settings';
import { LiveText } from '../../ui/live-text';
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
