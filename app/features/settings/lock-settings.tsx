import { useId } from 'react';
import { autoLockMinuteOptions, hiddenGraceSecondOptions } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { SelectField } from '../../ui/select-field';
import { useSettingSaver } from './use-setting-saver';

const t = nl.settings.security;

/** Adds the current value when it is not one of the offered options. */
export function withCurrent(options: readonly number[], current: number): number[] {
  return [...new Set([...options, current])].sort((a, b) => a - b);
}

/** Idle time before auto-lock and the grace period while hidden. */
export function LockSettings() {
  const headingId = useId();
  const { values: settings, save, message } = useSettingSaver();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.lockTitle}</h3>
      <SelectField
        label={t.autoLock}
        hint={t.autoLockHint}
        value={String(settings.autoLockMinutes)}
        onChange={(event) => save({ autoLockMinutes: Number(event.target.value) })}
        options={withCurrent(autoLockMinuteOptions, settings.autoLockMinutes).map((n) => ({
          value: String(n),
          label: t.minutes(n),
        }))}
      />
      <SelectField
        label={t.hiddenGrace}
        hint={t.hiddenGraceHint}
        value={String(settings.hiddenGraceSeconds)}
        onChange={(event) => save({ hiddenGraceSeconds: Number(event.target.value) })}
        options={withCurrent(hiddenGraceSecondOptions, settings.hiddenGraceSeconds).map((n) => ({
          value: String(n),
          label: t.seconds(n),
        }))}
      />
      <p role="status" className="settings-status">
        {message}
      </p>
    </section>
  );
}
